#include "extractor/formats/external_program.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace chitieu {
namespace {

// A temporary file holding the input, removed when this goes out of scope.
class TempFile {
 public:
  Status create(std::string_view bytes, const std::string& suffix) {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir && *dir ? dir : "/tmp") + "/chitieu-XXXXXX" + suffix;
    int fd = mkstemps(path_.data(), static_cast<int>(suffix.size()));
    if (fd < 0) {
      path_.clear();
      return Status::Error(std::string("cannot create a temporary file: ") + std::strerror(errno));
    }
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close(fd);
        return Status::Error(std::string("cannot write a temporary file: ") + std::strerror(errno));
      }
      done += static_cast<size_t>(n);
    }
    close(fd);
    return Status::Ok();
  }
  ~TempFile() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Reads the child's stdout and stderr until both close or the deadline passes.
// Returns false on timeout or when stdout outgrows `max_output`.
bool drain(int out_fd, int err_fd, const ProgramLimits& limits, std::string* out, std::string* err,
           bool* too_large) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(limits.timeout_ms);
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  char buf[1 << 16];
  while (fds[0].fd >= 0 || fds[1].fd >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    int r = poll(fds, 2, static_cast<int>(left.count()));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        fds[i].fd = -1;
        continue;
      }
      std::string* into = i == 0 ? out : err;
      if (i == 1 && err->size() > 4096) continue;  // only the first words of a complaint are shown
      into->append(buf, static_cast<size_t>(n));
      if (out->size() > limits.max_output) {
        *too_large = true;
        return false;
      }
    }
  }
  return true;
}

// The first line of what the program said on stderr, for the error message.
std::string first_line(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_first_of("\r\n", b);
  std::string line = s.substr(b, e == std::string::npos ? std::string::npos : e - b);
  return line.size() > 200 ? line.substr(0, 200) : line;
}

}  // namespace

Status run_on_bytes(const std::vector<std::string>& argv, std::string_view input, const std::string& suffix,
                    const ProgramLimits& limits, std::string* output) {
  output->clear();
  const std::string& program = argv.at(0);
  TempFile file;
  Status st = file.create(input, suffix);
  if (!st.ok()) return st;
  std::vector<std::string> args = argv;
  for (std::string& a : args)
    if (a == "{}") a = file.path();
  std::vector<char*> cargs;
  for (std::string& a : args) cargs.push_back(a.data());
  cargs.push_back(nullptr);

  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return Status::Error(std::string("pipe: ") + std::strerror(errno));
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return Status::Error(std::string("pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, cargs.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return Status::Error(program + " could not be run (" + std::strerror(rc) +
                         "; scripts/install-deps.sh installs it)");
  }
  std::string err;
  bool too_large = false;
  bool finished = drain(out_pipe[0], err_pipe[0], limits, output, &err, &too_large);
  close(out_pipe[0]);
  close(err_pipe[0]);
  if (!finished) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (too_large) {
    output->clear();
    return Status::Error(program + ": output over " + std::to_string(limits.max_output >> 20) + " MiB");
  }
  if (!finished) {
    output->clear();
    return Status::Error(program + ": no answer within " + std::to_string(limits.timeout_ms / 1000) +
                         " s (stopped)");
  }
  if (WIFSIGNALED(status)) {
    return Status::Error(program + " crashed (signal " + std::to_string(WTERMSIG(status)) + ")");
  }
  if (WEXITSTATUS(status) == 127 && output->empty()) {
    return Status::Error(program + " could not be run (scripts/install-deps.sh installs it)");
  }
  if (WEXITSTATUS(status) != 0) {
    std::string why = first_line(err);
    return Status::Error(program + " failed (exit " + std::to_string(WEXITSTATUS(status)) + ")" +
                         (why.empty() ? "" : ": " + why));
  }
  return Status::Ok();
}

}  // namespace chitieu
