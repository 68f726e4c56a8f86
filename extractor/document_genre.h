// The genre of a document, from what its header and first lines say:
//  1. an official header's type (data/doc_types.tsv), refined by its title
//     (data/genre_words.tsv: "Quyết định phê duyệt Kế hoạch …" is a plan,
//     "Nghị quyết quy định mức thu …" a regulation), else by its number: one
//     with the year since 2016, "48/2025/NQ-HĐND", is a legal normative
//     document (a regulation), save the National Assembly's "…/QH15";
//  2. else the words of the headline or title (genre_words.tsv, rows "*":
//     "Mẫu …" a form, "tình hình thực hiện" a report, "chỉ tiêu", "kế hoạch
//     phát triển" a plan, "quy định", "Nghị định", "Thông tư" a regulation);
//     a question headline ("… ra sao?") whose words say no plan, report or
//     form is a question-and-answer page, as is a page with a question cue
//     ("Tôi có câu hỏi …");
//  3. else the type a press text named ("ban hành Công điện …") when it has a
//     genre;
//  4. else a press article: a dateline, a lead sentence naming an act, or
//     reported speech ("Theo ông …", "… cho biết");
//  5. else an encyclopedia article: citation marks "[1]", "[2]", "[3]";
//  6. else unknown.
#ifndef CHITIEU_EXTRACTOR_DOCUMENT_GENRE_H_
#define CHITIEU_EXTRACTOR_DOCUMENT_GENRE_H_

#include <vector>

#include "extractor/document_header.h"
#include "extractor/press_metadata.h"
#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {

DocumentGenre classify_genre(const Lexicon& lex, const std::vector<RepairedLine>& lines,
                             const PressMetadata& press, const DocumentHeader& header);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_DOCUMENT_GENRE_H_
