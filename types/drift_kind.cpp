#include "types/drift_kind.h"

namespace linkhealth {

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
