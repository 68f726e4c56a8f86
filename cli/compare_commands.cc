// `chitieu compare` and `chitieu match`: the comparison table and the analyst's
// control over which canonical indicator each wording measures.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.h"
#include "compare/comparison_table.h"
#include "compare/html_report.h"
#include "compare/xlsx_report.h"
#include "compare/indicator_catalogue.h"
#include "normalizer/lexicon.h"
#include "store/store.h"

namespace chitieu {
namespace {

struct Loaded {
  std::unique_ptr<Store> store;
  IndicatorCatalogue catalogue;
  std::map<std::string, MatchDecision> decisions;
  std::vector<StoredDecision> stored_decisions;
  std::vector<StoredDocument> documents;
  std::vector<StoredFigure> figures;
};

int load(const GlobalOptions& g, const std::string& catalogue_path, Loaded* l) {
  Status st = Store::Open(g.db, OpenMode::kMustExist, &l->store);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  std::string path = catalogue_path.empty() ? resolve_data_dir(g.data_dir) + "/indicators.tsv" : catalogue_path;
  st = IndicatorCatalogue::Load(path, &l->catalogue);
  // One snapshot, as in verify: an ingest committing meanwhile is all in or out.
  if (st.ok()) st = l->store->begin_snapshot();
  if (st.ok()) st = l->store->decisions(&l->stored_decisions);
  if (st.ok()) st = l->store->documents(&l->documents);
  if (st.ok()) st = l->store->figures([&](const StoredFigure& sf) { l->figures.push_back(sf); });
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  for (const StoredDecision& d : l->stored_decisions)
    l->decisions[d.key] = {d.decision, d.indicator_id};
  return 0;  // the caller ends the snapshot once it has read all it needs
}

// Ends the read snapshot `load` began; a failure is the database's.
bool end_snapshot(Loaded* l) {
  Status st = l->store->end_snapshot();
  if (!st.ok()) std::cerr << "chitieu: " << st.message() << "\n";
  return st.ok();
}

// Stores how every figure was matched, so the matches can be browsed in SQL.
Status save_matches(Loaded* l) {
  std::vector<StoredMatch> matches;
  for (const StoredFigure& sf : l->figures) {
    IndicatorMatch m = l->catalogue.match(sf.figure, l->decisions);
    matches.push_back({sf.id, m.id, m.method, m.score});
  }
  return l->store->save_matches(matches);
}

// Every line of every document, read once: the checks and the report's
// source panels pick from them.
class DocumentText {
 public:
  Status read(Store* store, const std::vector<StoredDocument>& documents) {
    for (const StoredDocument& d : documents) {
      Status st = store->lines(d.id, 1, INT64_MAX, &text_[d.id]);
      if (!st.ok()) return st;
    }
    return Status::Ok();
  }

  const StoredLine* find(int64_t doc, int64_t n) const {
    auto it = text_.find(doc);
    if (it == text_.end()) return nullptr;
    const std::vector<StoredLine>& lines = it->second;
    if (n < 1 || n > static_cast<int64_t>(lines.size()) || lines[n - 1].line_no != n) return nullptr;
    return &lines[n - 1];
  }

  // The raw line each figure ends on, for the internal checks.
  LineLookup figure_ends(const std::vector<StoredFigure>& figures) const {
    LineLookup lines;
    for (const StoredFigure& sf : figures)
      if (const StoredLine* line = find(sf.document_id, sf.figure.line_end))
        lines[{sf.document_id, sf.figure.line_end}] = line->raw;
    return lines;
  }

  // The lines around every figure in the table, for the HTML report's panels.
  SourceLines around(const Comparison& c) const {
    SourceLines source;
    for (const ComparisonRow& row : c.rows)
      for (const ComparisonCell& cell : row.cells)
        for (const StoredFigure& sf : cell.figures)
          for (int64_t n = static_cast<int64_t>(sf.figure.line) - 2;
               n <= static_cast<int64_t>(sf.figure.line_end) + 2; ++n)
            if (const StoredLine* line = find(sf.document_id, n))
              source[{sf.document_id, n}] = {line->raw, line->repaired};
    return source;
  }

 private:
  std::map<int64_t, std::vector<StoredLine>> text_;
};

// The catalogue id `--by-indicator` names: an id, or a statistical indicator
// system code where the catalogue knows it. Empty when it names none.
std::string indicator_asked(const IndicatorCatalogue& catalogue, const std::string& asked) {
  if (const CatalogueEntry* e = catalogue.find(asked)) return e->id;
  if (const CatalogueEntry* e = catalogue.find_code(asked)) return e->id;
  return "";
}

ComparisonOptions options_of(const CompareRequest& r) {
  ComparisonOptions options;
  options.by_year = r.by_year;
  options.indicator = r.indicator;
  options.document = r.document;
  options.year = r.year;
  options.issuer = r.issuer;
  return options;
}

// The table in a text format (md, csv, jsonl, html).
std::string render_text(const Comparison& c, const DocumentText& text, const std::string& format) {
  if (format == "csv") return render_csv(c);
  if (format == "jsonl") return render_jsonl(c);
  if (format == "html") return render_html(c, text.around(c));
  return render_markdown(c);
}

// To standard output, or to `path` when given. The exit status.
int write_output(const std::string& out_text, const std::string& path) {
  if (path.empty()) {
    std::cout << out_text;
    return 0;
  }
  std::ofstream out(path, std::ios::binary);
  out << out_text;
  out.close();
  if (!out) {
    std::cerr << "compare: cannot write " << path << "\n";
    return 1;
  }
  std::cerr << "compare: wrote " << path << "\n";
  return 0;
}

// Records an analyst's decision on the wording `r.key` names. The exit status.
int record_decision(const MatchRequest& r, Loaded* l) {
  if (r.key.empty()) {
    std::cerr << "match: give --key (as listed by `chitieu match`)\n";
    return 2;
  }
  if (r.decision == "map" && !l->catalogue.find(r.map_to)) {
    std::cerr << "match: no indicator '" << r.map_to << "' in the catalogue\n";
    return 2;
  }
  auto keyed = std::find_if(l->figures.begin(), l->figures.end(), [&](const StoredFigure& sf) {
    return IndicatorCatalogue::decision_key(sf.figure.indicator, sf.figure.unit) == r.key;
  });
  if (keyed == l->figures.end()) {
    std::cerr << "match: no stored figure has the key '" << r.key << "' (see `chitieu match`)\n";
    return 2;
  }
  StoredDecision d;
  d.key = r.key;
  size_t bar = r.key.rfind('|');
  d.unit = bar == std::string::npos ? "" : r.key.substr(bar + 1);
  d.decision = r.decision;
  d.indicator_id = r.map_to;
  d.indicator_text = keyed->figure.indicator.display();
  if (r.decision == "confirm")
    d.indicator_id = l->catalogue.match(keyed->figure, l->decisions).id;
  Status st = l->store->set_decision(d);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  l->decisions[d.key] = {d.decision, d.indicator_id};
  std::cerr << "match: " << r.decision << " " << r.key << (d.indicator_id.empty() ? "" : " -> " + d.indicator_id)
            << "\n";
  return 0;
}

// One line per wording: key, figures, indicator id, method, score, wording.
void list_matches(const Loaded& l) {
  std::map<std::string, std::pair<int, IndicatorMatch>> seen;
  std::map<std::string, std::string> text_of;
  for (const StoredFigure& sf : l.figures) {
    std::string key = IndicatorCatalogue::decision_key(sf.figure.indicator, sf.figure.unit);
    auto& slot = seen[key];
    if (slot.first++ == 0) slot.second = l.catalogue.match(sf.figure, l.decisions);
    text_of.emplace(key, sf.figure.indicator.display());
  }
  std::cout << "key\tfigures\tindicator_id\tmethod\tscore\twording\n";
  for (const auto& [key, v] : seen) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", v.second.score);
    std::cout << key << "\t" << v.first << "\t" << v.second.id << "\t" << v.second.method << "\t" << score
              << "\t" << text_of[key] << "\n";
  }
}

// A filter that keeps nothing is said on stderr, naming it; true then.
bool report_empty_filters(const CompareRequest& r, const Comparison& c) {
  if (!c.rows.empty()) return false;
  std::string documents, figures;
  if (!r.document.empty()) documents += " --document '" + r.document + "'";
  if (!r.issuer.empty()) documents += " --issuer '" + r.issuer + "'";
  if (!r.indicator.empty()) figures += " --indicator '" + r.indicator + "'";
  if (!r.by_indicator.empty()) figures += " --by-indicator '" + r.by_indicator + "'";
  if (!r.year.empty()) figures += " --year '" + r.year + "'";
  if (documents.empty() && figures.empty()) return false;
  if (!documents.empty() && c.documents.empty())
    std::cerr << "compare: no stored document matches" << documents << "\n";
  else
    std::cerr << "compare: no figure to compare matches" << documents << figures << "\n";
  return true;
}

}  // namespace

int run_compare(const GlobalOptions& g, const CompareRequest& r) {
  Loaded l;
  if (int rc = load(g, r.catalogue, &l)) return rc;
  if ((r.format == "html" || r.format == "xlsx") && r.output.empty()) {
    std::cerr << "compare: --format " << r.format << " needs --output FILE\n";
    return 2;
  }
  ComparisonOptions options = options_of(r);
  if (!r.by_indicator.empty()) {
    options.indicator_id = indicator_asked(l.catalogue, r.by_indicator);
    if (options.indicator_id.empty()) {
      std::cerr << "compare: no indicator '" << r.by_indicator
                << "' in the catalogue (give its id, or its statistical code)\n";
      return 2;
    }
  }
  DocumentText text;
  Status st = text.read(l.store.get(), l.documents);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  if (!end_snapshot(&l)) return 3;
  Comparison c = build_comparison(l.catalogue, l.decisions, l.documents, l.figures, text.figure_ends(l.figures),
                                  options);
  st = save_matches(&l);
  if (!st.ok()) std::cerr << "warning: matches not stored: " << st.message() << "\n";
  // Nothing asked for is there: the (empty) table is still written, and the
  // exit status says so, as search's does.
  const int nothing = report_empty_filters(r, c) ? exit_code_for(Status::Error(StatusCode::kNotFound, "")) : 0;

  if (r.format != "xlsx") {
    int rc = write_output(render_text(c, text, r.format), r.output);
    return rc ? rc : nothing;
  }
  st = write_xlsx(c, r.output);
  if (!st.ok()) {
    std::cerr << "compare: " << r.output << ": " << st.message() << "\n";
    return 1;
  }
  std::cerr << "compare: wrote " << r.output << "\n";
  return nothing;
}

int run_match(const GlobalOptions& g, const MatchRequest& r) {
  Loaded l;
  if (int rc = load(g, r.catalogue, &l)) return rc;
  if (!end_snapshot(&l)) return 3;
  if (!r.decision.empty())
    if (int rc = record_decision(r, &l)) return rc;
  list_matches(l);
  Status st = save_matches(&l);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  return 0;
}

int run_search(const GlobalOptions& g, const std::string& query, size_t limit) {
  // Abbreviations the catalogue defines are searched with what they stand
  // for: "BHYT" finds "bảo hiểm y tế", and the other way round.
  IndicatorCatalogue catalogue;
  Status st = IndicatorCatalogue::Load(resolve_data_dir(g.data_dir) + "/indicators.tsv", &catalogue);
  std::unique_ptr<Store> store;
  if (st.ok()) st = Store::Open(g.db, OpenMode::kMustExist, &store);
  std::vector<SearchHit> hits;
  if (st.ok()) st = store->search(catalogue.abbreviations().search_terms(query), limit, &hits);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  for (const SearchHit& h : hits)
    std::cout << h.document << ":" << h.line_no << "\t" << h.kind << "\t" << h.raw << "\n";
  return hits.empty() ? 1 : 0;
}

}  // namespace chitieu
