// Renders the HTML (and XLSX) report of a store the way `chitieu compare`
// would, for the browser test to open: the comparison from build_comparison,
// and for every figure in it the source lines around it.
//
//   render_report DB REPORT.html [REPORT.xlsx]
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <vector>

#include "compare/comparison_table.h"
#include "compare/html_report.h"
#include "compare/indicator_catalogue.h"
#include "compare/xlsx_report.h"
#include "store/store.h"

namespace {

using namespace chitieu;

int fail(const std::string& what, const Status& st) {
  std::cerr << "render_report: " << what << ": " << st.message() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: render_report DB REPORT.html [REPORT.xlsx]\n";
    return 2;
  }
  std::unique_ptr<Store> store;
  Status st = Store::Open(argv[1], OpenMode::kMustExist, &store);
  if (!st.ok()) return fail(argv[1], st);

  IndicatorCatalogue catalogue;
  st = IndicatorCatalogue::Load(std::string(CHITIEU_DATA_DIR) + "/indicators.tsv", &catalogue);
  if (!st.ok()) return fail("catalogue", st);
  std::vector<StoredDecision> stored_decisions;
  std::vector<StoredDocument> documents;
  std::vector<StoredFigure> figures;
  st = store->decisions(&stored_decisions);
  if (st.ok()) st = store->documents(&documents);
  if (st.ok()) st = store->figures([&](const StoredFigure& sf) { figures.push_back(sf); });
  if (!st.ok()) return fail(argv[1], st);
  std::map<std::string, MatchDecision> decisions;
  for (const StoredDecision& d : stored_decisions) decisions[d.key] = {d.decision, d.indicator_id};

  // Every line of every document, read once; the checks and the panels pick.
  std::map<int64_t, std::vector<StoredLine>> text;
  for (const StoredDocument& d : documents) {
    st = store->lines(d.id, 1, INT64_MAX, &text[d.id]);
    if (!st.ok()) return fail(d.file_name, st);
  }
  auto find_line = [&](int64_t doc, int64_t n) -> const StoredLine* {
    const std::vector<StoredLine>& lines = text[doc];
    if (n < 1 || n > int64_t(lines.size()) || lines[n - 1].line_no != n) return nullptr;
    return &lines[n - 1];
  };

  LineLookup lookup;
  for (const StoredFigure& sf : figures)
    if (const StoredLine* l = find_line(sf.document_id, sf.figure.line_end))
      lookup[{sf.document_id, sf.figure.line_end}] = l->raw;
  Comparison c = build_comparison(catalogue, decisions, documents, figures, lookup, ComparisonOptions());

  SourceLines source;
  for (const ComparisonRow& row : c.rows)
    for (const ComparisonCell& cell : row.cells)
      for (const StoredFigure& sf : cell.figures)
        for (int64_t n = int64_t(sf.figure.line) - 2; n <= int64_t(sf.figure.line_end) + 2; ++n)
          if (const StoredLine* l = find_line(sf.document_id, n))
            source[{sf.document_id, n}] = {l->raw, l->repaired};

  std::ofstream out(argv[2], std::ios::binary);
  out << render_html(c, source);
  out.close();
  if (!out) {
    std::cerr << "render_report: cannot write " << argv[2] << "\n";
    return 1;
  }
  if (argc == 4) {
    st = write_xlsx(c, argv[3]);
    if (!st.ok()) return fail("xlsx", st);
  }
  std::cerr << "render_report: " << c.rows.size() << " rows, " << c.documents.size() << " documents -> "
            << argv[2] << "\n";
  return 0;
}
