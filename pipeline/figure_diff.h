// What differs between a figure as stored and the same figure extracted
// again from the stored text (`verify` and `reextract`), field by field.
#ifndef CHITIEU_PIPELINE_FIGURE_DIFF_H_
#define CHITIEU_PIPELINE_FIGURE_DIFF_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extractor/document_header.h"
#include "model/figure.h"

namespace chitieu {

// Each field that differs, as "low 7170 -> 717" (stored first): the place
// (line, line_end, char_start, char_end, number_line, page), quote,
// indicator, item, comparator, low, high, unit, counted, year, kind, change,
// number_text, unit_text, warnings and reading. Empty when they agree.
std::vector<std::string> figure_differences(const Figure& stored, int64_t stored_page, const Figure& fresh,
                                            int64_t fresh_page);

// The same for a document's header fields (number, type, issuer, place, date,
// date_source, title, draft, period, period_line, period_quote, genre).
std::vector<std::string> header_differences(const DocumentHeader& stored, const DocumentHeader& fresh);

// "a; b; c"
std::string join_differences(const std::vector<std::string>& differences);

// Stored figures of a document paired with the figures extracted again: first
// those at the same place (lines and offsets), then, among the rest, those
// with the same number line and number as written, in order. What is left on
// either side has no partner.
struct FigurePairs {
  std::vector<std::pair<size_t, size_t>> pairs;  // (stored index, fresh index)
  std::vector<size_t> stored_only, fresh_only;
};
FigurePairs pair_figures(const std::vector<const Figure*>& stored, const std::vector<Figure>& fresh);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_FIGURE_DIFF_H_
