#include "crawler/archive_choice.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

namespace linkhealth {
namespace {

std::string_view without_trailing_slash(std::string_view base) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  return base;
}

std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3 / 2);
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '/';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool is_timestamp(std::string_view text) {
  return text.size() == 14 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Reads `count` digits at `at` into `value`; false when they are not all digits.
bool digits(std::string_view text, std::size_t at, std::size_t count, int& value) {
  if (at + count > text.size()) return false;
  value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::string cdx_query_url(std::string_view base, std::string_view url) {
  return std::string(without_trailing_slash(base)) + "/cdx/search/cdx?url=" + percent_encoded(url) +
         "&output=json&filter=statuscode:200&fl=timestamp,original,statuscode";
}

std::string snapshot_url(std::string_view base, std::string_view timestamp, std::string_view url) {
  std::string out(without_trailing_slash(base));
  out += "/web/";
  out += timestamp;
  out += '/';
  out += url;
  return out;
}

std::vector<CdxCapture> parse_cdx(std::string_view json) {
  std::vector<CdxCapture> out;
  const auto rows = nlohmann::json::parse(json, nullptr, false);
  if (!rows.is_array() || rows.empty() || !rows[0].is_array()) return out;
  // The first row names the fields; without `fl` the archive sends all seven.
  int timestamp = -1, original = -1, status = -1;
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    const auto& name = rows[0][i];
    if (!name.is_string()) continue;
    if (name == "timestamp") timestamp = static_cast<int>(i);
    if (name == "original") original = static_cast<int>(i);
    if (name == "statuscode") status = static_cast<int>(i);
  }
  if (timestamp < 0 || original < 0) return out;
  const auto field = [](const nlohmann::json& row, int at) -> std::string {
    if (at < 0 || static_cast<std::size_t>(at) >= row.size() || !row[at].is_string()) return {};
    return row[at].get<std::string>();
  };
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (!row.is_array()) continue;
    if (status >= 0 && field(row, status) != "200") continue;
    CdxCapture capture{field(row, timestamp), field(row, original)};
    if (is_timestamp(capture.timestamp) && !capture.original.empty()) {
      out.push_back(std::move(capture));
    }
  }
  return out;
}

std::optional<std::string> capture_time_of(std::string_view date) {
  while (!date.empty() && (date.front() == ' ' || date.front() == '\'' || date.front() == '"'))
    date.remove_prefix(1);
  while (!date.empty() && (date.back() == ' ' || date.back() == '\'' || date.back() == '"'))
    date.remove_suffix(1);
  std::tm tm{};
  int year = 0, month = 0, day = 0;
  if (!digits(date, 0, 4, year) || date.size() < 10 || date[4] != '-' ||
      !digits(date, 5, 2, month) || date[7] != '-' || !digits(date, 8, 2, day) || month < 1 ||
      month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  long offset_s = 0;
  if (date.size() == 10) {
    tm.tm_hour = 23, tm.tm_min = 59, tm.tm_sec = 59;
  } else {
    std::size_t at = 11;
    if ((date[10] != 'T' && date[10] != 't' && date[10] != ' ') ||
        !digits(date, at, 2, tm.tm_hour) || date.size() < at + 5 || date[at + 2] != ':' ||
        !digits(date, at + 3, 2, tm.tm_min)) {
      return std::nullopt;
    }
    at += 5;
    if (at < date.size() && date[at] == ':') {
      if (!digits(date, at + 1, 2, tm.tm_sec)) return std::nullopt;
      at += 3;
    }
    if (at < date.size() && date[at] == '.') {
      ++at;
      while (at < date.size() && date[at] >= '0' && date[at] <= '9') ++at;
    }
    while (at < date.size() && date[at] == ' ') ++at;
    if (at < date.size() && (date[at] == '+' || date[at] == '-')) {
      const int sign = date[at] == '-' ? -1 : 1;
      int hours = 0, minutes = 0;
      if (!digits(date, at + 1, 2, hours)) return std::nullopt;
      std::size_t m = at + 3;
      if (m < date.size() && date[m] == ':') ++m;
      if (m < date.size() && !digits(date, m, 2, minutes)) return std::nullopt;
      offset_s = sign * (hours * 3600L + minutes * 60L);
    } else if (at < date.size() && date[at] != 'Z' && date[at] != 'z') {
      return std::nullopt;
    }
    if (tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60) return std::nullopt;
  }
  const std::time_t utc = timegm(&tm) - offset_s;
  std::tm out{};
  if (gmtime_r(&utc, &out) == nullptr) return std::nullopt;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d%02d%02d%02d", out.tm_year + 1900,
                out.tm_mon + 1, out.tm_mday, out.tm_hour, out.tm_min, out.tm_sec);
  return std::string(buffer);
}

std::optional<CdxCapture> choose_capture(const std::vector<CdxCapture>& captures,
                                         const std::optional<std::string>& curated) {
  const CdxCapture* before = nullptr;
  const CdxCapture* after = nullptr;
  for (const CdxCapture& c : captures) {
    if (curated && c.timestamp <= *curated) {
      if (before == nullptr || c.timestamp > before->timestamp) before = &c;
    } else if (after == nullptr || c.timestamp < after->timestamp) {
      after = &c;
    }
  }
  if (before != nullptr) return *before;
  if (after != nullptr) return *after;
  return std::nullopt;
}

std::optional<ArchiveCapture> archive_capture(std::string_view base, std::string_view json,
                                              std::string_view curated_at) {
  const auto chosen = choose_capture(parse_cdx(json), capture_time_of(curated_at));
  if (!chosen) return std::nullopt;
  return ArchiveCapture{snapshot_url(base, chosen->timestamp, chosen->original), chosen->timestamp,
                        std::string(curated_at)};
}

}  // namespace linkhealth
