// The ingest driver: which files a list of paths names (input_walk.h), and
// each file read, extracted and stored, with its outcome — stored, already
// stored (the same bytes were stored before), skipped (found in a folder but no
// document: an archive, an executable, binary data, a hidden file), or failed
// with the reason. A file's failure, be it
// an input the readers reject, a database error or an exception from a bug, is
// that file's outcome: a batch never ends on one file.
//
// A batch runs on `jobs` workers that read, OCR and extract documents while
// the calling thread alone writes to the store, one transaction per document,
// in input order (pipeline/ordered_parallel.h): the database a batch makes,
// its ids included, is the same whatever the number of workers.
#ifndef CHITIEU_PIPELINE_INGEST_H_
#define CHITIEU_PIPELINE_INGEST_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/stage_timer.h"
#include "common/status.h"
#include "extractor/extract_document.h"
#include "extractor/formats/ocr_reader.h"
#include "normalizer/lexicon.h"
#include "pipeline/input_walk.h"
#include "store/store.h"

namespace chitieu {

// How far a batch's workers may run ahead of its one writer: results of at
// most kResultsWaitingPerWorker files a worker wait to be stored, and of at
// most kBytesInFlight bytes of input together (memory stays bounded whatever
// the files). A window of two files a worker left a worker idle behind every
// large file: on ../shared/realdocs two workers ran 1.28 times one, 1.80 with
// this one (README, "Ingest throughput").
inline constexpr size_t kResultsWaitingPerWorker = 32;
inline constexpr uint64_t kBytesInFlight = 16ull << 20;

// Each file's size in bytes, 0 where it cannot be read (the worker that reads
// it reports why): the progress's total and the in-flight budget's costs.
std::vector<uint64_t> file_sizes(const std::vector<InputFile>& files);

enum class FileResult { kStored, kAlreadyStored, kSkipped, kFailed };

struct FileOutcome {
  std::string path;  // as given or as found under a directory given
  FileResult result = FileResult::kFailed;
  Status error;      // kFailed, kSkipped: why; the message does not repeat the path
  std::string sha256;  // kStored, kAlreadyStored: of the file's bytes
  size_t figures = 0;  // kStored
  std::string encoding;  // kStored: as detected (or forced)
  double encoding_confidence = 0;
  uint64_t bytes = 0;    // the file's size, when it could be read
  double seconds = 0;    // spent on this file: reading, extracting and storing it

  static FileOutcome failed(const std::string& path, Status why) {
    FileOutcome o;
    o.path = path;
    o.error = std::move(why);
    return o;
  }
};

// What a batch command says as it goes: how much there is to do once the
// inputs are listed, then each file's outcome, in input order, on the calling
// thread.
class BatchObserver {
 public:
  virtual ~BatchObserver() = default;
  virtual void started(size_t /*files*/, uint64_t /*bytes*/) {}
  virtual void finished(const FileOutcome& outcome) = 0;
};

struct BatchTotals {
  int stored = 0, already_stored = 0, skipped = 0, failed = 0;
  size_t figures = 0;  // in the files stored
  uint64_t bytes = 0;  // of every file read
  StageTimes stages;   // summed over the workers and the writer
};
using IngestTotals = BatchTotals;

struct BatchOptions {
  std::string forced_encoding;  // empty: detect each file's
  unsigned jobs = 0;            // workers; 0: one per core
};

// The files to ingest under `paths` (input_walk.h). A path that cannot be
// read, or a directory with no file, is a failed outcome in `unusable`; a
// hidden entry a skipped one.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& paths, std::vector<FileOutcome>* unusable);

// Who runs this process, on which host, with which extractor (`lex`'s data
// files): what each document stored records.
IngestProvenance provenance_of_this_run(const Lexicon& lex);
// Who runs this process and on which host (the extractor left empty).
IngestProvenance this_user_and_host();

// A document a worker read and extracted (or the reason it could not),
// waiting for the writer.
struct ExtractedFile {
  ExtractedDocument doc;
  Status status;
  double seconds = 0;  // reading and extracting it
  // Loaded from a bundle: the extractor that made it (IngestProvenance's
  // extractor_version and data_sha256); empty when this run extracted it.
  std::string extractor_version, data_sha256;
};

// The writer's half of ingest_file: stores `file`, found at `path`, recording
// `by`, and says how it went. The document's memory is released.
FileOutcome store_extracted(Store* store, const std::string& path, ExtractedFile& file, const IngestProvenance& by);

// Reads, extracts and stores one file. `forced_encoding`: empty to detect;
// `ocr_cache`: pages already OCRed, or none; `by`: the run's provenance, or
// none to work it out.
FileOutcome ingest_file(const Lexicon& lex, Store* store, const std::string& path,
                        const std::string& forced_encoding, OcrCache* ocr_cache,
                        const IngestProvenance* by = nullptr);

// Every file under `paths`, extracted on options.jobs workers and stored in
// input order, with the store's OCR page cache. Each outcome goes to
// `observer` as soon as it is stored, the unusable paths first. Returns
// kInvalidInput when any path or file failed.
Status ingest_paths(const Lexicon& lex, Store* store, const std::vector<std::string>& paths,
                    const BatchOptions& options, BatchObserver* observer, BatchTotals* totals);

// The same with the encoding to force (empty: detect), on one worker per
// core, each outcome handed to `report`.
Status ingest_paths(const Lexicon& lex, Store* store, const std::vector<std::string>& paths,
                    const std::string& forced_encoding, const std::function<void(const FileOutcome&)>& report,
                    BatchTotals* totals);

// In a folder, a file that is no document is passed over, not a failure: a
// failed outcome of such a file becomes skipped.
void pass_over_non_document(const InputFile& file, FileOutcome* o);

// Counts `o` into `totals` and tells `observer` (the batch commands' common tail).
void count_outcome(const FileOutcome& o, BatchObserver* observer, BatchTotals* totals);

// kInvalidInput naming how many files failed, or ok.
Status batch_status(const BatchTotals& totals);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_INGEST_H_
