#include "compare/indicator_catalogue.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "common/text.h"
#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

// Below this token similarity an uncatalogued wording keeps its own row.
constexpr double kSimilarityThreshold = 0.75;
const char* kPartSeparator = " — ";

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t p = s.find(sep, pos);
    out.push_back(s.substr(pos, p == std::string::npos ? std::string::npos : p - pos));
    if (p == std::string::npos) break;
    pos = p + sep.size();
  }
  return out;
}

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// The kind of quantity a unit measures: GRDP per head is one indicator in
// đồng or in dollars, so both currencies are "money".
std::string unit_base(const std::string& unit) {
  std::string base = unit.substr(0, unit.find('/'));
  return base == "VND" || base == "USD" ? "money" : base;
}

// Whole-word containment of `needle` in `hay` (both keys).
bool contains_words(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return false;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) {
    bool left = p == 0 || hay[p - 1] == ' ';
    bool right = p + needle.size() == hay.size() || hay[p + needle.size()] == ' ';
    if (left && right) return true;
  }
  return false;
}

std::set<std::string> tokens(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(comparison_key(text));
  std::string t;
  while (in >> t) out.insert(t);
  return out;
}

// The path of a figure's indicator down the catalogue's hierarchy: the
// parent's own parts (a parent may be the display form "A — B" of an earlier
// breakdown), then the sub. One empty part for an empty indicator.
std::vector<std::string> indicator_path(const IndicatorName& indicator) {
  std::vector<std::string> path;
  if (!indicator.parent.empty()) path = split(indicator.parent, kPartSeparator);
  if (!indicator.sub.empty() || path.empty()) path.push_back(indicator.sub);
  return path;
}

// How far a path goes down the catalogue: the deepest entry reached and how
// many parts of the path it took.
struct Walk {
  const CatalogueEntry* entry = nullptr;
  size_t parts = 0;
};

// The entry under `parent` (null: the top level) measuring `base` whose
// longest name or alias is whole words of `key`.
const CatalogueEntry* child_named_in(const std::vector<CatalogueEntry>& entries, const CatalogueEntry* parent,
                                     const std::string& key, const std::string& base) {
  const CatalogueEntry* best = nullptr;
  size_t best_len = 0;
  for (const CatalogueEntry& e : entries) {
    if (e.parent != (parent ? parent->id : "") || unit_base(e.unit) != base) continue;
    for (const std::string& k : e.keys)
      if (k.size() > best_len && contains_words(key, k)) {
        best = &e;
        best_len = k.size();
      }
  }
  return best;
}

// Walks the parts of a breakdown down the catalogue's hierarchy, each part
// naming a child of the previous part's entry.
Walk walk_down(const std::vector<CatalogueEntry>& entries, const std::vector<std::string>& path,
               const std::string& base) {
  Walk walk;
  for (const std::string& part : path) {
    const CatalogueEntry* child = child_named_in(entries, walk.entry, comparison_key(part), base);
    if (!child) break;
    walk.entry = child;
    ++walk.parts;
  }
  return walk;
}

// The entry under `parent` measuring `base` nearest to `text` by token
// similarity, when it is near enough; its score in `*score`.
const CatalogueEntry* nearest(const std::vector<CatalogueEntry>& entries, const CatalogueEntry* parent,
                              const std::string& text, const std::string& base, double* score) {
  const CatalogueEntry* near = nullptr;
  for (const CatalogueEntry& e : entries) {
    if (e.parent != (parent ? parent->id : "") || unit_base(e.unit) != base) continue;
    double sim = token_similarity(text, e.name);
    if (sim > *score) {
      *score = sim;
      near = &e;
    }
  }
  return *score >= kSimilarityThreshold ? near : nullptr;
}

}  // namespace

std::string fingerprint(const std::string& text) {
  std::string out;
  for (const std::string& t : tokens(text)) out += (out.empty() ? "" : " ") + t;
  return out;
}

double token_similarity(const std::string& a, const std::string& b) {
  std::set<std::string> x = tokens(a), y = tokens(b);
  if (x.empty() || y.empty()) return 0;
  size_t common = 0;
  for (const auto& t : x) common += y.count(t);
  return static_cast<double>(common) / (x.size() + y.size() - common);
}

std::string IndicatorCatalogue::decision_key(const IndicatorName& indicator, const std::string& unit) {
  return comparison_key(indicator.display()) + "|" + unit;
}

Status IndicatorCatalogue::Load(const std::string& path, IndicatorCatalogue* out) {
  std::vector<std::vector<std::string>> rows;
  Status st = read_tsv_rows(path, 3, &rows);
  if (!st.ok()) return st;
  for (const auto& cols : rows) {
    CatalogueEntry e;
    e.id = cols[0];
    e.name = cols[1];
    e.unit = cols[2];
    e.parent = cols.size() > 3 ? cols[3] : "";
    e.keys.push_back(comparison_key(e.name));
    if (cols.size() > 4)
      for (const std::string& alias : split(cols[4], "|"))
        if (!trim(alias).empty()) e.keys.push_back(comparison_key(trim(alias)));
    out->entries_.push_back(std::move(e));
  }
  return Status::Ok();
}

const CatalogueEntry* IndicatorCatalogue::find(const std::string& id) const {
  for (const CatalogueEntry& e : entries_)
    if (e.id == id) return &e;
  return nullptr;
}

IndicatorMatch IndicatorCatalogue::match(const IndicatorName& indicator, const std::string& unit,
                                         const std::map<std::string, MatchDecision>& decisions) const {
  auto decided = decisions.find(decision_key(indicator, unit));
  bool has_decision = decided != decisions.end();
  if (has_decision && decided->second.decision == "map") {
    const CatalogueEntry* e = find(decided->second.indicator_id);
    return {decided->second.indicator_id, e ? e->name : indicator.display(), e ? e->parent : "", "analyst", 1};
  }
  bool rejected = has_decision && decided->second.decision == "reject";
  const std::string base = unit_base(unit);
  std::vector<std::string> path = indicator_path(indicator);
  Walk walk = rejected ? Walk{} : walk_down(entries_, path, base);
  if (walk.entry && walk.parts == path.size())
    return {walk.entry->id, walk.entry->name, walk.entry->parent, has_decision ? "analyst" : "catalogue", 1};

  // Not (wholly) catalogued: the rest of the path keys the row.
  std::string rest;
  for (size_t i = walk.parts; i < path.size(); ++i) rest += (rest.empty() ? "" : " ") + path[i];
  const CatalogueEntry* current = walk.entry;
  IndicatorMatch m;
  m.id = (current ? current->id + "/" : std::string()) + "auto:" + base + ":" + fingerprint(rest);
  m.name = current ? current->name + kPartSeparator + rest : indicator.display();
  m.parent_id = current ? current->id : "";
  m.method = "fingerprint";
  m.score = 1;
  if (rejected) return m;
  double score = 0;
  if (const CatalogueEntry* near = nearest(entries_, current, rest, base, &score))
    return {near->id, near->name, near->parent, "similarity", score};
  return m;
}

}  // namespace chitieu
