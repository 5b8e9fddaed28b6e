#include "tests/web/nginx_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

extern char** environ;

namespace linkhealth::testweb {

namespace {

sockaddr_in loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return addr;
}

// A port the kernel just called free. nginx binds it a moment later; the rare loser of that
// race is started again on another port.
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr = loopback(0);
  socklen_t len = sizeof addr;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("no free loopback port for nginx");
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool accepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr = loopback(port);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

std::string config(const std::filesystem::path& prefix, int port,
                   const std::string& server_config) {
  const std::string p = prefix.string();
  const std::string certs = std::string(LINKHEALTH_SOURCE_DIR) + "/tests/web/certs/";
  std::string c;
  c += "daemon off;\nmaster_process off;\nworker_processes 1;\n";
  c += "pid " + p + "/nginx.pid;\nerror_log " + p + "/error.log warn;\n";
  c += "events { worker_connections 256; }\nhttp {\n";
  c += "  log_format lh '$host $request_method $request_uri $status $server_protocol';\n";
  c += "  access_log " + p + "/access.log lh;\n";
  for (const char* temp : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
    c += "  " + std::string(temp) + "_temp_path " + p + "/tmp/" + temp + ";\n";
  }
  c += "  types { text/html html; application/xml xml; text/plain txt; }\n";
  c += "  default_type application/octet-stream;\n";
  c += "  server {\n    listen 127.0.0.1:" + std::to_string(port) + " ssl http2;\n";
  c += "    server_name _;\n";
  c += "    ssl_certificate " + certs + "server.pem;\n";
  c += "    ssl_certificate_key " + certs + "server.key;\n";
  c += "    root " + p + "/www;\n";
  c += server_config + "\n  }\n}\n";
  return c;
}

}  // namespace

NginxServer::NginxServer(const std::string& server_config) {
  std::filesystem::create_directories(prefix_ / "www");
  std::filesystem::create_directories(prefix_ / "tmp");
  if (::access(kBinary, X_OK) != 0) {
    throw std::runtime_error(std::string(kBinary) +
                             " is missing: scripts/setup installs nginx-light");
  }
  std::string last_error;
  for (int attempt = 0; attempt < 5; ++attempt) {
    try {
      start(server_config);
      return;
    } catch (const std::runtime_error& e) {
      last_error = e.what();
    }
  }
  throw std::runtime_error(last_error);
}

void NginxServer::start(const std::string& server_config) {
  port_ = free_port();
  const std::filesystem::path conf = prefix_ / "nginx.conf";
  std::ofstream(conf) << config(prefix_, port_, server_config);
  std::vector<std::string> args = {
      kBinary, "-p", prefix_.string(), "-c", conf.string(), "-e", (prefix_ / "error.log").string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const int rc = posix_spawn(&pid_, kBinary, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start nginx");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("nginx exited at start: " +
                               testing::read_file(prefix_ / "error.log"));
    }
    if (accepts(port_)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
  throw std::runtime_error("nginx did not listen within 15 s: " +
                           testing::read_file(prefix_ / "error.log"));
}

NginxServer::~NginxServer() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

void NginxServer::write_file(const std::string& relative, const std::string& bytes) const {
  tree_.write("www/" + relative, bytes);
}

std::string NginxServer::access_log() const {
  return testing::read_file(prefix_ / "access.log");
}

}  // namespace linkhealth::testweb
