#include "cli/crawl_recorder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <string_view>

#include "store/conditional.h"

namespace linkhealth {

CrawlRecorder::CrawlRecorder(Store& store, std::int64_t run_id, RunLog& log)
    : store_(store), run_id_(run_id), log_(log) {}

std::vector<FetchTarget> CrawlRecorder::plan(const std::set<std::string>& already_checked,
                                             const TargetExclusions& exclusions,
                                             const Shard& shard) {
  std::lock_guard lock(mu_);
  std::vector<FetchTarget> out;
  // By URL (the store's order), so hosts interleave the same way on every run.
  for (ContentTarget& target : store_.content_targets(run_id_)) {
    if (already_checked.count(target.url) != 0 || !shard_owns_host(shard, target.host)) continue;
    if (exclusions.excludes(target.url, target.host)) {
      record_locked(excluded_result(target.url, target.host));
      continue;
    }
    FetchTarget fetch{std::move(target.url), std::move(target.host), "", "", ""};
    if (auto previous = store_.previous_check(fetch.request_url)) {
      fetch.etag = previous->result.etag;
      fetch.last_modified = previous->result.last_modified;
      fetch.final_url = previous->result.final_url;
    }
    out.push_back(std::move(fetch));
  }
  return out;
}

void CrawlRecorder::record(CheckResult result) {
  std::lock_guard lock(mu_);
  record_locked(std::move(result));
  store_.flush_if_due();
}

void CrawlRecorder::record_locked(CheckResult result) {
  const std::optional<CheckRecord> previous = store_.previous_check(result.request_url);
  if (result.not_modified && previous) result = reuse_not_modified(result, previous->result);

  std::vector<Source> sources;  // the curated records drift compares
  std::vector<std::string> slugs;
  const std::vector<CitingRef> refs = store_.citing_refs(result.request_url);
  std::set<std::string_view> cited_by;
  std::set<std::string_view> compared;
  for (const CitingRef& ref : refs) {
    if (cited_by.insert(ref.file).second) slugs.push_back(ref.slug);
    // A feed's own URLs (feed.feed_url, feed.site_url) are not the article the curated title
    // describes, so they get no drift against it. One source, several URL fields: compared
    // once.
    if (ref.field.rfind("feed.", 0) == 0 || !compared.insert(ref.file).second) continue;
    Source curated;
    curated.slug = ref.slug;
    curated.file = ref.file;
    curated.title = ref.title;
    curated.description = ref.description;
    sources.push_back(std::move(curated));
  }
  const std::vector<Drift> drift =
      compute_drift(result, sources, previous ? &previous->result : nullptr);
  store_.record_check(run_id_, result, drift);
  ++verdicts_[result.verdict];
  if (is_problem(result.verdict)) {
    log_.line(fmt::format("{} {} {}{}{} (from {})", to_string(result.verdict), result.http_status,
                          result.request_url, result.error.empty() ? "" : ": ", result.error,
                          fmt::join(slugs, ", ")));
  }
}

void CrawlRecorder::flush_if_due() {
  std::lock_guard lock(mu_);
  store_.flush_if_due();
}

void CrawlRecorder::flush() {
  std::lock_guard lock(mu_);
  store_.flush();
}

std::map<Verdict, std::size_t> CrawlRecorder::verdicts() const {
  std::lock_guard lock(mu_);
  return verdicts_;
}

}  // namespace linkhealth
