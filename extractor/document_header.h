// What a document says about itself in its header block: number ("59-NQ/TW",
// or "/NQ-HĐND" left blank in a draft), type, issuer, place and date, title and
// the draft marker "DỰ THẢO". Read from the first lines only; anything not found
// stays empty.
#ifndef CHITIEU_EXTRACTOR_DOCUMENT_HEADER_H_
#define CHITIEU_EXTRACTOR_DOCUMENT_HEADER_H_

#include <string>
#include <vector>

#include "extractor/text_repair.h"
#include "normalizer/lexicon.h"

namespace chitieu {

struct DocumentHeader {
  std::string number;
  std::string type;
  std::string issuer;
  std::string place;
  std::string date;  // ISO "2020-08-05", or "2024-12" when the day is blank
  std::string title;
  bool is_draft = false;
};

DocumentHeader read_document_header(const Lexicon& lex, const std::vector<RepairedLine>& lines);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_DOCUMENT_HEADER_H_
