#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report_hostile.h"
#include "reports/json_document.h"
#include "tests/sample_report.h"

using namespace linkhealth;
using nlohmann::json;

namespace {
std::vector<std::string> keys(const json& object) {
  std::vector<std::string> out;
  for (const auto& item : object.items()) out.push_back(item.key());
  std::sort(out.begin(), out.end());
  return out;
}
using Keys = std::vector<std::string>;
}  // namespace

TEST_CASE("JSON document has exactly the documented field names", "[report][json]") {
  json doc = json::parse(render_json_document(sample_report_model()));
  CHECK(keys(doc) == Keys{"findings", "run", "targets", "trends"});
  CHECK(keys(doc["trends"]) == Keys{"fixes", "median_days_to_fix", "open_by_age", "runs"});
  CHECK(keys(doc["run"]) == Keys{"finished_at", "id", "kind", "started_at", "status"});
  REQUIRE(doc["targets"].is_array());
  REQUIRE_FALSE(doc["targets"].empty());
  for (const auto& t : doc["targets"]) {
    CHECK(keys(t) == Keys{"archive", "drift", "error", "final_url", "host", "http_status",
                          "not_modified", "page", "redirects", "refs", "replacement", "request_url",
                          "verdict"});
    CHECK(keys(t["page"]) == Keys{"canonical", "description", "description_rule", "og_description",
                                  "og_title", "title", "title_rule"});
    for (const auto& hop : t["redirects"]) CHECK(keys(hop) == Keys{"status", "url"});
    for (const auto& d : t["drift"]) CHECK(keys(d) == Keys{"after", "before", "kind", "score"});
    for (const auto& r : t["refs"]) CHECK(keys(r) == Keys{"field", "file", "owner", "raw", "slug"});
    if (!t["replacement"].is_null()) {
      CHECK(keys(t["replacement"]) == Keys{"similarity", "title", "url"});
    }
    if (!t["archive"].is_null())
      CHECK(keys(t["archive"]) == Keys{"curated_at", "timestamp", "url"});
  }
  for (const auto& f : doc["findings"]) {
    CHECK(keys(f) == Keys{"detail", "field", "file", "kind", "line", "slug"});
  }
}

TEST_CASE("JSON document carries the model's values", "[report][json]") {
  ReportModel m = sample_report_model();
  m.targets[3].repair.replacement = Replacement{"https://a.example/new", "New title", 0.95};
  m.targets[3].repair.archive = ArchiveCapture{"https://web.archive.org/web/20200101000000/x",
                                               "20200101000000", "2020-01-02"};
  json doc = json_document(m);
  CHECK(doc["run"]["id"] == 42);
  CHECK(doc["run"]["status"] == "completed");
  REQUIRE(doc["targets"].size() == m.targets.size());
  const json& moved = doc["targets"][1];
  CHECK(moved["verdict"] == "redirected");
  CHECK(moved["http_status"] == 200);
  CHECK(moved["redirects"][0] == json{{"url", m.targets[1].redirects[0].url}, {"status", 301}});
  CHECK(moved["refs"][0]["field"] == "link.href");
  const json& first = doc["targets"][0];
  CHECK(first["drift"][0]["kind"] == "title_mismatch");
  CHECK(first["drift"][0]["score"] == Approx(0.82));
  CHECK(first["page"]["title_rule"] == "og:title");
  CHECK(doc["targets"][3]["verdict"] == "soft_404");
  CHECK(doc["targets"][3]["replacement"] ==
        json{{"url", "https://a.example/new"}, {"title", "New title"}, {"similarity", 0.95}});
  CHECK(doc["targets"][3]["archive"] ==
        json{{"url", "https://web.archive.org/web/20200101000000/x"},
             {"timestamp", "20200101000000"},
             {"curated_at", "2020-01-02"}});
  CHECK(doc["targets"][0]["replacement"].is_null());
  CHECK(doc["targets"][0]["archive"].is_null());
  CHECK(doc["findings"].size() == m.findings.size());
  CHECK(doc["findings"][0]["line"] == 14);
}

TEST_CASE("JSON output survives hostile and invalid UTF-8 strings", "[report][json]") {
  ReportModel m = testing::hostile_report_model();
  m.targets.back().page->title = "bad \xC3\x28 utf8";
  std::string text = render_json_document(m, -1);
  json doc = json::parse(text);
  CHECK(doc["targets"].back()["page"]["title"] == "bad \xEF\xBF\xBD( utf8");
  CHECK(doc["targets"][m.targets.size() - 2]["refs"][0]["raw"] == testing::kJsUrl);
  CHECK(text.find('\n') == std::string::npos);
}

TEST_CASE("Streamed JSON document is byte for byte the dumped json tree", "[report][json]") {
  ReportModel full = sample_report_model();
  REQUIRE_FALSE(full.findings.empty());
  ReportModel empty = full;
  empty.targets.clear();
  empty.findings.clear();
  ReportModel hostile = testing::hostile_report_model();
  // Every optional member present, scores that are not short decimals, and strings dump()
  // must escape or repair: the target writer writes each member itself.
  ReportModel repaired = sample_report_model();
  for (TargetRecord& t : repaired.targets) {
    t.repair.replacement = Replacement{"https://a.example/new\x01", "T\xC3\x28", 1.0 / 3};
    t.repair.archive =
        ArchiveCapture{"https://web.archive.org/web/2020/x", "20200101000000", "2020-01-02\t"};
    t.drift.push_back({DriftKind::TitleMismatch, "s", "\"before\"", "after\\", 1e-7});
    t.http_status = -1;
    t.not_modified = true;
    t.page.reset();
  }
  repaired.targets.front().refs.front().owner = "desk \xF0\x9F\x98\x80";
  for (const ReportModel* m : {&full, &empty, &hostile, &repaired}) {
    for (int indent : {2, 4, -1}) {
      const std::string expected =
          json_document(*m).dump(indent, ' ', false, json::error_handler_t::replace);
      CHECK(render_json_document(*m, indent) == expected);
      std::ostringstream out;
      write_json_document(out, *m, indent);
      CHECK(out.str() == expected);
      // Targets fed one at a time from elsewhere (crawl --json streams them from the store):
      // the header's own targets are not read.
      ReportModel header = *m;
      header.targets.clear();
      std::ostringstream fed;
      write_json_document(
          fed, header,
          [&](const std::function<void(const TargetRecord&)>& each) {
            for (const TargetRecord& t : m->targets) each(t);
          },
          indent);
      CHECK(fed.str() == expected);
    }
  }
}
