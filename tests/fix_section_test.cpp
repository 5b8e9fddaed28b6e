// "Ready to fix" in the report: the HTML table and count, and "fix_plan" in the JSON document.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/fix_section.h"
#include "reports/html_report.h"
#include "reports/json_document.h"
#include "tests/sample_report.h"

using namespace linkhealth;

namespace {

ReportModel planned_model() {
  ReportModel model = sample_report_model();
  model.ready_to_fix = std::vector<FixEdit>{
      {"curated/a.md", 7, "link.href", "http://news.example/old", "https://news.example/new",
       FixKind::Redirect},
      {"curated/<b>.md", 9, "openProjectCustomFields.cleanUrl", "javascript:alert(1)",
       "https://news.example/a?x=1&y=2", FixKind::Tracking},
  };
  return model;
}

}  // namespace

TEST_CASE("the HTML report lists the ready edits, escaped, with a count", "[report][fix]") {
  const ReportModel model = planned_model();
  const std::string section = ready_to_fix_html(model);
  CHECK_THAT(section, Catch::Contains("Ready to fix <span class=\"count\">(2)</span>") &&
                          Catch::Contains("curated/a.md:7") &&
                          Catch::Contains("curated/&lt;b&gt;.md:9") &&
                          Catch::Contains("<td>redirect</td>") && !Catch::Contains("<b>.md") &&
                          !Catch::Contains("href=\"javascript"));
  const std::string page = render_html_report(model);
  CHECK_THAT(page, Catch::Contains(section) && Catch::Contains("edits ready to fix"));
  // No plan (a report written away from the content tree): no section, no count.
  ReportModel unplanned = sample_report_model();
  CHECK(ready_to_fix_html(unplanned).empty());
  CHECK_THAT(render_html_report(unplanned), !Catch::Contains("ready to fix"));
  unplanned.ready_to_fix = std::vector<FixEdit>{};
  CHECK_THAT(ready_to_fix_html(unplanned), Catch::Contains("(0)") && Catch::Contains("Nothing"));
}

TEST_CASE("the JSON document carries the plan, streamed or not", "[report][fix]") {
  const ReportModel model = planned_model();
  const auto doc = nlohmann::json::parse(render_json_document(model));
  REQUIRE(doc["fix_plan"].size() == 2);
  CHECK(doc["fix_plan"][1] == nlohmann::json{{"file", "curated/<b>.md"},
                                             {"line", 9},
                                             {"field", "openProjectCustomFields.cleanUrl"},
                                             {"old", "javascript:alert(1)"},
                                             {"new", "https://news.example/a?x=1&y=2"},
                                             {"kind", "tracking"}});
  for (const int indent : {2, -1}) {
    std::ostringstream streamed;
    write_json_document(streamed, model, indent);
    CHECK(streamed.str() == json_document(model).dump(indent));
  }
  CHECK_FALSE(
      nlohmann::json::parse(render_json_document(sample_report_model())).contains("fix_plan"));
}
