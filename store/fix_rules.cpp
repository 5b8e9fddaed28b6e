#include "store/fix_rules.h"

#include <algorithm>

#include "crawler/url_parts.h"

namespace linkhealth {

bool is_permanent_chain(const CheckResult& check) {
  if (check.redirects.empty()) return false;
  const bool permanent =
      std::all_of(check.redirects.begin(), check.redirects.end(),
                  [](const Hop& hop) { return hop.status == 301 || hop.status == 308; });
  const bool page = (check.http_status >= 200 && check.http_status < 300) ||
                    (check.http_status == 304 && check.not_modified);
  return permanent && page && !check.final_url.empty();
}

std::optional<ConfirmedRedirect> confirmed_redirect(
    const std::vector<std::optional<CheckResult>>& checks) {
  if (checks.empty() || !checks.front()) return std::nullopt;
  const CheckResult& newest = *checks.front();
  for (const auto& check : checks) {
    if (!check) return std::nullopt;
    if (check->verdict != Verdict::Ok && check->verdict != Verdict::Redirected) return std::nullopt;
    if (!is_permanent_chain(*check) || check->final_url != newest.final_url) return std::nullopt;
    // The verdict already calls these soft_404; kept here so no later verdict rule can let a
    // home-page landing through.
    if (is_root_or_section_redirect(check->request_url, check->final_url)) return std::nullopt;
  }
  return ConfirmedRedirect{newest.final_url, newest.page ? newest.page->title : std::string()};
}

std::optional<Replacement> confirmed_relocation(const std::optional<Replacement>& latest,
                                                const std::optional<Replacement>& before) {
  if (!latest || !before || latest->url.empty() || latest->url != before->url) return std::nullopt;
  return latest;
}

}  // namespace linkhealth
