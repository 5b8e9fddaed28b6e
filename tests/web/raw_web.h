#pragma once
// A raw TCP server for the hostile-server tests: it answers each request with scripted bytes
// that Beast would refuse to produce (garbage status lines, one byte a second, resets in the
// middle of a response, endless bodies, silence). Loopback only (127.0.0.1 or ::1).

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace linkhealth::testweb {

/// One piece of a scripted answer.
struct RawStep {
  std::string bytes;
  int pause_ms = 0;     ///< wait before sending
  int byte_gap_ms = 0;  ///< > 0: send one byte at a time with this gap (slowloris)
  bool repeat = false;  ///< send `bytes` again and again until the client goes away
};

/// What happens after the last step.
enum class RawEnding {
  Close,  ///< orderly FIN
  Reset,  ///< RST (SO_LINGER 0)
  Hang,   ///< keep the connection open, say nothing more, until the client leaves
};

struct RawScript {
  std::vector<RawStep> steps;
  RawEnding ending = RawEnding::Close;
};

/// "HTTP/1.1 <status> X" + headers + Content-Length + "Connection: close" (the raw web
/// serves one request per connection) + blank line + body: for scripts that are
/// mostly a normal response.
std::string raw_response(int status, const std::vector<std::string>& headers,
                         const std::string& body);

class RawWeb {
 public:
  /// `scripts` keyed by request path ("*" for every other path). `address` is "127.0.0.1" or
  /// "::1".
  explicit RawWeb(std::map<std::string, RawScript> scripts,
                  const std::string& address = "127.0.0.1");
  ~RawWeb();
  RawWeb(const RawWeb&) = delete;
  RawWeb& operator=(const RawWeb&) = delete;

  int port() const;
  /// Requests seen for `path` (the request target as sent).
  int hits(const std::string& path) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkhealth::testweb
