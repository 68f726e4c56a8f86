// Qualifiers around a number and the comparator they give.
//
// "đạt tối thiểu 717.000" is >=, "khoảng 215" is ~, "từ 10 - 10,5% trở lên" is
// >=, "thấp hơn 16%" is <. The words before a number are read backwards as one
// run of qualifiers and connecting words (đạt, chiếm, tăng …); the nearest word
// that carries a comparator wins. Connecting words carry none: "ước đạt 57.000"
// is ~ because "đạt" only connects.
#ifndef CHITIEU_NORMALIZER_QUALIFIER_H_
#define CHITIEU_NORMALIZER_QUALIFIER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalizer/lexicon.h"

namespace chitieu {

struct QualifierRun {
  size_t begin = 0;  // folded offset where the run starts (== number start if empty)
  std::vector<std::string> words;  // nearest first
  std::optional<Comparator> comparator;  // nearest comparator, if any
  std::string comparator_word;
  bool has_from = false;           // "từ" in the run
  bool has_estimate = false;       // "ước…": an estimate, usually a result
  bool has_value_word = false;     // any word other than "từ"
};

// Reads the run ending at `number_begin`, not going before `limit`.
QualifierRun read_qualifiers_before(const Lexicon& lex, std::string_view folded,
                                    size_t number_begin, size_t limit);

// Reads "trở lên"/"trở xuống" at `pos`; sets *end past it.
std::optional<Comparator> read_qualifier_after(const Lexicon& lex, std::string_view folded,
                                               size_t pos, size_t* end, std::string* word);

// Comparator of a figure from its qualifiers: nearest comparator before the
// number, else the one after, else "range" for a range, else "=".
Comparator resolve_comparator(const QualifierRun& before, std::optional<Comparator> after,
                              bool is_range);

// Whether the value is a change of its indicator or its level: the nearest
// change word before the number ("tăng", "giảm", "còn", "chiếm"), else the
// indicator's own words ("tốc độ tăng trưởng"), else a level. `*word` is
// set to the word that decided, if any.
Change read_change(const Lexicon& lex, const QualifierRun& before, std::string_view indicator_folded,
                   std::string* word);

}  // namespace chitieu

#endif  // CHITIEU_NORMALIZER_QUALIFIER_H_
