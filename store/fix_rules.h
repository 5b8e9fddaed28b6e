#pragma once
// When the recorded runs prove a repair `linkhealth fix` may write back (pure functions over
// stored checks; the planner in reports/fix_plan.h applies them to the content files).
//
// A redirect is rewritten only when every one of the target's last `--confirm-runs` finished
// crawls followed permanent hops alone (301/308) to the same final URL and found the page
// there (ok or redirected): one crawl can catch a site mid-migration, a temporary redirect
// (302/303/307) says the old URL stays the right one, and a wall, a soft 404 (a deep link sent
// to a home page) or a page redirect is no proof of where the article lives.

#include <optional>
#include <string>
#include <vector>

#include "crawler/check_result.h"
#include "types/repair.h"

namespace linkhealth {

/// Where a target has permanently moved, with what the final page calls itself.
struct ConfirmedRedirect {
  std::string final_url;
  std::string live_title;  ///< the final page's title in the newest check ("" when none)
  bool operator==(const ConfirmedRedirect&) const = default;
};

/// The target's check in each of its last finished crawls, newest first; nullopt for a crawl
/// that did not check it. Empty, or any crawl missing or not proving the move: nullopt.
std::optional<ConfirmedRedirect> confirmed_redirect(
    const std::vector<std::optional<CheckResult>>& checks);

/// True when the chain is only 301/308 hops ending on a page (2xx, or a 304 that reused one).
bool is_permanent_chain(const CheckResult& check);

/// The latest run's replacement when relocation found one with the same URL in the run
/// before it too (a site mid-migration may answer differently from week to week); nullopt
/// otherwise.
std::optional<Replacement> confirmed_relocation(const std::optional<Replacement>& latest,
                                                const std::optional<Replacement>& before);

}  // namespace linkhealth
