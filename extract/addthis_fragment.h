#pragma once
// AddThis "address bar sharing" fragments (#.X88gt1UzbIU, optionally .twitter/.facebook/...).
// The 11 characters are base64url for 8 bytes whose first 4 are the big-endian Unix time of
// the page view (research §2.7), which makes the tracker recognisable with almost no false
// positives: a real anchor practically never decodes to a plausible timestamp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "extract/utc_time.h"  // format_utc, for callers that print the view time

namespace linkhealth {

/// The view time encoded in an AddThis fragment (given without '#'), or nullopt when the
/// fragment is not one: wrong shape, or a time outside 2010-01-01 .. 2024-12-31.
std::optional<std::int64_t> addthis_view_time(std::string_view fragment);

}  // namespace linkhealth
