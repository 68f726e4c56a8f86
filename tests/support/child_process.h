// Running the `chitieu` binary as a child process from a test: started with
// posix_spawn, stdout and stderr into files, waited for with wait4 so the test
// sees how it ended (exit status or signal) and its peak resident memory.
// Unlike popen(), a child can be killed at any moment (crash tests) and several
// can run at once (concurrency tests).
#ifndef CHITIEU_TESTS_SUPPORT_CHILD_PROCESS_H_
#define CHITIEU_TESTS_SUPPORT_CHILD_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace chitieu::testing {

struct ChildResult {
  bool finished = false;  // false: still running at the deadline (then killed)
  int exit_code = -1;     // when it exited
  int signal = 0;         // when a signal ended it
  long max_rss_kb = 0;    // peak resident set size (ru_maxrss)
  double seconds = 0;     // wall time from start to end
  std::string out, err;   // what it wrote
};

class ChildProcess {
 public:
  ChildProcess() = default;
  ~ChildProcess();  // kills and reaps a child still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Starts `binary` with `args` (argv[0] is added); its stdout and stderr go to
  // `out_path` and `err_path`. Returns false (with `*error`) if it cannot start.
  bool start(const std::string& binary, const std::vector<std::string>& args,
             const std::string& out_path, const std::string& err_path, std::string* error);

  // True while the child runs (it has not ended, reaped or not).
  bool running() const;

  // Sends SIGKILL. Returns false when the child had already ended.
  bool kill_now();

  // Waits up to `timeout_seconds`; past it the child is killed and the result
  // says finished = false. Reads the output files into the result.
  ChildResult wait(double timeout_seconds);

  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  double started_ = 0;
  std::string out_path_, err_path_;
};

// Starts a child and waits for it.
ChildResult run_child(const std::string& binary, const std::vector<std::string>& args,
                      const std::string& out_path, const std::string& err_path,
                      double timeout_seconds);

// Seconds on a monotonic clock.
double monotonic_seconds();

// Sleeps for `seconds` (fractions allowed).
void sleep_seconds(double seconds);

}  // namespace chitieu::testing

#endif  // CHITIEU_TESTS_SUPPORT_CHILD_PROCESS_H_
