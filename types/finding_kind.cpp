#include "types/finding_kind.h"

#include "types/name_table.h"

namespace linkhealth {
namespace {

constexpr NameTable<FindingKind, kFindingKindCount> kFindingKindNames{{{
    {FindingKind::ParseError, "parse_error"},
    {FindingKind::NoUrl, "no_url"},
    {FindingKind::InvalidUrl, "invalid_url"},
    {FindingKind::UnsupportedScheme, "unsupported_scheme"},
    {FindingKind::NoScheme, "no_scheme"},
    {FindingKind::Whitespace, "whitespace"},
    {FindingKind::CleanUrlMismatch, "clean_url_mismatch"},
    {FindingKind::CookieWallUrl, "cookie_wall_url"},
    {FindingKind::MobileHost, "mobile_host"},
    {FindingKind::TrackingLeft, "tracking_left"},
    {FindingKind::RedirectWrapper, "redirect_wrapper"},
    {FindingKind::TrackerUrl, "tracker_url"},
    {FindingKind::DuplicateSlug, "duplicate_slug"},
    {FindingKind::ControlCharacters, "control_characters"},
}}};
static_assert(kFindingKindNames.names_every_value_in_order());

constexpr std::array<FindingKind, kFindingKindCount> kAll = kFindingKindNames.values();

}  // namespace

std::string_view to_string(FindingKind kind) {
  return kFindingKindNames.name(kind);
}

std::optional<FindingKind> finding_kind_from_string(std::string_view name) {
  return kFindingKindNames.parse(name);
}

const std::array<FindingKind, kFindingKindCount>& all_finding_kinds() {
  return kAll;
}

}  // namespace linkhealth
