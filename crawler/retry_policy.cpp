#include "crawler/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <limits>
#include <string>

#include "extract/url_cleaner.h"

namespace linkhealth {

bool is_redirect_status(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool is_transient(const HttpResponse& r) {
  if (r.error == TransferError::Timeout || r.error == TransferError::Reset) return true;
  if (r.error != TransferError::None) return false;
  const int s = r.status;
  return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
}

long parse_retry_after(std::string_view value, std::time_t now) {
  value = trim_ascii(value);
  if (value.empty()) return -1;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    constexpr long kMax = std::numeric_limits<long>::max() / 10;
    long seconds = 0;
    for (char c : value) {
      seconds = seconds * 10 + (c - '0');
      if (seconds > kMax) return kMax;
    }
    return seconds;
  }
  const std::time_t when = curl_getdate(std::string(value).c_str(), nullptr);
  if (when == -1) return -1;
  return when > now ? static_cast<long>(when - now) : 0;
}

std::chrono::milliseconds backoff_delay(int attempt, int base_ms, double jitter) {
  const double factor = static_cast<double>(1 << std::clamp(attempt - 1, 0, 10));
  return std::chrono::milliseconds(static_cast<long long>(base_ms * factor * jitter));
}

}  // namespace linkhealth
