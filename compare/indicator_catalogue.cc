// Reading the catalogue (data/indicators.tsv); the matching is in
// indicator_matching.cc.
#include "compare/indicator_catalogue.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "common/text.h"
#include "normalizer/lexicon.h"

namespace chitieu {
namespace {

// id, name, unit, change, then optional parent, code, aliases.
constexpr size_t kRequiredColumns = 4;
const char kAliasSeparator[] = "|";

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::vector<std::string> aliases_of(const std::string& column) {
  std::vector<std::string> out;
  std::stringstream in(column);
  std::string alias;
  while (std::getline(in, alias, kAliasSeparator[0]))
    if (!trim(alias).empty()) out.push_back(trim(alias));
  return out;
}

bool parse_catalogue_change(const std::string& text, Change* out) {
  if (text == "level") *out = Change::kLevel;
  else if (text == "increase") *out = Change::kIncrease;
  else if (text == "decrease") *out = Change::kDecrease;
  else return false;
  return true;
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

std::string IndicatorCatalogue::decision_key(const IndicatorName& indicator, const std::string& unit) {
  return comparison_key(indicator.display()) + "|" + unit;
}

Status IndicatorCatalogue::Load(const std::string& path, IndicatorCatalogue* out) {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  Status st = read_tsv_rows(path, kRequiredColumns, &rows, &lines);
  if (!st.ok()) return st;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::vector<std::string>& cols = rows[i];
    cols.resize(7);
    CatalogueEntry e;
    e.id = cols[0];
    e.name = cols[1];
    e.unit = cols[2];
    if (!parse_catalogue_change(cols[3], &e.change))
      return Status::Error(StatusCode::kData, path + ":" + std::to_string(lines[i]) + ": change \"" + cols[3] +
                                                  "\" is not level, increase or decrease");
    e.parent = cols[4];
    e.code = cols[5];
    e.wordings.push_back(e.name);
    for (std::string& alias : aliases_of(cols[6])) e.wordings.push_back(std::move(alias));
    out->entries_.push_back(std::move(e));
  }
  return out->resolve(path, lines);
}

// Checks ids and parents, replaces "@id" by that entry's wordings, learns the
// abbreviations and computes every matching key.
Status IndicatorCatalogue::resolve(const std::string& path, const std::vector<int>& lines) {
  auto error = [&](size_t i, const std::string& what) {
    return Status::Error(StatusCode::kData, path + ":" + std::to_string(lines[i]) + ": " + what);
  };
  std::set<std::string> ids;
  for (size_t i = 0; i < entries_.size(); ++i)
    if (!ids.insert(entries_[i].id).second) return error(i, "id \"" + entries_[i].id + "\" given twice");
  std::vector<std::vector<std::string>> written(entries_.size());
  for (size_t i = 0; i < entries_.size(); ++i) {
    const CatalogueEntry& e = entries_[i];
    if (!e.parent.empty() && !ids.count(e.parent)) return error(i, "no parent \"" + e.parent + "\"");
    for (const std::string& w : e.wordings) {
      if (w.empty()) continue;
      if (w[0] != '@') {
        written[i].push_back(w);
        continue;
      }
      const CatalogueEntry* ref = find(w.substr(1));
      if (!ref) return error(i, "no entry \"" + w + "\"");
      for (const std::string& rw : ref->wordings) {
        if (!rw.empty() && rw[0] == '@') return error(i, "\"" + w + "\" names an entry that has @ aliases itself");
        written[i].push_back(rw);
      }
    }
  }
  for (const std::vector<std::string>& ws : written)
    for (const std::string& w : ws) abbreviations_.learn_parenthesized(w);
  for (const std::vector<std::string>& ws : written)
    for (const std::string& w : ws)
      for (const std::string& abbreviation : abbreviations_in(w)) abbreviations_.learn_initials(abbreviation, ws);
  for (size_t i = 0; i < entries_.size(); ++i) {
    CatalogueEntry& e = entries_[i];
    e.wordings = std::move(written[i]);
    for (const std::string& w : e.wordings) {
      std::string key = abbreviations_.expand(matching_key(w));
      if (!key.empty() && std::find(e.keys.begin(), e.keys.end(), key) == e.keys.end()) e.keys.push_back(key);
    }
  }
  return Status::Ok();
}

const CatalogueEntry* IndicatorCatalogue::find(const std::string& id) const {
  for (const CatalogueEntry& e : entries_)
    if (e.id == id) return &e;
  return nullptr;
}

const CatalogueEntry* IndicatorCatalogue::find_code(const std::string& code) const {
  if (code.empty()) return nullptr;
  for (const CatalogueEntry& e : entries_)
    if (e.code == code) return &e;
  return nullptr;
}

}  // namespace chitieu
