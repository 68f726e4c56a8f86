// The ingest driver: which files a list of paths names (input_walk.h), and
// each file read, extracted and stored, with its outcome — stored, already
// stored (the same bytes were stored before), skipped (found in a folder but no
// document: an archive, an executable, binary data, a hidden file), or failed
// with the reason. A file's failure, be it
// an input the readers reject, a database error or an exception from a bug, is
// that file's outcome: a batch never ends on one file.
#ifndef CHITIEU_PIPELINE_INGEST_H_
#define CHITIEU_PIPELINE_INGEST_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "extractor/formats/ocr_reader.h"
#include "normalizer/lexicon.h"
#include "pipeline/input_walk.h"
#include "store/store.h"

namespace chitieu {

enum class FileResult { kStored, kAlreadyStored, kSkipped, kFailed };

struct FileOutcome {
  std::string path;  // as given or as found under a directory given
  FileResult result = FileResult::kFailed;
  Status error;      // kFailed, kSkipped: why; the message does not repeat the path
  std::string sha256;  // kStored, kAlreadyStored: of the file's bytes
  size_t figures = 0;  // kStored
  std::string encoding;  // kStored: as detected (or forced)
  double encoding_confidence = 0;
};

// The files to ingest under `paths` (input_walk.h). A path that cannot be
// read, or a directory with no file, is a failed outcome in `unusable`; a
// hidden entry a skipped one.
std::vector<InputFile> expand_inputs(const std::vector<std::string>& paths, std::vector<FileOutcome>* unusable);

// Who runs this process, on which host, with which extractor (`lex`'s data
// files): what each document stored records.
IngestProvenance provenance_of_this_run(const Lexicon& lex);

// Reads, extracts and stores one file. `forced_encoding`: empty to detect;
// `ocr_cache`: pages already OCRed, or none; `by`: the run's provenance, or
// none to work it out.
FileOutcome ingest_file(const Lexicon& lex, Store* store, const std::string& path,
                        const std::string& forced_encoding, OcrCache* ocr_cache,
                        const IngestProvenance* by = nullptr);

struct IngestTotals {
  int stored = 0, already_stored = 0, skipped = 0, failed = 0;
  size_t figures = 0;  // in the files stored
};

// Every file under `paths` through ingest_file, with the store's OCR page
// cache. Each outcome goes to `report` as soon as it is known, the unusable
// paths first. Returns kInvalidInput when any path or file failed.
Status ingest_paths(const Lexicon& lex, Store* store, const std::vector<std::string>& paths,
                    const std::string& forced_encoding,
                    const std::function<void(const FileOutcome&)>& report, IngestTotals* totals);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_INGEST_H_
