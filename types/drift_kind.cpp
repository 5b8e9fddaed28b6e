#include "types/drift_kind.h"

#include "types/name_table.h"

namespace linkhealth {
namespace {

constexpr NameTable<DriftKind, kDriftKindCount> kDriftKindNames{{{
    {DriftKind::TitleMismatch, "title_mismatch"},
    {DriftKind::DescriptionMismatch, "description_mismatch"},
    {DriftKind::CanonicalMismatch, "canonical_mismatch"},
    {DriftKind::VerdictChanged, "verdict_changed"},
    {DriftKind::FinalUrlChanged, "final_url_changed"},
    {DriftKind::TitleChanged, "title_changed"},
    {DriftKind::DescriptionChanged, "description_changed"},
}}};
static_assert(kDriftKindNames.names_every_value_in_order());

constexpr std::array<DriftKind, kDriftKindCount> kAll = kDriftKindNames.values();

}  // namespace

std::string_view to_string(DriftKind kind) {
  return kDriftKindNames.name(kind);
}

std::optional<DriftKind> drift_kind_from_string(std::string_view name) {
  return kDriftKindNames.parse(name);
}

const std::array<DriftKind, kDriftKindCount>& all_drift_kinds() {
  return kAll;
}

bool has_similarity(DriftKind kind) {
  return kind == DriftKind::TitleMismatch || kind == DriftKind::DescriptionMismatch ||
         kind == DriftKind::TitleChanged || kind == DriftKind::DescriptionChanged;
}

bool is_content_drift(DriftKind kind) {
  return has_similarity(kind) || kind == DriftKind::CanonicalMismatch;
}

bool is_title_drift(DriftKind kind) {
  return kind == DriftKind::TitleMismatch || kind == DriftKind::TitleChanged;
}

}  // namespace linkhealth
