// Annex tables converted to text arrive one cell per line. These documents are
// written in the shape of the annexes of Cần Thơ's resolutions ("Phụ lục I - Các
// mục tiêu và lộ trình thực hiện"), since the seeds themselves carry none.
#include "extractor/table_reader.h"

#include <gtest/gtest.h>

#include "extractor/table_grid.h"

#include "extractor/figure_extractor.h"
#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

std::vector<Figure> extract(const std::vector<std::string>& raw) {
  std::vector<RepairedLine> rep;
  for (const auto& l : raw) rep.push_back(repair_line(l));
  return extract_figures(default_lexicon(), raw, rep);
}

std::vector<TableGrid> tables(const std::vector<std::string>& raw) {
  std::vector<RepairedLine> rep;
  for (const auto& l : raw) rep.push_back(repair_line(l));
  return find_tables(default_lexicon(), raw, rep);
}

const Figure* find(const std::vector<Figure>& fs, uint32_t line) {
  for (const auto& f : fs)
    if (f.number_line == line) return &f;
  return nullptr;
}

TEST(TableReader, UnitColumnAndYearColumns) {
  std::vector<std::string> raw = {
      "Phụ lục I",                       // 1
      "CÁC MỤC TIÊU VÀ LỘ TRÌNH THỰC HIỆN GIAI ĐOẠN 2026 - 2030",  // 2
      "STT",                             // 3
      "Chỉ tiêu",                        // 4
      "Đơn vị tính",                     // 5
      "Ước thực hiện 2025",              // 6
      "Năm 2026",                        // 7
      "Mục tiêu đến năm 2030",           // 8
      "1",                               // 9
      "Tốc độ tăng trưởng GRDP",         // 10
      "%",                               // 11
      "7,2",                             // 12
      "10",                              // 13
      "10 - 10,5",                       // 14
      "2",                               // 15
      "GRDP bình quân đầu người",        // 16
      "Triệu đồng",                      // 17
      "128",                             // 18
      "140",                             // 19
      "215",                             // 20
      "3",                               // 21
      "Tỷ lệ đô thị hóa",                // 22
      "%",                               // 23
      "48",                              // 24
      "-",                               // 25
      "≥ 50",                            // 26
  };
  ASSERT_EQ(tables(raw).size(), 1u);
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 8u);

  const Figure* f = find(fs, 12);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->indicator.display(), "Tốc độ tăng trưởng GRDP");
  EXPECT_EQ(f->unit, "percent");
  EXPECT_DOUBLE_EQ(f->low, 7.2);
  EXPECT_EQ(f->year, "2025");
  EXPECT_EQ(kind_text(f->kind), "result");  // "Ước thực hiện" column
  EXPECT_EQ(comparator_text(f->comparator), "~");  // an estimate
  EXPECT_EQ(f->item, "1");
  EXPECT_EQ(f->quote, "7,2");

  f = find(fs, 14);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(comparator_text(f->comparator), "range");
  EXPECT_DOUBLE_EQ(f->low, 10);
  EXPECT_DOUBLE_EQ(f->high, 10.5);
  EXPECT_EQ(f->year, "2030");
  EXPECT_EQ(kind_text(f->kind), "target");

  f = find(fs, 20);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->unit, "VND/person");  // per-capita indicator, unit "Triệu đồng"
  EXPECT_DOUBLE_EQ(f->low, 215e6);

  // "-" is an empty cell: the next value still belongs to the 2030 column.
  f = find(fs, 26);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(comparator_text(f->comparator), ">=");
  EXPECT_EQ(f->year, "2030");
  EXPECT_EQ(find(fs, 25), nullptr);
}

TEST(TableReader, UnitInRowLabelAndSubRows) {
  std::vector<std::string> raw = {
      "II. MỤC TIÊU NĂM 2025",           // 1
      "",                                 // 2
      "TT",                               // 3
      "Chỉ tiêu",                         // 4
      "Kế hoạch 2025",                    // 5
      "1",                                // 6
      "Tổng vốn đầu tư phát triển toàn xã hội (Tỷ đồng)",  // 7
      "43.000",                           // 8
      "2",                                // 9
      "Cơ cấu kinh tế (%)",               // 10
      "2.1",                              // 11
      "Nông, lâm nghiệp, thủy sản (%)",   // 12
      "9,32",                             // 13
      "2.2",                              // 14
      "Dịch vụ (%)",                      // 15
      "54,10 - 54,75",                    // 16
  };
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 3u);
  const Figure* f = find(fs, 8);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->indicator.display(), "Tổng vốn đầu tư phát triển toàn xã hội");
  EXPECT_EQ(f->unit, "VND");
  EXPECT_DOUBLE_EQ(f->low, 43000e9);
  EXPECT_EQ(f->year, "2025");
  f = find(fs, 16);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->indicator.display(), "Cơ cấu kinh tế — Dịch vụ");
  EXPECT_EQ(f->indicator.parent, "Cơ cấu kinh tế");
  EXPECT_EQ(f->unit, "percent");
  EXPECT_DOUBLE_EQ(f->high, 54.75);
}

TEST(TableReader, ProseAndListsAreNotTables) {
  std::vector<std::string> raw = {
      "Nơi nhận:", "- Văn phòng Trung ương Đảng,", "- Quân khu 9,", "- Lưu Văn phòng Thành ủy.",
      "T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ", "Số đến: _5H9____", "Ngày: 2H _ L 8 _ L 2020",
  };
  EXPECT_TRUE(tables(raw).empty());
  EXPECT_TRUE(extract(raw).empty());
}

}  // namespace
}  // namespace chitieu
