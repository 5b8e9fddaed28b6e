#pragma once
// What an offline scan finds wrong with a content file (README "Findings"): data quality, not
// link health, so a finding never reaches the network.

#include <cstddef>

#include "types/name_table.h"

namespace linkhealth {

enum class FindingKind {
  ParseError,         ///< the file or its front matter cannot be read
  NoUrl,              ///< a curated file without a link
  InvalidUrl,         ///< a URL field that is no usable URL
  UnsupportedScheme,  ///< mailto:, ftp:, javascript:, ...
  NoScheme,           ///< "www.example.com/a": repaired to https://
  Whitespace,         ///< spaces or line breaks around a URL
  CleanUrlMismatch,   ///< the stored clean URL is not what the original cleans to
  CookieWallUrl,      ///< a consent or cookie-wall URL stored instead of the article
  MobileHost,         ///< a mobile mirror stored instead of the canonical host
  TrackingLeft,       ///< a stored clean URL still carries tracking
  RedirectWrapper,    ///< a redirect wrapper around the real target
  TrackerUrl,         ///< the whole URL is a tracker
  DuplicateSlug,      ///< two files share a slug
  ControlCharacters,  ///< control characters removed from a text field
};

/// In the order `scan` lists them.
template <>
inline constexpr NameTable<FindingKind::ControlCharacters> kNames<FindingKind>{
    {"parse_error", "no_url", "invalid_url", "unsupported_scheme", "no_scheme", "whitespace",
     "clean_url_mismatch", "cookie_wall_url", "mobile_host", "tracking_left", "redirect_wrapper",
     "tracker_url", "duplicate_slug", "control_characters"}};
static_assert(kNames<FindingKind>.names_every_value());
inline constexpr std::size_t kFindingKindCount = kNames<FindingKind>.kSize;

inline constexpr auto& finding_kind_from_string = from_name<FindingKind>;
inline constexpr auto& all_finding_kinds = all_values<FindingKind>;

}  // namespace linkhealth
