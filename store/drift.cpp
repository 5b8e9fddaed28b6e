#include "store/drift.h"

#include <set>
#include <string_view>

#include "crawler/url_parts.h"
#include "extract/similarity.h"
#include "extract/url_resolution.h"

namespace linkhealth {
namespace {

bool page_is_readable(const CheckResult& check) {
  return check.page.has_value() &&
         (check.verdict == Verdict::Ok || check.verdict == Verdict::Redirected);
}

// A relative canonical (rows stored before page_meta resolved it) is resolved against the
// page's URL.
std::string absolute_canonical(const CheckResult& live) {
  const std::string& base = live.final_url.empty() ? live.request_url : live.final_url;
  return resolve_url(base, live.page->canonical).value_or(live.page->canonical);
}

void add_text_change(std::vector<Drift>& out, DriftKind kind, const std::string& before,
                     const std::string& after) {
  if (before.empty() || after.empty() || normalize_text(before) == normalize_text(after)) return;
  out.push_back({kind, "", before, after, jaccard(words(before), words(after))});
}

}  // namespace

bool is_informative(Verdict verdict) {
  return verdict == Verdict::Ok || verdict == Verdict::Redirected || verdict == Verdict::Broken ||
         verdict == Verdict::Soft404;
}

std::vector<Drift> drift_against_curated(const CitingRef& ref, const CheckResult& live) {
  std::vector<Drift> out;
  if (!page_is_readable(live)) return out;
  const PageMeta& page = *live.page;
  const CuratedRecord& curated = ref.curated;
  if (!curated.title.empty() && !page.title.empty()) {
    double score = title_similarity(curated.title, page.title);
    if (score < kTitleMismatchThreshold) {
      out.push_back({DriftKind::TitleMismatch, ref.slug, curated.title, page.title, score});
    }
  }
  if (!curated.description.empty() && !page.description.empty()) {
    double score = description_similarity(curated.description, page.description);
    if (score < kDescriptionMismatchThreshold) {
      out.push_back(
          {DriftKind::DescriptionMismatch, ref.slug, curated.description, page.description, score});
    }
  }
  return out;
}

std::vector<Drift> canonical_drift(const CheckResult& live) {
  if (!page_is_readable(live) || live.page->canonical.empty()) return {};
  std::string canonical = absolute_canonical(live);
  if (same_page_url(canonical, live.request_url)) return {};
  if (!live.final_url.empty() && same_page_url(canonical, live.final_url)) return {};
  return {{DriftKind::CanonicalMismatch, "", live.request_url, canonical, 0.0}};
}

std::vector<Drift> drift_against_previous(const CheckResult& previous, const CheckResult& live) {
  std::vector<Drift> out;
  if (!is_informative(previous.verdict) || !is_informative(live.verdict)) return out;
  if (previous.verdict != live.verdict) {
    out.push_back({DriftKind::VerdictChanged, "", std::string(to_string(previous.verdict)),
                   std::string(to_string(live.verdict)), 0.0});
  }
  if (!previous.final_url.empty() && !live.final_url.empty() &&
      !same_page_url(previous.final_url, live.final_url)) {
    out.push_back({DriftKind::FinalUrlChanged, "", previous.final_url, live.final_url, 0.0});
  }
  if (page_is_readable(previous) && page_is_readable(live)) {
    const std::string& before = previous.page->title;
    const std::string& after = live.page->title;
    if (!same_title(before, after)) add_text_change(out, DriftKind::TitleChanged, before, after);
    add_text_change(out, DriftKind::DescriptionChanged, previous.page->description,
                    live.page->description);
  }
  return out;
}

std::vector<Drift> compute_drift(const CheckResult& live, const std::vector<CitingRef>& citing,
                                 const CheckResult* previous) {
  std::vector<Drift> out;
  if (!is_informative(live.verdict)) return out;
  // A file citing the target from two fields (link.href and link.original differ only by a
  // tracking fragment) is one curated record: compare it once.
  std::set<std::string_view> compared;
  for (const CitingRef& ref : citing) {
    if (ref.field.rfind("feed.", 0) == 0 || !compared.insert(ref.file).second) continue;
    for (Drift& d : drift_against_curated(ref, live)) out.push_back(std::move(d));
  }
  for (Drift& d : canonical_drift(live)) out.push_back(std::move(d));
  if (previous != nullptr && !live.not_modified) {
    for (Drift& d : drift_against_previous(*previous, live)) out.push_back(std::move(d));
  }
  return out;
}

}  // namespace linkhealth
