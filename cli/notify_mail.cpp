// SystemNoticeSender::send_mail: `sendmail -t -oi` with the message on its stdin, as cron
// hosts deliver mail (postfix, exim, msmtp and nullmailer all read it so; -oi keeps a line
// holding a lone '.' from ending the message). Bounded by the timeout: a sendmail that hangs
// is killed and the mail reported as failed.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include "cli/notify_sender.h"

extern char** environ;

namespace linkhealth {
namespace {

using Clock = std::chrono::steady_clock;

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// SIGPIPE blocked on this thread while writing, so a sendmail that exits without reading
// gives EPIPE instead of killing the crawl; a pending SIGPIPE is consumed before unblocking.
class SigpipeBlock {
 public:
  SigpipeBlock() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
  }
  ~SigpipeBlock() {
    const timespec zero{0, 0};
    while (sigtimedwait(&set_, nullptr, &zero) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeBlock(const SigpipeBlock&) = delete;
  SigpipeBlock& operator=(const SigpipeBlock&) = delete;

 private:
  sigset_t set_;
  sigset_t old_;
};

// Writes everything or gives up at the deadline; "" when written.
std::string write_all(int fd, const std::string& data, Clock::time_point deadline) {
  std::size_t done = 0;
  while (done < data.size()) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return "sendmail did not read the message in time";
    pollfd p{fd, POLLOUT, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      return std::string("writing to sendmail: ") + std::strerror(errno);
    }
    done += static_cast<std::size_t>(n);
  }
  return {};
}

// The child's exit status, killing it at the deadline; -1 when it had to be killed.
int wait_until(pid_t pid, Clock::time_point deadline) {
  int status = 0;
  while (true) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (r < 0 && errno != EINTR) return -1;
    if (Clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

std::string SystemNoticeSender::send_mail(const std::string& message) {
  const auto deadline = Clock::now() + std::chrono::seconds(timeout_s_);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return std::string("pipe: ") + std::strerror(errno);
  Fd read_end(fds[0]);
  Fd write_end(fds[1]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, read_end.get(), 0);
  // Its chatter goes to stderr: stdout may be the JSON document (`--json -`).
  posix_spawn_file_actions_adddup2(&actions, 2, 1);
  std::vector<std::string> args = {sendmail_path_, "-t", "-oi"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc =
      posix_spawnp(&pid, sendmail_path_.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return "cannot run " + sendmail_path_ + ": " + std::strerror(rc);
  read_end.reset();
  ::fcntl(write_end.get(), F_SETFL, O_NONBLOCK);
  std::string error;
  {
    SigpipeBlock block;
    error = write_all(write_end.get(), message, deadline);
  }
  write_end.reset();  // end of the message
  const int status = wait_until(pid, error.empty() ? deadline : Clock::now());
  if (status == -1) return error.empty() ? sendmail_path_ + " did not finish in time" : error;
  if (status != 0) return sendmail_path_ + " exited with status " + std::to_string(status);
  return error;
}

}  // namespace linkhealth
