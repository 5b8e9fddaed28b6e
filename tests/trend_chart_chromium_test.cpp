// The history charts in real headless Chromium: drawn, sized, and clean under the report's
// Content Security Policy (a control page proves a violation would be seen).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "reports/html_report.h"
#include "tests/chromium.h"
#include "tests/sample_report.h"

using namespace linkhealth;
namespace fs = std::filesystem;

namespace {

fs::path write_page(const std::string& name, const std::string& text) {
  const fs::path dir = fs::current_path() / "report-chromium";
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

Trends weekly_trends() {
  Trends t;
  for (int i = 0; i < 26; ++i) {
    RunTrend run;
    run.run_id = 100 + i;
    run.started_at =
        "2026-0" + std::to_string(1 + i / 5) + "-1" + std::to_string(i % 5) + "T03:00:00Z";
    run.verdicts[static_cast<std::size_t>(Verdict::Broken)] = 40 - i;
    run.verdicts[static_cast<std::size_t>(Verdict::Soft404)] = i % 4;
    run.verdicts[static_cast<std::size_t>(Verdict::Timeout)] = i % 3;
    run.problems = 40 - i + i % 4 + i % 3;
    run.new_problems = i % 5;
    run.fixed = 1 + i % 3;
    run.median_days_to_fix = 7.0 * (1 + i % 4);
    t.runs.push_back(run);
  }
  t.fixes = 52;
  t.median_days_to_fix = 14;
  t.open_by_age = {{"under a week", 0, 7, 4},
                   {"1 to 4 weeks", 7, 28, 9},
                   {"1 to 3 months", 28, 91, 6},
                   {"3 to 12 months", 91, 365, 3},
                   {"over a year", 365, 0, 1}};
  return t;
}

void require_chromium() {
  if (testing::find_chromium().empty()) {
    FAIL("chromium is not installed: run scripts/setup or set LINKHEALTH_CHROMIUM");
  }
}

}  // namespace

TEST_CASE("chromium: a CSP violation shows in the console (control)",
          "[report][chromium][trends]") {
  require_chromium();
  const fs::path page =
      write_page("csp-control.html",
                 "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
                 "content=\"default-src 'none'; script-src 'nonce-x'\"></head><body>"
                 "<script>document.title='ran'</script></body></html>");
  const auto result = testing::dump_dom_with_console(page);
  REQUIRE(result.status == 0);
  CHECK(result.stderr_text.find("Content Security Policy") != std::string::npos);
}

TEST_CASE("chromium: the history charts render under the report's CSP",
          "[report][chromium][trends]") {
  require_chromium();
  ReportModel model = sample_report_model();
  model.trends = weekly_trends();
  const fs::path page = write_page("trends-report.html", render_html_report(model));
  const auto result = testing::dump_dom_with_console(page);
  INFO(result.stderr_tail);
  REQUIRE(result.status == 0);
  CHECK(result.stderr_text.find("Content Security Policy") == std::string::npos);
  const std::string& dom = result.out;
  for (const char* id :
       {"lh-chart-problems", "lh-chart-changes", "lh-chart-fix-time", "lh-chart-age"}) {
    CHECK(dom.find(std::string("<svg class=\"chart\" id=\"") + id) != std::string::npos);
  }
  // 26 runs: broken in each, soft 404 in 3 of 4, timeout in 2 of 3.
  const std::regex seg(
      "class=\"seg\" data-run=\"(\\d+)\" data-verdict=\"([a-z_0-9]+)\" "
      "data-count=\"(\\d+)\"");
  int segments = 0;
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), seg); it != std::sregex_iterator();
       ++it) {
    const int i = std::stoi((*it)[1]) - 100;
    const std::string verdict = (*it)[2];
    const int count = std::stoi((*it)[3]);
    INFO("run " << i << " " << verdict);
    if (verdict == "broken") CHECK(count == 40 - i);
    if (verdict == "soft_404") CHECK(count == i % 4);
    if (verdict == "timeout") CHECK(count == i % 3);
    ++segments;
  }
  CHECK(segments == 26 + 19 + 17);
  CHECK(dom.find("Showing 10 of 10 rows") != std::string::npos);  // the page script still ran

  const fs::path png = page.parent_path() / "trends-report.png";
  fs::remove(png);
  const auto shot = testing::screenshot(page, png, 1400, 1600);
  REQUIRE(shot.status == 0);
  CHECK(fs::file_size(png) > 20000);
  WARN("history screenshot: " << png.string());
}
