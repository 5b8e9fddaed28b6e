#pragma once
// The kinds of drift store/drift.h records (see the README's "Drift kinds").

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

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
inline constexpr std::size_t kDriftKindCount = 7;

/// "title_mismatch", "description_mismatch", "canonical_mismatch", "verdict_changed",
/// "final_url_changed", "title_changed", "description_changed".
std::string_view to_string(DriftKind kind);
std::optional<DriftKind> drift_kind_from_string(std::string_view name);
const std::array<DriftKind, kDriftKindCount>& all_drift_kinds();

/// Kinds that compare texts and so carry a similarity score.
bool has_similarity(DriftKind kind);
/// Kinds about what the page says (title, description, canonical), not about where the link
/// ends or how it answers.
bool is_content_drift(DriftKind kind);
/// The title kinds (the report shows them as a word diff of the titles).
bool is_title_drift(DriftKind kind);

}  // namespace linkhealth
