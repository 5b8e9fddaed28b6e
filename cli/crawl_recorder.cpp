#include "cli/crawl_recorder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <string_view>

#include "store/conditional.h"

namespace linkhealth {

CrawlRecorder::CrawlRecorder(Store& store, std::int64_t run_id, const ScanResult& scan, RunLog& log)
    : store_(store), run_id_(run_id), log_(log) {
  std::unordered_map<std::string, std::uint32_t> by_file;
  curated_.reserve(scan.sources.size());
  for (const Source& s : scan.sources) {
    by_file.emplace(s.file, static_cast<std::uint32_t>(curated_.size()));
    Source curated;
    curated.slug = s.slug;
    curated.file = s.file;
    curated.title = s.title;
    curated.description = s.description;
    curated_.push_back(std::move(curated));
  }
  targets_.reserve(scan.targets.size());
  for (const Target& t : scan.targets) {
    PlannedTarget planned{t.host, {}, {}};
    std::set<std::string_view> cited_by;
    std::set<std::string_view> compared;
    for (const TargetRef& ref : t.refs) {
      auto source = by_file.find(ref.file);
      if (source == by_file.end()) continue;
      if (cited_by.insert(ref.file).second) planned.cited_by.push_back(source->second);
      // A feed's own URLs (feed.feed_url, feed.site_url) are not the article the curated
      // title describes, so they get no drift against it. One source, several URL fields:
      // compared once.
      if (ref.field.rfind("feed.", 0) == 0 || !compared.insert(ref.file).second) continue;
      planned.compared.push_back(source->second);
    }
    targets_.emplace(t.request_url, std::move(planned));
  }
}

std::vector<FetchTarget> CrawlRecorder::plan(const std::set<std::string>& already_checked,
                                             const TargetExclusions& exclusions) {
  std::lock_guard lock(mu_);
  std::vector<FetchTarget> out;
  for (const auto& [url, target] : targets_) {
    if (already_checked.count(url) != 0) continue;
    if (exclusions.excludes(url, target.host)) {
      record_locked(excluded_result(url, target.host));
      continue;
    }
    FetchTarget fetch{url, target.host, "", "", ""};
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
    for (std::uint32_t i : it->second.cited_by) slugs.push_back(curated_[i].slug);
    for (std::uint32_t i : it->second.compared) sources.push_back(curated_[i]);
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
