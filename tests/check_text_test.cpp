#include <catch2/catch.hpp>

#include "cli_process.h"
#include "reports/check_text.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

const std::string kInterop = "5 Steps for Interoperability Excellence for Healthcare Providers";
const std::string kUrl = "https://hitconsultant.net/2020/12/08/interoperability-excellence-steps/";

SourceCheck interop_check() {
  SourceCheck check;
  check.run_id = 7;
  check.source.slug = "5-steps-interop";
  check.source.title = kInterop;
  check.source.description = "Five steps providers can take toward interoperability.";
  check.source.file = "curated-content/b109cc93.md";

  CheckedLink moved;
  moved.target.request_url = kUrl;
  moved.target.host = "hitconsultant.net";
  moved.target.refs = {{"5-steps-interop",
                        check.source.file,
                        "link.href",
                        kUrl + "#.X88gt1UzbIU",
                        kUrl,
                        {"fragment #.X88gt1UzbIU (AddThis)"},
                        12},
                       {"5-steps-interop",
                        check.source.file,
                        "openProjectCustomFields.cleanUrl",
                        kUrl,
                        kUrl,
                        {},
                        20}};
  moved.stored.request_url = kUrl;
  moved.stored.verdict = Verdict::Redirected;
  moved.stored.http_status = 200;
  moved.stored.redirects = {{kUrl, 301}, {kUrl + "amp", 302}};
  moved.stored.final_url = kUrl + "amp/";
  moved.stored.page.emplace();
  moved.stored.page->title = "5 Steps to Interoperability Excellence - HIT Consultant";
  moved.stored.page->title_rule = "og:title";
  moved.stored.drift = {{DriftKind::TitleChanged, "", kInterop, moved.stored.page->title, 0.45}};
  moved.previous_checked_at = "2026-11-16T03:01:00Z";
  check.links.push_back(moved);

  CheckedLink gone;
  gone.target.request_url = "https://www.healthcareitnews.com/news/gone";
  gone.target.refs = {{"5-steps-interop",
                       check.source.file,
                       "link.original",
                       "https://www.healthcareitnews.com/news/gone?utm_source=twitter",
                       "https://www.healthcareitnews.com/news/gone",
                       {"tracking parameter utm_source"},
                       14}};
  gone.stored.request_url = gone.target.request_url;
  gone.stored.verdict = Verdict::Broken;
  gone.stored.http_status = 404;
  gone.stored.error = "page not found";
  gone.stored.history.failures = 3;
  gone.stored.history.broken_since = "2026-11-09T03:04:11Z";
  gone.stored.repair.replacement = Replacement{"https://www.healthcareitnews.com/news/moved-here",
                                               "The gone story | Healthcare IT News", 0.917};
  gone.stored.repair.archive = ArchiveCapture{
      "https://web.archive.org/web/20201208000000/https://www.healthcareitnews.com/news/gone",
      "20201208000000", "2020-12-09T10:00:00Z"};
  check.links.push_back(gone);

  check.unusable = {{{"openProjectCustomFields.sourceUrl", "www medigy", 22}, "no scheme"}};
  return check;
}

}  // namespace

TEST_CASE("check text shows each URL with fields cleaning verdict chain titles and drift",
          "[check][text]") {
  const auto lines = text_lines(render_check_text(interop_check(), false));
  REQUIRE(lines.size() > 4);
  CHECK(lines[0] == "5-steps-interop · curated-content/b109cc93.md");
  CHECK(lines[1] == "\"" + kInterop + "\"");
  CHECK(has_line(lines, "[1/3] " + kUrl));
  CHECK(has_line(lines, "  field          link.href (line 12)"));
  CHECK(has_line(lines, "  raw            " + kUrl + "#.X88gt1UzbIU"));
  CHECK(has_line(lines, "  request        " + kUrl));
  CHECK(has_line(lines, "  removed        fragment #.X88gt1UzbIU (AddThis)"));
  CHECK(has_line(lines, "  field          openProjectCustomFields.cleanUrl (line 20)"));
  CHECK(has_line(lines, "  removed        nothing"));
  CHECK(has_line(lines, "  verdict        redirected · HTTP 200"));
  CHECK(has_line(lines, "  redirects      301 " + kUrl));
  CHECK(has_line(lines, "                 302 " + kUrl + "amp"));
  CHECK(has_line(lines, "                 200 " + kUrl + "amp/"));
  CHECK(has_line(lines, "  curated title  \"" + kInterop + "\""));
  CHECK(has_line(lines,
                 "  live title     \"5 Steps to Interoperability Excellence - HIT "
                 "Consultant\" (og:title)"));
  CHECK(has_line(lines,
                 "  curated desc.  \"Five steps providers can take toward "
                 "interoperability.\""));
  CHECK(has_line(lines, "  live desc.     (none)"));
  CHECK(has_line(lines, "  drift          title_changed: \"" + kInterop +
                            "\" → \"5 Steps to Interoperability Excellence - HIT Consultant\" "
                            "(similarity 0.45)"));
  CHECK(has_line(lines, "                 compared with the check of 2026-11-16 03:01 UTC"));

  CHECK(has_line(lines, "[2/3] https://www.healthcareitnews.com/news/gone"));
  CHECK(has_line(lines,
                 "  verdict        broken · HTTP 404 · failing 3 checks in a row since "
                 "2026-11-09 03:04 UTC"));
  CHECK(has_line(lines, "  error          page not found"));
  CHECK(has_line(lines, "  drift          first recorded check of this URL"));
  CHECK(has_line(lines, "  moved to       https://www.healthcareitnews.com/news/moved-here"));
  CHECK(has_line(lines,
                 "                 title matches: \"The gone story | Healthcare IT News\" "
                 "(similarity 0.92)"));
  CHECK(has_line(lines,
                 "  archived       https://web.archive.org/web/20201208000000/https://"
                 "www.healthcareitnews.com/news/gone"));
  CHECK(has_line(lines, "                 Archived copy from 2020-12-08, curated 2020-12-09"));
  CHECK_FALSE(has_line_starting(lines, "  wayback"));

  CHECK(has_line(lines, "[3/3] not checked: not a usable URL"));
  CHECK(has_line(lines, "  field          openProjectCustomFields.sourceUrl (line 22)"));
  CHECK(has_line(lines, "  error          no scheme"));
  CHECK(lines.back() ==
        "2 links checked (1 redirected, 1 broken), 1 not a usable URL: "
        "2 problems. Recorded as check run 7.");
  CHECK(check_problem_count(interop_check()) == 2);
}

TEST_CASE("a dead link without a suggestion gets the archive's list of captures", "[check][text]") {
  SourceCheck check = interop_check();
  check.links[1].stored.repair = {};
  check.links[1].wayback_link =
      "https://web.archive.org/web/https://www.healthcareitnews.com/news/gone";
  const auto lines = text_lines(render_check_text(check, false));
  CHECK(has_line(lines,
                 "  wayback        https://web.archive.org/web/https://"
                 "www.healthcareitnews.com/news/gone"));
  CHECK_FALSE(has_line_starting(lines, "  moved to"));
  CHECK_FALSE(has_line_starting(lines, "  archived"));
}

TEST_CASE("check text colours verdicts only when asked", "[check][text]") {
  const SourceCheck check = interop_check();
  const std::string plain = render_check_text(check, false);
  const std::string coloured = render_check_text(check, true);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(coloured.find("\x1b[31mbroken\x1b[0m · HTTP 404") != std::string::npos);
  CHECK(coloured.find("\x1b[33mredirected\x1b[0m") != std::string::npos);
}

TEST_CASE("a clean check says no problem and a rechecked link without drift says since when",
          "[check][text]") {
  SourceCheck check = interop_check();
  check.links.pop_back();
  check.unusable.clear();
  check.links[0].stored.verdict = Verdict::Ok;
  check.links[0].stored.redirects.clear();
  check.links[0].stored.drift.clear();
  const auto lines = text_lines(render_check_text(check, false));
  CHECK(has_line(lines, "  verdict        ok · HTTP 200"));
  CHECK(has_line(lines, "  drift          none, compared with the check of 2026-11-16 03:01 UTC"));
  CHECK_FALSE(has_line(lines, "  wayback        "));
  CHECK(lines.back() == "1 link checked (1 ok): no problem. Recorded as check run 7.");
  CHECK(check_problem_count(check) == 0);
}

TEST_CASE("closest names find typos in whole slugs and misspelt words of long slugs",
          "[check][text]") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("same", "same") == 0);
  const std::vector<std::string> slugs = {
      "5-steps-for-interoperability-excellence-for-healthcare-providers",
      "ccm-billing-codes-explained", "ccm-billing-code-explained", "telehealth-parity-laws",
      "remote-monitoring"};
  CHECK(closest_names("ccm-biling-codes-explained", slugs) ==
        std::vector<std::string>{"ccm-billing-codes-explained", "ccm-billing-code-explained"});
  CHECK(
      closest_names("interoperability", slugs) ==
      std::vector<std::string>{"5-steps-for-interoperability-excellence-for-healthcare-providers"});
  CHECK(
      closest_names("interoperabilty-excellence", slugs) ==
      std::vector<std::string>{"5-steps-for-interoperability-excellence-for-healthcare-providers"});
  CHECK(partial_distance("interoperabilty", slugs[0]) == 1);
  CHECK(partial_distance("", "abc") == 0);
  CHECK(closest_names("zzzzzzzzzzzz", slugs).empty());
  CHECK(closest_names("ccm-billing-codes-explained", slugs, 1).size() == 1);
}

TEST_CASE("a link the interrupted check never reached says so and is no problem", "[check][text]") {
  SourceCheck check = interop_check();
  check.unusable.clear();
  check.links[1].checked = false;
  const auto lines = text_lines(render_check_text(check, false));
  CHECK(has_line(lines, "  verdict        not checked (the check was interrupted)"));
  CHECK_FALSE(has_line_starting(lines, "  archived"));
  CHECK(lines.back() ==
        "2 links checked (1 redirected, 1 not checked): no problem. Recorded as check run 7.");
  CHECK(check_problem_count(check) == 0);
}
