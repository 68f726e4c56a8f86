// Comparing the figures of two readings of one document (text against PDF,
// DOCX, scan): what the issues compare is each figure's value, unit,
// comparator and year.
#pragma once

#include <string>
#include <vector>

#include "extractor/figure_extractor.h"

namespace chitieu::testing {

// One sorted key per figure: "low..high unit comparator year".
std::vector<std::string> figure_keys(const std::vector<Figure>& figures);

// The keys of `a` not in `b` (multiset difference), one per line, for messages.
std::string keys_missing(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace chitieu::testing
