#include "export/graphviz_process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/personality.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <vector>

namespace kg {
namespace {

// A file descriptor closed when it goes out of scope.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { Close(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void Close() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

std::string FirstLine(const std::string& text) {
  const size_t end = text.find('\n');
  return text.substr(0, end == std::string::npos ? text.size() : end);
}

}  // namespace

Result<std::string> RunGraphviz(const std::string& dot_text, const std::string& engine,
                                const std::string& format, const std::function<void()>& waiting) {
  // The input goes through a socket so that a child dying early gives an
  // error to send() (MSG_NOSIGNAL) instead of a SIGPIPE to kg.
  int in_pair[2], out_pipe[2], err_pipe[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0)
    return Status::Error("cannot start Graphviz: no socket");
  Fd in_parent(in_pair[0]), in_child(in_pair[1]);
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return Status::Error("cannot start Graphviz: no pipe");
  Fd out_parent(out_pipe[0]), out_child(out_pipe[1]);
  if (pipe2(err_pipe, O_CLOEXEC) != 0) return Status::Error("cannot start Graphviz: no pipe");
  Fd err_parent(err_pipe[0]), err_child(err_pipe[1]);

  std::string engine_flag = "-K" + engine, format_flag = "-T" + format;
  std::array<char*, 5> argv = {const_cast<char*>("dot"), engine_flag.data(), format_flag.data(),
                               const_cast<char*>("-q"), nullptr};
  // A pipe that the child's exec closes: a byte in it means exec failed.
  int exec_pipe[2];
  if (pipe2(exec_pipe, O_CLOEXEC) != 0) return Status::Error("cannot start Graphviz: no pipe");
  Fd exec_parent(exec_pipe[0]), exec_child(exec_pipe[1]);
  const pid_t pid = fork();
  if (pid < 0) return Status::Error("cannot start Graphviz: fork failed");
  if (pid == 0) {
    // Only async-signal-safe calls from here to exec. Without address
    // randomisation fdp's address-ordered work repeats more often (Pango's
    // font threads still move some addresses: see ChooseLayout); if the
    // system refuses, the layout still works.
    personality(ADDR_NO_RANDOMIZE);
    if (dup2(in_child.get(), STDIN_FILENO) < 0 || dup2(out_child.get(), STDOUT_FILENO) < 0 ||
        dup2(err_child.get(), STDERR_FILENO) < 0)
      _exit(127);
    execvp("dot", argv.data());
    const char failed = 1;
    (void)!write(exec_child.get(), &failed, 1);
    _exit(127);
  }
  exec_child.Close();
  char failed = 0;
  ssize_t got;
  while ((got = read(exec_parent.get(), &failed, 1)) < 0 && errno == EINTR) {
  }
  if (got == 1) {
    int ignored = 0;
    waitpid(pid, &ignored, 0);
    return Status::Error("cannot run Graphviz's dot command (is the graphviz package installed?)");
  }
  in_child.Close();
  out_child.Close();
  err_child.Close();
  for (const Fd* fd : {&in_parent, &out_parent, &err_parent})
    fcntl(fd->get(), F_SETFL, fcntl(fd->get(), F_GETFL) | O_NONBLOCK);

  std::string output, errors;
  size_t sent = 0;
  bool out_open = true, err_open = true;
  if (dot_text.empty()) in_parent.Close();
  std::vector<char> buffer(1 << 16);
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (in_parent.get() >= 0) fds.push_back({in_parent.get(), POLLOUT, 0});
    if (out_open) fds.push_back({out_parent.get(), POLLIN, 0});
    if (err_open) fds.push_back({err_parent.get(), POLLIN, 0});
    const int ready = poll(fds.data(), fds.size(), 200);
    if (waiting) waiting();
    if (ready < 0 && errno != EINTR) break;
    for (const pollfd& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == in_parent.get()) {
        const ssize_t n = send(p.fd, dot_text.data() + sent, dot_text.size() - sent, MSG_NOSIGNAL);
        if (n > 0) sent += static_cast<size_t>(n);
        if (n < 0 && errno != EAGAIN && errno != EINTR) sent = dot_text.size();
        if (sent == dot_text.size()) in_parent.Close();
        continue;
      }
      const ssize_t n = read(p.fd, buffer.data(), buffer.size());
      if (n > 0) {
        (p.fd == out_parent.get() ? output : errors).append(buffer.data(), static_cast<size_t>(n));
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        (p.fd == out_parent.get() ? out_open : err_open) = false;
      }
    }
  }
  in_parent.Close();
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  const std::string command = "Graphviz (dot -K" + engine + " -T" + format + ")";
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || output.empty()) {
    return Status::Error(command + " failed" +
                         (errors.empty() ? std::string() : ": " + FirstLine(errors)));
  }
  return output;
}

}  // namespace kg
