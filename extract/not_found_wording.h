#pragma once
// "This page does not exist" in the words sites use for it, in English and the languages a
// curated health-news corpus cites most (German, French, Spanish, Italian, Dutch, Portuguese,
// Japanese): a 200 page whose title or first heading says so is a soft 404.

#include <string_view>

namespace linkhealth {

/// True when a title or heading says the page does not exist (any case). A phrase anywhere
/// ("Seite nicht gefunden", "ページが見つかりません"), or a bare word as a whole title segment
/// ("Not Found - STAT", "Fehler | Site"); a headline that merely uses the words stays false
/// ("Cure not found for rare disease").
bool says_not_found(std::string_view text);

}  // namespace linkhealth
