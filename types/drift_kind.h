#pragma once
// The kinds of drift store/drift.h records (see the README's "Drift kinds").

#include <cstddef>

#include "types/name_table.h"

namespace linkhealth {

enum class DriftKind {
  // Against the curated record: states that hold until the page or the record changes.
  TitleMismatch,
  DescriptionMismatch,
  CanonicalMismatch,
  // Against the previous informative check of the target: events.
  VerdictChanged,
  FinalUrlChanged,
  TitleChanged,
  DescriptionChanged,
};

template <>
inline constexpr NameTable<DriftKind::DescriptionChanged> kNames<DriftKind>{
    {"title_mismatch", "description_mismatch", "canonical_mismatch", "verdict_changed",
     "final_url_changed", "title_changed", "description_changed"}};
static_assert(kNames<DriftKind>.names_every_value());
inline constexpr std::size_t kDriftKindCount = kNames<DriftKind>.kSize;

inline constexpr auto& drift_kind_from_string = from_name<DriftKind>;
inline constexpr auto& all_drift_kinds = all_values<DriftKind>;

/// Kinds that compare texts and so carry a similarity score.
bool has_similarity(DriftKind kind);
/// Kinds about what the page says (title, description, canonical), not about where the link
/// ends or how it answers.
bool is_content_drift(DriftKind kind);
/// The title kinds (the report shows them as a word diff of the titles).
bool is_title_drift(DriftKind kind);

}  // namespace linkhealth
