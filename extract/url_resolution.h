#pragma once
// Resolves a URL reference found in a page (og:image, canonical, <base href>, refresh target)
// against the page's base URL with libcurl's URL API (RFC 3986 section 5), never by hand.

#include <optional>
#include <string>
#include <string_view>

namespace linkhealth {

/// `reference` resolved against `base` (which may be empty when `reference` is absolute);
/// nullopt when the result is not a URL libcurl accepts.
std::optional<std::string> resolve_url(std::string_view base, std::string_view reference);

}  // namespace linkhealth
