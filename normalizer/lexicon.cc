#include "normalizer/lexicon.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace chitieu {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t t = line.find('\t', pos);
    out.push_back(line.substr(pos, t == std::string::npos ? std::string::npos : t - pos));
    if (t == std::string::npos) break;
    pos = t + 1;
  }
  return out;
}

}  // namespace

Status read_tsv_rows(const std::string& path, size_t min_columns,
                     std::vector<std::vector<std::string>>* rows) {
  std::ifstream in(path);
  if (!in) return Status::Error(StatusCode::kData, "cannot read data file " + path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cols = split_tabs(line);
    if (cols.size() < min_columns) {
      return Status::Error(StatusCode::kData, path + ":" + std::to_string(number) + ": expected " +
                           std::to_string(min_columns) + " tab-separated columns");
    }
    rows->push_back(std::move(cols));
  }
  return Status::Ok();
}

namespace {

std::string unquote(const std::string& s) { return s == "\"\"" ? "" : s; }

template <class T>
void longest_first(std::vector<T>* v) {
  std::stable_sort(v->begin(), v->end(), [](const T& a, const T& b) {
    return a.surface.size() > b.surface.size();
  });
}

}  // namespace

std::string resolve_data_dir(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("CHITIEU_DATA"); env && *env) return env;
  return CHITIEU_DATA_DIR;
}

Status load_lexicon(const std::string& dir, Lexicon* out) {
  std::vector<std::vector<std::string>> rows;
  Status st = read_tsv_rows(dir + "/units.tsv", 2, &rows);
  if (!st.ok()) return st;
  for (auto& r : rows) {
    UnitEntry e;
    e.surface = r[0];
    const std::string& type = r[1];
    if (type == "scale") {
      e.type = UnitEntry::kScale;
      e.factor = r.size() > 2 ? std::strtod(r[2].c_str(), nullptr) : 1.0;
    } else if (type == "base") {
      e.type = UnitEntry::kBase;
    } else if (type == "denom") {
      e.type = UnitEntry::kDenom;
    } else if (type == "counted") {
      e.type = UnitEntry::kCounted;
    } else if (type == "stop") {
      e.type = UnitEntry::kStop;
    } else {
      return Status::Error(StatusCode::kData, dir + "/units.tsv: unknown type '" + type + "'");
    }
    if (r.size() > 2 && e.type != UnitEntry::kScale) e.code = r[2];
    e.needs_value_word = r.size() > 3 && r[3] == "value_verb";
    out->units.push_back(e);
  }
  longest_first(&out->units);

  rows.clear();
  if (st = read_tsv_rows(dir + "/qualifiers.tsv", 3, &rows); !st.ok()) return st;
  for (auto& r : rows) {
    QualifierEntry q;
    q.surface = r[0];
    std::string cmp = unquote(r[1]);
    q.opens_range_from = cmp == ">=from";
    if (q.opens_range_from) cmp = ">=";
    if (!cmp.empty()) {
      q.comparator = parse_comparator(cmp);
      if (!q.comparator)
        return Status::Error(StatusCode::kData, dir + "/qualifiers.tsv: unknown comparator \"" + cmp + "\" for \"" + r[0] + "\"");
    }
    q.after = r[2] == "after";
    out->qualifiers.push_back(std::move(q));
  }
  longest_first(&out->qualifiers);

  rows.clear();
  if (st = read_tsv_rows(dir + "/implied_units.tsv", 2, &rows); !st.ok()) return st;
  for (auto& r : rows) {
    ImpliedUnit u;
    u.words = r[0];
    u.denominator_only = r[1] == "denominator";
    u.unit = r.size() > 2 ? r[2] : "";
    u.counted = r.size() > 3 ? r[3] : "";
    out->implied_units.push_back(u);
  }

  rows.clear();
  if (st = read_tsv_rows(dir + "/number_names.tsv", 1, &rows); !st.ok()) return st;
  for (auto& r : rows) out->number_names.push_back(r[0]);

  rows.clear();
  if (st = read_tsv_rows(dir + "/ocr_phrases.tsv", 1, &rows); !st.ok()) return st;
  for (auto& r : rows) out->ocr_phrases.push_back(r[0]);

  rows.clear();
  if (st = read_tsv_rows(dir + "/age_groups.tsv", 1, &rows); !st.ok()) return st;
  for (auto& r : rows) out->age_groups.push_back(r[0]);

  rows.clear();
  if (st = read_tsv_rows(dir + "/sections.tsv", 1, &rows); !st.ok()) return st;
  for (auto& r : rows) out->result_sections.push_back(r[0]);

  rows.clear();
  if (st = read_tsv_rows(dir + "/issuers.tsv", 3, &rows); !st.ok()) return st;
  for (auto& r : rows) out->issuers.push_back({r[0], r[1], r[2]});

  rows.clear();
  if (st = read_tsv_rows(dir + "/doc_types.tsv", 2, &rows); !st.ok()) return st;
  for (auto& r : rows) out->doc_types.push_back({"", r[0], r[1]});

  rows.clear();
  if (st = read_tsv_rows(dir + "/vni.tsv", 2, &rows); !st.ok()) return st;
  for (auto& r : rows) {
    std::string bytes;
    std::istringstream hex(r[1]);
    std::string h;
    while (hex >> h) bytes.push_back(static_cast<char>(std::stoi(h, nullptr, 16)));
    out->vni.push_back({r[0], bytes});
  }
  return Status::Ok();
}

const Lexicon& default_lexicon() {
  static const Lexicon lexicon = [] {
    Lexicon l;
    Status st = load_lexicon(resolve_data_dir(""), &l);
    if (!st.ok()) {
      std::fprintf(stderr, "chitieu: %s\n", st.message().c_str());
      std::exit(3);
    }
    return l;
  }();
  return lexicon;
}

}  // namespace chitieu
