#include "extract/curl_url.h"

#include <new>

namespace linkhealth {

namespace {

std::optional<std::string> error_of(CURLUcode rc) {
  if (rc == CURLUE_OK) return std::nullopt;
  return std::string(curl_url_strerror(rc));
}

// curl takes C strings: a NUL inside the value would silently cut the URL short there.
const char* const kNulError = "URL contains a NUL byte";

}  // namespace

CurlUrl::CurlUrl() : handle_(curl_url()) {
  if (!handle_) throw std::bad_alloc();
}

std::optional<std::string> CurlUrl::set_url(const std::string& url, unsigned flags) {
  if (url.find('\0') != std::string::npos) return kNulError;
  return error_of(curl_url_set(handle_.get(), CURLUPART_URL, url.c_str(), flags));
}

std::optional<std::string> CurlUrl::set(CURLUPart part, const std::optional<std::string>& value) {
  if (value && value->find('\0') != std::string::npos) return kNulError;
  return error_of(curl_url_set(handle_.get(), part, value ? value->c_str() : nullptr, 0));
}

std::optional<std::string> CurlUrl::get(CURLUPart part, unsigned flags) const {
  char* out = nullptr;
  if (curl_url_get(handle_.get(), part, &out, flags) != CURLUE_OK || out == nullptr) {
    return std::nullopt;
  }
  std::string value(out);
  curl_free(out);
  return value;
}

std::string percent_decoded(std::string_view text) {
  if (text.empty()) return {};  // a length of 0 would make curl call strlen
  int length = 0;
  // curl 7.82 and later take a null handle here.
  char* out = curl_easy_unescape(nullptr, text.data(), static_cast<int>(text.size()), &length);
  if (out == nullptr) throw std::bad_alloc();
  std::string value(out, static_cast<std::size_t>(length));
  curl_free(out);
  return value;
}

}  // namespace linkhealth
