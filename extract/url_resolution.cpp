#include "extract/url_resolution.h"

#include <curl/curl.h>

#include <new>

namespace linkhealth {

namespace {

// Owns a CURLU handle.
class UrlHandle {
 public:
  UrlHandle() : handle_(curl_url()) {
    if (handle_ == nullptr) throw std::bad_alloc();
  }
  ~UrlHandle() { curl_url_cleanup(handle_); }
  UrlHandle(const UrlHandle&) = delete;
  UrlHandle& operator=(const UrlHandle&) = delete;

  bool set(std::string_view url) {
    const std::string copy(url);
    return curl_url_set(handle_, CURLUPART_URL, copy.c_str(),
                        CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE) == CURLUE_OK;
  }

  std::optional<std::string> get() const {
    char* out = nullptr;
    if (curl_url_get(handle_, CURLUPART_URL, &out, 0) != CURLUE_OK) return std::nullopt;
    std::string result(out);
    curl_free(out);
    return result;
  }

 private:
  CURLU* handle_;
};

// Browsers strip leading/trailing C0 controls and spaces and drop tabs and newlines inside.
std::string strip_url(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

}  // namespace

std::optional<std::string> resolve_url(std::string_view base, std::string_view reference) {
  const std::string ref = strip_url(reference);
  if (ref.empty()) return std::nullopt;
  UrlHandle url;
  const std::string base_url = strip_url(base);
  if (!base_url.empty()) url.set(base_url);  // an unusable base still lets absolute refs through
  if (!url.set(ref)) return std::nullopt;
  return url.get();
}

}  // namespace linkhealth
