#pragma once
// What `linkhealth check SLUG` prints: one readable block per URL of one content file, for a
// person at a terminal. Pure formatting (the command gathers the data), so the exact text is
// unit-tested.

#include <string>
#include <string_view>
#include <vector>

#include "extract/source.h"
#include "extract/target.h"
#include "reports/report_model.h"

namespace linkhealth {

/// One request URL of the source after it was fetched now.
struct CheckedLink {
  Target target;        ///< request URL, host and the fields citing it (raw, removed, line)
  TargetRecord stored;  ///< the check as recorded: verdict, chain, live page, drift, history
  std::string previous_checked_at;  ///< the check drift compares with; "" on a first check
  /// `<base>/web/<url>` (every capture) for a broken / soft_404 link whose check chose no
  /// archive capture; "" otherwise.
  std::string wayback_link;
  bool checked = true;  ///< false: the run was interrupted before this URL
};

/// A URL field whose value did not clean into a fetchable URL (never fetched).
struct UnusableField {
  UrlField field;
  std::string error;
};

struct SourceCheck {
  Source source;
  std::vector<CheckedLink> links;  ///< in request URL order
  std::vector<UnusableField> unusable;
  long long run_id = 0;  ///< the `check` run recorded in the store
};

/// Problems: links with is_problem(verdict) plus unusable fields.
int check_problem_count(const SourceCheck& check);

/// The whole text, ending in a summary line. With `colour`, verdicts are ANSI-coloured
/// (the caller decides: a terminal and no NO_COLOR).
std::string render_check_text(const SourceCheck& check, bool colour);

/// Up to `limit` of `candidates` closest to `wanted`, for "unknown slug, did you mean ...":
/// names within edit distance len/2 of `wanted`, or containing it with at most len/5 edits
/// (a misspelt word of a long slug), best part match first.
std::vector<std::string> closest_names(std::string_view wanted,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit = 5);

/// Levenshtein distance (bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Edit distance of `part` to the closest substring of `whole` (bytes).
std::size_t partial_distance(std::string_view part, std::string_view whole);

}  // namespace linkhealth
