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

// One cell per line with blank lines between the cells; the value cells hold
// prose. The STT is never a figure; the estimate column of a year after the
// report's date is a plan.
TEST(TableReader, CellPerLineWithBlankLinesAndProseCells) {
  std::vector<std::string> raw = {
      "MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2027",          // 1
      "(Theo tờ trình ngày 20/11/2026)",          // 2
      "", "STT", "", "Chỉ tiêu", "", "Ước TH năm 2027", "",  // 3-9
      "1", "", "Thu ngân sách trên địa bàn (Tỷ đồng)", "",   // 10-13
      "4.150 (tăng 6% so với năm 2026)", "",                 // 14-15
      "2", "", "Số xã đạt chuẩn nông thôn mới", "",          // 16-19
      "05 - 06", "",                                         // 20-21
      "3", "", "Tỷ lệ hộ nghèo", "",                         // 22-25
      "dưới 1,5%",                                           // 26
  };
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 4u);
  for (const Figure& f : fs) {
    EXPECT_EQ(f.year, "2027");
    EXPECT_EQ(kind_text(f.kind), "target");  // "Ước TH năm 2027" written in 2026
    EXPECT_NE(f.number_line, 10u);
    EXPECT_NE(f.number_line, 16u);
  }
  EXPECT_EQ(fs[0].unit, "VND");
  EXPECT_DOUBLE_EQ(fs[0].low, 4150e9);
  EXPECT_EQ(fs[0].quote, "4.150");
  EXPECT_EQ(fs[0].item, "1");
  EXPECT_EQ(fs[1].unit, "percent");  // its own unit, written in the cell
  EXPECT_DOUBLE_EQ(fs[1].low, 6);
  EXPECT_EQ(fs[1].change, Change::kIncrease);
  EXPECT_EQ(fs[1].quote, "6%");
  EXPECT_EQ(fs[2].unit, "count");  // the label opens with what it counts
  EXPECT_EQ(fs[2].counted, "xã");
  EXPECT_EQ(comparator_text(fs[2].comparator), "range");
  EXPECT_EQ(comparator_text(fs[3].comparator), "<");
}

// Markdown rows: a "Kế hoạch" column of targets, an "Ước thực hiện" column of
// estimated results, the unit column, a sub-row under its numbered row.
TEST(TableReader, PipeRowsWithUnitColumn) {
  std::vector<std::string> raw = {
      "Ngày 10 tháng 12 năm 2025",                                    // 1
      "| TT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Ước thực hiện 2025 |",  // 2
      "|---|---|---|---|---|",                                       // 3
      "| 1 | Tổng vốn đầu tư | Tỷ đồng | 9.000 | 9.250 |",             // 4
      "| | - Tỷ lệ so với GRDP | % | 35 | |",                          // 5
      "| 2 | Số bác sĩ/vạn dân | Bác sĩ | 10 | 10,4 |",                // 6
  };
  ASSERT_EQ(tables(raw).size(), 1u);
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 5u);
  EXPECT_EQ(fs[0].unit, "VND");
  EXPECT_DOUBLE_EQ(fs[0].low, 9000e9);
  EXPECT_EQ(kind_text(fs[0].kind), "target");
  EXPECT_EQ(comparator_text(fs[0].comparator), "=");
  EXPECT_EQ(fs[0].year, "2025");
  EXPECT_EQ(kind_text(fs[1].kind), "result");
  EXPECT_EQ(comparator_text(fs[1].comparator), "~");
  EXPECT_EQ(fs[1].quote, "9.250");
  EXPECT_EQ(fs[1].char_start, 42u);  // code points in the raw line
  EXPECT_EQ(fs[2].indicator.parent, "Tổng vốn đầu tư");
  EXPECT_EQ(fs[2].indicator.sub, "Tỷ lệ so với GRDP");
  EXPECT_EQ(fs[2].item, "1");  // the numbered row's STT
  EXPECT_EQ(fs[2].unit, "percent");
  EXPECT_EQ(fs[3].unit, "count/10k_people");  // the label says more than "Bác sĩ"
}

// A row label naming a year dates the row where its column does not.
TEST(TableReader, ARowLabelsYearDatesItsRow) {
  std::vector<std::string> raw = {
      "| Chỉ tiêu | Đơn vị | Kế hoạch |",                 // 1
      "|---|---|---|",                                   // 2
      "| Diện tích | ha | 28.411 |",                     // 3
      "| Dân số năm 2019 | người | 63.046 |",             // 4
  };
  ASSERT_EQ(tables(raw).size(), 1u);
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].year, "");
  EXPECT_EQ(fs[1].unit, "person");
  EXPECT_EQ(fs[1].year, "2019");
}

// A bound in a column's header ("Số lượng tối đa (xe/đơn vị)") holds for
// its cells.
TEST(TableReader, ABoundInAHeaderHoldsForItsCells) {
  std::vector<std::string> raw = {
      "| STT | Cơ quan, đơn vị | Số lượng tối đa (xe/đơn vị) | Mức hỗ trợ tối thiểu (%) |",  // 1
      "|---|---|---|---|",                                                            // 2
      "| 1 | Trung tâm Văn hóa huyện A | 1 | 30 |",                                    // 3
  };
  ASSERT_EQ(tables(raw).size(), 1u);
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(comparator_text(fs[0].comparator), "<=");
  EXPECT_EQ(comparator_text(fs[1].comparator), ">=");
}

// A unit in a header's closing bracket ("NS xã (%)") is its cells' unit,
// over a counted noun in the row label ("Xã Gia Lâm").
TEST(TableReader, AHeadersUnitHoldsForItsCells) {
  std::vector<std::string> raw = {
      "| STT | Nội dung | NS Thành phố (%) | NS xã (%) |",  // 1
      "|---|---|---|---|",                                // 2
      "| 1 | Xã Gia Lâm | 96 | 4 |",                      // 3
      "| 2 | Phường Láng | 68 | 32 |",                    // 4
  };
  ASSERT_EQ(tables(raw).size(), 1u);
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 4u);
  for (const Figure& f : fs) EXPECT_EQ(f.unit, "percent") << f.quote;
  EXPECT_DOUBLE_EQ(fs[1].low, 4);
}

// A row label opening with what it counts gives its cells that unit; "Hỗ trợ"
// (support) folds onto "hộ" (households) but counts nothing.
TEST(TableReader, ALabelOpeningWithAVerbCountsNothing) {
  std::vector<std::string> raw = {
      "| STT | Nội dung | Số lượng |",                  // 1
      "|---|---|---|",                                  // 2
      "| 1 | Hộ nghèo được vay vốn | 120 |",            // 3
      "| 2 | Hỗ trợ tiền ăn cho đại biểu | 100 |",      // 4
  };
  std::vector<Figure> fs = extract(raw);
  const Figure* households = find(fs, 3);
  ASSERT_NE(households, nullptr);
  EXPECT_EQ(households->unit, "count");
  EXPECT_EQ(households->counted, "Hộ nghèo");
  const Figure* support = find(fs, 4);
  EXPECT_TRUE(support == nullptr || support->counted != "Hỗ") << support->counted;
}

// Markdown rows without the separator, a change column.
TEST(TableReader, PipeRowsWithoutSeparatorAndChangeColumn) {
  std::vector<std::string> raw = {
      "| STT | Chỉ tiêu | Thực hiện 2024 | Tăng/giảm (%) |",  // 1
      "| 1 | Sản lượng lúa (nghìn tấn) | 1.250 | 3,2 |",      // 2
      "| 2 | Dân số trung bình (nghìn người) | 820 | 1,1 |",  // 3
  };
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 4u);
  EXPECT_EQ(fs[0].unit, "ton");
  EXPECT_DOUBLE_EQ(fs[0].low, 1250e3);
  EXPECT_EQ(kind_text(fs[0].kind), "result");
  EXPECT_EQ(comparator_text(fs[0].comparator), "=");  // "thực hiện" is no estimate
  EXPECT_EQ(fs[1].unit, "percent");
  EXPECT_DOUBLE_EQ(fs[1].low, 3.2);
  EXPECT_EQ(fs[1].change, Change::kIncrease);
  EXPECT_EQ(fs[2].unit, "person");
}

TEST(TableReader, TabSeparatedRows) {
  std::vector<std::string> raw = {
      "STT\tChỉ tiêu\tĐơn vị tính\tNăm 2026\tNăm 2027",
      "1\tTỷ lệ đô thị hóa\t%\t42\t44",
      "2\tThu nhập bình quân đầu người\tTriệu đồng\t75\t82",
  };
  std::vector<TableGrid> ts = tables(raw);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].shape, TableShape::kTabRows);
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 4u);
  EXPECT_EQ(fs[1].year, "2027");
  EXPECT_EQ(fs[1].quote, "44");
  EXPECT_EQ(fs[3].unit, "VND/person");
  EXPECT_DOUBLE_EQ(fs[3].low, 82e6);
}

// A hard-wrapped Markdown conversion: a lone "|" between cells, "||" both an
// empty cell and the seam between rows, a two-row header whose first cell
// spans the row below, column numbers in emphasis, a label wrapped over lines.
TEST(TableReader, HardWrappedMarkdown) {
  std::vector<std::string> raw = {
      "|", "**STT**", "|", "**Chỉ tiêu**", "|", "**Đơn vị**", "|", "**Năm 2025**", "|",
      "**Giai đoạn 2026-2028**", "|",                       // 1-11
      "|", "Kế hoạch", "|", "Ước thực hiện", "|",           // 12-16
      "|", "*1*", "|", "*2*", "|", "*3*", "|", "*4*", "|", "*5*", "|", "*6*", "|",  // 17-29
      "|", "1", "|", "Tổng sản phẩm trên", "địa bàn (GRDP)", "|", "Tỷ đồng", "|",  // 30-37
      "50.000", "|", "49.800", "|", "170.000", "|",         // 38-43
      "|", "", "|", "*Tốc độ tăng*", "|", "*%*", "|", "|",  // 44-51
      "7,5", "|", "8 - 9", "|",                             // 52-55
  };
  std::vector<TableGrid> ts = tables(raw);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].shape, TableShape::kWrappedPipes);
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 5u);
  EXPECT_EQ(fs[0].number_line, 38u);
  EXPECT_EQ(fs[0].year, "2025");
  EXPECT_EQ(kind_text(fs[0].kind), "target");
  EXPECT_EQ(fs[0].indicator.sub, "Tổng sản phẩm trên địa bàn (GRDP)");
  EXPECT_EQ(fs[1].year, "2025");
  EXPECT_EQ(kind_text(fs[1].kind), "result");
  EXPECT_EQ(comparator_text(fs[1].comparator), "~");
  EXPECT_EQ(fs[2].year, "2026-2028");
  // The sub-row: its first value cell is empty, the next two are read.
  EXPECT_EQ(fs[3].number_line, 52u);
  EXPECT_EQ(fs[3].item, "1");
  EXPECT_EQ(fs[3].year, "2025");
  EXPECT_EQ(kind_text(fs[3].kind), "result");
  EXPECT_EQ(fs[3].quote, "7,5");
  EXPECT_EQ(fs[4].year, "2026-2028");
  EXPECT_EQ(comparator_text(fs[4].comparator), "range");
}

// An annex of a programme in the same shape: the title in the header's first
// cell, section rows "I | Giai đoạn 2025-2027" with fewer empty cells than a
// row has, a label wrapped after a comma, a column saying when.
TEST(TableReader, HardWrappedAnnexWithTitleSectionsAndASchedule) {
  std::vector<std::string> raw = {
      "|", "**PHỤ LỤC I**", "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ", "*(Kèm theo Quyết định số 12/QĐ-UBND)*",  // 1-4
      "|", "**TT**", "|", "**Chỉ tiêu**", "|", "**Đơn vị**", "|", "**Kết quả**", "|",  // 5-13
      "**Thời gian thực hiện**", "|", "|",                                              // 14-16
      "**I**", "|", "**Giai đoạn 2025-2027**", "|", "|",                                // 17-21
      "1", "|", "Tỉ lệ hồ sơ được số hóa,", "lưu trữ điện tử.", "|", "%", "|",         // 22-28
      "90%", "|", "2025 - 2027", "|", "|",                                              // 29-33
      "2", "|", "Tỉ lệ dịch vụ công trực tuyến", "|", "%", "|", "80%", "|", "2025", "|", "|",  // 34-44
      "**II**", "|", "**Giai đoạn 2028-2030**", "|", "|",                               // 45-49
      "1", "|", "Tỉ lệ người dân hài lòng", "|", "%", "|", "99%", "|", "2028 - 2030", "|", "|",  // 50-60
      "2", "|", "Tỉ lệ dịch vụ công trực tuyến", "|", "%", "|", "100%", "|", "2030", "|",  // 61-70
  };
  std::vector<TableGrid> ts = tables(raw);
  ASSERT_EQ(ts.size(), 1u);
  ASSERT_FALSE(ts[0].title.empty());
  EXPECT_EQ(ts[0].title[0].text, "PHỤ LỤC I DANH MỤC CÁC CHỈ TIÊU CỤ THỂ (Kèm theo Quyết định số 12/QĐ-UBND)");
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 4u) << "no figure from the schedule column";
  EXPECT_EQ(fs[0].quote, "90%");
  EXPECT_EQ(fs[0].indicator.sub, "Tỉ lệ hồ sơ được số hóa, lưu trữ điện tử.");
  EXPECT_EQ(fs[0].year, "2025-2027");
  EXPECT_EQ(fs[1].year, "2025-2027");
  EXPECT_EQ(fs[2].quote, "99%");
  EXPECT_EQ(fs[2].year, "2028-2030");
  EXPECT_EQ(fs[3].quote, "100%");
  EXPECT_EQ(fs[3].year, "2028-2030");
}

// A cell too long to be read as one (five lines) cuts the wrapped table; the
// rows after it, of the same width and no header, are still the table's: the
// header's bound holds for them.
TEST(TableReader, AWrappedTableCutByALongCellGoesOn) {
  std::vector<std::string> raw = {"|", "**STT**", "|", "**Cơ quan, đơn vị**", "|", "**Số lượng tối đa (xe/đơn vị)**", "|",
                                  "**Nhiệm vụ**", "|", "|"};
  auto row = [&](const std::string& stt, const std::string& unit, std::vector<std::string> task) {
    for (const std::string& l : {stt, std::string("|"), unit, std::string("|"), std::string("1"), std::string("|")})
      raw.push_back(l);
    for (const std::string& l : task) raw.push_back(l);
    raw.push_back("|");
    raw.push_back("|");
  };
  row("1", "Trung tâm Y tế tỉnh", {"Chở hàng cứu trợ"});
  row("2", "Trung tâm Y tế huyện", {"Phục vụ công tác vận", "chuyển hàng hóa, nhu yếu phẩm, vật tư y tế,",
                                    "trang thiết bị phục vụ công tác cứu trợ", "nhân đạo trong tình huống thiên tai",
                                    "và hiến máu tình nguyện"});
  row("3", "Trung tâm Văn hóa phường Mỹ Lâm", {"Phục vụ công tác trật tự đô thị"});
  row("4", "Trung tâm Văn hóa xã Tân Trào", {"Phục vụ công tác trật tự đô thị"});
  std::vector<TableGrid> ts = tables(raw);
  ASSERT_EQ(ts.size(), 1u);
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 4u);
  for (const Figure& f : fs) EXPECT_EQ(comparator_text(f.comparator), "<=") << f.number_line;
  EXPECT_EQ(fs.back().indicator.sub, "Trung tâm Văn hóa xã Tân Trào");
}

}  // namespace
}  // namespace chitieu

namespace chitieu {
namespace {

TEST(TableReader, AColumnComparedWithAnotherYearKeepsItsOwn) {
  std::vector<std::string> raw = {
      "| TT | Chỉ tiêu | ĐVT | Dự toán 2026 | DT 2026 so với UTH 2025 (%) |",
      "|---|---|---|---|---|",
      "| 1 | Tổng thu ngân sách | Tỷ đồng | 12.000 | 113,2 |",
      "| 2 | Chi đầu tư phát triển | Tỷ đồng | 4.500 | 108,5 |",
  };
  std::vector<Figure> fs = extract(raw);
  ASSERT_EQ(fs.size(), 4u);
  for (const Figure& f : fs) EXPECT_EQ(f.year, "2026") << f.quote;
}

}  // namespace
}  // namespace chitieu
