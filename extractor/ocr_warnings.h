// What a figure read from an OCRed page warns of, so the auditor checks it
// against the scan:
//   "ocr: low confidence (NN) on line L" — the least sure of the figure's
//       lines has a mean word confidence below kLowOcrConfidence;
//   "ocr: the number's digits read with low confidence (NN) on line L" — a
//       word with digits inside the figure's quote was read below
//       kLowOcrDigitConfidence (per word: a line of sure words can hold one
//       doubtful number);
//   "ocr: number repaired from "12. 800" on line L; check it on the scan" —
//       the figure's number rests on a repair of ocr_number_repair.h.
#ifndef CHITIEU_EXTRACTOR_OCR_WARNINGS_H_
#define CHITIEU_EXTRACTOR_OCR_WARNINGS_H_

#include <vector>

#include "extractor/figure_extractor.h"
#include "extractor/source_text.h"
#include "extractor/text_repair.h"

namespace chitieu {

// Mean word confidence (0..100) below which an OCRed line is doubtful.
inline constexpr float kLowOcrConfidence = 70;

// Confidence (0..100) below which a word with digits is doubtful. Measured on
// degraded scans of the corpus (bench/ocr_steps.cc): see README, "Scans".
inline constexpr float kLowOcrDigitConfidence = 60;

// Adds the warnings above to `figures` read from `source` (an OCRed text;
// nothing happens for other texts) and its `repaired` lines.
void add_ocr_warnings(const SourceText& source, const std::vector<RepairedLine>& repaired,
                      std::vector<Figure>* figures);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_OCR_WARNINGS_H_
