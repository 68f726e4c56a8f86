#include "pipeline/ingest.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <mutex>
#include <numeric>

#include "common/stage_timer.h"
#include "extractor/extract_document.h"
#include "extractor/extractor_version.h"
#include "pipeline/ordered_parallel.h"
#include "store/ocr_page_cache.h"

namespace chitieu {
std::vector<InputFile> expand_inputs(const std::vector<std::string>& paths, std::vector<FileOutcome>* unusable) {
  std::vector<InputFile> files;
  std::vector<InputProblem> problems;
  walk_inputs(paths, &files, &problems);
  for (InputProblem& p : problems) {
    unusable->push_back(FileOutcome::failed(p.path, std::move(p.why)));
    if (p.skipped) unusable->back().result = FileResult::kSkipped;
  }
  return files;
}

IngestProvenance this_user_and_host() {
  IngestProvenance p;
  struct passwd pw;
  struct passwd* found = nullptr;
  char buf[4096];
  if (getpwuid_r(geteuid(), &pw, buf, sizeof buf, &found) == 0 && found) p.user = found->pw_name;
  else if (const char* user = std::getenv("USER"); user && *user) p.user = user;
  else p.user = "uid " + std::to_string(geteuid());
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) == 0) p.host = host;
  return p;
}

IngestProvenance provenance_of_this_run(const Lexicon& lex) {
  IngestProvenance p = this_user_and_host();
  p.extractor_version = extractor_version(lex);
  p.data_sha256 = data_files_sha256(lex);
  return p;
}

namespace {

// The store's OCR page cache, shared by the workers with the writer: one
// connection, so a page is looked up or saved only between two documents'
// transactions, never inside one (`store_mu` is the writer's lock).
class SharedOcrCache : public OcrCache {
 public:
  SharedOcrCache(Store* store, std::mutex* store_mu) : cache_(store), mu_(store_mu) {}
  bool find(const std::string& sha256, uint32_t page, const std::string& reader,
            std::vector<OcrLine>* lines) override {
    std::lock_guard<std::mutex> lock(*mu_);
    return cache_.find(sha256, page, reader, lines);
  }
  void save(const std::string& sha256, uint32_t page, const std::string& reader,
            const std::vector<OcrLine>& lines) override {
    std::lock_guard<std::mutex> lock(*mu_);
    cache_.save(sha256, page, reader, lines);
  }

 private:
  OcrPageCache cache_;
  std::mutex* mu_;
};

ExtractedFile extract_one(const Lexicon& lex, const std::string& path, const std::string& forced_encoding,
                          OcrCache* ocr_cache) {
  ExtractedFile x;
  auto t0 = std::chrono::steady_clock::now();
  try {
    x.status = extract_document(lex, path, forced_encoding, &x.doc, ocr_cache);
  } catch (const std::exception& e) {
    // A bug met on one file (or memory running out) must not end the batch:
    // it becomes that file's error.
    x.status = Status::Error(StatusCode::kInternal, std::string("internal error in extraction: ") + e.what());
  } catch (...) {
    x.status = Status::Error(StatusCode::kInternal, "internal error in extraction");
  }
  x.seconds = seconds_since(t0);
  return x;
}


}  // namespace

FileOutcome store_extracted(Store* store, const std::string& path, ExtractedFile& x, const IngestProvenance& by) {
  auto t0 = std::chrono::steady_clock::now();
  const ExtractedDocument& doc = x.doc;
  Store::IngestOutcome stored;
  Status st = std::move(x.status);
  if (st.ok()) {
    try {
      StageTimer storing(Stage::kStore);
      st = store->ingest(doc.source, doc.header, doc.repaired, doc.figures, &stored, by);
    } catch (const std::exception& e) {
      // Store::ingest rolls back on its own errors; this is the last guard so
      // one file never ends the batch.
      st = Status::Error(StatusCode::kInternal, std::string("internal error while storing: ") + e.what());
    }
  }
  FileOutcome o;
  o.path = path;
  o.error = std::move(st);  // kFailed unless ok
  o.bytes = doc.source.size_bytes;
  o.seconds = x.seconds + seconds_since(t0);
  if (o.error.ok()) {
    o.result = stored.already_stored ? FileResult::kAlreadyStored : FileResult::kStored;
    o.sha256 = doc.source.sha256;
    o.figures = stored.already_stored ? 0 : stored.figures;
    o.encoding = doc.source.encoding;
    o.encoding_confidence = doc.source.encoding_confidence;
  }
  x = ExtractedFile();
  return o;
}

FileOutcome ingest_file(const Lexicon& lex, Store* store, const std::string& path,
                        const std::string& forced_encoding, OcrCache* ocr_cache, const IngestProvenance* by) {
  ExtractedFile x = extract_one(lex, path, forced_encoding, ocr_cache);
  return store_extracted(store, path, x, by ? *by : provenance_of_this_run(lex));
}

Status ingest_paths(const Lexicon& lex, Store* store, const std::vector<std::string>& paths,
                    const std::string& forced_encoding, const std::function<void(const FileOutcome&)>& report,
                    BatchTotals* totals) {
  struct Reporter : BatchObserver {
    const std::function<void(const FileOutcome&)>* report;
    void finished(const FileOutcome& o) override { (*report)(o); }
  } reporter;
  reporter.report = &report;
  BatchOptions options;
  options.forced_encoding = forced_encoding;
  return ingest_paths(lex, store, paths, options, &reporter, totals);
}

void pass_over_non_document(const InputFile& file, FileOutcome* o) {
  if (o->result == FileResult::kFailed && file.in_folder && is_not_a_document(o->error))
    o->result = FileResult::kSkipped;
}

void count_outcome(const FileOutcome& o, BatchObserver* observer, BatchTotals* totals) {
  if (o.result == FileResult::kStored) {
    ++totals->stored;
    totals->figures += o.figures;
  } else if (o.result == FileResult::kAlreadyStored) {
    ++totals->already_stored;
  } else if (o.result == FileResult::kSkipped) {
    ++totals->skipped;
  } else {
    ++totals->failed;
  }
  totals->bytes += o.bytes;
  if (observer != nullptr) observer->finished(o);
}

Status batch_status(const BatchTotals& totals) {
  if (totals.failed == 0) return Status::Ok();
  return Status::Error(std::to_string(totals.failed) + (totals.failed == 1 ? " file" : " files") + " failed");
}

Status ingest_paths(const Lexicon& lex, Store* store, const std::vector<std::string>& paths,
                    const BatchOptions& options, BatchObserver* observer, BatchTotals* totals) {
  *totals = BatchTotals();
  std::vector<FileOutcome> unusable;
  std::vector<InputFile> files = expand_inputs(paths, &unusable);
  const std::vector<uint64_t> sizes = file_sizes(files);
  if (observer != nullptr)
    observer->started(files.size() + unusable.size(), std::accumulate(sizes.begin(), sizes.end(), uint64_t{0}));
  for (const FileOutcome& o : unusable) count_outcome(o, observer, totals);
  std::mutex store_mu, stages_mu;
  SharedOcrCache ocr_cache(store, &store_mu);
  const IngestProvenance by = provenance_of_this_run(lex);
  const unsigned workers = worker_count(options.jobs, files.size());
  run_in_order<ExtractedFile>(
      files.size(), workers, kResultsWaitingPerWorker * workers,
      [&](size_t i) { return extract_one(lex, files[i].path, options.forced_encoding, &ocr_cache); },
      [&](size_t i, ExtractedFile& x) {
        FileOutcome o;
        {
          std::lock_guard<std::mutex> lock(store_mu);
          o = store_extracted(store, files[i].path, x, by);
        }
        pass_over_non_document(files[i], &o);
        count_outcome(o, observer, totals);
      },
      [&] {
        std::lock_guard<std::mutex> lock(stages_mu);
        totals->stages += take_thread_stage_times();
      },
      [&](size_t i) { return sizes[i]; }, kBytesInFlight);
  totals->stages += take_thread_stage_times();  // the writer's
  return batch_status(*totals);
}

std::vector<uint64_t> file_sizes(const std::vector<InputFile>& files) {
  std::vector<uint64_t> sizes;
  sizes.reserve(files.size());
  for (const InputFile& f : files) {
    std::error_code ec;
    uintmax_t size = std::filesystem::file_size(f.path, ec);
    sizes.push_back(ec ? 0 : static_cast<uint64_t>(size));
  }
  return sizes;
}

}  // namespace chitieu
