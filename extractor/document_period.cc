#include "extractor/document_period.h"

#include <re2/re2.h>

#include "common/text.h"
#include "normalizer/period.h"

namespace chitieu {

void read_document_period(const Lexicon& lex, const std::string& title, size_t title_line,
                          DocumentHeader* h) {
  std::string folded = fold_text(title);
  const YearMention* chosen = nullptr;
  std::vector<YearMention> mentions = find_year_mentions(lex, folded);
  size_t vision = std::string::npos;
  for (const std::string& w : lex.words.vision_words) vision = std::min(vision, folded.find(w));
  for (const YearMention& m : mentions) {
    if (!m.dates() || (vision != std::string::npos && m.begin > vision)) continue;
    // A bare year after a number names a document ("Thông tư 40 2017").
    static const RE2 kNumberBefore(R"(\d\s+$)");
    if (m.begin == m.year_begin && RE2::PartialMatch(std::string_view(folded).substr(0, m.begin), kNumberBefore))
      continue;
    chosen = &m;
  }
  if (chosen == nullptr) return;
  h->period = chosen->period;
  h->period_line = static_cast<int>(title_line) + 1;
  auto [b, e] = byte_range_of_code_points(title, chosen->begin, chosen->end);
  std::string quote = title.substr(b, e - b);
  size_t first = quote.find_first_not_of(' '), last = quote.find_last_not_of(' ');
  h->period_quote = first == std::string::npos ? quote : quote.substr(first, last - first + 1);
}

}  // namespace chitieu
