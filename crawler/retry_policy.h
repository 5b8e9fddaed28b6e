#pragma once
// What is worth another try and how long to wait first (pure; the engine owns the timers).

#include <chrono>
#include <ctime>
#include <string_view>

#include "crawler/transport.h"

namespace linkhealth {

/// 301, 302, 303, 307, 308: a hop the engine follows by hand.
bool is_redirect_status(int status);

/// Timeouts, resets and 408/429/500/502/503/504 are retried; everything else is final.
bool is_transient(const HttpResponse& response);

/// Seconds a Retry-After value asks for: delta-seconds (saturating) or an HTTP date (0 when
/// past); -1 for anything else, so garbage is ignored instead of read as "retry now".
long parse_retry_after(std::string_view value, std::time_t now);

/// Exponential backoff: base * 2^(attempt-1), scaled by `jitter` in [0.5, 1.5).
std::chrono::milliseconds backoff_delay(int attempt, int base_ms, double jitter);

}  // namespace linkhealth
