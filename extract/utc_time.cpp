#include "extract/utc_time.h"

#include <ctime>

namespace linkhealth {

std::string format_utc(std::int64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string utc_now() {
  return format_utc(static_cast<std::int64_t>(std::time(nullptr)));
}

}  // namespace linkhealth
