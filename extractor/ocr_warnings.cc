#include "extractor/ocr_warnings.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "common/text.h"
#include "extractor/ocr_number_repair.h"

namespace chitieu {
namespace {

std::string percent_text(float confidence) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", confidence);
  return text;
}

// The raw bytes [begin, end) of `f`'s quote on line `l` (1-based).
void quote_bytes(const Figure& f, const std::string& raw, uint32_t l, size_t* begin, size_t* end) {
  *begin = l == f.line ? byte_offset_of_code_point(raw, f.char_start) : 0;
  *end = l == f.line_end ? byte_offset_of_code_point(raw, f.char_end) : raw.size();
}

bool has_digit(std::string_view s) { return s.find_first_of("0123456789") != std::string_view::npos; }

// Whether line `l` (1-based) holds words of the text: a blank line (a
// paragraph's gap) and page furniture a quote runs over ("tăng", a page
// break, "16,2%") are not the figure's.
bool text_line(const SourceText& source, uint32_t l) {
  if (l == 0 || l > source.lines.size()) return false;
  if (l <= source.boilerplate.size() && source.boilerplate[l - 1]) return false;
  return source.lines[l - 1].find_first_not_of(" \t") != std::string::npos;
}

// The line-level warning: the least sure of the figure's lines, when below
// kLowOcrConfidence.
void warn_low_line_confidence(const SourceText& source, Figure* f) {
  const std::vector<float>& confidence = source.line_confidence;
  uint32_t first = std::min(f->line, f->number_line), last = std::max(f->line_end, f->number_line);
  uint32_t worst = 0;
  for (uint32_t l = std::max(first, 1u); l <= last && l <= confidence.size(); ++l) {
    if (!text_line(source, l)) continue;
    if (worst == 0 || confidence[l - 1] < confidence[worst - 1]) worst = l;
  }
  if (worst == 0 || confidence[worst - 1] >= kLowOcrConfidence) return;
  f->warnings.push_back({WarningCode::kOcrLowConfidence, percent_text(confidence[worst - 1]), std::to_string(worst)});
}

// The word-level warnings: the least sure word with digits in the quote, and
// the first number repair under it.
void warn_doubtful_number(const SourceText& source, const std::vector<RepairedLine>& repaired, Figure* f) {
  float least = 101;
  uint32_t least_line = 0, repaired_line = 0;
  std::string repaired_from;
  for (uint32_t l = std::max(f->line, 1u); l <= f->line_end && l <= source.lines.size(); ++l) {
    if (!text_line(source, l)) continue;
    const std::string& raw = source.lines[l - 1];
    size_t begin = 0, end = 0;
    quote_bytes(*f, raw, l, &begin, &end);
    if (l <= source.line_words.size()) {
      for (const OcrWord& w : source.line_words[l - 1]) {
        if (w.begin >= end || w.end <= begin || w.end > raw.size()) continue;
        if (!has_digit(std::string_view(raw).substr(w.begin, w.end - w.begin)) || w.confidence >= least) continue;
        least = w.confidence;
        least_line = l;
      }
    }
    if (l > repaired.size() || repaired_line != 0) continue;
    for (const Repair& r : repaired[l - 1].repairs) {
      if (!is_ocr_number_rule(r.rule) || r.raw_begin >= end || r.raw_end <= begin || r.raw_end > raw.size()) continue;
      repaired_line = l;
      repaired_from = raw.substr(r.raw_begin, r.raw_end - r.raw_begin);
      break;
    }
  }
  if (least_line != 0 && least < kLowOcrDigitConfidence) {
    f->warnings.push_back({WarningCode::kOcrLowConfidenceDigits, percent_text(least), std::to_string(least_line)});
  }
  if (repaired_line != 0) {
    f->warnings.push_back({WarningCode::kOcrNumberRepaired, repaired_from, std::to_string(repaired_line)});
  }
}

}  // namespace

void add_ocr_warnings(const SourceText& source, const std::vector<RepairedLine>& repaired,
                      std::vector<Figure>* figures) {
  if (source.line_confidence.empty()) return;
  for (Figure& f : *figures) {
    warn_low_line_confidence(source, &f);
    warn_doubtful_number(source, repaired, &f);
  }
}

}  // namespace chitieu
