// `chitieu ingest`, `extract`, `load`, `export`, `verify`, `reextract` and
// `documents`: each opens what it needs, calls the pipeline and prints what it
// returns. Only ingest and load create a database.
#include "cli/commands.h"

#include <functional>
#include <iostream>
#include <memory>
#include <utility>

#include "cli/batch_progress.h"
#include "compare/indicator_catalogue.h"
#include "extractor/extractor_version.h"
#include "normalizer/lexicon.h"
#include "pipeline/export.h"
#include "pipeline/extract_load.h"
#include "pipeline/ingest.h"
#include "pipeline/reextract.h"
#include "pipeline/verify.h"
#include "store/store.h"

namespace chitieu {
namespace {

BatchOptions batch_options(const BatchRequest& r) {
  BatchOptions o;
  o.forced_encoding = r.encoding;
  o.jobs = r.jobs;
  return o;
}

// Runs `command` with its progress on stderr and its log, then prints the
// summary; the exit status is the batch's.
int run_batch(const std::string& name, const std::string& done_word, const BatchRequest& r,
              const std::function<Status(BatchObserver*, BatchTotals*)>& command) {
  BatchProgressOptions po;
  po.command = name;
  po.done_word = done_word;
  po.verbose = r.verbose;
  po.log_path = r.log;
  std::unique_ptr<BatchProgress> progress;
  Status st = BatchProgress::Open(po, &progress);
  if (!st.ok()) return report_error(st);
  BatchTotals totals;
  st = command(progress.get(), &totals);
  progress->summary(totals);
  if (st.code() != StatusCode::kInvalidInput && !st.ok()) return report_error(st);
  return exit_code_for(st);
}

void print_reextracted(const ReextractOutcome& o) {
  std::cerr << "reextracted: " << o.document << ": " << o.unchanged << " unchanged, " << o.changed << " changed, "
            << o.added << " added, " << o.removed << " removed" << (o.header_changed ? ", header changed" : "")
            << " (" << o.from_extractor << " -> " << o.to_extractor << ")\n";
}

// What verify checked and how, after its findings: the proof an auditor reads.
void print_proof(const std::string& db, const VerifyOptions& o, const VerifyReport& r) {
  std::cout << "verify: checked in one snapshot of " << db << ":\n"
            << "  text     " << r.lines << " stored lines of " << r.documents
            << " documents against their recorded SHA-256 fingerprints\n"
            << "  quotes   " << r.figures << " quotes cut again from the stored lines at their lines and offsets\n"
            << "  figures  " << r.figures_recomputed << " figures recomputed from the stored text by this extractor ("
            << r.extractor_version << ") and compared field by field (place, quote, indicator, item, comparator, "
            << "value, unit, year, kind, change, warnings, reading), with their documents' headers and repaired lines\n";
  if (r.documents_older > 0) {
    std::cout << "  older    " << r.documents_older << " documents (" << r.figures_older
              << " figures) made by another extractor (";
    const char* sep = "";
    for (const std::string& v : r.older_versions) std::cout << std::exchange(sep, ", ") << v;
    std::cout << "): recomputed, " << r.figures_older_changed
              << " figures would change; not proved until `chitieu reextract`\n";
  }
  std::cout << "  links    every figure's document and lines, every match's figure"
            << (o.catalogue ? "; " + std::to_string(r.matches_checked) + " matches and " +
                                  std::to_string(r.decisions_checked) + " decisions against the catalogue"
                            : "")
            << "\n";
  if (!o.check_sources) {
    std::cout << "  sources  not checked (--sources re-hashes the original files)\n";
    return;
  }
  std::cout << "  sources  " << r.sources_checked << " files found "
            << (o.sources_root.empty() ? "at their absolute paths" : "under " + o.sources_root)
            << " and re-hashed against the stored SHA-256";
  if (r.sources_missing > 0)
    std::cout << "; " << r.sources_missing << " missing or unreadable"
              << (o.allow_missing ? " (allowed by --allow-missing)" : "");
  std::cout << "\n";
}

}  // namespace

int report_error(const Status& st) {
  std::cerr << "chitieu: " << st.message() << "\n";
  return exit_code_for(st);
}

int run_ingest(const GlobalOptions& g, const BatchRequest& r) {
  Lexicon lex;
  Status st = load_lexicon(resolve_data_dir(g.data_dir), &lex);
  if (!st.ok()) return report_error(st);
  std::unique_ptr<Store> store;
  st = Store::Open(g.db, OpenMode::kCreate, &store);
  if (!st.ok()) return report_error(st);
  return run_batch("ingest", "stored", r, [&](BatchObserver* observer, BatchTotals* totals) {
    return ingest_paths(lex, store.get(), r.paths, batch_options(r), observer, totals);
  });
}

int run_extract(const GlobalOptions& g, const BatchRequest& r) {
  Lexicon lex;
  Status st = load_lexicon(resolve_data_dir(g.data_dir), &lex);
  if (!st.ok()) return report_error(st);
  return run_batch("extract", "extracted", r, [&](BatchObserver* observer, BatchTotals* totals) {
    return extract_to_bundles(lex, r.paths, r.output, batch_options(r), observer, totals);
  });
}

int run_load(const GlobalOptions& g, const BatchRequest& r) {
  std::unique_ptr<Store> store;
  Status st = Store::Open(g.db, OpenMode::kCreate, &store);
  if (!st.ok()) return report_error(st);
  return run_batch("load", "stored", r, [&](BatchObserver* observer, BatchTotals* totals) {
    return load_bundles(store.get(), r.paths, batch_options(r), observer, totals);
  });
}

int run_export(const GlobalOptions& g, const std::string& format) {
  std::unique_ptr<Store> store;
  Status st = Store::Open(g.db, OpenMode::kMustExist, &store);
  if (!st.ok()) return report_error(st);
  st = export_figures(store.get(), format == "csv" ? ExportFormat::kCsv : ExportFormat::kJsonl, std::cout);
  if (!st.ok()) return report_error(st);
  return 0;
}

int run_verify(const GlobalOptions& g, const VerifyRequest& r) {
  Lexicon lex;
  IndicatorCatalogue catalogue;
  std::string data_dir = resolve_data_dir(g.data_dir);
  Status st = load_lexicon(data_dir, &lex);
  if (st.ok()) st = IndicatorCatalogue::Load(r.catalogue.empty() ? data_dir + "/indicators.tsv" : r.catalogue, &catalogue);
  if (!st.ok()) return report_error(st);
  std::unique_ptr<Store> store;
  st = Store::Open(g.db, OpenMode::kMustExist, &store);
  if (!st.ok()) return report_error(st);
  VerifyOptions options;
  options.check_sources = r.check_sources || !r.sources_root.empty();
  options.sources_root = r.sources_root;
  options.allow_missing = r.allow_missing;
  options.catalogue = &catalogue;
  VerifyReport report;
  st = verify_store(store.get(), lex, options, &report);
  for (const VerifyFinding& f : report.findings) std::cout << (f.problem ? "FAIL " : "note ") << f.text << "\n";
  if (!st.ok()) return report_error(st);
  print_proof(g.db, options, report);
  std::cout << "verify: " << report.documents << " documents, " << report.lines << " lines, " << report.figures
            << " figures, " << report.problems << " problems\n";
  return report.problems > 0 ? exit_code_for(Status::Error("verification failed")) : 0;
}

int run_reextract(const GlobalOptions& g) {
  Lexicon lex;
  Status st = load_lexicon(resolve_data_dir(g.data_dir), &lex);
  if (!st.ok()) return report_error(st);
  std::unique_ptr<Store> store;
  st = Store::Open(g.db, OpenMode::kMustExist, &store);
  if (!st.ok()) return report_error(st);
  ReextractTotals totals;
  st = reextract_store(lex, store.get(), provenance_of_this_run(lex), print_reextracted, &totals);
  std::cerr << "reextract: " << totals.documents << " documents, " << totals.reextracted << " re-extracted, "
            << totals.current << " already made by this extractor (" << extractor_version(lex) << "); figures "
            << totals.changed << " changed, " << totals.added << " added, " << totals.removed
            << " removed (the earlier ones kept in figure_history)\n";
  if (!st.ok()) return report_error(st);
  return 0;
}

int run_documents(const GlobalOptions& g) {
  std::unique_ptr<Store> store;
  Status st = Store::Open(g.db, OpenMode::kMustExist, &store);
  if (!st.ok()) return report_error(st);
  std::vector<StoredDocument> docs;
  st = store->documents(&docs);
  if (!st.ok()) return report_error(st);
  for (const StoredDocument& d : docs) std::cout << document_jsonl(d) << "\n";
  return 0;
}

}  // namespace chitieu
