#pragma once
// Words for a repair suggestion, the same in the HTML report and `check`: where a dead
// link's article moved and which archived copy shows it as curated.

#include <string>
#include <string_view>

#include "types/repair.h"

namespace linkhealth {

/// "2019-03-14" from a 14-digit capture timestamp or an ISO date; the text itself otherwise.
std::string display_date(std::string_view timestamp_or_date);

/// "Archived copy from 2019-03-14, curated 2019-03-28" (no ", curated …" when unknown).
std::string archive_phrase(const ArchiveCapture& archive);

/// "title matches: \"New title\" (similarity 0.92)".
std::string title_match_phrase(const Replacement& moved);

}  // namespace linkhealth
