#include "pipeline/extract_load.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <numeric>
#include <tuple>

#include "common/stage_timer.h"
#include "extractor/extract_document.h"
#include "extractor/extractor_version.h"
#include "pipeline/bundle.h"
#include "pipeline/ordered_parallel.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;

// Reads `path`, extracts it and writes its bundle into `dir`, unless a bundle
// of the same bytes and path is there.
FileOutcome extract_one(const Lexicon& lex, const std::string& path, const std::string& dir,
                        const std::string& forced_encoding, const BundleExtractor& by) {
  auto t0 = std::chrono::steady_clock::now();
  ExtractedDocument doc;
  std::string name;
  Status st;
  {
    StageTimer decoding(Stage::kDecode);
    std::string bytes;
    st = read_file_bytes(path, &bytes);
    if (st.ok()) {
      doc.source.size_bytes = bytes.size();
      std::string sha256 = sha256_hex(bytes);
      name = bundle_name(sha256, path);
      if (fs::exists(dir + "/" + name)) {
        FileOutcome o;
        o.path = path;
        o.result = FileResult::kAlreadyStored;
        o.sha256 = sha256;
        o.bytes = bytes.size();
        o.seconds = seconds_since(t0);
        return o;
      }
      st = source_text_from_bytes(lex, bytes, path, forced_encoding, &doc.source);
      doc.source.path = path;
    }
  }
  std::string text;
  if (st.ok()) {
    extract_from_source(lex, &doc);
    StageTimer writing(Stage::kStore);
    st = encode_bundle(doc, by, &text);
    if (st.ok()) st = write_bundle(dir, name, text);
  }
  FileOutcome o = FileOutcome::failed(path, std::move(st));
  o.bytes = doc.source.size_bytes;
  o.seconds = seconds_since(t0);
  if (o.error.ok()) {
    o.result = FileResult::kStored;
    o.sha256 = doc.source.sha256;
    o.figures = doc.figures.size();
    o.encoding = doc.source.encoding;
    o.encoding_confidence = doc.source.encoding_confidence;
  }
  return o;
}


// A bundle and the document it holds, as load orders them.
struct BundleRef {
  BundleIdentity document;
  std::string bundle_path;
  bool operator<(const BundleRef& o) const {
    return std::tie(document.path, document.sha256, bundle_path) <
           std::tie(o.document.path, o.document.sha256, o.bundle_path);
  }
};

ExtractedFile decode_one(const BundleRef& ref) {
  auto t0 = std::chrono::steady_clock::now();
  ExtractedFile x;
  try {
    StageTimer decoding(Stage::kDecode);
    BundleExtractor by;
    x.status = read_bundle(ref.bundle_path, &x.doc, &by);
    x.extractor_version = by.version;
    x.data_sha256 = by.data_sha256;
  } catch (const std::exception& e) {
    x.status = Status::Error(StatusCode::kInternal, std::string("internal error reading the bundle: ") + e.what());
  }
  if (!x.status.ok()) x.status = Status::Error(x.status.code(), "bundle " + ref.bundle_path + ": " + x.status.message());
  x.seconds = seconds_since(t0);
  return x;
}

// The run every batch command shares: `work` on the workers, outcomes counted
// in order, the threads' stage times added up.
template <typename Result>
void run_batch(size_t n, const BatchOptions& options, BatchTotals* totals,
               const std::function<Result(size_t)>& work, const std::function<void(size_t, Result&)>& take,
               const std::function<uint64_t(size_t)>& cost) {
  std::mutex stages_mu;
  const unsigned workers = worker_count(options.jobs, n);
  run_in_order<Result>(
      n, workers, kResultsWaitingPerWorker * workers, work, take,
      [&] {
        std::lock_guard<std::mutex> lock(stages_mu);
        totals->stages += take_thread_stage_times();
      },
      cost, kBytesInFlight);
  totals->stages += take_thread_stage_times();
}

}  // namespace

Status extract_to_bundles(const Lexicon& lex, const std::vector<std::string>& paths, const std::string& output_dir,
                          const BatchOptions& options, BatchObserver* observer, BatchTotals* totals) {
  *totals = BatchTotals();
  std::error_code ec;
  fs::create_directories(output_dir, ec);
  if (ec || !fs::is_directory(output_dir))
    return Status::Error(StatusCode::kUsage, "cannot make the output folder " + output_dir +
                                                 (ec ? ": " + ec.message() : ""));
  std::vector<FileOutcome> unusable;
  std::vector<InputFile> files = expand_inputs(paths, &unusable);
  const BundleExtractor by{extractor_version(lex), data_files_sha256(lex)};
  const std::vector<uint64_t> sizes = file_sizes(files);
  if (observer != nullptr)
    observer->started(files.size() + unusable.size(), std::accumulate(sizes.begin(), sizes.end(), uint64_t{0}));
  for (const FileOutcome& o : unusable) count_outcome(o, observer, totals);
  run_batch<FileOutcome>(
      files.size(), options, totals,
      [&](size_t i) {
        try {
          return extract_one(lex, files[i].path, output_dir, options.forced_encoding, by);
        } catch (const std::exception& e) {
          return FileOutcome::failed(files[i].path,
                        Status::Error(StatusCode::kInternal, std::string("internal error: ") + e.what()));
        }
      },
      [&](size_t i, FileOutcome& o) {
        pass_over_non_document(files[i], &o);
        count_outcome(o, observer, totals);
      },
      nullptr);  // a worker writes its bundle: what waits is an outcome line
  return batch_status(*totals);
}

std::vector<std::string> expand_bundles(const std::vector<std::string>& paths, std::vector<FileOutcome>* unusable) {
  std::vector<std::string> found;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      found.push_back(p);  // read as a bundle whatever its name: reading says what it is
      continue;
    }
    std::vector<std::string> here;
    for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (name.size() > kBundleSuffix.size() && name.ends_with(kBundleSuffix) && it->is_regular_file(ec))
        here.push_back(it->path().string());
    }
    if (ec) unusable->push_back(FileOutcome::failed(p, Status::Error("cannot read folder: " + ec.message())));
    else if (here.empty()) unusable->push_back(FileOutcome::failed(p, Status::Error("no bundles in this folder")));
    found.insert(found.end(), here.begin(), here.end());
  }
  return found;
}

Status load_bundles(Store* store, const std::vector<std::string>& paths, const BatchOptions& options,
                    BatchObserver* observer, BatchTotals* totals) {
  *totals = BatchTotals();
  std::vector<FileOutcome> unusable;
  std::vector<BundleRef> refs;
  uint64_t bytes = 0;
  for (const std::string& b : expand_bundles(paths, &unusable)) {
    BundleRef ref;
    ref.bundle_path = b;
    Status st = read_bundle_identity(b, &ref.document);
    if (!st.ok()) {
      unusable.push_back(FileOutcome::failed(b, std::move(st)));
      continue;
    }
    bytes += ref.document.size_bytes;
    refs.push_back(std::move(ref));
  }
  std::sort(refs.begin(), refs.end());
  if (observer != nullptr) observer->started(refs.size() + unusable.size(), bytes);
  for (const FileOutcome& o : unusable) count_outcome(o, observer, totals);
  // A document stored before (a load run again) is not read further than
  // its bundle's first line: the store finds it by its SHA-256 and says so.
  const IngestProvenance loader = this_user_and_host();
  std::vector<bool> stored_before(refs.size(), false);
  for (size_t i = 0; i < refs.size(); ++i) {
    bool present = false;
    stored_before[i] = store->has_document(refs[i].document.sha256, &present).ok() && present;
  }
  run_batch<ExtractedFile>(
      refs.size(), options, totals,
      [&](size_t i) {
        if (!stored_before[i]) return decode_one(refs[i]);
        ExtractedFile x;
        x.doc.source.sha256 = refs[i].document.sha256;
        x.doc.source.size_bytes = refs[i].document.size_bytes;
        return x;
      },
      [&](size_t i, ExtractedFile& x) {
        IngestProvenance by = loader;  // who stores it; the bundle says what extracted it
        by.extractor_version = x.extractor_version;
        by.data_sha256 = x.data_sha256;
        FileOutcome o = store_extracted(store, refs[i].document.path, x, by);
        count_outcome(o, observer, totals);
      },
      [&](size_t i) { return refs[i].document.size_bytes; });  // the document's bytes, as ingest counts them
  return batch_status(*totals);
}

}  // namespace chitieu
