#include "crawler/wayback_lookup.h"

#include <sys/socket.h>

#include "crawler/address_guard.h"
#include "crawler/curl_handles.h"

namespace linkhealth {
namespace {

// Refuses the first body byte: the status line and headers are all the lookup needs.
std::size_t refuse_body(char*, std::size_t, std::size_t, void*) noexcept {
  return 0;
}

curl_socket_t guarded_socket(void* allow_private, curlsocktype purpose,
                             curl_sockaddr* address) noexcept {
  if (purpose == CURLSOCKTYPE_IPCXN &&
      !address_allowed(classify_address(&address->addr), *static_cast<bool*>(allow_private))) {
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype, address->protocol);
}

long milliseconds(double seconds) {
  return static_cast<long>(seconds * 1000);
}

}  // namespace

std::optional<std::string> wayback_snapshot(const std::string& lookup_url,
                                            const FetchOptions& options) {
  ensure_curl_global_init();
  EasyHandle easy(curl_easy_init());
  if (!easy) return std::nullopt;
  CURL* e = easy.get();
  bool allow_private = options.allow_private;
  const std::string agent = options.user_agent.empty() ? default_user_agent() : options.user_agent;
  Slist resolve = options.resolve.empty() ? Slist() : make_slist(options.resolve);
  Slist connect_to = options.connect_to.empty() ? Slist() : make_slist(options.connect_to);
  curl_easy_setopt(e, CURLOPT_URL, lookup_url.c_str());
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_USERAGENT, agent.c_str());
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, milliseconds(options.timeout_s));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(options.connect_timeout_s));
  if (resolve) curl_easy_setopt(e, CURLOPT_RESOLVE, resolve.get());
  if (connect_to) curl_easy_setopt(e, CURLOPT_CONNECT_TO, connect_to.get());
  if (!options.cacert.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, options.cacert.c_str());
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &guarded_socket);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &allow_private);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &refuse_body);

  const CURLcode code = curl_easy_perform(e);
  if (code != CURLE_OK && code != CURLE_WRITE_ERROR) return std::nullopt;
  long status = 0;
  char* location = nullptr;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &location);
  if (status < 300 || status >= 400 || location == nullptr) return std::nullopt;
  return std::string(location);
}

}  // namespace linkhealth
