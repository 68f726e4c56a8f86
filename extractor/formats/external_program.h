// Running a converter program on one file, safely.
//
// Some formats are read by a Debian program rather than a library (Excel 97
// .xls by catdoc's xls2csv): the file's bytes go to a private
// temporary file whose path is passed as an argument — never through a shell —
// the program's standard output is the text, and its time and output are
// bounded. Any failure (program missing, killed after the time limit, non-zero
// exit, output too large) is a one-line Status naming the program.
#ifndef CHITIEU_EXTRACTOR_FORMATS_EXTERNAL_PROGRAM_H_
#define CHITIEU_EXTRACTOR_FORMATS_EXTERNAL_PROGRAM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace chitieu {

struct ProgramLimits {
  int timeout_ms = 60'000;           // killed (SIGKILL) after this long
  uint64_t max_output = 64ull << 20; // bytes of standard output kept
};

// Runs `argv` (argv[0] is looked up on PATH) with `input` written to a
// temporary file that takes the place of every argument equal to "{}".
// Standard input is /dev/null; standard error is kept for the error message.
// `suffix` is the temporary file's extension (some programs look at it).
Status run_on_bytes(const std::vector<std::string>& argv, std::string_view input, const std::string& suffix,
                    const ProgramLimits& limits, std::string* output);

}  // namespace chitieu

#endif  // CHITIEU_EXTRACTOR_FORMATS_EXTERNAL_PROGRAM_H_
