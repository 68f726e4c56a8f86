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

std::string IndicatorCatalogue::decision_key(const std::string& indicator, const std::string& unit) {
  return comparison_key(indicator) + "|" + unit;
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

IndicatorMatch IndicatorCatalogue::match(const std::string& indicator, const std::string& unit,
                                         const std::map<std::string, MatchDecision>& decisions) const {
  auto decided = decisions.find(decision_key(indicator, unit));
  if (decided != decisions.end() && decided->second.decision == "map") {
    IndicatorMatch m;
    m.id = decided->second.indicator_id;
    const CatalogueEntry* e = find(m.id);
    m.name = e ? e->name : indicator;
    m.parent_id = e ? e->parent : "";
    m.method = "analyst";
    m.score = 1;
    return m;
  }
  bool rejected = decided != decisions.end() && decided->second.decision == "reject";
  const std::string base = unit_base(unit);
  std::vector<std::string> parts = split(indicator, kPartSeparator);

  // Catalogue: walk the parts of a breakdown down the catalogue's hierarchy.
  const CatalogueEntry* current = nullptr;
  size_t matched_parts = 0;
  if (!rejected) {
    for (size_t i = 0; i < parts.size(); ++i) {
      std::string key = comparison_key(parts[i]);
      const CatalogueEntry* best = nullptr;
      size_t best_len = 0;
      for (const CatalogueEntry& e : entries_) {
        if (e.parent != (current ? current->id : "")) continue;
        if (unit_base(e.unit) != base) continue;
        for (const std::string& k : e.keys)
          if (k.size() > best_len && contains_words(key, k)) {
            best = &e;
            best_len = k.size();
          }
      }
      if (!best) break;
      current = best;
      matched_parts = i + 1;
    }
  }
  IndicatorMatch m;
  if (current && matched_parts == parts.size()) {
    m.id = current->id;
    m.name = current->name;
    m.parent_id = current->parent;
    m.method = decided != decisions.end() ? "analyst" : "catalogue";
    m.score = 1;
    return m;
  }
  // Not (wholly) catalogued: the rest of the text keys the row.
  std::string rest;
  for (size_t i = matched_parts; i < parts.size(); ++i) rest += (rest.empty() ? "" : " ") + parts[i];
  std::string fp = fingerprint(rest);
  m.id = (current ? current->id + "/" : std::string()) + "auto:" + base + ":" + fp;
  m.name = current ? current->name + kPartSeparator + rest : indicator;
  m.parent_id = current ? current->id : "";
  m.method = "fingerprint";
  m.score = 1;
  if (rejected) return m;
  // A near catalogue entry under the same parent, by token similarity.
  double best_score = 0;
  const CatalogueEntry* near = nullptr;
  for (const CatalogueEntry& e : entries_) {
    if (e.parent != (current ? current->id : "") || unit_base(e.unit) != base) continue;
    double sim = token_similarity(rest, e.name);
    if (sim > best_score) {
      best_score = sim;
      near = &e;
    }
  }
  if (near && best_score >= kSimilarityThreshold) {
    m.id = near->id;
    m.name = near->name;
    m.parent_id = near->parent;
    m.method = "similarity";
    m.score = best_score;
  }
  return m;
}

}  // namespace chitieu
