#pragma once
// One timestamp format for everything linkhealth writes (findings, runs, checks, reports).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkhealth {

/// "2020-12-08T06:44:07Z"
std::string format_utc(std::int64_t unix_seconds);

/// The current time in the format_utc form.
std::string utc_now();

/// Unix seconds of a format_utc timestamp; nullopt for any other text.
std::optional<std::int64_t> parse_utc(std::string_view text);

}  // namespace linkhealth
