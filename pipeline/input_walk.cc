#include "pipeline/input_walk.h"

#include <algorithm>
#include <filesystem>

namespace chitieu {
namespace {

namespace fs = std::filesystem;

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

// Every file under directory `dir`, sorted; problems met on the way go to
// `problems`.
void walk_directory(const std::string& dir, std::vector<InputFile>* files, std::vector<InputProblem>* problems) {
  std::vector<InputFile> found;
  std::vector<InputProblem> met;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    problems->push_back({dir, Status::Error("cannot read directory: " + ec.message())});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      met.push_back({dir, Status::Error(ec.message())});
      break;
    }
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    bool directory = it->is_directory(ec);
    if (!name.empty() && name[0] == '.') {
      if (directory) it.disable_recursion_pending();
      met.push_back({p.string(), Status::Error(directory ? "hidden directory (not walked)" : "hidden file"), true});
      continue;
    }
    if (directory) continue;
    bool regular = it->is_regular_file(ec);
    if (ec) {
      // A link that loops or points nowhere is reported, not silently left
      // out of the batch.
      met.push_back({p.string(), unreachable(p, ec)});
      ec.clear();
      continue;
    }
    if (regular) found.push_back({p.string(), true});
    else met.push_back({p.string(), Status::Error("not a regular file (device, pipe or socket)"), true});
  }
  if (found.empty() && met.empty()) met.push_back({dir, Status::Error("no documents in this directory")});
  auto by_path = [](const auto& a, const auto& b) { return a.path < b.path; };
  std::sort(found.begin(), found.end(), by_path);
  std::stable_sort(met.begin(), met.end(), by_path);
  files->insert(files->end(), found.begin(), found.end());
  problems->insert(problems->end(), met.begin(), met.end());
}

}  // namespace

void walk_inputs(const std::vector<std::string>& paths, std::vector<InputFile>* files,
                 std::vector<InputProblem>* problems) {
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      problems->push_back({p, unreachable(p, ec)});
    } else if (fs::is_directory(st)) {
      walk_directory(p, files, problems);
    } else {
      files->push_back({p, false});
    }
  }
}

bool is_not_a_document(const Status& why) {
  // The reasons source_text.h gives for bytes that are no document at all.
  const std::string& m = why.message();
  return m.rfind("unsupported format: ", 0) == 0 || m.rfind("binary content", 0) == 0;
}

}  // namespace chitieu
