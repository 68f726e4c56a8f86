// Errors as values at module boundaries.
//
// A Status is either ok or carries a one-line message meant for a person: it
// names what failed and why ("empty file", "invalid UTF-8 at byte 812 (line 4)").
// The caller adds the file name when it reports it.
#ifndef CHITIEU_COMMON_STATUS_H_
#define CHITIEU_COMMON_STATUS_H_

#include <string>
#include <utility>

namespace chitieu {

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) {
    Status s;
    s.ok_ = false;
    s.message_ = std::move(message);
    return s;
  }
  bool ok() const { return ok_; }
  const std::string& message() const { return message_; }

 private:
  bool ok_ = true;
  std::string message_;
};

}  // namespace chitieu

#endif  // CHITIEU_COMMON_STATUS_H_
