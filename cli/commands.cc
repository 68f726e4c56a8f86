// `chitieu ingest`, `export`, `verify` and `documents`: each opens what it
// needs, calls the pipeline and prints what it returns.
#include "cli/commands.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "normalizer/lexicon.h"
#include "pipeline/export.h"
#include "pipeline/ingest.h"
#include "pipeline/verify.h"
#include "store/store.h"

namespace chitieu {
namespace {

// Progress on stderr, one line per file as soon as its outcome is known.
void print_outcome(const FileOutcome& o) {
  switch (o.result) {
    case FileResult::kFailed:
      std::cerr << "error: " << o.path << ": " << o.error.message() << "\n";
      break;
    case FileResult::kSkipped:
      std::cerr << "skipped: " << o.path << ": " << o.error.message() << "\n";
      break;
    case FileResult::kAlreadyStored:
      std::cerr << "already stored: " << o.path << " (sha256 " << o.sha256.substr(0, 12) << ")\n";
      break;
    case FileResult::kStored: {
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", o.encoding_confidence);
      std::cerr << "stored: " << o.path << ": " << o.figures << " figures (encoding " << o.encoding
                << ", confidence " << conf << ")\n";
      break;
    }
  }
}

}  // namespace

int report_error(const Status& st) {
  std::cerr << "chitieu: " << st.message() << "\n";
  return exit_code_for(st);
}

int run_ingest(const GlobalOptions& g, const std::vector<std::string>& paths,
               const std::string& forced_encoding) {
  Lexicon lex;
  Status st = load_lexicon(resolve_data_dir(g.data_dir), &lex);
  if (!st.ok()) return report_error(st);
  std::unique_ptr<Store> store;
  st = Store::Open(g.db, &store);
  if (!st.ok()) return report_error(st);
  IngestTotals totals;
  st = ingest_paths(lex, store.get(), paths, forced_encoding, print_outcome, &totals);
  std::cerr << "ingest: " << totals.stored << " stored (" << totals.figures << " figures), "
            << totals.already_stored << " already stored, " << totals.skipped << " skipped, " << totals.failed
            << " failed\n";
  return exit_code_for(st);
}

int run_export(const GlobalOptions& g, const std::string& format) {
  std::unique_ptr<Store> store;
  Status st = Store::Open(g.db, &store);
  if (!st.ok()) return report_error(st);
  st = export_figures(store.get(), format == "csv" ? ExportFormat::kCsv : ExportFormat::kJsonl, std::cout);
  if (!st.ok()) return report_error(st);
  return 0;
}

int run_verify(const GlobalOptions& g, bool check_sources) {
  std::unique_ptr<Store> store;
  Status st = Store::Open(g.db, &store);
  if (!st.ok()) return report_error(st);
  VerifyReport report;
  st = verify_store(store.get(), check_sources, &report);
  for (const VerifyFinding& f : report.findings) std::cout << (f.problem ? "FAIL " : "note ") << f.text << "\n";
  if (!st.ok()) return report_error(st);
  std::cout << "verify: " << report.documents << " documents, " << report.figures << " figures, "
            << report.problems << " problems\n";
  return report.problems > 0 ? exit_code_for(Status::Error("verification failed")) : 0;
}

int run_documents(const GlobalOptions& g) {
  std::unique_ptr<Store> store;
  Status st = Store::Open(g.db, &store);
  if (!st.ok()) return report_error(st);
  std::vector<StoredDocument> docs;
  st = store->documents(&docs);
  if (!st.ok()) return report_error(st);
  for (const StoredDocument& d : docs) std::cout << document_jsonl(d) << "\n";
  return 0;
}

}  // namespace chitieu
