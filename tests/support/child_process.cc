#include "support/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

extern char** environ;

namespace chitieu::testing {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

double monotonic_seconds() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void sleep_seconds(double seconds) {
  if (seconds <= 0) return;
  timespec ts;
  ts.tv_sec = static_cast<time_t>(seconds);
  ts.tv_nsec = static_cast<long>((seconds - static_cast<double>(ts.tv_sec)) * 1e9);
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status;
    waitpid(pid_, &status, 0);
  }
}

bool ChildProcess::start(const std::string& binary, const std::vector<std::string>& args,
                         const std::string& out_path, const std::string& err_path,
                         std::string* error) {
  out_path_ = out_path;
  err_path_ = err_path;
  std::vector<std::string> storage;
  storage.push_back(binary);
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  started_ = monotonic_seconds();
  pid_t pid = -1;
  int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    *error = "cannot start " + binary + ": " + std::strerror(rc);
    return false;
  }
  pid_ = pid;
  return true;
}

bool ChildProcess::running() const {
  if (pid_ <= 0) return false;
  // A child that has exited but is not yet reaped is a zombie: kill() still
  // succeeds on it, so ask wait without reaping.
  siginfo_t info{};
  if (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return false;
  return info.si_pid != pid_;
}

bool ChildProcess::kill_now() {
  if (!running()) return false;
  return ::kill(pid_, SIGKILL) == 0;
}

ChildResult ChildProcess::wait(double timeout_seconds) {
  ChildResult r;
  if (pid_ <= 0) return r;
  const double deadline = started_ + timeout_seconds;
  int status = 0;
  rusage usage{};
  bool timed_out = false;
  while (true) {
    pid_t got = wait4(pid_, &status, WNOHANG, &usage);
    if (got == pid_) break;
    if (got < 0 && errno != EINTR) {
      pid_ = -1;
      r.err = std::string("wait4: ") + std::strerror(errno);
      return r;
    }
    if (!timed_out && monotonic_seconds() > deadline) {
      ::kill(pid_, SIGKILL);
      timed_out = true;
      wait4(pid_, &status, 0, &usage);
      break;
    }
    sleep_seconds(0.002);
  }
  r.seconds = monotonic_seconds() - started_;
  pid_ = -1;
  r.finished = !timed_out;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.max_rss_kb = usage.ru_maxrss;
  r.out = slurp(out_path_);
  r.err = slurp(err_path_);
  return r;
}

ChildResult run_child(const std::string& binary, const std::vector<std::string>& args,
                      const std::string& out_path, const std::string& err_path,
                      double timeout_seconds) {
  ChildProcess child;
  std::string error;
  if (!child.start(binary, args, out_path, err_path, &error)) {
    ChildResult r;
    r.err = error;
    return r;
  }
  return child.wait(timeout_seconds);
}

}  // namespace chitieu::testing
