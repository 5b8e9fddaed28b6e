#include "reports/report_loader.h"

#include <set>
#include <stdexcept>
#include <utility>

namespace linkhealth {
namespace {

ReportRun report_run(const RunInfo& run) {
  return {run.id, std::string(to_string(run.kind)), run.started_at, run.finished_at,
          report_status(run.status)};
}

ReportRef report_ref(const RefRecord& ref) {
  return {ref.slug, ref.file, ref.field, ref.raw, ref.title, ref.community};
}

ReportTarget report_target(TargetRecord&& record) {
  CheckResult& check = record.check.result;
  ReportTarget t;
  t.request_url = std::move(check.request_url);
  t.host = std::move(check.host);
  t.verdict = check.verdict;
  t.http_status = check.http_status;
  t.final_url = std::move(check.final_url);
  t.redirects = std::move(check.redirects);
  t.error = std::move(check.error);
  t.not_modified = check.not_modified;
  t.checked_at = std::move(check.checked_at);
  if (check.page) t.page = std::move(*check.page);
  t.repair = std::move(check.repair);
  t.drift = std::move(record.drift);
  for (const auto& ref : record.refs) t.refs.push_back(report_ref(ref));
  t.first_seen_broken = record.check.history.broken_since;
  t.consecutive_failures = record.check.history.failures;
  return t;
}

std::set<std::string> urls_of(const std::vector<TargetRecord>& records) {
  std::set<std::string> urls;
  for (const auto& record : records) urls.insert(record.check.result.request_url);
  return urls;
}

}  // namespace

std::string report_status(RunStatus status) {
  return status == RunStatus::Done ? "completed" : std::string(to_string(status));
}

namespace {

ReportModel header(Store& store, std::int64_t run_id, const ReportOptions& options) {
  auto run = store.run(run_id);
  if (!run) throw std::invalid_argument("no run with id " + std::to_string(run_id));
  ReportModel model;
  model.run = report_run(*run);
  model.wayback_base = options.wayback_base;
  model.has_previous_run = store.summary(run_id).previous.has_value();
  model.findings = store.findings(run_id);
  return model;
}

void each_target(Store& store, std::int64_t run_id, const ReportOptions& options,
                 const std::function<void(ReportTarget&&)>& each) {
  const auto new_urls = urls_of(store.new_problems(run_id));
  const auto fixed_urls = urls_of(store.fixed(run_id));
  store.for_each_target(run_id, {}, [&](TargetRecord&& record) {
    const CheckResult& check = record.check.result;
    if (!options.include_ok && check.verdict == Verdict::Ok && record.drift.empty()) return;
    const bool is_new = new_urls.count(check.request_url) > 0;
    const bool is_fixed = fixed_urls.count(check.request_url) > 0;
    ReportTarget target = report_target(std::move(record));
    target.is_new = is_new;
    target.is_fixed = is_fixed;
    each(std::move(target));
  });
}

}  // namespace

ReportModel load_report_model(Store& store, std::int64_t run_id, const ReportOptions& options) {
  ReadSnapshot snapshot(store);
  ReportModel model = header(store, run_id, options);
  each_target(store, run_id, options,
              [&](ReportTarget&& target) { model.targets.push_back(std::move(target)); });
  return model;
}

ReportModel load_report_header(Store& store, std::int64_t run_id, const ReportOptions& options) {
  ReadSnapshot snapshot(store);
  return header(store, run_id, options);
}

void for_each_report_target(Store& store, std::int64_t run_id, const ReportOptions& options,
                            const std::function<void(ReportTarget&&)>& each) {
  ReadSnapshot snapshot(store);
  each_target(store, run_id, options, each);
}

}  // namespace linkhealth
