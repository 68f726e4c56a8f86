// Reading the unit written after a number, on folded text.
//
// A unit is: scale words ("nghìn tỷ"), then a base ("đồng", "%", "người", a
// counted noun such as "xã"), then denominators ("/người/năm", "/lao động",
// "trên một vạn dân"). The result is the closed vocabulary BASE[/DENOM…]:
// "triệu đồng/người/năm" -> VND/person/year with scale 1e6.
#ifndef CHITIEU_NORMALIZER_UNIT_PARSER_H_
#define CHITIEU_NORMALIZER_UNIT_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/figure.h"
#include "normalizer/lexicon.h"

namespace chitieu {

struct UnitReading {
  bool matched = false;
  size_t end = 0;            // folded offset just past the unit
  double scale = 1.0;        // product of the scale words
  std::string base;          // "percent", "VND", "count", …
  std::vector<std::string> denominators;  // in written order
  size_t counted_begin = 0;  // for counted nouns: span of the noun
  size_t counted_end = 0;
  bool needs_value_word = false;
  bool per_population = false;  // a noun counted per head of population (units.tsv)
  bool counted_noun = false; // the base is a noun of counted things or people ("dự án", "đảng viên")
  std::vector<std::string> surfaces;  // matched folded surfaces, for the audit trail
};

// Reads a unit starting at `pos` (spaces skipped). Not matched when nothing in
// the vocabulary is there, or when a stop word ("tỷ lệ", "hạ tầng") is.
UnitReading read_unit(const Lexicon& lex, std::string_view folded, size_t pos);

// Adds a denominator unless present, keeping population denominators before
// time ones: VND/year + person -> VND/person/year.
void add_denominator(std::vector<std::string>* denominators, const std::string& d);

// "VND/person/year"
std::string unit_code(const std::string& base, const std::vector<std::string>& denominators);

// The base a figure per 10,000 people takes: the schema counts people so
// ("bác sĩ/vạn dân", "người trên một vạn dân" are count/10k_people); any other
// base as it is.
std::string base_per_population(const std::string& base, const std::vector<std::string>& denominators);

// Matches `surface` at `pos` in folded text: a space in the surface matches any
// run of spaces, "/" may have spaces around it, and a surface ending in a letter
// or digit must end at a word boundary. Returns the end offset or npos.
size_t match_surface(std::string_view folded, size_t pos, std::string_view surface);

// The unit a figure ends up with, once the indicator's words are taken into
// account (data/implied_units.tsv): a per-capita money figure gets "/person"
// even when the text leaves it out, and a figure with no unit written takes
// the one its indicator names (HDI -> index, "bác sĩ/vạn dân" -> count/10k_people).
struct UnitDecision {
  bool ok = false;          // false: no unit written and none implied: not a figure
  std::string code;         // "VND/person/year"
  std::string counted;      // counted noun for count units (empty if none)
  std::string inferred_from;  // the indicator words that decided, if any
  std::optional<Warning> warning;  // what an auditor should know
};

// `written` is the unit read after the number (may be unmatched);
// `written_counted` the counted noun as written; `indicator_folded` the folded
// indicator text (parent and sub).
UnitDecision decide_unit(const Lexicon& lex, const UnitReading& written,
                         const std::string& written_counted, const std::string& indicator_folded);

}  // namespace chitieu

#endif  // CHITIEU_NORMALIZER_UNIT_PARSER_H_
