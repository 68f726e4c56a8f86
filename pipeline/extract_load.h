// Ingest in two steps, for batches bigger than one machine: `extract` (the
// map step: read and extract, no database, one bundle per document —
// pipeline/bundle.h) runs anywhere, as often as wanted, on any number of
// machines writing into one shared folder; `load` (one process) stores the
// bundles. The database is the one `ingest` of the same files makes.
#ifndef CHITIEU_PIPELINE_EXTRACT_LOAD_H_
#define CHITIEU_PIPELINE_EXTRACT_LOAD_H_

#include <string>
#include <vector>

#include "common/status.h"
#include "normalizer/lexicon.h"
#include "pipeline/ingest.h"
#include "store/store.h"

namespace chitieu {

// Extracts every file under `paths` (expand_inputs) into a bundle in
// `output_dir` (created if missing), on options.jobs workers. A file whose
// bundle is there already is not read further than its SHA-256 (outcome
// kAlreadyStored: "already extracted"). No OCR cache: a scan is recognised
// once per extraction. kUsage when the folder cannot be made; kInvalidInput
// when any file failed.
Status extract_to_bundles(const Lexicon& lex, const std::vector<std::string>& paths, const std::string& output_dir,
                          const BatchOptions& options, BatchObserver* observer, BatchTotals* totals);

// The bundles `paths` name: bundle files as given, folders walked for
// "*.bundle.jsonl" (hidden entries — the temporary files of an extract
// still running — skipped).
std::vector<std::string> expand_bundles(const std::vector<std::string>& paths, std::vector<FileOutcome>* unusable);

// Stores the bundles under `paths` in the order of their documents' paths
// (then SHA-256) — the order `ingest` stores a folder in — decoded on
// options.jobs workers, one transaction per document. Outcomes name the
// document's path; a bundle that cannot be read names the bundle.
Status load_bundles(Store* store, const std::vector<std::string>& paths, const BatchOptions& options,
                    BatchObserver* observer, BatchTotals* totals);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_EXTRACT_LOAD_H_
