// What a batch command (ingest, extract, load) says on stderr while it runs,
// and the record it keeps.
//
// On a terminal, one live line, redrawn in place a few times a second:
//   ingest: 120/582 files, 3.1/15.0 MB, 4210 figures, 1 skipped, 2 failed, 5.2 MB/s, 0:02 left, OCR 3 pages
// Per-file lines only for problems ("error: <path>: <reason>"), or for every
// file with --verbose ("stored: <path>: …", "already stored: <path> …",
// "skipped: <path>: <reason>" for a file of a folder that is no document).
// When stderr is no terminal there is no live line: the problems (every
// file's line with --verbose) and the summary.
//
// --log FILE: one JSON object per line and file, in input order, written as
// each file's outcome is known (a batch cut short keeps its record so far):
//   {"path": …, "sha256": … or null, "outcome": "stored" | "already_stored" |
//    "skipped" | "failed" (extract: "extracted" | "already_extracted"),
//    "reason": … or null, "figures": n, "seconds": s}
#ifndef CHITIEU_CLI_BATCH_PROGRESS_H_
#define CHITIEU_CLI_BATCH_PROGRESS_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/status.h"
#include "pipeline/ingest.h"

namespace chitieu {

struct BatchProgressOptions {
  std::string command;     // "ingest", "extract", "load": the lines' prefix
  std::string done_word;   // "stored", "extracted"
  bool verbose = false;    // a line for every file
  std::string log_path;    // empty: no log
};

class BatchProgress : public BatchObserver {
 public:
  // Opens the log (kUsage when it cannot be written). The live line is drawn
  // when stderr is a terminal.
  static Status Open(const BatchProgressOptions& options, std::unique_ptr<BatchProgress>* out);
  ~BatchProgress() override;

  void started(size_t files, uint64_t bytes) override;
  void finished(const FileOutcome& outcome) override;
  // Ends the live line and prints "<command>: 5 stored (254 figures), 0
  // already stored, 0 skipped, 0 failed; 1.2 MB in 0.31 s, 3.9 MB/s".
  void summary(const BatchTotals& totals);

 private:
  explicit BatchProgress(const BatchProgressOptions& options);
  std::string live_line() const;  // under mu_
  void redraw();                  // under mu_
  void tick();                    // the redrawing thread
  void stop_ticking();

  BatchProgressOptions options_;
  bool terminal_ = false;
  std::ofstream log_;
  std::chrono::steady_clock::time_point start_;
  uint64_t ocr_pages_at_start_ = 0;

  std::mutex mu_;  // everything below, and stderr
  size_t files_total_ = 0, files_done_ = 0, figures_ = 0, skipped_ = 0, failed_ = 0;
  uint64_t bytes_total_ = 0, bytes_done_ = 0;
  bool drawn_ = false;  // the live line is on screen
  bool stopping_ = false;
  std::condition_variable wake_;
  std::thread ticker_;
};

}  // namespace chitieu

#endif  // CHITIEU_CLI_BATCH_PROGRESS_H_
