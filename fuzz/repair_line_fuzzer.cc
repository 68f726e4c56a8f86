// Fuzz target: the line repair (text_repair.h), with and without font maps,
// then on OCRed text the number repair (ocr_number_repair.h), followed by the
// OCR phrase repair as extraction runs them.
//
// Input: the first byte chooses the glyph mapping (0 none, 1 TCVN3, 2 VNI, by
// its value mod 3) and whether the line was OCRed (its value / 3 is odd), the
// rest is the raw line, any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractor/legacy_encoding.h"
#include "extractor/ocr_number_repair.h"
#include "extractor/text_repair.h"
#include "fuzz/fuzz_support.h"
#include "normalizer/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace chitieu;
  if (size == 0) return 0;
  static const Lexicon& lex = default_lexicon();
  static const std::vector<PhraseRepair> phrases = prepare_phrase_repairs(lex.ocr_phrases);
  const FontForm forms[] = {FontForm::kUnicode, FontForm::kTcvn3, FontForm::kVni};
  FontForm form = forms[data[0] % 3];
  const FontMap* font = form == FontForm::kUnicode ? nullptr : &FontMap::get(lex, form);
  std::string_view raw(reinterpret_cast<const char*>(data + 1), size - 1);

  const bool ocr = (data[0] / 3) % 2 == 1;
  RepairedLine line = repair_line(raw, font);
  fuzz::check_repaired_line(raw, line);
  if (ocr) {
    // Numbers repaired: the offsets still map into the raw line.
    repair_ocr_numbers(&line);
    fuzz::check_repaired_line(raw, line);
  }
  if (font == nullptr) {
    // No font: every repair is one of these rules.
    for (const Repair& r : line.repairs) {
      FUZZ_CHECK(r.rule == "nfc" || r.rule == "u-horn" || r.rule == "bookmark" || r.rule == "space" ||
                 r.rule == "invisible" || (ocr && (is_ocr_number_rule(r.rule) || r.rule == kOcrItemMarkRule)));
    }
  }

  // The phrase repair rewrites letters, never the skeleton or the offsets.
  std::string folded = line.folded;
  std::vector<uint32_t> offsets = line.raw_byte_of_cp;
  repair_phrases(phrases, &line);
  FUZZ_CHECK(line.folded == folded);
  FUZZ_CHECK(line.raw_byte_of_cp == offsets);
  fuzz::check_repaired_line(raw, line);
  return 0;
}
