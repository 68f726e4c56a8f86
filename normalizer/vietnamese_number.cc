#include "normalizer/vietnamese_number.h"

#include <cmath>
#include <cstdlib>

namespace chitieu {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t p = s.find(sep, pos);
    out.push_back(s.substr(pos, p == std::string_view::npos ? std::string_view::npos : p - pos));
    if (p == std::string_view::npos) break;
    pos = p + 1;
  }
  return out;
}

// "8.500.000" -> "8500000" when every group after the first has three digits.
bool join_thousands(std::string_view s, std::string* digits) {
  auto groups = split(s, '.');
  if (!all_digits(groups[0]) || (groups[0].size() > 3 && groups.size() > 1)) return false;
  digits->assign(groups[0]);
  for (size_t i = 1; i < groups.size(); ++i) {
    if (groups[i].size() != 3 || !all_digits(groups[i])) return false;
    digits->append(groups[i]);
  }
  return true;
}

}  // namespace

ParsedNumber parse_vietnamese_number(std::string_view text) {
  ParsedNumber r;
  if (text.empty()) return r;
  size_t comma = text.rfind(',');
  std::string integer_digits;
  std::string fraction_digits;
  if (comma != std::string_view::npos) {
    std::string_view int_part = text.substr(0, comma);
    std::string_view frac = text.substr(comma + 1);
    if (!all_digits(frac) || !join_thousands(int_part, &integer_digits)) return r;
    fraction_digits.assign(frac);
    r.has_fraction = true;
    r.comma_group_of_three = frac.size() == 3 && int_part.find('.') == std::string_view::npos;
    r.reading = "\",\" is the decimal mark";
    if (int_part.find('.') != std::string_view::npos) r.reading += ", \".\" groups thousands";
  } else if (text.find('.') != std::string_view::npos) {
    if (join_thousands(text, &integer_digits)) {
      r.reading = "\".\" groups thousands";
    } else {
      auto groups = split(text, '.');
      if (groups.size() != 2 || !all_digits(groups[0]) || !all_digits(groups[1])) return r;
      integer_digits.assign(groups[0]);
      fraction_digits.assign(groups[1]);
      r.has_fraction = true;
      r.dot_as_decimal = true;
      r.reading = "\".\" before a group of " + std::to_string(groups[1].size()) +
                  " digit(s) read as a decimal point";
    }
  } else {
    if (!all_digits(text)) return r;
    integer_digits.assign(text);
    r.reading = "plain digits";
    if (text.size() > 1 && text[0] == '0') r.reading += " (leading zero)";
  }
  std::string c_number = integer_digits;
  if (!fraction_digits.empty()) c_number += "." + fraction_digits;
  r.value = std::strtod(c_number.c_str(), nullptr);
  // Over 300 digits overflows a double: no quantity, and never infinity.
  if (!std::isfinite(r.value)) return ParsedNumber();
  r.ok = true;
  return r;
}

}  // namespace chitieu
