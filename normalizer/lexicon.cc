#include "normalizer/lexicon.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <unicode/uchar.h>

#include "common/text.h"

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
                     std::vector<std::vector<std::string>>* rows,
                     std::vector<int>* line_numbers, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(StatusCode::kData, "cannot read data file " + path);
  std::stringstream whole;
  whole << in.rdbuf();
  std::string content = whole.str();
  std::istringstream lines_in(content);
  std::string line;
  int number = 0;
  while (std::getline(lines_in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cols = split_tabs(line);
    if (cols.size() < min_columns) {
      return Status::Error(StatusCode::kData, path + ":" + std::to_string(number) + ": expected " +
                           std::to_string(min_columns) + " tab-separated columns");
    }
    rows->push_back(std::move(cols));
    if (line_numbers) line_numbers->push_back(number);
  }
  if (bytes) *bytes = std::move(content);
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

namespace {

// The rows of one data file, with the line of each, for messages that name
// the file, the line and the surface.
struct DataFile {
  std::string path;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;

  // Reads dir/name and records its bytes, as read, in `lex->data_files`.
  Status read(Lexicon* lex, const std::string& dir, const char* name, size_t min_columns) {
    path = dir + "/" + name;
    std::string bytes;
    Status st = read_tsv_rows(path, min_columns, &rows, &lines, &bytes);
    if (st.ok()) lex->data_files.emplace_back(name, std::move(bytes));
    return st;
  }
  Status error(size_t row, const std::string& what) const {
    return Status::Error(StatusCode::kData, path + ":" + std::to_string(lines[row]) + ": " + what);
  }
  // Surfaces are matched against folded text: one written otherwise would
  // never match, so it is refused rather than silently ignored.
  Status check_folded(size_t row, size_t column) const {
    const std::string& surface = rows[row][column];
    if (fold_text(surface) == surface) return Status::Ok();
    return error(row, "surface \"" + surface + "\" is not folded (write \"" + fold_text(surface) +
                          "\"; see data/README.md)");
  }
  // Every row's `column`, checked folded, appended to `out`.
  Status folded_column(size_t column, std::vector<std::string>* out) const {
    for (size_t i = 0; i < rows.size(); ++i) {
      if (Status st = check_folded(i, column); !st.ok()) return st;
      out->push_back(rows[i][column]);
    }
    return Status::Ok();
  }
};

Status load_units(const std::string& dir, Lexicon* out) {
  DataFile file;
  if (Status st = file.read(out, dir, "units.tsv", 2); !st.ok()) return st;
  for (size_t i = 0; i < file.rows.size(); ++i) {
    const auto& r = file.rows[i];
    if (Status st = file.check_folded(i, 0); !st.ok()) return st;
    if (r[0].empty() || r[0][0] == ' ') return file.error(i, "a unit opens with a letter, a digit or \"/\"");
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
      return file.error(i, "unknown type '" + type + "'");
    }
    if (r.size() > 2 && e.type != UnitEntry::kScale) e.code = r[2];
    e.needs_value_word = r.size() > 3 && r[3] == "value_verb";
    e.per_population = r.size() > 3 && r[3] == "per_population";
    if (r.size() > 3 && !e.needs_value_word && !e.per_population)
      return file.error(i, "unknown flag '" + r[3] + "'");
    out->units.push_back(e);
  }
  longest_first(&out->units);
  if (out->units.size() > UINT16_MAX) return file.error(file.rows.size() - 1, "too many units");
  for (size_t i = 0; i < out->units.size(); ++i) {
    out->units_by_first_byte[static_cast<unsigned char>(out->units[i].surface[0])].push_back(static_cast<uint16_t>(i));
  }
  return Status::Ok();
}

Status load_qualifiers(const std::string& dir, Lexicon* out) {
  DataFile file;
  if (Status st = file.read(out, dir, "qualifiers.tsv", 3); !st.ok()) return st;
  for (size_t i = 0; i < file.rows.size(); ++i) {
    const auto& r = file.rows[i];
    if (Status st = file.check_folded(i, 0); !st.ok()) return st;
    QualifierEntry q;
    q.surface = r[0];
    std::string cmp = unquote(r[1]);
    q.opens_range_from = cmp == ">=from";
    if (q.opens_range_from) cmp = ">=";
    if (!cmp.empty()) {
      q.comparator = parse_comparator(cmp);
      if (!q.comparator) return file.error(i, "unknown comparator \"" + cmp + "\" for \"" + r[0] + "\"");
    }
    if (r[2] != "before" && r[2] != "after" && r[2] != "bare" && r[2] != "nearest")
      return file.error(i, "unknown place \"" + r[2] + "\" for \"" + r[0] + "\"");
    q.after = r[2] == "after";
    q.bare = r[2] == "bare";
    q.nearest = r[2] == "nearest";
    out->qualifiers.push_back(std::move(q));
  }
  longest_first(&out->qualifiers);
  return Status::Ok();
}

Status load_implied_units(const std::string& dir, Lexicon* out) {
  DataFile file;
  if (Status st = file.read(out, dir, "implied_units.tsv", 2); !st.ok()) return st;
  for (size_t i = 0; i < file.rows.size(); ++i) {
    const auto& r = file.rows[i];
    if (Status st = file.check_folded(i, 0); !st.ok()) return st;
    ImpliedUnit u;
    u.words = r[0];
    u.denominator_only = r[1] == "denominator";
    u.unit = r.size() > 2 ? r[2] : "";
    u.counted = r.size() > 3 ? r[3] : "";
    out->implied_units.push_back(u);
  }
  return Status::Ok();
}

// A file of one folded surface per line.
Status load_folded_list(Lexicon* lex, const std::string& dir, const char* name, std::vector<std::string>* out) {
  DataFile file;
  if (Status st = file.read(lex, dir, name, 1); !st.ok()) return st;
  return file.folded_column(0, out);
}

Status load_labeled_patterns(const std::string& dir, Lexicon* out) {
  DataFile issuers;
  if (Status st = issuers.read(out, dir, "issuers.tsv", 3); !st.ok()) return st;
  for (size_t i = 0; i < issuers.rows.size(); ++i) {
    if (Status st = issuers.check_folded(i, 1); !st.ok()) return st;
    const auto& r = issuers.rows[i];
    out->issuers.push_back({r[0], r[1], r[2]});
  }
  return Status::Ok();
}

// data/doc_types.tsv and data/genre_words.tsv: document types and the
// genre a title gives.
Status load_doc_types(const std::string& dir, Lexicon* out) {
  static const std::set<std::string> kGenres = {"plan", "report", "regulation", "form"};
  DataFile types;
  if (Status st = types.read(out, dir, "doc_types.tsv", 4); !st.ok()) return st;
  for (size_t i = 0; i < types.rows.size(); ++i) {
    if (Status st = types.check_folded(i, 0); !st.ok()) return st;
    const auto& r = types.rows[i];
    DocType t{r[0], r[1], r[2] == "-" ? "" : r[2], {}};
    if (!t.genre.empty() && !kGenres.count(t.genre)) return types.error(i, "unknown genre '" + r[2] + "'");
    if (r[3] != "-") {
      std::istringstream codes(r[3]);
      for (std::string c; std::getline(codes, c, ',');) t.number_codes.push_back(c);
    }
    out->doc_types.push_back(std::move(t));
  }
  DataFile cues;
  if (Status st = cues.read(out, dir, "genre_words.tsv", 4); !st.ok()) return st;
  for (size_t i = 0; i < cues.rows.size(); ++i) {
    if (Status st = cues.check_folded(i, 2); !st.ok()) return st;
    const auto& r = cues.rows[i];
    if (r[1] != "start" && r[1] != "any") return cues.error(i, "where must be 'start' or 'any'");
    if (!kGenres.count(r[3])) return cues.error(i, "unknown genre '" + r[3] + "'");
    out->genre_cues.push_back({r[0], r[1] == "start", r[2], r[3]});
  }
  return Status::Ok();
}

// data/words.tsv: role <TAB> folded surface.
Status load_grammar_words(Lexicon* lex, const std::string& dir, GrammarWords* out) {
  const std::map<std::string, std::vector<std::string>*> roles = {
      {"indicator_leading", &out->indicator_leading},
      {"indicator_trailing", &out->indicator_trailing},
      {"target_word", &out->target_words},
      {"table_row_number_header", &out->table_row_number_headers},
      {"table_unit_header", &out->table_unit_headers},
      {"table_value_header", &out->table_value_headers},
      {"table_result_header", &out->table_result_headers},
      {"table_estimate_header", &out->table_estimate_headers},
      {"table_change_header", &out->table_change_headers},
      {"table_no_value_header", &out->table_no_value_headers},
      {"header_not_number", &out->header_not_number},
      {"header_place", &out->header_place_words},
      {"header_preamble", &out->header_preamble_words},
      {"enacting_authority", &out->enacting_authorities},
      {"title_connector", &out->title_connectors},
      {"open_end", &out->open_end_words},
      {"so_compound", &out->so_compound_words},
      {"per_year", &out->per_year_words},
      {"result_cue", &out->result_cues},
      {"plan_share", &out->plan_share_words},
      {"plan_reached", &out->plan_reached_words},
      {"last_year", &out->last_year_words},
      {"this_year", &out->this_year_words},
      {"target_qualifier", &out->target_qualifiers},
      {"rule_cue", &out->rule_cues},
      {"goal_word", &out->goal_words},
      {"not_results_heading", &out->not_results_heading},
      {"citation_date", &out->citation_dates},
      {"time_lead", &out->time_leads},
      {"time_frame", &out->time_frames},
      {"time_span_after", &out->time_span_after},
      {"law_title", &out->law_titles},
      {"law_title_compound", &out->law_title_compounds},
      {"change_increase", &out->change_increase},
      {"change_decrease", &out->change_decrease},
      {"change_level", &out->change_level},
      {"growth_indicator", &out->growth_indicators},
      {"decline_indicator", &out->decline_indicators},
      {"issuing_verb", &out->issuing_verbs},
      {"issuer_filler", &out->issuer_fillers},
      {"dateline_word", &out->dateline_words},
      {"question_cue", &out->question_cues},
      {"news_cue", &out->news_cues},
      {"encyclopedia_mark", &out->encyclopedia_marks},
      {"site_chrome", &out->site_chrome},
      {"score_verb", &out->score_verbs},
      {"condition_lead", &out->condition_leads},
      {"vision_word", &out->vision_words},
      {"label_not_counted", &out->label_not_counted},
      {"portal_number", &out->portal_number},
      {"portal_type", &out->portal_type},
      {"portal_issuer", &out->portal_issuer},
      {"portal_date", &out->portal_date},
  };
  DataFile file;
  if (Status st = file.read(lex, dir, "words.tsv", 2); !st.ok()) return st;
  for (size_t i = 0; i < file.rows.size(); ++i) {
    auto role = roles.find(file.rows[i][0]);
    if (role == roles.end()) return file.error(i, "unknown role '" + file.rows[i][0] + "'");
    if (Status st = file.check_folded(i, 1); !st.ok()) return st;
    role->second->push_back(file.rows[i][1]);
  }
  return Status::Ok();
}

// Files written as spelled, with their marks (not folded).
Status load_spelled(const std::string& dir, Lexicon* out) {
  DataFile phrases;
  if (Status st = phrases.read(out, dir, "ocr_phrases.tsv", 1); !st.ok()) return st;
  for (const auto& r : phrases.rows) out->ocr_phrases.push_back(r[0]);
  out->phrase_repairs = prepare_phrase_repairs(out->ocr_phrases);
  std::vector<std::string> skeletons;
  for (const PhraseRepair& p : out->phrase_repairs) skeletons.push_back(p.folded);
  out->phrase_skeletons = FoldedWordSet(skeletons);

  DataFile syllables;
  if (Status st = syllables.read(out, dir, "common_syllables.tsv", 1); !st.ok()) return st;
  for (const auto& r : syllables.rows) out->common_syllables.insert(r[0]);

  DataFile vni;
  if (Status st = vni.read(out, dir, "vni.tsv", 2); !st.ok()) return st;
  for (const auto& r : vni.rows) {
    std::string bytes;
    std::istringstream hex(r[1]);
    std::string h;
    while (hex >> h) bytes.push_back(static_cast<char>(std::stoi(h, nullptr, 16)));
    out->vni.push_back({r[0], bytes});
  }
  return Status::Ok();
}

}  // namespace

std::vector<PhraseRepair> prepare_phrase_repairs(const std::vector<std::string>& phrases) {
  std::vector<PhraseRepair> out;
  for (const std::string& p : phrases) {
    PhraseRepair r;
    r.folded = fold_text(p);
    for (char32_t c : decode_utf8(p)) {
      if (u_getCombiningClass(c) == 0) r.text.push_back(static_cast<int32_t>(c));
    }
    if (r.text.size() == r.folded.size() && !r.folded.empty()) out.push_back(std::move(r));
  }
  return out;
}

Status load_lexicon(const std::string& dir, Lexicon* out) {
  Status st = load_units(dir, out);
  if (st.ok()) st = load_qualifiers(dir, out);
  if (st.ok()) st = load_implied_units(dir, out);
  if (st.ok()) st = load_folded_list(out, dir, "number_names.tsv", &out->number_names);
  if (st.ok()) st = load_folded_list(out, dir, "age_groups.tsv", &out->age_groups);
  if (st.ok()) st = load_folded_list(out, dir, "sections.tsv", &out->result_sections);
  if (st.ok()) st = load_labeled_patterns(dir, out);
  if (st.ok()) st = load_doc_types(dir, out);
  if (st.ok()) st = load_grammar_words(out, dir, &out->words);
  if (st.ok()) st = load_spelled(dir, out);
  return st;
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

std::string doc_type_label(const Lexicon& lex, std::string_view folded) {
  for (const DocType& t : lex.doc_types)
    if (t.pattern == folded) return t.label;
  return "";
}

}  // namespace chitieu
