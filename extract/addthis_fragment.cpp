#include "extract/addthis_fragment.h"

namespace linkhealth {

namespace {

constexpr std::size_t kPayloadChars = 11;
constexpr std::int64_t kEarliest = 1262304000;  // 2010-01-01: before AddThis shipped this
constexpr std::int64_t kLatest = 1735689599;    // 2024-12-31: AddThis shut down in 2023

int base64url_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

bool is_service_suffix(std::string_view s) {
  // ".twitter", ".facebook", ...: letters only.
  if (s.empty()) return true;
  if (s.size() < 2 || s[0] != '.') return false;
  for (char c : s.substr(1)) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

}  // namespace

std::optional<std::int64_t> addthis_view_time(std::string_view fragment) {
  if (fragment.size() < 1 + kPayloadChars || fragment[0] != '.') return std::nullopt;
  if (!is_service_suffix(fragment.substr(1 + kPayloadChars))) return std::nullopt;
  // The first 32 bits are the timestamp: 6 bits per character, so the first 6 characters
  // (36 bits) hold it; the rest only has to be valid base64url.
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < kPayloadChars; ++i) {
    const int v = base64url_value(fragment[1 + i]);
    if (v < 0) return std::nullopt;
    if (i < 6) bits = (bits << 6) | static_cast<std::uint64_t>(v);
  }
  const auto seconds = static_cast<std::int64_t>(bits >> 4);
  if (seconds < kEarliest || seconds > kLatest) return std::nullopt;
  return seconds;
}

}  // namespace linkhealth
