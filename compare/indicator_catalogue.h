// Which canonical indicator a figure measures.
//
// The catalogue (data/indicators.tsv) names the indicators and their aliases.
// A figure's indicator text is matched in three steps, each recorded with its
// method and score: the catalogue's names and aliases as whole words of the
// folded text ("catalogue", score 1); else the key-collision fingerprint of the
// text, so that wordings that differ only in order, marks or punctuation meet
// in one row ("fingerprint", id "auto:…"); and for those, a near catalogue
// entry by token similarity ("similarity", the Jaccard score) when it is close
// enough. Breakdowns ({"Cơ cấu kinh tế", "dịch vụ"}) match their sub-indicator
// among the children of the parent's match; a parent that is itself a
// breakdown ("A — B", the display form of an earlier one) is walked part by
// part above the sub. An analyst's decision for an indicator text (confirm,
// reject, map) overrides all of this.
#ifndef CHITIEU_COMPARE_INDICATOR_CATALOGUE_H_
#define CHITIEU_COMPARE_INDICATOR_CATALOGUE_H_

#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "model/figure.h"

namespace chitieu {

struct CatalogueEntry {
  std::string id;
  std::string name;
  std::string unit;    // expected unit
  std::string parent;  // parent id, or empty
  std::vector<std::string> keys;  // folded keys of the name and aliases
};

struct IndicatorMatch {
  std::string id;         // catalogue id, or "auto:<fingerprint>"
  std::string name;       // catalogue name, or the text itself
  std::string parent_id;  // for sub-indicators
  std::string method;     // catalogue | fingerprint | similarity | analyst
  double score = 0;       // 1 for exact catalogue matches
};

// An analyst's decision on an indicator text (folded key + unit).
struct MatchDecision {
  std::string decision;      // "confirm", "reject" or "map"
  std::string indicator_id;  // for "map": the id to use
};

class IndicatorCatalogue {
 public:
  static Status Load(const std::string& path, IndicatorCatalogue* out);

  IndicatorMatch match(const IndicatorName& indicator, const std::string& unit,
                       const std::map<std::string, MatchDecision>& decisions = {}) const;

  const CatalogueEntry* find(const std::string& id) const;
  const std::vector<CatalogueEntry>& entries() const { return entries_; }

  // The decisions map key for an indicator and its unit: the folded display
  // form and the unit, "co cau kinh te — dich vu|percent". Analysts' stored
  // decisions are keyed by it: its form must not change.
  static std::string decision_key(const IndicatorName& indicator, const std::string& unit);

 private:
  std::vector<CatalogueEntry> entries_;
};

// OpenRefine's key-collision fingerprint: folded tokens, deduplicated, sorted.
std::string fingerprint(const std::string& text);

// Jaccard similarity of the folded token sets of two texts.
double token_similarity(const std::string& a, const std::string& b);

}  // namespace chitieu

#endif  // CHITIEU_COMPARE_INDICATOR_CATALOGUE_H_
