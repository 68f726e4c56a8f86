// Reading numbers written the Vietnamese way.
//
// "." groups thousands and "," is the decimal mark: "717.000" is 717000,
// "8.500.000" is 8500000, "10,5" is 10.5, "05" is 5. A "." followed by a group
// that is not exactly three digits can only be a decimal point ("10.5" is 10.5):
// that reading is kept and flagged, never made silently.
#ifndef CHITIEU_NORMALIZER_VIETNAMESE_NUMBER_H_
#define CHITIEU_NORMALIZER_VIETNAMESE_NUMBER_H_

#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

struct ParsedNumber {
  bool ok = false;
  double value = 0;
  bool has_fraction = false;      // written with a decimal mark
  bool dot_as_decimal = false;    // "10.5": a "." read as the decimal mark
  bool comma_group_of_three = false;  // "1,600": decimal by rule, but looks like English thousands
  std::string reading;  // how it was read, for the audit trail
};

ParsedNumber parse_vietnamese_number(std::string_view text);

}  // namespace chitieu

#endif  // CHITIEU_NORMALIZER_VIETNAMESE_NUMBER_H_
