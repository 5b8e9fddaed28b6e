#include "crawler/retry_policy.h"

#include <algorithm>

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

std::chrono::milliseconds backoff_delay(int attempt, int base_ms, double jitter) {
  const double factor = static_cast<double>(1 << std::clamp(attempt - 1, 0, 10));
  return std::chrono::milliseconds(static_cast<long long>(base_ms * factor * jitter));
}

}  // namespace linkhealth
