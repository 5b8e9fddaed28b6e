#pragma once
// The seam between the fetch engine and the network: one HTTP exchange in, one response out.
// CurlTransport is the real one; tests drive the engine with an in-memory fake.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ascii.h"

namespace linkhealth {

/// Why an exchange produced no usable HTTP response.
enum class TransferError {
  None,
  Timeout,
  Resolve,         ///< host not found
  Connect,         ///< refused / unreachable
  Reset,           ///< connection reset, empty reply, broken stream
  BadReply,        ///< not HTTP, or HTTP curl refuses (status line, giant header)
  Tls,             ///< certificate or handshake failure
  AddressRefused,  ///< the address guard refused the resolved address
  Invalid,         ///< malformed URL
  Aborted,         ///< cancelled by us (shutdown)
  Other,
};

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  ///< extra "Name: value" lines (conditional headers)
  std::vector<std::string> cookies;  ///< Netscape cookie lines carried along a redirect chain
  bool read_any_body = false;        ///< read the body whatever its type (robots.txt)
  bool trusted_address = false;      ///< host pinned by --resolve/--connect-to: skip the
                                     ///< private-range check (link-local is still refused)
  bool keep_connection = true;       ///< false: nothing more is queued for the host, so
                                     ///< close the connection instead of caching it; true:
                                     ///< a page's short rest is read to keep it reusable
  /// When set, a 2xx body goes here chunk by chunk (decoded), whatever its type and size,
  /// instead of into HttpResponse::body; returning false ends the transfer (not an error).
  std::function<bool(std::string_view)> on_body;
};

struct HttpResponse {
  TransferError error = TransferError::None;
  std::string error_text;
  int status = 0;
  std::string redirect_url;  ///< absolute target of Location, "" when none
  std::string content_type;
  std::string etag;
  std::string last_modified;
  long retry_after_s = -1;  ///< parsed Retry-After in seconds, -1 when absent
  bool cf_mitigated = false;
  std::string body;         ///< the head of the body only (see FetchOptions::max_head_bytes)
  long long body_seen = 0;  ///< decoded body bytes curl handed over, kept or drained
  std::vector<std::string> cookies;
  std::string primary_ip;
};

/// text/html or application/xhtml+xml, any case: the responses whose head is read and parsed.
inline bool is_html_content_type(std::string_view content_type) {
  return starts_with_ignoring_case(content_type, "text/html") ||
         starts_with_ignoring_case(content_type, "application/xhtml");
}

class Transport {
 public:
  using Done = std::function<void(HttpResponse)>;
  virtual ~Transport() = default;
  /// Starts one exchange; `done` runs later on the engine's thread, never from inside start().
  virtual void start(const HttpRequest& request, Done done) = 0;
  /// Aborts every exchange in flight; their callbacks are not called.
  virtual void abort_all() = 0;
};

}  // namespace linkhealth
