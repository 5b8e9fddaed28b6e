#pragma once
// RAII handle over curl's URL API (CURLU). All URL parsing and re-assembly in linkhealth goes
// through curl so that the cleaner never carries its own URL grammar.

#include <curl/curl.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace linkhealth {

class CurlUrl {
 public:
  CurlUrl();

  /// Parses a whole URL; returns curl's error text on failure, nullopt on success.
  std::optional<std::string> set_url(const std::string& url, unsigned flags = 0);
  /// Sets one part as written (no encoding); nullopt value clears the part.
  std::optional<std::string> set(CURLUPart part, const std::optional<std::string>& value);
  /// A part as stored (not decoded), or nullopt when the URL has none.
  std::optional<std::string> get(CURLUPart part, unsigned flags = 0) const;

 private:
  struct Deleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
  };
  std::unique_ptr<CURLU, Deleter> handle_;
};

/// The text with its %XX escapes decoded by curl (bytes, not necessarily UTF-8).
std::string percent_decoded(std::string_view text);

}  // namespace linkhealth
