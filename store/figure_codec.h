// The JSON forms of a figure's warnings and reading, as the store keeps them
// in the `figures.warnings` and `figures.reading` columns.
//
// Warnings are an array of {"code", "subject", "detail"}; a plain string in
// the array (written by chitieu 0.1) reads back as WarningCode::kOther. The
// reading keeps the shape `trace` has always shown: numbers, scale, unit,
// qualifier, year and kind. Reading back never fails: what cannot be read is
// left empty, so a damaged row still shows its value and quote.
#ifndef CHITIEU_STORE_FIGURE_CODEC_H_
#define CHITIEU_STORE_FIGURE_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/figure.h"

namespace chitieu {

std::string warnings_to_json(const std::vector<Warning>& warnings);
std::vector<Warning> warnings_from_json(std::string_view json);

// `figure` supplies the comparator, year and kind that the reading repeats.
std::string reading_to_json(const Figure& figure);
Reading reading_from_json(std::string_view json);

}  // namespace chitieu

#endif  // CHITIEU_STORE_FIGURE_CODEC_H_
