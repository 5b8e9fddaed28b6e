#include "cli/crawl_recorder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>

#include "store/conditional.h"

namespace linkhealth {

CrawlRecorder::CrawlRecorder(Store& store, std::int64_t run_id, const ScanResult& scan, RunLog& log)
    : store_(store), run_id_(run_id), log_(log) {
  for (const Target& t : scan.targets) targets_.emplace(t.request_url, &t);
  for (const Source& s : scan.sources) sources_.emplace(s.file, &s);
}

std::vector<FetchTarget> CrawlRecorder::plan(const std::set<std::string>& already_checked,
                                             const TargetExclusions& exclusions) {
  std::lock_guard lock(mu_);
  std::vector<FetchTarget> out;
  for (const auto& [url, target] : targets_) {
    if (already_checked.count(url) != 0) continue;
    if (exclusions.excludes(url, target->host)) {
      record_locked(excluded_result(url, target->host));
      continue;
    }
    FetchTarget fetch{url, target->host, "", "", ""};
    if (auto previous = store_.previous_check(url)) {
      fetch.etag = previous->result.etag;
      fetch.last_modified = previous->result.last_modified;
      fetch.final_url = previous->result.final_url;
    }
    out.push_back(std::move(fetch));
  }
  // Sorted by URL so hosts interleave the same way on every run (the map above is unordered).
  std::sort(out.begin(), out.end(), [](const FetchTarget& a, const FetchTarget& b) {
    return a.request_url < b.request_url;
  });
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

  std::vector<Source> sources;
  std::vector<std::string> slugs;
  if (auto it = targets_.find(result.request_url); it != targets_.end()) {
    std::set<std::string> cited_by;
    std::set<std::string> compared;
    for (const TargetRef& ref : it->second->refs) {
      if (cited_by.insert(ref.file).second) slugs.push_back(ref.slug);
      // A feed's own URLs (feed.feed_url, feed.site_url) are not the article the curated
      // title describes, so they get no drift against it. One source, several URL fields:
      // compared once.
      if (ref.field.rfind("feed.", 0) == 0 || !compared.insert(ref.file).second) continue;
      auto source = sources_.find(ref.file);
      if (source != sources_.end()) sources.push_back(*source->second);
    }
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
