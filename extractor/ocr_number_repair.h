// Repairing numbers Tesseract breaks, on OCRed lines only.
//
// On degraded scans Tesseract reads a space after a number's separator —
// "12. 800 tỷ đồng", "33, 5%", "4, 5 tỷ USD" — and now and then a letter for
// a digit inside a number ("2O25", "l5%"). Each repair is made only where the
// result is a well-formed Vietnamese number and nothing else can be meant:
//
//   "ocr-number-space"  a space after "." or "," removed when the digits
//       before form an integer part (1-3 digits, or groups of 3 after "."),
//       "." is followed by exactly 3 digits (a thousands group, not a
//       percentage: "đạt 95. 100% xã" ends a sentence) or "," by 1-3 digits
//       (a decimal part), the number is not one of a list ("khoản 1, 2, 3"),
//       not a date, article or item number ("tháng 12, 100% …"), and does
//       not begin the line (an item "1. 100% xã …");
//   "ocr-digit"  O, o → 0; l, I → 1; S → 5 inside a word of digits and those
//       letters only, with at least one real digit, that reads as a
//       well-formed number once repaired ("2O25", "1O,5%", "l5");
//   "ocr-item-mark"  an item or heading number that begins the line read
//       with a comma before a capital: "1, Phát triển", "II, MỤC TIÊU" →
//       "1.", "II." (the heading's year then reaches its figures).
//
// Each repair is a row in RepairedLine::repairs; `text`, `folded` and the
// offset map change with it, so quotes and offsets still refer to the raw
// line as Tesseract wrote it.
#ifndef CHITIEU_EXTRACTOR_OCR_NUMBER_REPAIR_H_
#define CHITIEU_EXTRACTOR_OCR_NUMBER_REPAIR_H_

#include <string_view>

#include "extractor/text_repair.h"

namespace chitieu {

inline constexpr std::string_view kOcrNumberSpaceRule = "ocr-number-space";
inline constexpr std::string_view kOcrDigitRule = "ocr-digit";
inline constexpr std::string_view kOcrItemMarkRule = "ocr-item-mark";

// Whether `rule` repairs a number (ocr-number-space, ocr-digit): a figure
// resting on such a repair carries a warning.
bool is_ocr_number_rule(std::string_view rule);

void repair_ocr_numbers(RepairedLine* line);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_OCR_NUMBER_REPAIR_H_
