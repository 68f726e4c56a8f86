// Years and periods that say when a figure is due.
//
// "đến năm 2030" -> "2030"; "giai đoạn 2026 - 2030" -> "2026-2030". Dates are not
// periods ("ngày 05 tháng 8 năm 2020", "20/10/2022"), and a year after "so
// (với)" is the base a change is measured against, not the figure's year.
#ifndef CHITIEU_NORMALIZER_PERIOD_H_
#define CHITIEU_NORMALIZER_PERIOD_H_

#include <string>
#include <string_view>
#include <vector>

#include "normalizer/lexicon.h"

namespace chitieu {

struct YearMention {
  size_t begin = 0;  // folded offsets of the whole mention ("den nam 2030")
  size_t end = 0;
  size_t year_begin = 0;  // offsets of the digits
  std::string period;     // "2030" or "2026-2030"
  bool comparison_base = false;
  bool names_law = false;  // "Luật Đất đai năm 2024", "Hiến pháp năm 2013": part of a law's name

  // Whether the mention says when something is: not the base of a change,
  // not a law's name.
  bool dates() const { return !comparison_base && !names_law; }
};

// `lex` gives the words that make "<word> số" a noun (data/words.tsv, so_compound).
std::vector<YearMention> find_year_mentions(const Lexicon& lex, std::string_view folded);

// The years of full dates in folded text — "ngày 1 tháng 4 năm 2019", "cuối
// tháng 3 năm 2020", "01/4/2019", "20.10.2021" — which find_year_mentions
// leaves out (a dateline's "15-10-2020" is no date of a statement): a date
// is no period, but it dates a statement of its sentence ("Tính đến ngày 1
// tháng 4 năm 2019, dân số … đạt 733.017 người"). Each mention's `period` is
// the year; `begin` is where the date starts.
std::vector<YearMention> find_date_years(std::string_view folded);

// True for a bare four-digit year (1900–2100) at [b, e).
bool looks_like_year(std::string_view folded, size_t b, size_t e);

}  // namespace chitieu

#endif  // CHITIEU_NORMALIZER_PERIOD_H_
