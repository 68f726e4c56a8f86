#include "normalizer/qualifier.h"

#include <algorithm>

#include "common/text.h"
#include "normalizer/unit_parser.h"

namespace chitieu {

// "ước" (estimated): a qualifier starting with it ("ước", "ước đạt", "ước
// tăng") makes the figure an estimate, that is a result.
constexpr const char* kEstimatePrefix = "uoc";
namespace {


// Longest qualifier ending exactly at `end`, starting at a word boundary.
const QualifierEntry* qualifier_ending_at(const Lexicon& lex, std::string_view s, size_t end,
                                          size_t limit, size_t* begin) {
  for (const QualifierEntry& q : lex.qualifiers) {  // longest first
    if (q.after) continue;
    const std::string& w = q.surface;
    if (w.size() > end - limit) continue;
    size_t b = end - w.size();
    if (s.compare(b, w.size(), w) != 0) continue;
    if (b > 0 && is_folded_word_char(w.front()) && is_folded_word_char(s[b - 1])) continue;
    *begin = b;
    return &q;
  }
  return nullptr;
}

}  // namespace

QualifierRun read_qualifiers_before(const Lexicon& lex, std::string_view s,
                                    size_t number_begin, size_t limit) {
  QualifierRun run;
  run.begin = number_begin;
  size_t p = number_begin;
  while (true) {
    size_t q = p;
    while (q > limit && s[q - 1] == ' ') --q;
    size_t b = 0;
    const QualifierEntry* e = qualifier_ending_at(lex, s, q, limit, &b);
    if (!e) break;
    // "từ" opens a value only right before it ("từ 75% trở lên"); further back
    // the same folded word is "tư" or "tự" ("đầu tư đạt", "trật tự từ 75%").
    // So "hơn" (folded like "hôn") opens one only right before it: "đạt hơn
    // 90%", but not "kết hôn đạt 90%" (qualifiers.tsv: nearest).
    if ((e->opens_range_from || e->nearest) && !run.words.empty()) break;
    run.words.push_back(e->surface);
    if (e->opens_range_from) {
      run.has_from = true;
    } else {
      // "gần 20 năm", "chưa đầy 20 năm": nearness alone makes no value of a
      // span of time; "đạt gần 40%" has its verb.
      if (!e->bare) run.has_value_word = true;
      if (e->comparator && !run.comparator) {
        run.comparator = e->comparator;
        run.comparator_word = e->surface;
      }
    }
    if (e->surface.rfind(kEstimatePrefix, 0) == 0) run.has_estimate = true;
    run.begin = b;
    p = b;
    if (e->surface == ":") continue;
  }
  return run;
}

std::optional<Comparator> read_qualifier_after(const Lexicon& lex, std::string_view s,
                                               size_t pos, size_t* end, std::string* word) {
  size_t i = pos;
  while (i < s.size() && s[i] == ' ') ++i;
  for (const QualifierEntry& q : lex.qualifiers) {
    if (!q.after) continue;
    size_t m = match_surface(s, i, q.surface);
    if (m != std::string_view::npos) {
      *end = m;
      *word = q.surface;
      return q.comparator;
    }
  }
  return std::nullopt;
}

Comparator resolve_comparator(const QualifierRun& before, std::optional<Comparator> after,
                              bool is_range) {
  if (before.comparator) return *before.comparator;
  if (after) return *after;
  return is_range ? Comparator::kRange : Comparator::kEqual;
}

Change read_change(const Lexicon& lex, const QualifierRun& before, std::string_view indicator_folded,
                   std::string* word) {
  const GrammarWords& g = lex.words;
  auto in = [](const std::vector<std::string>& list, const std::string& w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  for (const std::string& w : before.words) {  // nearest first
    *word = w;
    if (in(g.change_increase, w)) return Change::kIncrease;
    if (in(g.change_decrease, w)) return Change::kDecrease;
    if (in(g.change_level, w)) return Change::kLevel;
  }
  auto names = [&](const std::vector<std::string>& list) {
    for (const std::string& w : list) {
      size_t pos = indicator_folded.find(w);
      bool left = pos == std::string_view::npos || pos == 0 || indicator_folded[pos - 1] == ' ';
      if (pos != std::string_view::npos && left) {
        *word = w;
        return true;
      }
    }
    return false;
  };
  if (names(g.growth_indicators)) return Change::kIncrease;
  if (names(g.decline_indicators)) return Change::kDecrease;
  word->clear();
  return Change::kLevel;
}

}  // namespace chitieu
