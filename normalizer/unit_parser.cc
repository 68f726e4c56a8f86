#include "normalizer/unit_parser.h"

#include <algorithm>
#include <cctype>

#include "common/text.h"

namespace chitieu {
namespace {

size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

const UnitEntry* longest_at(const Lexicon& lex, std::string_view folded, size_t pos,
                            std::initializer_list<UnitEntry::Type> types, size_t* end) {
  // Only surfaces opening with the byte at `pos` can match there; at spaces
  // before a "/", those opening with "/" (match_surface skips the spaces, and
  // no surface opens with a space: load_units refuses one).
  if (pos >= folded.size()) return nullptr;
  unsigned char first = static_cast<unsigned char>(folded[pos]);
  if (first == ' ') {
    size_t k = skip_spaces(folded, pos);
    if (k == folded.size() || folded[k] != '/') return nullptr;
    first = '/';
  }
  for (uint16_t index : lex.units_by_first_byte[first]) {  // longest first
    const UnitEntry& e = lex.units[index];
    if (std::find(types.begin(), types.end(), e.type) == types.end()) continue;
    size_t m = match_surface(folded, pos, e.surface);
    if (m != std::string_view::npos) {
      *end = m;
      return &e;
    }
  }
  return nullptr;
}

bool is_population(const std::string& d) {
  return d == "person" || d == "worker" || d == "10k_people";
}

}  // namespace

size_t match_surface(std::string_view s, size_t pos, std::string_view surface) {
  size_t i = pos;
  for (size_t k = 0; k < surface.size(); ++k) {
    char c = surface[k];
    if (c == ' ') {
      if (i >= s.size() || s[i] != ' ') return std::string_view::npos;
      i = skip_spaces(s, i);
    } else if (c == '/') {
      i = skip_spaces(s, i);
      if (i >= s.size() || s[i] != '/') return std::string_view::npos;
      i = skip_spaces(s, i + 1);
    } else {
      if (i >= s.size() || s[i] != c) return std::string_view::npos;
      ++i;
    }
  }
  if (!surface.empty() && is_folded_word_char(surface.back()) && i < s.size() && is_folded_word_char(s[i]))
    return std::string_view::npos;
  return i;
}

void add_denominator(std::vector<std::string>* ds, const std::string& d) {
  if (std::find(ds->begin(), ds->end(), d) != ds->end()) return;
  if (is_population(d)) {
    auto it = std::find_if(ds->begin(), ds->end(),
                           [](const std::string& x) { return !is_population(x); });
    ds->insert(it, d);
  } else {
    ds->push_back(d);
  }
}

std::string unit_code(const std::string& base, const std::vector<std::string>& ds) {
  std::string out = base;
  for (const auto& d : ds) out += "/" + d;
  return out;
}

std::string base_per_population(const std::string& base, const std::vector<std::string>& ds) {
  bool per_10k = std::find(ds.begin(), ds.end(), "10k_people") != ds.end();
  return per_10k && base == "person" ? "count" : base;
}

// The longest denominator outside the vocabulary skipped to reach one in it
// ("/HTX/năm", "/m2/năm"): a word or two.
constexpr size_t kMaxSkippedDenominator = 16;

UnitReading read_unit(const Lexicon& lex, std::string_view folded, size_t pos) {
  UnitReading r;
  size_t i = skip_spaces(folded, pos);
  size_t end = 0;
  if (longest_at(lex, folded, i, {UnitEntry::kStop}, &end)) return r;

  // Scale words: "nghìn tỷ đồng" multiplies both.
  while (const UnitEntry* e = longest_at(lex, folded, i, {UnitEntry::kScale}, &end)) {
    size_t after = skip_spaces(folded, end);
    size_t stop_end = 0;
    if (longest_at(lex, folded, i, {UnitEntry::kStop}, &stop_end)) break;
    r.scale *= e->factor;
    r.surfaces.push_back(e->surface);
    i = after;
    r.end = end;
  }

  const UnitEntry* base =
      longest_at(lex, folded, i, {UnitEntry::kBase, UnitEntry::kCounted}, &end);
  if (!base) {
    // A bare denominator after the number: "18,02 /vạn dân" is rare; a scale
    // word alone ("35 nghìn") has no unit to give.
    return r;
  }
  r.matched = true;
  r.surfaces.push_back(base->surface);
  r.needs_value_word = base->needs_value_word;
  r.per_population = base->per_population;
  r.counted_noun = base->type == UnitEntry::kCounted;
  // A counted noun counts things ("dự án") or people ("đảng viên", "thành viên").
  r.base = r.counted_noun && base->code.empty() ? "count" : base->code;
  r.counted_begin = i;  // the noun, kept as `counted` when the base is a count
  r.counted_end = end;
  r.end = end;

  // Denominators: "/người/năm", "/lao động/năm", "trên một vạn dân".
  while (true) {
    size_t j = r.end;
    const UnitEntry* d = longest_at(lex, folded, skip_spaces(folded, j), {UnitEntry::kDenom}, &end);
    if (!d) {
      // A denominator the vocabulary lacks before one it has: "280 triệu
      // đồng/HTX/năm" is per year, "/HTX" dropped (UnitReading::end stays
      // after the last one read, so the unit as written shows it).
      size_t k = skip_spaces(folded, j);
      if (k < folded.size() && folded[k] == '/') {
        size_t next = k + 1;
        while (next < folded.size() && next - k <= kMaxSkippedDenominator && folded[next] != '/' &&
               (std::isalnum(static_cast<unsigned char>(folded[next])) || folded[next] == ' '))
          ++next;
        size_t skipped_end = 0;
        if (next < folded.size() && folded[next] == '/' && next > k + 1 &&
            (d = longest_at(lex, folded, next, {UnitEntry::kDenom}, &skipped_end)) != nullptr) {
          end = skipped_end;
        }
      }
    }
    if (!d) {
      // "16 - 18% năm": a year written without its slash after a percent,
      // but not "100% năm 2025" where năm opens a date.
      if (r.base == "percent" && r.denominators.empty()) {
        size_t k = match_surface(folded, skip_spaces(folded, j), "nam");
        if (k != std::string_view::npos) {
          // Only a bare "năm" ending the phrase: not "năm 2025", "năm học", "năm nay".
          bool ends_phrase = k == folded.size() || folded[k] == ',' || folded[k] == ';' ||
                             folded[k] == '.' || folded[k] == ')' ||
                             (folded[k] == ' ' && (k + 1 == folded.size() || folded[k + 1] == '(' ||
                                                   folded[k + 1] == '-'));
          if (ends_phrase) {
            r.denominators.push_back("year");
            r.surfaces.push_back("nam");
            r.end = k;
          }
        }
      }
      break;
    }
    add_denominator(&r.denominators, d->code);
    r.surfaces.push_back(d->surface);
    r.end = end;
  }
  // "12 người trên một vạn dân" counts people per 10,000 inhabitants.
  if (r.base == "person" &&
      std::find(r.denominators.begin(), r.denominators.end(), "10k_people") != r.denominators.end()) {
    r.base = "count";
    r.counted_noun = true;
  }
  return r;
}

UnitDecision decide_unit(const Lexicon& lex, const UnitReading& written,
                         const std::string& written_counted, const std::string& key) {
  UnitDecision d;
  if (written.matched) {
    std::vector<std::string> denoms = written.denominators;
    // A count whose indicator names its population: "Số giường bệnh trên 1
    // vạn dân: 45,7 giường" is per 10,000 people.
    bool population = std::find(denoms.begin(), denoms.end(), "10k_people") != denoms.end();
    if (written.counted_noun && !population) {
      for (const ImpliedUnit& iu : lex.implied_units) {
        if (iu.denominator_only && iu.unit == "10k_people" && key.find(iu.words) != std::string::npos) {
          add_denominator(&denoms, iu.unit);
          d.inferred_from = iu.words;
          d.warning = Warning{WarningCode::kUnitPerCapitaAdded, iu.unit, iu.words};
          break;
        }
      }
    }
    if (written.base == "VND" || written.base == "USD") {
      bool per_person = std::find(denoms.begin(), denoms.end(), "person") != denoms.end() ||
                        std::find(denoms.begin(), denoms.end(), "worker") != denoms.end();
      for (const ImpliedUnit& iu : lex.implied_units) {
        if (iu.denominator_only && iu.unit == "person" && !per_person && key.find(iu.words) != std::string::npos) {
          add_denominator(&denoms, iu.unit);
          d.inferred_from = iu.words;
          d.warning = Warning{WarningCode::kUnitPerCapitaAdded, iu.unit, iu.words};
          break;
        }
      }
    }
    d.ok = true;
    d.code = unit_code(base_per_population(written.base, denoms), denoms);
    if (written.counted_noun) d.counted = written_counted;
    return d;
  }
  for (const ImpliedUnit& iu : lex.implied_units) {
    if (!iu.denominator_only && key.find(iu.words) != std::string::npos) {
      d.ok = true;
      d.code = iu.unit;
      d.counted = iu.counted;
      d.inferred_from = iu.words;
      d.warning = Warning{WarningCode::kUnitFromIndicator, iu.unit, iu.words};
      return d;
    }
  }
  return d;
}

}  // namespace chitieu
