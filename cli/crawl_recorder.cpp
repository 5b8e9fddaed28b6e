#include "cli/crawl_recorder.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <string_view>

#include "store/conditional.h"

namespace linkhealth {

CrawlRecorder::CrawlRecorder(Store& store, std::int64_t run_id, RunLog& log, OnRecorded on_recorded)
    : store_(store), run_id_(run_id), log_(log), on_recorded_(std::move(on_recorded)) {}

CrawlRecorder::~CrawlRecorder() {
  try {
    std::lock_guard lock(mu_);
    if (held_) return;  // the content was not recorded: nothing is
    take_held_locked();
    record_slice_locked();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the results are fetched again on resume
  }
}

std::vector<FetchTarget> CrawlRecorder::plan(const std::set<std::string>& already_checked,
                                             const TargetExclusions& exclusions,
                                             const Shard& shard) {
  std::lock_guard lock(mu_);
  return plan_locked(store_.fetch_targets(run_id_), already_checked, exclusions, shard);
}

std::vector<FetchTarget> CrawlRecorder::plan_slice(const std::vector<std::int64_t>& target_ids,
                                                   const std::set<std::string>& already_checked,
                                                   const TargetExclusions& exclusions,
                                                   const Shard& shard) {
  std::lock_guard lock(mu_);
  std::vector<std::int64_t> fresh;
  for (const std::int64_t id : target_ids) {
    const auto bit = static_cast<std::size_t>(id);
    if (bit >= planned_.size()) planned_.resize(std::max(bit + 1, planned_.size() * 2));
    if (planned_[bit]) continue;
    planned_[bit] = true;
    fresh.push_back(id);
  }
  if (fresh.empty()) return {};
  return plan_locked(store_.fetch_targets(fresh), already_checked, exclusions, shard);
}

std::vector<FetchTarget> CrawlRecorder::plan_locked(std::vector<FetchTarget> targets,
                                                    const std::set<std::string>& already_checked,
                                                    const TargetExclusions& exclusions,
                                                    const Shard& shard) {
  std::vector<FetchTarget> out;
  // By URL (the store's order), so hosts interleave the same way on every run.
  for (FetchTarget& target : targets) {
    if (already_checked.count(target.request_url) != 0 || !shard_owns_host(shard, target.host)) {
      continue;
    }
    if (exclusions.excludes(target.request_url, target.host)) {
      take_locked(excluded_result(target.request_url, target.host));
      continue;
    }
    out.push_back(std::move(target));
  }
  planned_count_ += out.size();
  return out;
}

std::size_t CrawlRecorder::planned() const {
  std::lock_guard lock(mu_);
  return planned_count_;
}

void CrawlRecorder::hold() {
  std::lock_guard lock(mu_);
  held_ = true;
}

void CrawlRecorder::open() {
  std::lock_guard lock(mu_);
  held_ = false;
}

void CrawlRecorder::record(CheckResult result) {
  std::lock_guard lock(mu_);
  if (held_) {
    waiting_.push_back(std::move(result));
    waiting_count_.store(waiting_.size(), std::memory_order_relaxed);
    return;
  }
  take_held_locked();
  take_locked(std::move(result));
  store_.flush_if_due();
}

void CrawlRecorder::take_held_locked() {
  std::vector<CheckResult> waiting;
  waiting.swap(waiting_);
  waiting_count_.store(0, std::memory_order_relaxed);
  for (CheckResult& result : waiting) take_locked(std::move(result));
}

void CrawlRecorder::take_locked(CheckResult result) {
  if (held_) {
    waiting_.push_back(std::move(result));
    waiting_count_.store(waiting_.size(), std::memory_order_relaxed);
    return;
  }
  // A second result for a URL of the slice is recorded after the first, as a recheck of it.
  if (slice_urls_.count(result.request_url) != 0) record_slice_locked();
  slice_urls_.insert(result.request_url);
  slice_.push_back(std::move(result));
  if (slice_.size() >= kSliceSize) record_slice_locked();
}

void CrawlRecorder::record_slice_locked() {
  if (slice_.empty()) return;
  std::vector<CheckResult> slice;
  slice.swap(slice_);
  slice_urls_.clear();
  std::vector<std::string> urls;
  urls.reserve(slice.size());
  for (const CheckResult& result : slice) urls.push_back(result.request_url);
  // Read and written in one transaction: no other writer (an ad-hoc `check`) commits a check
  // of these targets between their prior state and the checks continuing it.
  store_.within_batch([&] {
    const std::vector<PriorState> priors = store_.prior_states(run_id_, urls);
    for (std::size_t i = 0; i < slice.size(); ++i) {
      record_one_locked(std::move(slice[i]), priors[i]);
    }
  });
}

void CrawlRecorder::record_one_locked(CheckResult result, const PriorState& prior) {
  const CheckResult* previous = prior.previous ? &*prior.previous : nullptr;
  if (result.not_modified && previous) result = reuse_not_modified(result, *previous);
  const std::vector<Drift> drift = compute_drift(result, prior.citing, previous);
  store_.record_check(run_id_, result, drift, prior.history);
  ++verdicts_[result.verdict];
  if (on_recorded_) on_recorded_(result, prior);
  if (!is_problem(result.verdict)) return;
  std::vector<std::string_view> slugs;  // one per citing file
  std::set<std::string_view> files;
  for (const CitingRef& ref : prior.citing) {
    if (files.insert(ref.file).second) slugs.push_back(ref.slug);
  }
  log_.line(fmt::format("{} {} {}{}{} (from {})", to_string(result.verdict), result.http_status,
                        result.request_url, result.error.empty() ? "" : ": ", result.error,
                        fmt::join(slugs, ", ")));
}

void CrawlRecorder::flush_if_due() {
  std::lock_guard lock(mu_);
  if (held_) return;
  take_held_locked();
  record_slice_locked();
  store_.flush_if_due();
}

void CrawlRecorder::flush() {
  std::lock_guard lock(mu_);
  if (held_) return;
  take_held_locked();
  record_slice_locked();
  store_.flush();
}

std::map<Verdict, std::size_t> CrawlRecorder::verdicts() const {
  std::lock_guard lock(mu_);
  return verdicts_;
}

}  // namespace linkhealth
