// Which canonical indicator a figure measures.
//
// The catalogue (data/indicators.tsv, its columns described there) names each
// indicator with its unit, its change (a level, an increase or a decrease), its
// parent for a breakdown, the code of the statistical indicator system where a
// source states one, and its aliases. A figure is matched on what its own
// subject says, its unit's kind and its change — never on another word of the
// clause:
//
//  - The subject's wording, a breakdown {parent, sub} taken part by part
//    (a parent may itself be the display form "A — B" of an earlier breakdown),
//    is read as a matching key (abbreviations.h: folded, words in parentheses
//    left out, abbreviations expanded). A part names the entries whose alias
//    stands in it as whole words, the longest alias winning (in words; the
//    earliest among equals); every entry having that alias there is a
//    candidate ("GRDP" names the level and the growth). Parts before the first
//    that names an entry are headings ("Về kinh tế") and are skipped.
//  - A later part names a child of the candidates (a sector of GRDP), or — when
//    it names a longer alias of another top-level entry that fits the figure —
//    that entry (a list read as a breakdown: "giường bệnh, bác sĩ/vạn dân").
//    The words of a part outside an alias may name a child too ("Tỷ lệ dân cư
//    đô thị được dùng nước sạch" → clean water, urban).
//  - Among the candidates, the entry that fits the figure: the same kind of
//    unit (VND and USD are money; a per-person or per-10,000 denominator must
//    agree, though a figure whose text left it out may match; /year does not
//    matter), and the same change. A level figure whose subject ends on "tăng"
//    or "giảm" ("tỷ lệ hộ nghèo … giảm trong năm là 0,5%") is that change. An
//    alias that itself names the change ("giảm tỷ lệ hộ nghèo", "tăng trưởng
//    kinh tế") fits both the change and a level.
//  - Nothing fits: an uncatalogued wording is keyed by its unit's kind, its
//    change and the key-collision fingerprint of its words (under the deepest
//    entry reached, "grdp_structure.services/auto:…"), or by a near catalogue
//    entry by token similarity ("similarity", the Jaccard score) when close
//    enough. A wording of fewer than two words names nothing to group by
//    (`grouped` false): such a figure keeps a row of its own.
//
// An analyst's decision for an indicator text (confirm, reject, map)
// overrides all of this.
#ifndef CHITIEU_COMPARE_INDICATOR_CATALOGUE_H_
#define CHITIEU_COMPARE_INDICATOR_CATALOGUE_H_

#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "compare/abbreviations.h"
#include "model/figure.h"

namespace chitieu {

struct CatalogueEntry {
  std::string id;
  std::string name;
  std::string unit;                // expected unit
  Change change = Change::kLevel;  // what a value of it measures
  std::string parent;              // parent id, or empty
  std::string code;                // statistical indicator system code, or empty
  std::vector<std::string> wordings;  // name and aliases as written, "@id" resolved
  std::vector<std::string> keys;      // their matching keys, abbreviations expanded
};

struct IndicatorMatch {
  std::string id;         // catalogue id, or "[parent/]auto:<unit kind>:<change>:<fingerprint>"
  std::string name;       // catalogue name, or the text itself
  std::string parent_id;  // for sub-indicators
  std::string method;     // catalogue | fingerprint | similarity | analyst
  double score = 0;       // 1 for exact catalogue matches
  bool grouped = true;    // false: the wording names too little to share a row
};

// An analyst's decision on an indicator text (folded key + unit).
struct MatchDecision {
  std::string decision;      // "confirm", "reject" or "map"
  std::string indicator_id;  // for "map": the id to use
};

class IndicatorCatalogue {
 public:
  // Reads the catalogue; a malformed row (a change other than level, increase
  // or decrease, a parent or "@id" naming no entry, an id twice) is an error
  // naming its line.
  static Status Load(const std::string& path, IndicatorCatalogue* out);

  // A figure's indicator, unit, change and counted noun ("căn", "dự án": what a
  // count counts is part of its unit; an entry counting things names them).
  IndicatorMatch match(const Figure& f, const std::map<std::string, MatchDecision>& decisions = {}) const;
  // The same for a figure with no counted noun.
  IndicatorMatch match(const IndicatorName& indicator, const std::string& unit, Change change,
                       const std::map<std::string, MatchDecision>& decisions = {}) const;

  const CatalogueEntry* find(const std::string& id) const;
  // The entry with this statistical indicator system code ("0501", "T0501").
  const CatalogueEntry* find_code(const std::string& code) const;
  const std::vector<CatalogueEntry>& entries() const { return entries_; }
  const Abbreviations& abbreviations() const { return abbreviations_; }

  // The decisions map key for an indicator and its unit: the folded display
  // form and the unit, "co cau kinh te — dich vu|percent". Analysts' stored
  // decisions are keyed by it: its form must not change.
  static std::string decision_key(const IndicatorName& indicator, const std::string& unit);

 private:
  Status resolve(const std::string& path, const std::vector<int>& lines);

  std::vector<CatalogueEntry> entries_;
  Abbreviations abbreviations_;
};

// OpenRefine's key-collision fingerprint: folded tokens, deduplicated, sorted.
std::string fingerprint(const std::string& text);

// Jaccard similarity of the folded token sets of two texts.
double token_similarity(const std::string& a, const std::string& b);

}  // namespace chitieu

#endif  // CHITIEU_COMPARE_INDICATOR_CATALOGUE_H_
