// Tests for extractor/document_header.h: official headers (plain and wrapped
// by a Markdown conversion), press and portal texts, the document's own
// period and its genre. Every text here is a short header written for the test.
#include "extractor/document_header.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractor/header_text.h"
#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

DocumentHeader header_of(const std::vector<std::string>& raw) {
  std::vector<RepairedLine> lines;
  for (const std::string& r : raw) lines.push_back(repair_line(r));
  return read_document_header(default_lexicon(), lines);
}

TEST(DocumentHeaderTest, OfficialHeader) {
  DocumentHeader h = header_of({"ỦY BAN NHÂN DÂN", "HUYỆN MỘC HÓA", "Số: 15/KH-UBND",
                                "Mộc Hóa, ngày 03 tháng 02 năm 2027", "", "KẾ HOẠCH",
                                "Phát triển kinh tế - xã hội năm 2027", "", "Căn cứ Luật Tổ chức chính quyền địa phương;"});
  EXPECT_EQ(h.number, "15/KH-UBND");
  EXPECT_EQ(h.type, "Kế hoạch");
  EXPECT_EQ(h.issuer, "Ủy ban nhân dân HUYỆN MỘC HÓA");
  EXPECT_EQ(h.place, "Mộc Hóa");
  EXPECT_EQ(h.date, "2027-02-03");
  EXPECT_EQ(h.date_source, "header");
  EXPECT_EQ(h.title, "Phát triển kinh tế - xã hội năm 2027");
  EXPECT_EQ(h.period, "2027");
  EXPECT_EQ(h.period_line, 7);
  EXPECT_EQ(h.period_quote, "năm 2027");
  EXPECT_EQ(h.genre, DocumentGenre::kPlan);
  EXPECT_TRUE(h.official);
}

// A Markdown conversion cuts the header into table cells, wraps its lines
// and adds emphasis.
TEST(DocumentHeaderTest, OfficialHeaderWrappedByMarkdown) {
  DocumentHeader h = header_of({"|", "**VĂN PHÒNG CHÍNH", "PHỦ**", "-------", "|", "Số:", "81/TB-VPCP", "|",
                                "*Thành phố Hồ", "Chí Minh, ngày 07 tháng 3 năm 2027*", "|", "", "**THÔNG",
                                "BÁO**", "", "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI BUỔI LÀM VIỆC VỚI", "TỈNH ỦY BẾN TRE", "",
                                "Ngày 01 tháng 3 năm 2027, …"});
  EXPECT_EQ(h.issuer, "Văn phòng Chính phủ");  // not "Tỉnh ủy" from the title
  EXPECT_EQ(h.number, "81/TB-VPCP");
  EXPECT_EQ(h.place, "Thành phố Hồ Chí Minh");
  EXPECT_EQ(h.date, "2027-03-07");
  EXPECT_EQ(h.type, "Thông báo");
  EXPECT_EQ(h.title, "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI BUỔI LÀM VIỆC VỚI TỈNH ỦY BẾN TRE");
  EXPECT_EQ(h.genre, DocumentGenre::kReport);
  EXPECT_EQ(h.period, "");
}

// "Ngày …, <issuer> ban hành <type> số <number>": the act's date, not the
// article's time stamp.
TEST(DocumentHeaderTest, PressLeadParagraph) {
  DocumentHeader h = header_of({"HĐND huyện Đức Hòa thông qua 20 chỉ tiêu năm 2027", "Cập nhật: 09:30 | 18/12/2026",
                                "Ngày 16/12/2026, tại Kỳ họp thứ 9, HĐND huyện Đức Hòa khóa XII đã thông qua "
                                "Nghị quyết số 52/NQ-HĐND về nhiệm vụ năm 2027.",
                                "Theo đó, huyện phấn đấu tăng trưởng 9%."});
  EXPECT_EQ(h.title, "HĐND huyện Đức Hòa thông qua 20 chỉ tiêu năm 2027");
  EXPECT_EQ(h.issuer, "Hội đồng nhân dân huyện Đức Hòa");
  EXPECT_EQ(h.place, "Đức Hòa");
  EXPECT_EQ(h.number, "52/NQ-HĐND");
  EXPECT_EQ(h.type, "Nghị quyết");
  EXPECT_EQ(h.date, "2026-12-16");
  EXPECT_EQ(h.date_source, "text");
  EXPECT_EQ(h.period, "2027");
  EXPECT_EQ(h.period_line, 1);
  EXPECT_EQ(h.genre, DocumentGenre::kPlan);
  EXPECT_FALSE(h.official);
}

// A portal page: headline, dateline, and a lead whose issuer has a locality.
// The dateline's year is never the document's period.
TEST(DocumentHeaderTest, PortalDatelineIsTheDateButNeverThePeriod) {
  DocumentHeader h = header_of({"Ông Nguyễn Văn A tái đắc cử Bí thư Huyện ủy", "",
                                "Thứ Sáu, 16-10-2026, 20:15", "",
                                "Sáng 15/10, UBND tỉnh Tây Ninh tổ chức hội nghị tổng kết."});
  EXPECT_EQ(h.date, "2026-10-16");
  EXPECT_EQ(h.date_source, "dateline");
  EXPECT_EQ(h.issuer, "Ủy ban nhân dân tỉnh Tây Ninh");
  EXPECT_EQ(h.place, "Tây Ninh");
  EXPECT_EQ(h.period, "");
  EXPECT_EQ(h.genre, DocumentGenre::kNews);
}

TEST(DocumentHeaderTest, ReportReference) {
  DocumentHeader h = header_of({"MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2027", "",
                                "(Theo báo cáo số 210/BC-UBND ngày 02/12/2026)", "", "Stt"});
  EXPECT_EQ(h.number, "210/BC-UBND");
  EXPECT_EQ(h.type, "Báo cáo");
  EXPECT_EQ(h.issuer, "Ủy ban nhân dân");
  EXPECT_EQ(h.date, "2026-12-02");
  EXPECT_EQ(h.period, "2027");
  EXPECT_EQ(h.genre, DocumentGenre::kPlan);  // a list of targets, whatever its source
}

TEST(DocumentHeaderTest, QuestionAnswerPage) {
  DocumentHeader h = header_of({"# Mức trợ cấp tối đa cho người lao động nghỉ việc là bao nhiêu?", "",
                                "**Tôi có câu hỏi về mức trợ cấp. Câu hỏi của chị H. ở Cần Thơ.**", "",
                                "Căn cứ Điều 46 Bộ luật Lao động …"});
  EXPECT_EQ(h.title, "Mức trợ cấp tối đa cho người lao động nghỉ việc là bao nhiêu?");
  EXPECT_EQ(h.genre, DocumentGenre::kQuestionAnswer);
  EXPECT_EQ(h.number, "");  // "Căn cứ …" names another document
}

// A page quoting an article of an act names it, dated by its year alone; the
// act's type does not make the page a regulation.
TEST(DocumentHeaderTest, PageQuotingAnAct) {
  DocumentHeader h = header_of({"# Số lượng căn hộ dự kiến mở bán tại khu A", "",
                                "Theo khoản 6 Điều 1 Quyết định 01/QĐ-HĐQT năm 2026 được đăng tải kèm theo "
                                "Công bố của Sở Xây dựng, mục tiêu đầu tư như sau:", "",
                                "- Toà NOXH1 dự kiến mở bán 308 căn hộ."});
  EXPECT_EQ(h.type, "Quyết định");
  EXPECT_EQ(h.number, "01/QĐ-HĐQT");
  EXPECT_EQ(h.date, "2026");
  EXPECT_EQ(h.date_source, "text");
  EXPECT_NE(h.genre, DocumentGenre::kRegulation);
  h = header_of({"# Sơ bộ tổng mức đầu tư dự án là bao nhiêu?", "",
                 "Sơ bộ tổng mức đầu tư dự án là bao nhiêu? được quy định tại Điều 1 Quyết định 979/QĐ-TTg "
                 "năm 2026 như sau:"});
  EXPECT_EQ(h.number, "979/QĐ-TTg");
  EXPECT_EQ(h.date, "2026");
  // "Căn cứ tại" a part of it quotes it too, its year maybe bare; a legal
  // basis ("Căn cứ Nghị định …") does not.
  h = header_of({"# Tiến độ xây dựng dự án nhà ở xã hội", "",
                 "Căn cứ tại khoản 6 Điều 1 Quyết định 1347/QĐ-UBND 2026, có nêu tiến độ xây dựng dự án như sau:"});
  EXPECT_EQ(h.number, "1347/QĐ-UBND");
  EXPECT_EQ(h.date, "2026");
  h = header_of({"# Mức phạt vi phạm giao thông là bao nhiêu?", "",
                 "Căn cứ tại Nghị định 168/2024/NĐ-CP quy định mức phạt như sau:"});
  EXPECT_EQ(h.number, "");
  // … also when a later section first quotes it.
  h = header_of({"# Quy hoạch giao thông Khu công nghiệp sạch", "", "## Mua bán Căn hộ chung cư tại Hà Nội", "",
                 "- Tuyến đường vào khu công nghiệp có mặt cắt 20,25m.", "", "- Tuyến đường chính có mặt cắt 50m.", "",
                 "- Tuyến đường dọc có mặt cắt 31m.", "", "- Đường khu vực có lộ giới rộng từ 25m - 31m.", "",
                 "- Đường phân khu vực có lộ giới rộng 12m - 29m.", "", "## Vị trí lập quy hoạch", "",
                 "Vị trí, ranh giới: Khu công nghiệp nằm trên địa giới hành chính xã Kim Anh.", "",
                 "- Phía Bắc: giáp đất sản xuất nông nghiệp.", "", "- Phía Nam: giáp đường cao tốc.", "",
                 "- Phía Đông: giáp khu dân cư.", "", "## Quy hoạch tổng mặt bằng sử dụng đất", "",
                 "Theo khoản 5 Điều 1 Quyết định 481/QĐ-CNCCN năm 2026, quy hoạch tổng mặt bằng như sau:"});
  EXPECT_EQ(h.number, "481/QĐ-CNCCN");
  EXPECT_EQ(h.date, "2026");
  // A text citing an act it applies is not a page about that act.
  h = header_of({"Thông tư này hướng dẫn thực hiện quản lý lao động theo quy định tại Điều 1 Nghị định số "
                 "44/2026/NĐ-CP ngày 28/02/2026 của Chính phủ."});
  EXPECT_EQ(h.number, "");
}

// A question page about a plan's targets holds targets: its words decide.
TEST(DocumentHeaderTest, QuestionPageAboutAPlan) {
  DocumentHeader h = header_of({"# Toàn văn Nghị quyết 99/2026/QH15 về kế hoạch phát triển kinh tế - xã hội năm 2027 ra sao?",
                                "", "Ngày 12/11/2026, Quốc hội khóa XV đã thông qua Nghị quyết 99/2026/QH15."});
  EXPECT_EQ(h.number, "99/2026/QH15");
  EXPECT_EQ(h.issuer, "Quốc hội");
  EXPECT_EQ(h.date, "2026-11-12");
  EXPECT_EQ(h.period, "2027");  // not 2026 from the number
  EXPECT_EQ(h.genre, DocumentGenre::kPlan);
}

TEST(DocumentHeaderTest, Regulation) {
  DocumentHeader h = header_of({"HỘI ĐỒNG NHÂN DÂN", "TỈNH AN GIANG", "Số: 08/2026/NQ-HĐND",
                                "An Giang, ngày 10 tháng 7 năm 2026", "", "NGHỊ QUYẾT",
                                "Quy định mức thu học phí năm học 2026 - 2027", ""});
  EXPECT_EQ(h.genre, DocumentGenre::kRegulation);
  EXPECT_EQ(h.period, "2026-2027");

  DocumentHeader decision = header_of({"ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "Số: 120/QĐ-UBND", "",
                                       "QUYẾT ĐỊNH", "Về việc ban hành quy chế làm việc", ""});
  EXPECT_EQ(decision.genre, DocumentGenre::kRegulation);
  DocumentHeader approval = header_of({"ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "Số: 121/QĐ-UBND", "",
                                       "QUYẾT ĐỊNH", "Phê duyệt Kế hoạch phát triển du lịch năm 2027", ""});
  EXPECT_EQ(approval.genre, DocumentGenre::kPlan);
}

// The year in a number marks a legal normative document (since 2016), whatever
// its title; a resolution numbered without it, or the National Assembly's, is
// read by its title.
// A law's header names its type before the number, which has no dash.
TEST(DocumentHeaderTest, ALawsNumber) {
  DocumentHeader law = header_of({"QUỐC HỘI", "-------", "Luật số: 80/2026/QH15 | Hà Nội, ngày 24 tháng 6 năm 2026 |",
                                  "", "**LUẬT****CÁN BỘ, CÔNG CHỨC**", "",
                                  "Điều 31. Thời hạn bổ nhiệm công chức giữ chức vụ lãnh đạo, quản lý là 05 năm."});
  EXPECT_EQ(law.type, "Luật");
  EXPECT_EQ(law.number, "80/2026/QH15");
  EXPECT_EQ(law.genre, DocumentGenre::kRegulation);
  // A sentence about a resolution is no header.
  DocumentHeader news = header_of({"Nghị quyết số 201/2026/QH15 bao gồm một số cơ chế, chính sách đặc thù."});
  EXPECT_EQ(news.number, "");
}

TEST(DocumentHeaderTest, NumberWithItsYearIsARegulation) {
  DocumentHeader norms = header_of({"HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 48/2025/NQ-HĐND", "",
                                    "NGHỊ QUYẾT", "Về định mức phân bổ ngân sách năm 2026", ""});
  EXPECT_EQ(norms.genre, DocumentGenre::kRegulation);
  DocumentHeader plan = header_of({"HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ HÀ NỘI", "Số: 48/NQ-HĐND", "",
                                   "NGHỊ QUYẾT", "Về định mức phân bổ ngân sách năm 2026", ""});
  EXPECT_EQ(plan.genre, DocumentGenre::kPlan);
  DocumentHeader assembly = header_of({"QUỐC HỘI", "Số: 244/2025/QH15", "", "NGHỊ QUYẾT",
                                       "Về kế hoạch phát triển kinh tế - xã hội năm 2026", ""});
  EXPECT_EQ(assembly.genre, DocumentGenre::kPlan);
  DocumentHeader old_numbering = header_of({"HỘI ĐỒNG NHÂN DÂN", "TỈNH ĐỒNG NAI", "Số: 12/2014/NQ-HĐND", "",
                                            "NGHỊ QUYẾT", "Về nhiệm vụ năm 2015", ""});
  EXPECT_EQ(old_numbering.genre, DocumentGenre::kPlan);
}

TEST(DocumentHeaderTest, FormPage) {
  DocumentHeader h = header_of({"# Mẫu đơn đề nghị hỗ trợ học phí mới nhất", "", "Họ và tên: ………"});
  EXPECT_EQ(h.genre, DocumentGenre::kForm);
}

// A portal's document box gives number, type, issuer and date.
TEST(DocumentHeaderTest, PortalDocumentBox) {
  DocumentHeader h = header_of({"**Số hiệu:**", "|", "12/2026/TT-BYT", "|", "**Loại văn bản:** | Thông tư | "
                                "**Nơi ban hành:** | Bộ Y tế |", "**Ngày ban hành:** | 05/06/2026 |"});
  EXPECT_EQ(h.number, "12/2026/TT-BYT");
  EXPECT_EQ(h.type, "Thông tư");
  EXPECT_EQ(h.issuer, "Bộ Y tế");
  EXPECT_EQ(h.date, "2026-06-05");
  EXPECT_EQ(h.date_source, "portal");
  EXPECT_EQ(h.genre, DocumentGenre::kRegulation);
}

// The box gives the type, and the act's own header below it still gives the
// title (so the genre): a decision approving a programme is a plan. The box's
// rows of "|" alone do not use up the lines the header is looked for in.
TEST(DocumentHeaderTest, PortalBoxThenTheActsOwnHeader) {
  std::vector<std::string> raw = {"**Số hiệu:**", "|", "15/QĐ-UBND", "|", "**Loại văn bản:**", "|", "Quyết định"};
  for (int i = 0; i < 60; ++i) raw.push_back("|");
  for (const char* l : {"**ỦY BAN NHÂN DÂN**", "**TỈNH HÒA BÌNH**", "|", "Số: 15/QĐ-UBND", "|",
                        "*Hòa Bình, ngày 03 tháng 3 năm 2026*", "|", "**QUYẾT ĐỊNH**", "VỀ",
                        "VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2026 - 2030", "",
                        "*Căn cứ Luật Tổ chức chính quyền địa phương;*"})
    raw.push_back(l);
  DocumentHeader h = header_of(raw);
  EXPECT_EQ(h.type, "Quyết định");
  EXPECT_EQ(h.title, "VỀ VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2026 - 2030");
  EXPECT_EQ(h.period, "2026-2030");
  EXPECT_EQ(h.genre, DocumentGenre::kPlan);
}

// The enacting authority's line after a title ends it, unless the title runs
// on into it ("… THUỘC" / "ỦY BAN NHÂN DÂN CẤP XÃ").
TEST(DocumentHeaderTest, TheEnactingAuthorityEndsTheTitle) {
  DocumentHeader h = header_of({"**THỦ TƯỚNG CHÍNH PHỦ**", "Số: 20/QĐ-TTg", "**QUYẾT ĐỊNH**",
                                "VỀ VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ", "**THỦ TƯỚNG CHÍNH PHỦ**",
                                "*Căn cứ Luật Tổ chức Chính phủ;*"});
  EXPECT_EQ(h.title, "VỀ VIỆC PHÊ DUYỆT CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ");
  DocumentHeader run_on = header_of({"ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 5/2025/QĐ-UBND", "QUYẾT ĐỊNH",
                                     "PHÂN CẤP TUYỂN DỤNG VIÊN CHỨC THUỘC", "ỦY BAN NHÂN DÂN CẤP XÃ",
                                     "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "Căn cứ Luật Tổ chức chính quyền địa phương;"});
  EXPECT_EQ(run_on.title, "PHÂN CẤP TUYỂN DỤNG VIÊN CHỨC THUỘC ỦY BAN NHÂN DÂN CẤP XÃ");
}

TEST(DocumentHeaderTest, PeriodOfATitle) {
  struct Case {
    const char* title;
    const char* period;
  } cases[] = {
      {"Các chỉ tiêu chủ yếu đến năm 2030", "2030"},
      {"Chương trình giảm nghèo giai đoạn 2026 - 2030", "2026-2030"},
      {"Về kết quả thực hiện nhiệm vụ năm 2026 và mục tiêu, nhiệm vụ năm 2027", "2027"},
      {"Về phát triển đô thị đến năm 2030, tầm nhìn đến năm 2045", "2030"},
      {"Tăng trưởng cao nhất trong những năm gần đây", ""},
  };
  for (const Case& c : cases) {
    DocumentHeader h = header_of({"NGHỊ QUYẾT", c.title, ""});
    EXPECT_EQ(h.period, c.period) << c.title;
  }
}

// Text copied from an upper-case legacy font keeps its toned capitals in lower
// case ("NGHị QUYếT"): the header lines in capitals are still read as such.
TEST(DocumentHeaderTest, FontMappedCapitals) {
  EXPECT_TRUE(is_upper_text("NGHị QUYếT"));
  EXPECT_TRUE(is_upper_text("CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM"));
  EXPECT_FALSE(is_upper_text("Về"));
  EXPECT_FALSE(is_upper_text("Nghị quyết"));
  DocumentHeader h = header_of({"HộI ĐồNG NHÂN DÂN", "TỉNH HậU GIANG", "Số: 21/NQ-HĐND",
                                "Vị Thanh, ngày 08 tháng 12 năm 2027", "", "NGHị QUYếT",
                                "Về kế hoạch phát triển kinh tế - xã hội năm 2028", "",
                                "Căn cứ Luật Tổ chức chính quyền địa phương;"});
  EXPECT_EQ(h.type, "Nghị quyết");
  EXPECT_EQ(h.number, "21/NQ-HĐND");
  EXPECT_EQ(h.issuer.rfind("Hội đồng nhân dân", 0), 0u) << h.issuer;
  EXPECT_EQ(h.title, "Về kế hoạch phát triển kinh tế - xã hội năm 2028");
  EXPECT_EQ(h.period, "2028");
  EXPECT_EQ(h.genre, DocumentGenre::kPlan);
}

// A hard wrap cuts a title line and leaves a blank line between the pieces:
// the title goes on when the next piece starts with a small letter or the
// cut one ends with a word that cannot end a title ("và"); a heading in
// capitals after a blank line still ends it.
TEST(DocumentHeaderTest, TitleWrappedOverABlankLine) {
  DocumentHeader h = header_of({"Số: 30/KH-UBND", "Long An, ngày 02 tháng 01 năm 2028", "", "KẾ HOẠCH", "",
                                "Thực hiện các chỉ tiêu phát triển kinh tế - xã hội của tỉnh và", "",
                                "Chương trình chuyển đổi số giai đoạn 2026 - 2030", "",
                                "I. MỤC ĐÍCH, YÊU CẦU"});
  EXPECT_EQ(h.title,
            "Thực hiện các chỉ tiêu phát triển kinh tế - xã hội của tỉnh và Chương trình chuyển đổi số giai "
            "đoạn 2026 - 2030");
  EXPECT_EQ(h.period, "2026-2030");
  h = header_of({"Số: 31/KH-UBND", "Long An, ngày 02 tháng 01 năm 2028", "", "KẾ HOẠCH", "",
                 "Thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh", "",
                 "năm 2028 trên địa bàn tỉnh", "", "HỘI ĐỒNG NHÂN DÂN TỈNH LONG AN KHÓA XI"});
  EXPECT_EQ(h.title, "Thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh năm 2028 trên địa bàn tỉnh");
  EXPECT_EQ(h.period, "2028");
  // Single-spaced: a blank line after a title line that is whole ends it.
  h = header_of({"Số: 32/KH-UBND", "Long An, ngày 02 tháng 01 năm 2028", "", "KẾ HOẠCH",
                 "Tuyên truyền Nghị quyết năm 2028", "", "Phòng Văn hóa chủ trì giai đoạn 2026 - 2030"});
  EXPECT_EQ(h.title, "Tuyên truyền Nghị quyết năm 2028");
  EXPECT_EQ(h.period, "2028");
}

// A converter that writes a blank line after every line: blank lines no
// longer end the title, a rule ("-----") or a heading in capitals does.
TEST(DocumentHeaderTest, TitleOfADoubleSpacedText) {
  DocumentHeader h = header_of({"CHƯƠNG TRÌNH", "", "thực hiện Kết luận số 15-KL/TW ngày 12/5/2027", "",
                                "Hội nghị lần thứ tư Ban Chấp hành Đảng bộ tỉnh", "",
                                "về phát triển nông nghiệp năm 2027 - 2028", "", "-----", "",
                                "Quán triệt Kết luận số 15-KL/TW, Ban Thường vụ Tỉnh ủy", "",
                                "xây dựng chương trình thực hiện như sau:", "", "I- MỤC ĐÍCH, YÊU CẦU", "",
                                "1. Triển khai đồng bộ các mục tiêu, nhiệm vụ của Kết luận;", "",
                                "2. Nâng cao trách nhiệm của các cấp ủy, chính quyền;", ""});
  EXPECT_EQ(h.type, "Chương trình");
  EXPECT_EQ(h.title,
            "thực hiện Kết luận số 15-KL/TW ngày 12/5/2027 Hội nghị lần thứ tư Ban Chấp hành Đảng bộ tỉnh về "
            "phát triển nông nghiệp năm 2027 - 2028");
  EXPECT_EQ(h.period, "2027-2028");
}

// A press headline cut by a hard wrap is read whole.
TEST(DocumentHeaderTest, HeadlineWrappedOverABlankLine) {
  DocumentHeader h = header_of({"Hội đồng nhân dân tỉnh Bình Phước thông qua các chỉ tiêu phát triển", "",
                                "kinh tế - xã hội năm 2028 với mục tiêu tăng trưởng 8%", "",
                                "Sáng 10/12, Hội đồng nhân dân tỉnh khai mạc kỳ họp thứ mười."});
  EXPECT_EQ(h.title,
            "Hội đồng nhân dân tỉnh Bình Phước thông qua các chỉ tiêu phát triển kinh tế - xã hội năm 2028 với "
            "mục tiêu tăng trưởng 8%");
  EXPECT_EQ(h.period, "2028");
}

// A headline without a year: the act its lead names gives the period.
TEST(DocumentHeaderTest, PeriodOfTheActTheLeadNames) {
  DocumentHeader h = header_of({"# Quy hoạch sử dụng đất của Khu kinh tế Đông Nam sau điều chỉnh", "",
                                "Ngày 21/11/2028, UBND tỉnh Quảng Trị ban hành Quyết định 2745/QĐ-UBND về việc phê "
                                "duyệt Quy hoạch chung xây dựng Khu kinh tế Đông Nam đến năm 2035, tầm nhìn đến năm "
                                "2050, tỷ lệ 1/10.000. Năm 2029 tỉnh sẽ lập quy hoạch mới."});
  EXPECT_EQ(h.number, "2745/QĐ-UBND");
  EXPECT_EQ(h.date, "2028-11-21");
  EXPECT_EQ(h.period, "2035");
  EXPECT_EQ(h.period_line, 3);
  EXPECT_EQ(h.period_quote, "đến năm 2035");
}

// A decision approving a project plans it: its investment and areas are
// targets, not a regulation's thresholds; a draft law's page stays a regulation.
TEST(DocumentHeaderTest, ADecisionApprovingAProjectPlans) {
  DocumentHeader h = header_of({"QUYẾT ĐỊNH", "Phê duyệt điều chỉnh dự án đầu tư xây dựng Khu đô thị Hòa Hải", "",
                                "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ"});
  EXPECT_EQ(h.genre, DocumentGenre::kPlan);
  EXPECT_EQ(header_of({"# Thông tin dự án Khu đô thị Nam Chính xã Phú Xuyên", "",
                       "Dự án có quy mô 45 ha, tổng mức đầu tư 2.500 tỷ đồng."})
                .genre,
            DocumentGenre::kPlan);
  EXPECT_EQ(header_of({"# Toàn văn dự án Luật Thuế thu nhập cá nhân sửa đổi", "", "Theo dự thảo, mức thuế là 17%."})
                .genre,
            DocumentGenre::kRegulation);
}

// A wiki's edit links make an encyclopedia article, whatever speech it quotes.
TEST(DocumentHeaderTest, AnEncyclopediaArticleByItsEditLinks) {
  DocumentHeader h = header_of({"# Tác động của bão Yagi tại Việt Nam", "",
                                "[sửa | sửa mã nguồn]Theo ông Nguyễn Văn A, thiệt hại ước tính 81.500 tỷ đồng."});
  EXPECT_EQ(h.genre, DocumentGenre::kReference);
  EXPECT_EQ(header_of({"# Tác động của bão Yagi tại Việt Nam", "",
                       "Theo ông Nguyễn Văn A, thiệt hại ước tính 81.500 tỷ đồng."})
                .genre,
            DocumentGenre::kNews);
}

TEST(DocumentHeaderTest, GenreNamesRoundTrip) {
  for (DocumentGenre g : {DocumentGenre::kUnknown, DocumentGenre::kPlan, DocumentGenre::kReport,
                          DocumentGenre::kRegulation, DocumentGenre::kForm, DocumentGenre::kQuestionAnswer,
                          DocumentGenre::kNews, DocumentGenre::kReference})
    EXPECT_EQ(genre_from_name(genre_name(g)), g) << genre_name(g);
  EXPECT_STREQ(genre_name(DocumentGenre::kQuestionAnswer), "question_answer");
}

}  // namespace
}  // namespace chitieu
