#include "reports/report_loader.h"

#include <stdexcept>
#include <utility>

namespace linkhealth {
namespace {

ReportRun report_run(const RunInfo& run) {
  return {run.id, std::string(to_string(run.kind)), run.started_at, run.finished_at,
          report_status(run.status)};
}

ReportModel header(Store& store, std::int64_t run_id, const ReportOptions& options) {
  auto run = store.run(run_id);
  if (!run) throw std::invalid_argument("no run with id " + std::to_string(run_id));
  ReportModel model;
  model.run = report_run(*run);
  model.wayback_base = options.wayback_base;
  model.has_previous_run = store.previous_crawl(run_id).has_value();
  model.findings = store.findings(run_id);
  model.trends = trend_series(store.trend_rows(run_id));
  return model;
}

void each_target(Store& store, std::int64_t run_id,
                 const std::function<void(TargetRecord&&)>& each) {
  // The report and the JSON show only the page fields that have columns.
  store.for_each_target(run_id, {}, each, PageRead::Columns);
}

}  // namespace

std::string report_status(RunStatus status) {
  return status == RunStatus::Done ? "completed" : std::string(to_string(status));
}

ReportModel load_report_model(Store& store, std::int64_t run_id, const ReportOptions& options) {
  ReadSnapshot snapshot(store);
  ReportModel model = header(store, run_id, options);
  each_target(store, run_id,
              [&](TargetRecord&& target) { model.targets.push_back(std::move(target)); });
  return model;
}

void stream_report_model(
    Store& store, std::int64_t run_id, const ReportOptions& options,
    const std::function<void(ReportModel& header, const RecordFeed& targets)>& write) {
  ReadSnapshot snapshot(store);
  ReportModel model = header(store, run_id, options);
  write(model, [&](const std::function<void(TargetRecord &&)>& each) {
    each_target(store, run_id, each);
  });
}

}  // namespace linkhealth
