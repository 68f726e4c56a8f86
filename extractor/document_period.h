// The year or period a document names as its own, read from its title or
// headline: "Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2023" ->
// "2023"; "… giai đoạn 2026 - 2030" -> "2026-2030"; "Các chỉ tiêu chủ yếu đến
// năm 2025" -> "2025". Of several, the last that is neither a comparison base
// ("so với năm 2024") nor a vision ("tầm nhìn đến năm 2045") — a title of
// results and targets names the targets' year last ("kết quả năm 2024 và
// mục tiêu năm 2025"). Years inside document numbers ("244/2025/QH15") and
// dates are not periods; a dateline is never read, only the title.
#ifndef CHITIEU_EXTRACTOR_DOCUMENT_PERIOD_H_
#define CHITIEU_EXTRACTOR_DOCUMENT_PERIOD_H_

#include <string>

#include "extractor/document_header.h"
#include "normalizer/lexicon.h"

namespace chitieu {

// Sets header->period, period_line (1-based, from the 0-based `title_line`)
// and period_quote from `title`; leaves them empty when it names none.
void read_document_period(const Lexicon& lex, const std::string& title, size_t title_line,
                          DocumentHeader* header);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_DOCUMENT_PERIOD_H_
