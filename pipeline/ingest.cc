#include "pipeline/ingest.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>

#include "extractor/extract_document.h"
#include "extractor/extractor_version.h"
#include "store/ocr_page_cache.h"

namespace chitieu {
namespace {

FileOutcome failed(const std::string& path, Status why) {
  FileOutcome o;
  o.path = path;
  o.error = std::move(why);
  return o;
}

}  // namespace

std::vector<InputFile> expand_inputs(const std::vector<std::string>& paths, std::vector<FileOutcome>* unusable) {
  std::vector<InputFile> files;
  std::vector<InputProblem> problems;
  walk_inputs(paths, &files, &problems);
  for (InputProblem& p : problems) {
    unusable->push_back(failed(p.path, std::move(p.why)));
    if (p.skipped) unusable->back().result = FileResult::kSkipped;
  }
  return files;
}

IngestProvenance provenance_of_this_run(const Lexicon& lex) {
  IngestProvenance p;
  struct passwd pw;
  struct passwd* found = nullptr;
  char buf[4096];
  if (getpwuid_r(geteuid(), &pw, buf, sizeof buf, &found) == 0 && found) p.user = found->pw_name;
  else if (const char* user = std::getenv("USER"); user && *user) p.user = user;
  else p.user = "uid " + std::to_string(geteuid());
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) == 0) p.host = host;
  p.extractor_version = extractor_version(lex);
  p.data_sha256 = data_files_sha256(lex);
  return p;
}

FileOutcome ingest_file(const Lexicon& lex, Store* store, const std::string& path,
                        const std::string& forced_encoding, OcrCache* ocr_cache, const IngestProvenance* by) {
  ExtractedDocument doc;
  Status st;
  try {
    st = extract_document(lex, path, forced_encoding, &doc, ocr_cache);
  } catch (const std::exception& e) {
    // A bug met on one file (or memory running out) must not end the batch:
    // it becomes that file's error.
    st = Status::Error(StatusCode::kInternal, std::string("internal error in extraction: ") + e.what());
  }
  if (!st.ok()) return failed(path, std::move(st));
  Store::IngestOutcome stored;
  try {
    st = store->ingest(doc.source, doc.header, doc.repaired, doc.figures, &stored,
                       by ? *by : provenance_of_this_run(lex));
  } catch (const std::exception& e) {
    // Store::ingest rolls back on its own errors; this is the last guard so
    // one file never ends the batch.
    st = Status::Error(StatusCode::kInternal, std::string("internal error while storing: ") + e.what());
  }
  if (!st.ok()) return failed(path, std::move(st));
  FileOutcome o;
  o.path = path;
  o.result = stored.already_stored ? FileResult::kAlreadyStored : FileResult::kStored;
  o.sha256 = doc.source.sha256;
  o.figures = stored.already_stored ? 0 : stored.figures;
  o.encoding = doc.source.encoding;
  o.encoding_confidence = doc.source.encoding_confidence;
  return o;
}

Status ingest_paths(const Lexicon& lex, Store* store, const std::vector<std::string>& paths,
                    const std::string& forced_encoding,
                    const std::function<void(const FileOutcome&)>& report, IngestTotals* totals) {
  *totals = IngestTotals();
  auto count = [&](const FileOutcome& o) {
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
    report(o);
  };
  std::vector<FileOutcome> unusable;
  std::vector<InputFile> files = expand_inputs(paths, &unusable);
  for (const FileOutcome& o : unusable) count(o);
  OcrPageCache ocr_cache(store);
  const IngestProvenance by = provenance_of_this_run(lex);
  for (const InputFile& file : files) {
    FileOutcome o = ingest_file(lex, store, file.path, forced_encoding, &ocr_cache, &by);
    // In a folder, a file that is no document is passed over, not a failure.
    if (o.result == FileResult::kFailed && file.in_folder && is_not_a_document(o.error)) o.result = FileResult::kSkipped;
    count(o);
  }
  if (totals->failed > 0)
    return Status::Error(std::to_string(totals->failed) + (totals->failed == 1 ? " file" : " files") +
                         " failed");
  return Status::Ok();
}

}  // namespace chitieu
