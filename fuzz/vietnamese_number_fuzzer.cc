// Fuzz target: reading numbers written the Vietnamese way
// (normalizer/vietnamese_number.h). Input: the number text, any bytes.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "normalizer/vietnamese_number.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace chitieu;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ParsedNumber p = parse_vietnamese_number(text);
  if (!p.ok) return 0;

  // Only digits and the two marks make a number, and it starts with a digit.
  bool only_digits = true;
  for (char c : text) {
    FUZZ_CHECK((c >= '0' && c <= '9') || c == '.' || c == ',');
    if (c < '0' || c > '9') only_digits = false;
  }
  FUZZ_CHECK(text[0] >= '0' && text[0] <= '9');
  FUZZ_CHECK(text.back() >= '0' && text.back() <= '9');
  // A value, never infinity or NaN, never negative, always explained.
  FUZZ_CHECK(std::isfinite(p.value));
  FUZZ_CHECK(p.value >= 0);
  FUZZ_CHECK(!p.reading.empty());
  // The flags agree with each other and with the text.
  FUZZ_CHECK(!p.dot_as_decimal || p.has_fraction);
  FUZZ_CHECK(!p.comma_group_of_three || p.has_fraction);
  FUZZ_CHECK(!p.has_fraction || !only_digits);
  if (only_digits) {
    FUZZ_CHECK(p.value == std::strtod(std::string(text).c_str(), nullptr));
  }
  if (text.find(',') != std::string_view::npos) FUZZ_CHECK(p.has_fraction && !p.dot_as_decimal);
  // Thousands groups: "8.500.000" is the digits without the dots.
  if (text.find('.') != std::string_view::npos && !p.has_fraction) {
    std::string digits;
    for (char c : text)
      if (c != '.') digits += c;
    FUZZ_CHECK(p.value == std::strtod(digits.c_str(), nullptr));
  }
  return 0;
}
