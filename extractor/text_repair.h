// Repairing one raw line into canonical text, with a map back to the raw bytes.
//
// Extraction never reads raw text directly. Each raw line becomes:
//   text    — NFC Vietnamese with known damage undone (ƣ for ư, decomposed
//             marks, NBSP, zero-width characters, Word bookmarks);
//   folded  — an ASCII skeleton of `text`, ONE BYTE PER CODE POINT: lower case,
//             every diacritic removed, đ → d, dashes → '-', curly quotes → '"'.
//             Patterns run on `folded`, so RE2's ASCII \b and \d are exact and
//             "Phần đầu"/"Phấn đấu", "vận dân"/"vạn dân" read alike;
//   raw_byte_of_cp — for code point i of `text` (and i == size, the end), the
//             byte offset in the raw line it came from.
// Every change is listed in `repairs` so an auditor can see it.
#ifndef CHITIEU_EXTRACTOR_TEXT_REPAIR_H_
#define CHITIEU_EXTRACTOR_TEXT_REPAIR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"  // folding, used to build `folded`
#include "normalizer/lexicon.h"  // PhraseRepair

namespace chitieu {

class FontMap;

struct Repair {
  uint32_t raw_begin = 0;  // byte range in the raw line
  uint32_t raw_end = 0;
  std::string replacement;  // what the repaired text has there
  std::string rule;         // "nfc", "u-horn", "bookmark", "space", "invisible", "tcvn3-font", "vni-font"
};

struct RepairedLine {
  std::string text;
  std::string folded;
  std::vector<uint32_t> raw_byte_of_cp;  // size = code points in text + 1
  std::vector<Repair> repairs;

  size_t size() const { return folded.size(); }  // code points in text
};

// `font`, when given, first maps font-mapped glyphs (TCVN3 or VNI shown as
// Windows-1252) to the Vietnamese letters they stand for (rule "tcvn3-font" or
// "vni-font"); this runs before anything else so that TCVN3's ư, which reads as
// a soft hyphen, is not dropped as an invisible character.
RepairedLine repair_line(std::string_view raw, const FontMap* font = nullptr);

// Phrases with one reading in administrative text (data/ocr_phrases.tsv) are
// prepared for matching by the lexicon (PhraseRepair, prepare_phrase_repairs
// in normalizer/lexicon.h).

// Rewrites damaged spellings of known phrases ("Phần đầu" -> "Phấn đấu",
// "vận dân" -> "vạn dân"): a run of whole words whose skeleton equals a
// phrase's but whose letters differ takes the phrase's letters, keeping the
// case of each letter; recorded as rule "ocr-phrase". The skeleton, and so the
// offset map, do not change.
void repair_phrases(const std::vector<PhraseRepair>& phrases, RepairedLine* line);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_TEXT_REPAIR_H_
