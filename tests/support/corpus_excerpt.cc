#include "support/corpus_excerpt.h"

#include "extractor/extract_document.h"
#include "normalizer/lexicon.h"

namespace chitieu::testing {

std::vector<std::string> dense_excerpt(const std::string& path, size_t max_chars) {
  ExtractedDocument doc;
  if (!extract_document(default_lexicon(), path, "", &doc).ok()) return {};
  const auto& lines = doc.source.lines;
  std::vector<size_t> per_line(lines.size() + 1, 0);
  for (const Figure& f : doc.figures)
    if (f.line >= 1 && f.line <= lines.size()) ++per_line[f.line - 1];
  size_t best_begin = 0, best_end = 0, best = 0;
  size_t begin = 0, chars = 0, figures = 0;
  for (size_t end = 0; end < lines.size(); ++end) {
    chars += lines[end].size() + 1;
    figures += per_line[end];
    while (chars > max_chars && begin <= end) {
      chars -= lines[begin].size() + 1;
      figures -= per_line[begin];
      ++begin;
    }
    if (figures > best) best = figures, best_begin = begin, best_end = end + 1;
  }
  return {lines.begin() + static_cast<std::ptrdiff_t>(best_begin),
          lines.begin() + static_cast<std::ptrdiff_t>(best_end)};
}

}  // namespace chitieu::testing
