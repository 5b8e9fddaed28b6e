#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "report_hostile.h"
#include "reports/html_report.h"
#include "reports/problem_table.h"
#include "tests/sample_report.h"

using namespace linkhealth;

namespace {
std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

std::string between(const std::string& html, const std::string& open, const std::string& close) {
  auto start = html.find(open);
  REQUIRE(start != std::string::npos);
  auto end = html.find(close, start + open.size());
  REQUIRE(end != std::string::npos);
  return html.substr(start + open.size(), end - start - open.size());
}
}  // namespace

TEST_CASE("hostile strings never become markup in the report", "[report][html][safety]") {
  std::string html = render_html_report(testing::hostile_report_model());
  // Our own two script elements (facets JSON and the code) are the only ones.
  CHECK(count(html, "<script") == 2);
  CHECK(count(html, "</script") == 2);
  CHECK(count(html, "<img") == 0);
  CHECK(count(html, "</textarea") == 0);
  CHECK(count(html, "onerror=\"") == 0);
  CHECK(count(html, "\"onmouseover") == 0);
  // The payloads are still there, as text an editor can read.
  CHECK(count(html, "&lt;script&gt;document.title=&#39;PWN&#39;+&#39;ED&#39;&lt;/script&gt;") >= 3);
  CHECK(count(html, "&quot;&gt;&lt;img src=x onerror=") >= 3);
  CHECK(count(html, "&lt;/textarea&gt;") >= 2);
}

TEST_CASE("every link in the report is http or https", "[report][html][safety]") {
  std::string html = render_html_report(testing::hostile_report_model());
  std::regex href_re("\\b(href|src|action|formaction)\\s*=\\s*\"([^\"]*)\"", std::regex::icase);
  int links = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href_re);
       it != std::sregex_iterator(); ++it) {
    std::string attr = (*it)[1];
    std::string value = (*it)[2];
    INFO(attr << "=" << value);
    CHECK(attr == "href");
    CHECK((value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0));
    ++links;
  }
  CHECK(links > 10);
  // The javascript: ref and the data:/javascript: redirect hops are shown, not linked.
  CHECK(count(html, "<span class=\"nolink\">javascript:document.title=") >= 1);
  CHECK(count(html, "<span class=\"nolink\">javascript:alert(1)</span>") == 1);
  CHECK(count(html, "<span class=\"nolink\">data:text/html,&lt;script&gt;") == 1);
}

TEST_CASE("inline JSON escapes angle brackets and ampersand and U+2028 and U+2029",
          "[report][html][safety]") {
  std::string html = render_html_report(testing::hostile_report_model());
  std::string facets =
      between(html, "<script id=\"lh-facets\" type=\"application/json\">", "</script>");
  CHECK(facets.find('<') == std::string::npos);
  CHECK(facets.find('>') == std::string::npos);
  CHECK(facets.find("\xE2\x80\xA8") == std::string::npos);
  CHECK(facets.find("\xE2\x80\xA9") == std::string::npos);
  CHECK(facets.find("\\u2028\\u2029\\u003c/script\\u003e") != std::string::npos);
  auto parsed = nlohmann::json::parse(facets);
  CHECK(parsed["hosts"].size() >= 2);
}

TEST_CASE("rows are grouped by community then host with one row per source", "[report][html]") {
  ReportModel m = sample_report_model();
  // A second source naming the broken URL makes a second row in the same host group.
  CitingRef other = m.targets[2].refs[0];
  other.slug = "another-article";
  m.targets[2].refs.push_back(other);
  auto groups = group_problem_rows(m);
  REQUIRE(groups.size() >= 3);
  for (std::size_t i = 1; i < groups.size(); ++i) {
    CHECK(std::tie(groups[i - 1].community, groups[i - 1].host) <
          std::tie(groups[i].community, groups[i].host));
  }
  std::size_t rows = 0;
  for (const auto& g : groups) {
    for (const auto& row : g.rows) {
      ++rows;
      CHECK(needs_review(*row.target));
      CHECK(row.target->verdict != Verdict::Blocked);
      CHECK(row.target->verdict != Verdict::Skipped);
      for (const auto* ref : row.refs) CHECK(ref->curated.community == g.community);
    }
    if (g.host == "www.healthcareitnews.com") {
      REQUIRE(g.rows.size() == 2);
      CHECK(g.rows[0].refs[0]->slug == "another-article");
    }
    if (g.host == "hitconsultant.net") {
      // link.href and link.original of one article share one row.
      REQUIRE(g.rows.size() == 1);
      CHECK(g.rows[0].refs.size() == 2);
    }
  }
  // 7 problems + 2 moved + 1 title drift + the extra source.
  CHECK(rows == 11);
  std::string html = render_html_report(m);
  CHECK(count(html, "<tr class=\"lh-row\"") == rows);
  CHECK(count(html, "<tr class=\"group\">") == groups.size());
}

TEST_CASE("header totals leave blocked and skipped out of the problems", "[report][html]") {
  ReportModel m = sample_report_model();
  std::string html = render_html_report(m);
  // 2 broken-ish (broken, soft_404), invalid, server_error, timeout, network_error, tls_error.
  CHECK(html.find("<span class=\"n\">7</span><span class=\"l\">links with a problem") !=
        std::string::npos);
  CHECK(html.find("<span class=\"n\">3</span><span class=\"l\">blocked / unverifiable") !=
        std::string::npos);
  CHECK(html.find("<span class=\"n\">15</span><span class=\"l\">URLs checked") !=
        std::string::npos);
  std::string blocked =
      between(html, "<details class=\"section\" id=\"lh-unverifiable\">", "</details>");
  CHECK(count(blocked, "<tr><td>") == 3);
  CHECK(blocked.find("(3, not counted as broken)") != std::string::npos);
  CHECK(blocked.find("www.statnews.com") != std::string::npos);
  CHECK(html.find("New problems <span class=\"muted\">(3)") != std::string::npos);
  CHECK(html.find("Fixed <span class=\"muted\">(2)") != std::string::npos);
}

TEST_CASE("curated vs live title shows word-level differences", "[report][html]") {
  ReportModel m = sample_report_model();
  m.targets[0].drift.push_back(
      {DriftKind::DescriptionMismatch, "", "Old summary", "New summary", 0.4});
  std::string html = render_html_report(m);
  CHECK(html.find("Live description differs from the curated one: Old summary &rarr; New "
                  "summary") != std::string::npos);
  CHECK(html.find("<span class=\"k\">curated</span>5 Steps <del>for</del> Interoperability") !=
        std::string::npos);
  CHECK(html.find("<span class=\"k\">live</span>5 Steps <ins>to</ins> Interoperability") !=
        std::string::npos);
  CHECK(html.find("update the link to:</span><a href=\"https://www.mobihealthnews.com/news/") !=
        std::string::npos);
  CHECK(html.find("<a href=\"https://web.archive.org/web/https://www.healthcareitnews.com/") !=
        std::string::npos);
}

TEST_CASE("the suggested fix says where a dead article moved and which copy to link",
          "[report][html][repair]") {
  ReportModel m = sample_report_model();
  std::size_t moved = m.targets.size(), archived = m.targets.size();
  for (std::size_t i = 0; i < m.targets.size(); ++i) {
    const Verdict v = m.targets[i].verdict;
    if (v != Verdict::Broken && v != Verdict::Soft404) continue;
    (moved == m.targets.size() ? moved : archived) = i;
  }
  REQUIRE(archived < m.targets.size());
  const ArchiveCapture capture{"https://web.archive.org/web/20190301000000/https://a.example/x",
                               "20190301000000", "2019-03-28T11:29:25Z"};
  m.targets[moved].repair.replacement =
      Replacement{"https://a.example/new-home", "The story | A Example", 0.94};
  m.targets[moved].repair.archive = capture;
  m.targets[archived].repair.archive = capture;
  const std::string html = render_html_report(m);
  CHECK(html.find("<span class=\"k\">Moved to</span> <a href=\"https://a.example/new-home\"") !=
        std::string::npos);
  CHECK(html.find("(title matches)</span><div class=\"small\">title matches: &quot;The story | A "
                  "Example&quot; (similarity 0.94)</div>") != std::string::npos);
  CHECK(html.find("<div class=\"small\">or <a href=\"https://web.archive.org/web/20190301000000/"
                  "https://a.example/x\" rel=\"noopener noreferrer\" target=\"_blank\">Archived "
                  "copy from 2019-03-01, curated 2019-03-28</a></div>") != std::string::npos);
  CHECK(html.find("<span class=\"k\">Archived copy from 2019-03-01, curated 2019-03-28:</span>"
                  "<a href=\"https://web.archive.org/web/20190301000000/https://a.example/x\"") !=
        std::string::npos);
}

TEST_CASE("first run and empty report read well", "[report][html]") {
  ReportModel m;
  m.run = {1, "crawl", "2026-11-25T01:00:00Z", "", "running"};
  std::string html = render_html_report(m);
  CHECK(html.find("first recorded run") != std::string::npos);
  CHECK(html.find("Nothing to review") != std::string::npos);
  CHECK(html.find("No findings.") != std::string::npos);
  CHECK(html.find("started 2026-11-25 01:00 UTC") != std::string::npos);
}

TEST_CASE("the report makes no request: CSP forbids everything but its own nonce",
          "[report][html][safety]") {
  std::string html = render_html_report(sample_report_model());
  std::string csp = between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  CHECK(csp.find("default-src 'none'") != std::string::npos);
  auto nonce_at = csp.find("'nonce-");
  REQUIRE(nonce_at != std::string::npos);
  std::string nonce = csp.substr(nonce_at + 7, 32);
  CHECK(html.find("<script nonce=\"" + nonce + "\">") != std::string::npos);
  CHECK(render_html_report(sample_report_model()).find(nonce) == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
}

TEST_CASE("a status the crawler repeats as its reason is shown once", "[report][html]") {
  ReportModel model;
  model.run.id = 1;
  TargetRecord gone;
  gone.request_url = "https://33charts.com/blog/feed/";
  gone.host = "33charts.com";
  gone.verdict = Verdict::Broken;
  gone.http_status = 410;
  gone.error = "HTTP 410";
  CitingRef ref;
  ref.slug = "feed";
  ref.file = "feeds/feed.md";
  ref.field = "feed.feed_url";
  gone.refs.push_back(ref);
  TargetRecord refused = gone;
  refused.request_url = "https://www.healthtechgone.example/a";
  refused.host = "www.healthtechgone.example";
  refused.http_status = 0;
  refused.error = "could not resolve host";
  model.targets = {gone, refused};
  std::string html = render_html_report(model);
  CHECK(count(html, ">HTTP 410<") == 1);
  CHECK(count(html, ">could not resolve host<") == 1);
}
