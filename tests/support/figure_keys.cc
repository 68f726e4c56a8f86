#include "support/figure_keys.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace chitieu::testing {

std::vector<std::string> figure_keys(const std::vector<Figure>& figures) {
  std::vector<std::string> keys;
  for (const Figure& f : figures) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12g..%.12g", f.low, f.high);
    keys.push_back(std::string(buf) + " " + f.unit + " " + std::string(comparator_text(f.comparator)) + " " + f.year);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::string keys_missing(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> d;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(d));
  std::string out;
  for (const auto& k : d) out += "\n  " + k;
  return out;
}

}  // namespace chitieu::testing
