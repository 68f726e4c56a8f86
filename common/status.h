// Errors as values at module boundaries.
//
// A Status is either ok or carries a code and a one-line message meant for a
// person: it names what failed and why ("empty file", "invalid UTF-8 at byte
// 812 (line 4)"). The caller adds the file name when it reports it. The code
// says whose fault it is, and so how the command ends (exit_code_for).
#ifndef CHITIEU_COMMON_STATUS_H_
#define CHITIEU_COMMON_STATUS_H_

#include <string>
#include <utility>

namespace chitieu {

enum class StatusCode {
  kOk,
  kInvalidInput,  // a file that cannot be read as a document: the batch goes on
  kNotFound,      // something asked for is not there (a file, a figure, a database)
  kUsage,         // the arguments make no sense
  kDatabase,      // the database cannot be opened, read or written
  kData,          // the data files (lexicons, catalogue) are missing or malformed
  kInternal,      // a bug: an exception or a broken invariant
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(StatusCode code, std::string message) {
    Status s;
    s.code_ = code == StatusCode::kOk ? StatusCode::kInternal : code;
    s.message_ = std::move(message);
    return s;
  }
  // An input problem: the most common error, and the one that never stops a batch.
  static Status Error(std::string message) {
    return Error(StatusCode::kInvalidInput, std::move(message));
  }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// The exit status of a command that ends on this status, the one place the
// CLI's documented codes are decided:
//   0 ok; 1 some input failed or something asked for is not there;
//   2 usage error; 3 the database or the data files are unusable, or a bug.
inline int exit_code_for(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return 0;
    case StatusCode::kInvalidInput:
    case StatusCode::kNotFound:
      return 1;
    case StatusCode::kUsage:
      return 2;
    case StatusCode::kDatabase:
    case StatusCode::kData:
    case StatusCode::kInternal:
      return 3;
  }
  return 3;
}

}  // namespace chitieu

#endif  // CHITIEU_COMMON_STATUS_H_
