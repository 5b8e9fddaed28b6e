#include "reports/json_document.h"

#include <nlohmann/json.hpp>

namespace linkhealth {
namespace {

using nlohmann::json;

json run_json(const ReportRun& run) {
  return {{"id", run.id},
          {"kind", run.kind},
          {"started_at", run.started_at},
          {"finished_at", run.finished_at},
          {"status", run.status}};
}

json page_json(const PageMeta& page) {
  return {{"title", page.title},
          {"title_rule", page.title_rule},
          {"description", page.description},
          {"description_rule", page.description_rule},
          {"og_title", page.og_title},
          {"og_description", page.og_description},
          {"canonical", page.canonical}};
}

json target_json(const ReportTarget& target) {
  json redirects = json::array();
  for (const auto& hop : target.redirects) {
    redirects.push_back({{"url", hop.url}, {"status", hop.status}});
  }
  json drift = json::array();
  for (const auto& d : target.drift) {
    drift.push_back(
        {{"kind", d.kind}, {"before", d.before}, {"after", d.after}, {"score", d.score}});
  }
  json refs = json::array();
  for (const auto& ref : target.refs) {
    refs.push_back(
        {{"slug", ref.slug}, {"file", ref.file}, {"field", ref.field}, {"raw", ref.raw}});
  }
  return {{"request_url", target.request_url},
          {"host", target.host},
          {"verdict", std::string(to_string(target.verdict))},
          {"http_status", target.http_status},
          {"final_url", target.final_url},
          {"redirects", std::move(redirects)},
          {"error", target.error},
          {"page", page_json(target.page)},
          {"drift", std::move(drift)},
          {"refs", std::move(refs)}};
}

json finding_json(const Finding& finding) {
  return {{"kind", finding.kind},   {"slug", finding.slug},     {"file", finding.file},
          {"field", finding.field}, {"detail", finding.detail}, {"line", finding.line}};
}

}  // namespace

json json_document(const ReportModel& model) {
  json targets = json::array();
  for (const auto& target : model.targets) targets.push_back(target_json(target));
  json findings = json::array();
  for (const auto& finding : model.findings) findings.push_back(finding_json(finding));
  return {{"run", run_json(model.run)},
          {"targets", std::move(targets)},
          {"findings", std::move(findings)}};
}

std::string render_json_document(const ReportModel& model, int indent) {
  return json_document(model).dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace linkhealth
