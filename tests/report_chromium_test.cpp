// The report opened in real headless Chromium: filtering narrows rows, hostile titles stay
// text and never run, and a screenshot lands in the build tree for a person to look at.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "chromium.h"
#include "report_hostile.h"
#include "reports/html_report.h"
#include "tests/sample_report.h"

using namespace linkhealth;
namespace fs = std::filesystem;

namespace {

// Build-tree folder (ctest runs tests in the build directory) kept after the run.
fs::path output_dir() {
  fs::path dir = fs::current_path() / "report-chromium";
  fs::create_directories(dir);
  return dir;
}

fs::path write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

void require_chromium() {
  if (testing::find_chromium().empty()) {
    FAIL(
        "chromium is not installed: run scripts/setup (it installs the Debian package "
        "`chromium`) or set LINKHEALTH_CHROMIUM to a Chromium binary");
  }
}

std::string dom_of(const fs::path& html, const std::string& fragment = {}) {
  auto result = testing::dump_dom(html, fragment);
  INFO("chromium exit " << result.status << ", stderr: " << result.stderr_tail);
  REQUIRE(result.status == 0);
  REQUIRE(result.out.find("</html>") != std::string::npos);
  return result.out;
}

struct RowView {
  std::string verdict;
  std::string host;
  bool hidden = false;
};

std::vector<RowView> rows_in(const std::string& dom) {
  std::vector<RowView> rows;
  std::regex tag_re("<tr class=\"lh-row\"[^>]*>");
  std::regex verdict_re("data-verdict=\"([^\"]*)\"");
  std::regex host_re("data-host=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), tag_re); it != std::sregex_iterator();
       ++it) {
    std::string tag = it->str();
    RowView row;
    std::smatch m;
    if (std::regex_search(tag, m, verdict_re)) row.verdict = m[1];
    if (std::regex_search(tag, m, host_re)) row.host = m[1];
    row.hidden = tag.find(" hidden") != std::string::npos;
    rows.push_back(row);
  }
  return rows;
}

bool has_marker(const std::string& dom) {
  return dom.find("xss-fired") != std::string::npos ||
         dom.find("<title>PWNED</title>") != std::string::npos;
}

}  // namespace

TEST_CASE("chromium: a verdict in the URL fragment narrows the table", "[report][chromium]") {
  require_chromium();
  fs::path html =
      write_file(output_dir() / "filter-report.html", render_html_report(sample_report_model()));
  auto all = rows_in(dom_of(html));
  REQUIRE(all.size() == 10);
  for (const auto& row : all) CHECK_FALSE(row.hidden);

  std::string dom = dom_of(html, "verdict=broken");
  auto rows = rows_in(dom);
  REQUIRE(rows.size() == all.size());
  int visible = 0;
  for (const auto& row : rows) {
    INFO(row.verdict << " " << row.host);
    CHECK(row.hidden == (row.verdict != "broken"));
    visible += row.hidden ? 0 : 1;
  }
  CHECK(visible == 1);
  CHECK(dom.find("Showing 1 of 10 rows") != std::string::npos);

  // Free text and host narrow too (and combine with nothing else set).
  auto by_text = rows_in(dom_of(html, "q=TELEHEALTH"));
  int text_visible = 0;
  for (const auto& row : by_text) {
    text_visible += row.hidden ? 0 : 1;
    if (!row.hidden) CHECK(row.host == "www.fiercehealthcare.com");
  }
  CHECK(text_visible == 1);
  auto by_host = rows_in(dom_of(html, "host=www.medpagetoday.com"));
  int host_visible = 0;
  for (const auto& row : by_host) {
    host_visible += row.hidden ? 0 : 1;
    CHECK(row.hidden == (row.host != "www.medpagetoday.com"));
  }
  CHECK(host_visible == 1);
}

TEST_CASE("chromium: the marker detector sees a payload that does run", "[report][chromium]") {
  require_chromium();
  // Control: the same payloads written raw, as a broken renderer would. If this page did not
  // leave the markers, the safety test below would prove nothing.
  fs::path html = write_file(output_dir() / "control-unescaped.html",
                             "<!DOCTYPE html><html><head><title>control</title></head><body><p>" +
                                 testing::kImgPayload + "</p><p>" + testing::kScriptPayload +
                                 "</p></body></html>");
  std::string dom = dom_of(html);
  CHECK(dom.find("id=\"xss-fired\"") != std::string::npos);
  CHECK(dom.find("<title>PWNED</title>") != std::string::npos);
}

TEST_CASE("chromium: hostile titles and URLs are shown as text and never run",
          "[report][chromium][safety]") {
  require_chromium();
  fs::path html = write_file(output_dir() / "hostile-report.html",
                             render_html_report(testing::hostile_report_model()));
  std::string dom = dom_of(html);
  CHECK_FALSE(has_marker(dom));
  CHECK(dom.find("<title>Link health report") != std::string::npos);
  CHECK(dom.find("<img") == std::string::npos);
  // The page's own script ran (it filled the counter), so a silent script failure does not
  // hide anything here.
  CHECK(dom.find("Showing 11 of 11 rows") != std::string::npos);
  // The payload is visible as text: serialised text nodes escape '<' and '>'.
  CHECK(dom.find("<div class=\"slug\">slug-&lt;script&gt;document.title='PWN'+'ED'&lt;/script&gt;"
                 "</div>") != std::string::npos);
  CHECK(dom.find("\"&gt;&lt;img src=x onerror=") != std::string::npos);
  // No link other than http(s) exists in the live DOM.
  std::regex href_re("href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), href_re);
       it != std::sregex_iterator(); ++it) {
    std::string value = (*it)[1];
    INFO(value);
    CHECK((value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0));
  }
  // Filtering by the hostile host (U+2028 and </script> in it) still works.
  std::string fragment = "host=evil.example%E2%80%A8%3C%2Fscript%3E";
  auto rows = rows_in(dom_of(html, fragment));
  int visible = 0;
  for (const auto& row : rows) visible += row.hidden ? 0 : 1;
  CHECK(visible == 1);
}

TEST_CASE("chromium: screenshot of the sample report", "[report][chromium]") {
  require_chromium();
  fs::path dir = output_dir();
  fs::path html = write_file(dir / "sample-report.html", render_html_report(sample_report_model()));
  fs::path png = dir / "sample-report.png";
  fs::remove(png);
  auto result = testing::screenshot(html, png, 1400, 2400);
  INFO("chromium exit " << result.status << ", stderr: " << result.stderr_tail);
  REQUIRE(result.status == 0);
  REQUIRE(fs::exists(png));
  // A real PNG of some size, not an empty file.
  std::ifstream in(png, std::ios::binary);
  char sig[8] = {};
  in.read(sig, 8);
  CHECK(std::string(sig + 1, 3) == "PNG");
  CHECK(fs::file_size(png) > 20000);
  WARN("report screenshot: " << png.string());
}
