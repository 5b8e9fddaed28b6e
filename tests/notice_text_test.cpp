// The words of a notification: grouped by owner, escaped for chat, a well-formed mail.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "reports/notice_text.h"

using namespace linkhealth;

namespace {

std::vector<Owner> owners() {
  return {{"Cardiology desk", "cardio@example.org", "", {"cardiology/**"}, {}},
          {"Pharma desk", "pharma@example.org", "https://hooks.example/p", {"pharma/**"}, {}}};
}

NoticeTarget broken(const std::string& url, std::vector<NoticeSource> sources) {
  return {url, Verdict::Broken, 404, "", "2026-01-05T03:00:00Z", 2, std::move(sources)};
}

}  // namespace

TEST_CASE("news is grouped by owner, unowned last, a shared link in both groups", "[notice]") {
  const auto groups = group_notices(
      {broken("https://a.example/1",
              {{"one", "cardiology/one.md", ""}, {"two", "misc/two.md", ""}}),
       broken("https://a.example/2", {{"three", "pharma/three.md", ""}})},
      {{"https://a.example/3", Verdict::Ok, 200, "", "", 0, {{"four", "cardiology/four.md", ""}}}},
      owners());
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].owner == "Cardiology desk");
  REQUIRE(groups[0].new_problems.size() == 1);
  REQUIRE(groups[0].new_problems[0].sources.size() == 1);
  CHECK(groups[0].new_problems[0].sources[0].file == "cardiology/one.md");
  CHECK(groups[0].fixed.size() == 1);
  CHECK(groups[1].owner == "Pharma desk");
  CHECK(groups[1].new_problems.size() == 1);
  CHECK(groups[2].owner.empty());
  REQUIRE(groups[2].new_problems.size() == 1);
  CHECK(groups[2].new_problems[0].sources[0].file == "misc/two.md");
  CHECK(group_notices({}, {}, owners()).empty());
}

TEST_CASE("the message names the run, the report, each owner and each link", "[notice]") {
  const NoticeRun run{12, "2026-01-12T03:30:00Z", "https://reports.example/links.html"};
  const auto groups =
      group_notices({broken("https://a.example/1", {{"one", "cardiology/one.md", ""}}),
                     broken("https://a.example/1?x=1", {{"two", "misc/two.md", ""}})},
                    {}, owners());
  const std::string text = notice_text(run, groups);
  CHECK(text ==
        "linkhealth crawl run 12 (2026-01-12 03:30 UTC): 2 new link problems, 0 fixed.\n"
        "Report: https://reports.example/links.html\n"
        "\n== Cardiology desk (1 new, 0 fixed) ==\n"
        "Their links in the report: https://reports.example/links.html#owner=Cardiology%20desk\n"
        "New problems:\n"
        "- Broken (HTTP 404): https://a.example/1\n"
        "  in one (cardiology/one.md), failing since 2026-01-05 03:00 UTC (2 checks in a row)\n"
        "\n== Unowned (1 new, 0 fixed) ==\n"
        "Their links in the report: https://reports.example/links.html#owner=unowned\n"
        "New problems:\n"
        "- Broken (HTTP 404): https://a.example/1?x=1\n"
        "  in two (misc/two.md), failing since 2026-01-05 03:00 UTC (2 checks in a row)\n");
  CHECK(notice_subject(run, groups) == "linkhealth: 2 new link problems, 0 fixed (run 12)");
}

TEST_CASE("the owner's view of the report is one link", "[notice]") {
  CHECK(owner_report_url("https://r.example/report.html", "Caf\xc3\xa9 & Co") ==
        "https://r.example/report.html#owner=Caf%C3%A9%20%26%20Co");
  CHECK(owner_report_url("https://r.example/report.html#verdict=broken", "") ==
        "https://r.example/report.html#owner=unowned");
  CHECK(owner_report_url("", "A").empty());
}

TEST_CASE("a long list stops and points at the report", "[notice]") {
  std::vector<NoticeTarget> many;
  for (std::size_t i = 0; i < kNoticeListLimit + 7; ++i) {
    many.push_back(broken("https://a.example/" + std::to_string(i), {{"s", "misc/s.md", ""}}));
  }
  const std::string text =
      notice_text({1, "2026-01-12T03:30:00Z", ""}, group_notices(many, {}, {}));
  CHECK(text.find("- ... and 7 more in the report\n") != std::string::npos);
  CHECK(text.find("https://a.example/49\n") != std::string::npos);
  CHECK(text.find("https://a.example/50\n") == std::string::npos);
  CHECK(text.find("Report:") == std::string::npos);
}

TEST_CASE("webhook bodies are {\"text\": ...} with Slack's three escapes", "[notice]") {
  const std::string body = webhook_body("a < b & c > d \"q\"\n\xff");
  const auto json = nlohmann::json::parse(body);
  CHECK(json.size() == 1);
  CHECK(json.at("text") == "a &lt; b &amp; c &gt; d \"q\"\n\xef\xbf\xbd");
}

TEST_CASE("mails are RFC 5322 with a UTF-8 plain-text body", "[notice][mail]") {
  const MailHeader header{"linkhealth@host.example",
                          {"a@example.org", "b@example.org"},
                          1768188600,
                          "linkhealth.run-12.1@host.example"};
  const std::string long_line(1200, 'x');
  const std::string message =
      mail_message(header, "linkhealth: 1 new link problem, 0 fixed (run 12)",
                   "Caf\xc3\xa9 line\r\n.\n" + long_line + "\n");
  CHECK(message.rfind("From: linkhealth <linkhealth@host.example>\n"
                      "To: a@example.org, b@example.org\n"
                      "Subject: linkhealth: 1 new link problem, 0 fixed (run 12)\n"
                      "Date: Mon, 12 Jan 2026 03:30:00 +0000\n"
                      "Message-ID: <linkhealth.run-12.1@host.example>\n"
                      "MIME-Version: 1.0\n"
                      "Content-Type: text/plain; charset=UTF-8\n"
                      "Content-Transfer-Encoding: 8bit\n"
                      "Auto-Submitted: auto-generated\n\n"
                      "Caf\xc3\xa9 line\n.\n",
                      0) == 0);
  CHECK(message.find('\r') == std::string::npos);
  CHECK(message.find(std::string(998, 'x') + "\n") != std::string::npos);
  CHECK(message.find(std::string(999, 'x')) == std::string::npos);
}

TEST_CASE("RFC 5322 dates and plain addresses", "[notice][mail]") {
  CHECK(rfc5322_date(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
  CHECK(rfc5322_date(1768188600) == "Mon, 12 Jan 2026 03:30:00 +0000");
  CHECK(is_plain_mail_address("editors@example.org"));
  CHECK_FALSE(is_plain_mail_address("editors"));
  CHECK_FALSE(is_plain_mail_address("@example.org"));
  CHECK_FALSE(is_plain_mail_address("a@"));
  CHECK_FALSE(is_plain_mail_address("a@b@c"));
  CHECK_FALSE(is_plain_mail_address("a@example.org\nBcc: victim@example.org"));
  CHECK_FALSE(is_plain_mail_address("Name <a@example.org>"));
  CHECK_FALSE(is_plain_mail_address("a@example.org, b@example.org"));
}
