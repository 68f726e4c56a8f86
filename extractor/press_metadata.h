// What a press article or portal page says about the document it reports on,
// where there is no official header: the headline (its first line), the
// dateline ("20:03 11-12-2023", "Thứ Năm, 15-10-2020, 21:49", "Cập nhật:
// 08:15 | 20/12/2024"), and the lead, whose sentences name the act:
//   "Ngày 9/12/2022, HĐND tỉnh ban hành Nghị quyết số 11/NQ-HĐND về …"
//     -> issuer, type, number and the date of the act;
//   "(Theo báo cáo số 438/BC-UBND ngày 04/12/2020)" -> type, number, date;
//   "Kỳ họp thứ 16, HĐND tỉnh thông qua", "UBND tỉnh Gia Lai tổ chức hội nghị"
//     -> issuer, and the locality written after it as the place ("Gia Lai").
// The date is the act's or the report's where the text gives one, and the
// dateline (the article's time stamp) only where it does not (date_source
// says which). Fields the official header already gave are kept.
#ifndef CHITIEU_EXTRACTOR_PRESS_METADATA_H_
#define CHITIEU_EXTRACTOR_PRESS_METADATA_H_

#include <string>
#include <vector>

#include "extractor/document_header.h"
#include "extractor/header_text.h"
#include "normalizer/lexicon.h"

namespace chitieu {

// What the reader saw, for the genre (document_genre.h).
struct PressMetadata {
  std::string headline;      // the first line when it reads as a headline (no official header)
  size_t headline_line = 0;  // 0-based
  bool dateline = false;     // an article's time stamp
  bool lead = false;         // a lead sentence naming an act ("… HĐND tỉnh ban hành …")
  // What the lead says of the document it names, from the act's verb to the
  // end of that sentence ("ban hành Quyết định 2745/QĐ-UBND về việc phê duyệt
  // … đến năm 2035, tầm nhìn đến năm 2050"): its title when the headline
  // names no year.
  std::string act_words;
  size_t act_line = 0;  // 0-based
  // The text quotes a part of the act it names ("Theo khoản 5 Điều 1 Quyết
  // định 481/QĐ-CNCCN năm 2025, …", "… được quy định tại Điều 1 Quyết định
  // 946/QĐ-TTg năm 2025 như sau:"): a page about that act, not the act, so
  // the act's type says nothing of the page's genre.
  bool quotes_act = false;
};

PressMetadata read_press_metadata(const Lexicon& lex, const std::vector<HeaderLine>& lines,
                                  DocumentHeader* header);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_PRESS_METADATA_H_
