// The history section's SVG: every figure is in the markup, nothing in it can run.
#include <catch2/catch.hpp>

#include <regex>

#include "reports/trend_chart.h"

using namespace linkhealth;

namespace {

Trends sample_trends() {
  Trends t;
  RunTrend a;
  a.run_id = 3;
  a.started_at = "2026-01-05T03:00:00Z";
  a.verdicts[static_cast<std::size_t>(Verdict::Broken)] = 4;
  a.verdicts[static_cast<std::size_t>(Verdict::Timeout)] = 1;
  a.verdicts[static_cast<std::size_t>(Verdict::Ok)] = 90;
  a.problems = 5;
  RunTrend b = a;
  b.run_id = 4;
  b.started_at = "2026-01-12T03:00:00Z";
  b.verdicts[static_cast<std::size_t>(Verdict::Broken)] = 2;
  b.problems = 3;
  b.new_problems = 1;
  b.fixed = 3;
  b.median_days_to_fix = 7.25;
  t.runs = {a, b};
  t.fixes = 3;
  t.median_days_to_fix = 7.25;
  t.open_by_age = {
      {"under a week", 0, 7, 1}, {"1 to 4 weeks", 7, 28, 2}, {"over a year", 365, 0, 0}};
  return t;
}

int count_of(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the history section carries every figure in its SVG", "[trends][chart]") {
  const std::string html = render_trend_section(sample_trends());
  CHECK(count_of(html, "<svg class=\"chart\"") == 4);
  CHECK(html.find("data-run=\"3\" data-verdict=\"broken\" data-count=\"4\"") != std::string::npos);
  CHECK(html.find("data-run=\"3\" data-verdict=\"timeout\" data-count=\"1\"") != std::string::npos);
  CHECK(html.find("data-run=\"4\" data-verdict=\"broken\" data-count=\"2\"") != std::string::npos);
  // ok is not a problem: not in the problems chart.
  CHECK(html.find("data-verdict=\"ok\"") == std::string::npos);
  CHECK(html.find("class=\"new\" data-run=\"4\" data-count=\"1\"") != std::string::npos);
  CHECK(html.find("class=\"fixed\" data-run=\"4\" data-count=\"3\"") != std::string::npos);
  CHECK(html.find("data-run=\"4\" data-days=\"7.250000\" data-fixes=\"3\"") != std::string::npos);
  // Run 3 fixed nothing: no point for it.
  CHECK(html.find("class=\"fix-time\" data-run=\"3\"") == std::string::npos);
  CHECK(html.find("data-min-days=\"7\" data-max-days=\"28\" data-count=\"2\"") !=
        std::string::npos);
  CHECK(html.find("<b id=\"lh-median-fix\">7.2 days</b>") != std::string::npos);
  CHECK(html.find("<b id=\"lh-fixes\">3</b>") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK_FALSE(std::regex_search(html, std::regex("\\son[a-z]+=")));  // no event handlers
  CHECK(html.find("href") == std::string::npos);
}

TEST_CASE("bar heights are proportional to the counts", "[trends][chart]") {
  const std::string html = render_trend_section(sample_trends());
  // Problems axis top: 5 (largest total 5), plot height 166: 4 broken = 132.8, 1 timeout = 33.2.
  const std::string problems = html.substr(0, html.find("lh-chart-changes"));
  std::regex rect_re(
      "<rect x=\"[^\"]*\" y=\"[^\"]*\" width=\"[^\"]*\" height=\"([^\"]*)\" "
      "fill=\"[^\"]*\" class=\"seg\" data-run=\"(\\d+)\" data-verdict=\"([a-z_0-9]+)\" "
      "data-count=\"(\\d+)\"");
  int seen = 0;
  for (auto it = std::sregex_iterator(problems.begin(), problems.end(), rect_re);
       it != std::sregex_iterator(); ++it) {
    const double height = std::stod((*it)[1]);
    const int count = std::stoi((*it)[4]);
    CHECK(height == Approx(count * 166.0 / 5).margin(0.06));
    ++seen;
  }
  CHECK(seen == 4);
}

TEST_CASE("a check run has no history section", "[trends][chart]") {
  CHECK(render_trend_section({}).empty());
}

TEST_CASE("a first crawl draws one bar per chart", "[trends][chart]") {
  Trends t;
  RunTrend first;
  first.run_id = 1;
  first.started_at = "2026-01-05T03:00:00Z";
  first.verdicts[static_cast<std::size_t>(Verdict::Broken)] = 2;
  first.problems = 2;
  t.runs = {first};
  t.open_by_age = {{"under a week", 0, 7, 2}};
  const std::string html = render_trend_section(t);
  CHECK(html.find("The first crawl.") != std::string::npos);
  CHECK(html.find("no fix yet") != std::string::npos);
  CHECK(count_of(html, "class=\"seg\"") == 1);
  CHECK(html.find("class=\"fix-time\"") == std::string::npos);
}
