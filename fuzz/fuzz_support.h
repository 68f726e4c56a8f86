// What every fuzz target checks: invariants that hold for ANY input, stated
// once. A broken invariant aborts with the condition and its place, which
// libFuzzer reports as a crash and saves the input for.
#ifndef CHITIEU_FUZZ_FUZZ_SUPPORT_H_
#define CHITIEU_FUZZ_FUZZ_SUPPORT_H_

#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extractor/text_repair.h"

#define FUZZ_CHECK(cond)                                                                    \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "invariant failed at %s:%d: %s\n", __FILE__, __LINE__, #cond);   \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)

namespace chitieu::fuzz {

// Code points in `s`, or -1 when it is not valid UTF-8.
inline long utf8_length(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  long count = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return -1;
    ++count;
  }
  return count;
}

// The contract of RepairedLine (text_repair.h) for the line `raw`.
inline void check_repaired_line(std::string_view raw, const RepairedLine& r) {
  // One skeleton byte per code point of the text, one raw offset per code
  // point plus the end.
  FUZZ_CHECK(utf8_length(r.text) == static_cast<long>(r.folded.size()));
  FUZZ_CHECK(r.raw_byte_of_cp.size() == r.folded.size() + 1);
  FUZZ_CHECK(r.raw_byte_of_cp.back() == raw.size());
  for (size_t i = 0; i + 1 < r.raw_byte_of_cp.size(); ++i) {
    FUZZ_CHECK(r.raw_byte_of_cp[i] <= r.raw_byte_of_cp[i + 1]);
  }
  // The skeleton is ASCII, and it is the fold of the text.
  for (char c : r.folded) FUZZ_CHECK(c > 0 && static_cast<unsigned char>(c) < 0x80);
  FUZZ_CHECK(fold_text(r.text) == r.folded);
  // Every repair lies in the raw line.
  for (const Repair& rep : r.repairs) {
    FUZZ_CHECK(rep.raw_begin <= rep.raw_end);
    FUZZ_CHECK(rep.raw_end <= raw.size());
    FUZZ_CHECK(!rep.rule.empty());
  }
  // Nothing changes without a recorded repair.
  if (r.repairs.empty() && utf8_length(raw) >= 0) FUZZ_CHECK(r.text == raw);
}

}  // namespace chitieu::fuzz

#endif  // CHITIEU_FUZZ_FUZZ_SUPPORT_H_
