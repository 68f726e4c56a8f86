// `chitieu compare` and `chitieu match`: the comparison table and the analyst's
// control over which canonical indicator each wording measures.
#include <cstdint>
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
  Status st = Store::Open(g.db, &l->store);
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

// Stores how every figure was matched, so the matches can be browsed in SQL.
Status save_matches(Loaded* l) {
  std::vector<StoredMatch> matches;
  for (const StoredFigure& sf : l->figures) {
    IndicatorMatch m = l->catalogue.match(sf.figure.indicator.display(), sf.figure.unit, l->decisions);
    matches.push_back({sf.id, m.id, m.method, m.score});
  }
  return l->store->save_matches(matches);
}

}  // namespace

int run_compare(const GlobalOptions& g, const CompareRequest& r) {
  Loaded l;
  if (int rc = load(g, r.catalogue, &l)) return rc;
  if ((r.format == "html" || r.format == "xlsx") && r.output.empty()) {
    std::cerr << "compare: --format " << r.format << " needs --output FILE\n";
    return 2;
  }
  // Every line of every document, read once: the checks and the report's
  // source panels pick from them.
  std::map<int64_t, std::vector<StoredLine>> text;
  for (const StoredDocument& d : l.documents) {
    Status st = l.store->lines(d.id, 1, INT64_MAX, &text[d.id]);
    if (!st.ok()) {
      std::cerr << "chitieu: " << st.message() << "\n";
      return 3;
    }
  }
  auto find_line = [&](int64_t doc, int64_t n) -> const StoredLine* {
    const std::vector<StoredLine>& lines = text[doc];
    if (n < 1 || n > static_cast<int64_t>(lines.size()) || lines[n - 1].line_no != n) return nullptr;
    return &lines[n - 1];
  };
  l.store->end_snapshot();
  LineLookup lines;
  for (const StoredFigure& sf : l.figures)
    if (const StoredLine* line = find_line(sf.document_id, sf.figure.line_end))
      lines[{sf.document_id, sf.figure.line_end}] = line->raw;
  ComparisonOptions options;
  options.by_year = r.by_year;
  options.indicator = r.indicator;
  options.document = r.document;
  options.year = r.year;
  options.issuer = r.issuer;
  Comparison c = build_comparison(l.catalogue, l.decisions, l.documents, l.figures, lines, options);
  Status st = save_matches(&l);
  if (!st.ok()) std::cerr << "warning: matches not stored: " << st.message() << "\n";

  if (r.format == "xlsx") {
    st = write_xlsx(c, r.output);
    if (!st.ok()) {
      std::cerr << "compare: " << r.output << ": " << st.message() << "\n";
      return 1;
    }
    std::cerr << "compare: wrote " << r.output << "\n";
    return 0;
  }
  std::string out_text;
  if (r.format == "csv") {
    out_text = render_csv(c);
  } else if (r.format == "jsonl") {
    out_text = render_jsonl(c);
  } else if (r.format == "html") {
    SourceLines source;
    for (const ComparisonRow& row : c.rows)
      for (const ComparisonCell& cell : row.cells)
        for (const StoredFigure& sf : cell.figures)
          for (int64_t n = static_cast<int64_t>(sf.figure.line) - 2;
               n <= static_cast<int64_t>(sf.figure.line_end) + 2; ++n)
            if (const StoredLine* line = find_line(sf.document_id, n))
              source[{sf.document_id, n}] = {line->raw, line->repaired};
    out_text = render_html(c, source);
  } else {
    out_text = render_markdown(c);
  }
  if (r.output.empty()) {
    std::cout << out_text;
  } else {
    std::ofstream out(r.output, std::ios::binary);
    out << out_text;
    out.close();
    if (!out) {
      std::cerr << "compare: cannot write " << r.output << "\n";
      return 1;
    }
    std::cerr << "compare: wrote " << r.output << "\n";
  }
  return 0;
}

int run_match(const GlobalOptions& g, const MatchRequest& r) {
  Loaded l;
  if (int rc = load(g, r.catalogue, &l)) return rc;
  l.store->end_snapshot();
  if (!r.decision.empty()) {
    if (r.key.empty()) {
      std::cerr << "match: give --key (as listed by `chitieu match`)\n";
      return 2;
    }
    if (r.decision == "map" && !l.catalogue.find(r.map_to)) {
      std::cerr << "match: no indicator '" << r.map_to << "' in the catalogue\n";
      return 2;
    }
    bool known = false;
    for (const StoredFigure& sf : l.figures)
      known = known || IndicatorCatalogue::decision_key(sf.figure.indicator.display(), sf.figure.unit) == r.key;
    if (!known) {
      std::cerr << "match: no stored figure has the key '" << r.key << "' (see `chitieu match`)\n";
      return 2;
    }
    StoredDecision d;
    d.key = r.key;
    size_t bar = r.key.rfind('|');
    d.indicator_text = r.key.substr(0, bar);
    d.unit = bar == std::string::npos ? "" : r.key.substr(bar + 1);
    d.decision = r.decision;
    d.indicator_id = r.map_to;
    for (const StoredFigure& sf : l.figures)
      if (IndicatorCatalogue::decision_key(sf.figure.indicator.display(), sf.figure.unit) == r.key) {
        d.indicator_text = sf.figure.indicator.display();
        if (r.decision == "confirm")
          d.indicator_id = l.catalogue.match(sf.figure.indicator.display(), sf.figure.unit, l.decisions).id;
        break;
      }
    Status st = l.store->set_decision(d);
    if (!st.ok()) {
      std::cerr << "chitieu: " << st.message() << "\n";
      return 3;
    }
    l.decisions[d.key] = {d.decision, d.indicator_id};
    std::cerr << "match: " << r.decision << " " << r.key << (d.indicator_id.empty() ? "" : " -> " + d.indicator_id)
              << "\n";
  }
  // One line per wording: key, figures, indicator id, method, score, wording.
  std::map<std::string, std::pair<int, IndicatorMatch>> seen;
  std::map<std::string, std::string> text_of;
  for (const StoredFigure& sf : l.figures) {
    std::string key = IndicatorCatalogue::decision_key(sf.figure.indicator.display(), sf.figure.unit);
    auto& slot = seen[key];
    if (slot.first++ == 0) slot.second = l.catalogue.match(sf.figure.indicator.display(), sf.figure.unit, l.decisions);
    text_of.emplace(key, sf.figure.indicator.display());
  }
  std::cout << "key\tfigures\tindicator_id\tmethod\tscore\twording\n";
  for (const auto& [key, v] : seen) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", v.second.score);
    std::cout << key << "\t" << v.first << "\t" << v.second.id << "\t" << v.second.method << "\t" << score
              << "\t" << text_of[key] << "\n";
  }
  Status st = save_matches(&l);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  return 0;
}

int run_search(const GlobalOptions& g, const std::string& query, size_t limit) {
  std::unique_ptr<Store> store;
  Status st = Store::Open(g.db, &store);
  std::vector<SearchHit> hits;
  if (st.ok()) st = store->search(query, limit, &hits);
  if (!st.ok()) {
    std::cerr << "chitieu: " << st.message() << "\n";
    return 3;
  }
  for (const SearchHit& h : hits)
    std::cout << h.document << ":" << h.line_no << "\t" << h.kind << "\t" << h.raw << "\n";
  return hits.empty() ? 1 : 0;
}

}  // namespace chitieu
