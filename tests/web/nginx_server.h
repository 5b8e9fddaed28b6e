#pragma once
// A real HTTP/2 server for the tests: Debian's nginx (nginx-light), started on 127.0.0.1 with
// TLS from the tests' certificate for *.web.test and ALPN h2, in a throwaway prefix folder.
// The fixture web speaks only HTTP/1.1 and always sends a Content-Length; nginx shows what a
// production server does over h2 (no length on streamed bodies, its own redirects and 304s).

#include <sys/types.h>

#include <filesystem>
#include <string>

#include "tests/temp_tree.h"

namespace linkhealth::testweb {

class NginxServer {
 public:
  /// Writes the prefix (config, logs, document root `www/`), starts nginx in the foreground
  /// and waits until it accepts connections. `server_config` is pasted inside the one
  /// `server { }` block (locations, rewrites, proxy_pass). Throws std::runtime_error when
  /// nginx is missing or does not come up (its error log is in the message).
  explicit NginxServer(const std::string& server_config);
  ~NginxServer();
  NginxServer(const NginxServer&) = delete;
  NginxServer& operator=(const NginxServer&) = delete;

  int port() const { return port_; }
  /// Writes a file below the document root (creating folders).
  void write_file(const std::string& relative, const std::string& bytes) const;
  /// The access log so far: one line per request, "host method uri status protocol".
  std::string access_log() const;

  static constexpr const char* kBinary = "/usr/sbin/nginx";

 private:
  void start(const std::string& server_config);
  testing::TempTree tree_;  // the prefix: removed however the constructor or the test ends
  std::filesystem::path prefix_ = tree_.root();
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace linkhealth::testweb
