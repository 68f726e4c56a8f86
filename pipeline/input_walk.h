// Which files a list of paths names: files as given, and every file under a
// directory given — whatever its name or extension, since the content decides
// what a file is. Hidden entries (".git", ".DS_Store") are not read: a hidden
// file is skipped, a hidden directory is skipped whole, each with its reason.
// A path that cannot be read, a link that loops or points nowhere, or a
// directory with no file at all is a problem the caller reports as failed.
//
// A file found in a directory that turns out to be no document (an archive,
// an executable, an image OCR cannot read, binary data) is skipped with the
// reason rather than failed: the user asked for the folder's documents, not
// for that file. A file named explicitly and refused is a failure.
#ifndef CHITIEU_PIPELINE_INPUT_WALK_H_
#define CHITIEU_PIPELINE_INPUT_WALK_H_

#include <string>
#include <vector>

#include "common/status.h"

namespace chitieu {

struct InputFile {
  std::string path;        // as given, or as found under a directory given
  bool in_folder = false;  // found by walking a directory
};

// A path given or found that is not read.
struct InputProblem {
  std::string path;
  Status why;
  bool skipped = false;  // a hidden entry: skipped, not failed
};

// The files under `paths`, sorted within each directory, and the problems met.
void walk_inputs(const std::vector<std::string>& paths, std::vector<InputFile>* files,
                 std::vector<InputProblem>* problems);

// True when a reader refused a file as no document chitieu reads (an
// unsupported format, binary content) rather than as a broken document.
bool is_not_a_document(const Status& why);

}  // namespace chitieu

#endif  // CHITIEU_PIPELINE_INPUT_WALK_H_
