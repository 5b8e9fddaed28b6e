#pragma once
// A cheap pre-test for costly regexes: std::regex takes microseconds per search, and a
// ClearURLs list searches some 350 URL patterns in every URL. Most of them name a site
// ("...amazon(?:\.[a-z]{2,})..."), so a substring test on that name skips the regex for
// every URL of another site.

#include <string>
#include <string_view>

namespace linkhealth {

/// The longest run of literal text that every match of the ECMAScript regex `source` holds,
/// ASCII-lowercased (for case-insensitive patterns). Empty when none is known for sure: the
/// pattern has a top-level '|', a back-reference or a \x/\u/\c escape, or no literal at all.
std::string required_literal(std::string_view source);

}  // namespace linkhealth
