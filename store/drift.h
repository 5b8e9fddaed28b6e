#pragma once
// store/ is the third stage: the SQLite memory of linkhealth (runs, checks, history) and the
// drift rules that compare what was curated, what was seen last time and what is live now.
// Drift rules are pure functions (this header); store.h is the database side.

#include <string>
#include <vector>

#include "crawler/check_result.h"
#include "store/citing_ref.h"
#include "types/drift_kind.h"

namespace linkhealth {

/// One difference worth telling an editor about.
struct Drift {
  DriftKind kind = DriftKind::TitleMismatch;
  std::string slug;    ///< the source it concerns; empty for target-level drift
  std::string before;  ///< curated or previously seen value
  std::string after;   ///< live value
  double score = 0;    ///< similarity in [0,1] (1 = identical) or 0 for categorical changes
};

/// Below this title similarity (Jaccard of normalised word sets, site suffix stripped) the
/// live page no longer carries the curated headline. 0.5 is the boundary the drift literature
/// uses between "edited title of the same page" and "a different page" (research notes §3.6);
/// a curated headline with one or two words changed stays well above it.
inline constexpr double kTitleMismatchThreshold = 0.5;
/// Descriptions are longer and get reworded more freely than headlines, so two summaries of
/// the same article share fewer words; truncation is handled by the prefix rule in
/// description_similarity. Below 0.3 less than a third of the words are shared.
inline constexpr double kDescriptionMismatchThreshold = 0.3;

/// Verdicts whose response says something about the page itself. Blocked, timeout and error
/// responses do not: a bot wall must never overwrite what we know.
bool is_informative(Verdict verdict);

/// title_mismatch / description_mismatch of the curated record citing the target against the
/// live page (slug: the ref's). Only for ok/redirected checks with page metadata and non-empty
/// texts on both sides.
std::vector<Drift> drift_against_curated(const CitingRef& ref, const CheckResult& live);

/// canonical_mismatch when the live canonical names neither the request URL nor the final URL
/// (modulo scheme, "www.", trailing slash; see same_page_url).
std::vector<Drift> canonical_drift(const CheckResult& live);

/// verdict_changed, final_url_changed, title_changed, description_changed against the last
/// informative check of the same target.
std::vector<Drift> drift_against_previous(const CheckResult& previous, const CheckResult& live);

/// Everything above for one check; nothing for a non-informative verdict. A 304 (`live` then
/// carries the page of the check it confirmed, see reuse_not_modified) gets the mismatches
/// with the curated record and the canonical again: they are states that hold until the page
/// or the record changes, and a weekly report must not lose them because the page did not
/// change. It gets no changes against `previous`: the server said there are none.
/// The curated records compared are those of `citing`, once per file and never through a
/// feed's own URLs (feed.feed_url, feed.site_url: not the article the curated title describes).
/// `previous` may be null (first check) and is ignored when not informative.
std::vector<Drift> compute_drift(const CheckResult& live, const std::vector<CitingRef>& citing,
                                 const CheckResult* previous);

}  // namespace linkhealth
