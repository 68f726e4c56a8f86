#include "pipeline/ingest.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <filesystem>
#include <set>

#include "extractor/extract_document.h"
#include "store/ocr_page_cache.h"

namespace chitieu {
namespace {

namespace fs = std::filesystem;

// Extensions picked up when walking a directory. A file named explicitly is
// always tried, whatever its extension: the content decides.
const std::set<std::string> kDocumentExtensions = {".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".doc",
                                                   ".rtf", ".png", ".jpg", ".jpeg", ".tif",
                                                   ".tiff"};

FileOutcome failed(const std::string& path, Status why) {
  FileOutcome o;
  o.path = path;
  o.error = std::move(why);
  return o;
}

// Why a path given or found cannot be opened: missing, a dangling link, a
// link loop, a permission.
Status unreachable(const fs::path& p, const std::error_code& ec) {
  std::error_code lec;
  bool link = fs::is_symlink(fs::symlink_status(p, lec));
  if (!ec || ec == std::errc::no_such_file_or_directory)
    return Status::Error(StatusCode::kNotFound,
                         link ? "broken symbolic link (target does not exist)" : "no such file or directory");
  return Status::Error("cannot read: " + ec.message());
}

bool is_document_name(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return kDocumentExtensions.count(ext) > 0;
}

// The document files under directory `dir`, sorted; problems met on the way
// go to `unusable`.
std::vector<std::string> walk_directory(const std::string& dir, std::vector<FileOutcome>* unusable) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    unusable->push_back(failed(dir, Status::Error("cannot read directory: " + ec.message())));
    return found;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      unusable->push_back(failed(dir, Status::Error(ec.message())));
      break;
    }
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    bool regular = it->is_regular_file(ec);
    if (ec) {
      // A document-named link that loops or points nowhere is reported, not
      // silently left out of the batch.
      if (is_document_name(it->path()))
        unusable->push_back(failed(it->path().string(), unreachable(it->path(), ec)));
      ec.clear();
      continue;
    }
    if (regular && is_document_name(it->path())) found.push_back(it->path().string());
  }
  if (found.empty()) unusable->push_back(failed(dir, Status::Error("no documents in this directory")));
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths,
                                       std::vector<FileOutcome>* unusable) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      unusable->push_back(failed(p, unreachable(p, ec)));
    } else if (fs::is_directory(st)) {
      std::vector<std::string> found = walk_directory(p, unusable);
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  return files;
}

FileOutcome ingest_file(const Lexicon& lex, Store* store, const std::string& path,
                        const std::string& forced_encoding, OcrCache* ocr_cache) {
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
    st = store->ingest(doc.source, doc.header, doc.repaired, doc.figures, &stored);
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
    } else {
      ++totals->failed;
    }
    report(o);
  };
  std::vector<FileOutcome> unusable;
  std::vector<std::string> files = expand_inputs(paths, &unusable);
  for (const FileOutcome& o : unusable) count(o);
  OcrPageCache ocr_cache(store);
  for (const std::string& path : files) count(ingest_file(lex, store, path, forced_encoding, &ocr_cache));
  if (totals->failed > 0)
    return Status::Error(std::to_string(totals->failed) + (totals->failed == 1 ? " file" : " files") +
                         " failed");
  return Status::Ok();
}

}  // namespace chitieu
