#include "extractor/formats/document_lines.h"

#include <unicode/utf8.h>

namespace chitieu {

std::string clean_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  // Bytes from `kept` to `i` are copied as they are, in one append: most
  // lines need no change at all.
  int32_t kept = 0;
  while (i < n) {
    uint8_t b = s[i];
    if ((b >= 0x20 && b < 0x7F) || b == '\t') {
      ++i;
      continue;
    }
    int32_t start = i;
    const char* replacement = " ";
    if (b >= 0x80) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c >= 0) continue;  // a valid sequence is never a control character
      replacement = "\xEF\xBF\xBD";
    } else {
      ++i;  // a control character or DEL
    }
    out.append(text.data() + kept, static_cast<size_t>(start - kept));
    out += replacement;
    kept = i;
  }
  out.append(text.data() + kept, static_cast<size_t>(n - kept));
  return out;
}

void DocumentLines::add(std::string_view text, uint32_t page) {
  if (lines.size() >= line_limit) {
    over_limit_ = true;
    return;
  }
  lines.push_back(clean_line(text));
  if (page > 0 || !pages.empty()) {
    pages.resize(lines.size() - 1, 0);
    pages.push_back(page);
  }
}

void DocumentLines::add(std::string_view text, const LineSource& source) {
  size_t before = lines.size();
  add(text, 0);
  if (lines.size() == before) return;
  sources.resize(before);
  sources.push_back(source);
}

Status DocumentLines::too_many_lines() const {
  return Status::Error("too many lines (more than the limit of " + std::to_string(line_limit) + ")");
}

void DocumentLines::clear() {
  uint64_t limit = line_limit;
  *this = DocumentLines();
  line_limit = limit;
}

}  // namespace chitieu
