#pragma once
// Reads a ClearURLs rules file (the JSON of ClearURLs/Rules data.min.json) into TrackingRules,
// so a site can follow that list instead of the built-in one.
//
// Per provider: `urlPattern` (required) and `exceptions` decide which URLs it applies to;
// `rules` name tracking query and fragment keys (whole-key matches); `rawRules` are cut from the
// URL; `redirections` and `completeProvider` are reported, never applied; `referralMarketing`
// is checked and kept (ClearURLs allows referral marketing by default); `forceRedirection`
// only concerns browsers; `methods` without GET turns a provider off. Patterns are ECMAScript
// regexes compiled once, case-insensitive, as ClearURLs compiles them.

#include <string>
#include <string_view>

#include "extract/tracking_rules.h"

namespace linkhealth {

/// Throws std::runtime_error naming origin (and the line and provider where known) when the
/// text is not JSON, not in the ClearURLs shape, or holds a regex std::regex cannot compile.
TrackingRules parse_clearurls_rules(std::string_view json, const std::string& origin);

}  // namespace linkhealth
