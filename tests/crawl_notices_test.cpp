// Who gets which message after a crawl, with an in-memory sender: nothing without news, the
// owner's webhook only their part, a run announced once, failures reported, not thrown.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli/crawl_notices.h"
#include "store/store.h"
#include "store_test_data.h"
#include "tests/sql_trace.h"

using namespace linkhealth;
using namespace linkhealth::testdata;

namespace {

struct FakeSender : NoticeSender {
  std::vector<std::pair<std::string, std::string>> posts;
  std::vector<std::string> mails;
  std::string webhook_error;
  std::string post_webhook(const std::string& url, const std::string& body) override {
    posts.emplace_back(url, body);
    return webhook_error;
  }
  std::string send_mail(const std::string& message) override {
    mails.push_back(message);
    return {};
  }
};

std::string text_of(const std::string& body) {
  return nlohmann::json::parse(body).at("text").get<std::string>();
}

/// Two articles, one owned by the cardiology desk, crawled week by week.
struct Desk {
  Store store = Store::open(":memory:");
  Source cardio = article("heart", "Heart", "/communities/cardiology/");
  Source other = article("misc", "Misc", "/communities/other/");
  std::vector<Target> targets{target_for(cardio, url_of(1)), target_for(other, url_of(2))};
  RunSettings settings;

  Desk() {
    settings.owners = {{"Cardiology desk",
                        "cardio@example.org",
                        "https://hooks.example/cardio",
                        {},
                        {"/communities/cardiology/"}}};
    settings.notify_webhooks = {"https://chat.example/hooks/all"};
    settings.mail_to = {"editors@example.org"};
    settings.report_url = "https://reports.example/links.html";
  }

  std::int64_t crawl(Verdict v1, Verdict v2, const std::string& at) {
    const std::int64_t run = store.begin_run(RunKind::Crawl, "{}", false);
    store.record_sources(run, {cardio, other}, targets);
    store.record_check(run, result(url_of(1), v1, "t", at), {});
    store.record_check(run, result(url_of(2), v2, "t", at), {});
    store.finish_run(run, RunStatus::Done);
    return run;
  }
};

}  // namespace

TEST_CASE("no news, no message; a confirmed break is news once", "[notice][crawl]") {
  Desk d;
  FakeSender sender;
  const auto r1 = d.crawl(Verdict::Ok, Verdict::Ok, "2026-01-05T03:00:00Z");
  CHECK_FALSE(send_crawl_notices(d.store, r1, d.settings, sender).news);
  const auto r2 = d.crawl(Verdict::Broken, Verdict::Broken, "2026-01-12T03:00:00Z");
  CHECK_FALSE(send_crawl_notices(d.store, r2, d.settings, sender).news);  // failed once
  CHECK(sender.posts.empty());
  CHECK(sender.mails.empty());

  const auto r3 = d.crawl(Verdict::Broken, Verdict::Broken, "2026-01-19T03:00:00Z");
  const NoticeOutcome outcome = send_crawl_notices(d.store, r3, d.settings, sender);
  CHECK(outcome.news);
  CHECK(outcome.delivered == 3);
  CHECK(outcome.failures.empty());
  REQUIRE(sender.posts.size() == 2);
  CHECK(sender.posts[0].first == "https://chat.example/hooks/all");
  const std::string all = text_of(sender.posts[0].second);
  CHECK(all.find("== Cardiology desk (1 new, 0 fixed) ==") != std::string::npos);
  CHECK(all.find("== Unowned (1 new, 0 fixed) ==") != std::string::npos);
  CHECK(all.find("Report: https://reports.example/links.html") != std::string::npos);
  CHECK(sender.posts[1].first == "https://hooks.example/cardio");
  const std::string mine = text_of(sender.posts[1].second);
  CHECK(mine.find(url_of(1)) != std::string::npos);
  CHECK(mine.find(url_of(2)) == std::string::npos);
  CHECK(mine.find("Unowned") == std::string::npos);
  REQUIRE(sender.mails.size() == 1);
  CHECK(sender.mails[0].find("To: editors@example.org\n") != std::string::npos);
  CHECK(sender.mails[0].find("Subject: linkhealth: 2 new link problems, 0 fixed (run " +
                             std::to_string(r3) + ")\n") != std::string::npos);

  // The same run again (a second process on the same database): not sent twice.
  const NoticeOutcome again = send_crawl_notices(d.store, r3, d.settings, sender);
  CHECK(again.sent_before);
  CHECK(sender.posts.size() == 2);
  CHECK(sender.mails.size() == 1);
  const auto records = d.store.notices(r3);
  REQUIRE(records.size() == 3);
  for (const auto& record : records) {
    CHECK(record.attempted);
    CHECK(record.error.empty());
  }
  CHECK(records[0].channel == "webhook https://chat.example/\u2026 #1");
  CHECK(records[1].channel == "webhook of Cardiology desk https://hooks.example/\u2026");
  CHECK(records[2].channel == "mail to editors@example.org");
}

TEST_CASE("a fix is news only for a problem that was confirmed", "[notice][crawl]") {
  Desk d;
  FakeSender sender;
  d.crawl(Verdict::Broken, Verdict::Ok, "2026-01-05T03:00:00Z");
  const auto r2 = d.crawl(Verdict::Ok, Verdict::Broken, "2026-01-12T03:00:00Z");
  // url 1 failed once and works again: "fixed" in the report, but never announced as new.
  CHECK(d.store.change_counts(r2).fixed == 1);
  CHECK_FALSE(send_crawl_notices(d.store, r2, d.settings, sender).news);
  const auto r3 = d.crawl(Verdict::Ok, Verdict::Broken, "2026-01-19T03:00:00Z");
  CHECK(send_crawl_notices(d.store, r3, d.settings, sender).news);  // url 2 confirmed
  sender.posts.clear();
  const auto r4 = d.crawl(Verdict::Ok, Verdict::Ok, "2026-01-26T03:00:00Z");
  const NoticeOutcome fixed = send_crawl_notices(d.store, r4, d.settings, sender);
  CHECK(fixed.news);
  REQUIRE(sender.posts.size() == 1);  // the cardiology desk has no news this time
  const std::string text = text_of(sender.posts[0].second);
  CHECK(text.find("0 new link problems, 1 fixed") != std::string::npos);
  CHECK(text.find("== Unowned (0 new, 1 fixed) ==\nTheir links in the report: "
                  "https://reports.example/links.html#owner=unowned\nFixed:\n- " +
                  url_of(2)) != std::string::npos);
}

TEST_CASE("a failed delivery is recorded and reported, the others still go", "[notice][crawl]") {
  Desk d;
  FakeSender sender;
  sender.webhook_error = "HTTP 500";
  d.crawl(Verdict::Broken, Verdict::Ok, "2026-01-05T03:00:00Z");
  const auto r2 = d.crawl(Verdict::Broken, Verdict::Ok, "2026-01-12T03:00:00Z");
  const NoticeOutcome outcome = send_crawl_notices(d.store, r2, d.settings, sender);
  CHECK(outcome.delivered == 1);  // the mail
  REQUIRE(outcome.failures.size() == 2);
  CHECK(outcome.failures[0] == "webhook https://chat.example/\u2026 #1: HTTP 500");
  CHECK(d.store.notices(r2)[0].error == "HTTP 500");
}

TEST_CASE("an interrupted run sends nothing", "[notice][crawl]") {
  Desk d;
  FakeSender sender;
  d.crawl(Verdict::Broken, Verdict::Ok, "2026-01-05T03:00:00Z");
  const std::int64_t run = d.store.begin_run(RunKind::Crawl, "{}", false);
  d.store.record_check(run, result(url_of(1), Verdict::Broken, "t", "2026-01-12T03:00:00Z"), {});
  d.store.finish_run(run, RunStatus::Interrupted);
  CHECK_FALSE(send_crawl_notices(d.store, run, d.settings, sender).news);
  CHECK(sender.posts.empty());
}

TEST_CASE("owner mails only with --mail-owners, each with their own part", "[notice][mail]") {
  RunSettings s;
  s.owners = {{"A", "a@example.org", "", {"a/**"}, {}}, {"B", "", "", {"b/**"}, {}}};
  s.mail_owners = true;
  s.mail_from = "links@example.org";
  const NoticeRun run{5, "2026-01-12T03:30:00Z", ""};
  const auto groups = group_notices(
      {{"https://x.example/1", Verdict::Broken, 404, "", "", 2, {{"a1", "a/1.md", ""}}},
       {"https://x.example/2", Verdict::Broken, 404, "", "", 2, {{"b1", "b/1.md", ""}}}},
      {}, s.owners);
  const auto planned = plan_notices(run, groups, s, 1768188600, "host.example");
  REQUIRE(planned.size() == 1);  // B has no e-mail, there is no --mail-to or webhook
  CHECK(planned[0].channel == PlannedNotice::Channel::Mail);
  CHECK(planned[0].label == "mail to a@example.org (A)");
  CHECK(planned[0].payload.find("From: linkhealth <links@example.org>\nTo: a@example.org\n") == 0);
  CHECK(planned[0].payload.find("https://x.example/1") != std::string::npos);
  CHECK(planned[0].payload.find("https://x.example/2") == std::string::npos);
  s.mail_owners = false;
  CHECK(plan_notices(run, groups, s, 1768188600, "host.example").empty());
}

TEST_CASE("webhook URLs are shown without their secret path", "[notice]") {
  CHECK(redacted_url("https://hooks.slack.com/services/T0/B0/SECRET") ==
        "https://hooks.slack.com/\u2026");
  CHECK(redacted_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080");
  CHECK(redacted_url("http://chat.example?token=SECRET") == "http://chat.example/\u2026");
}

TEST_CASE("bad notification settings are config errors", "[notice][cli]") {
  RunSettings s;
  s.notify_webhooks = {"chat.example/hook"};
  CHECK_THROWS_WITH(validate_notify_settings(s),
                    "notify webhook must be an http(s) URL, not 'chat.example/hook'");
  s.notify_webhooks.clear();
  s.mail_to = {"editors@example.org\nBcc: x@example.org"};
  CHECK_THROWS_AS(validate_notify_settings(s), ConfigError);
  s.mail_to = {"editors@example.org"};
  CHECK_NOTHROW(validate_notify_settings(s));
}

TEST_CASE("without anyone to notify, the run's targets are not read back", "[notice][crawl]") {
  Desk d;
  FakeSender sender;
  d.crawl(Verdict::Broken, Verdict::Broken, "2026-01-12T03:00:00Z");
  const auto news = d.crawl(Verdict::Broken, Verdict::Broken, "2026-01-19T03:00:00Z");
  RunSettings nobody = d.settings;
  nobody.notify_webhooks.clear();
  nobody.mail_to.clear();
  for (Owner& owner : nobody.owners) owner.webhook.clear();  // mail_owners is off
  CHECK_FALSE(has_notice_channel(nobody));
  testing::StatementCounter statements(d.store.database());
  const NoticeOutcome outcome = send_crawl_notices(d.store, news, nobody, sender);
  CHECK(statements.selects() == 0);
  CHECK_FALSE(outcome.news);
  CHECK(sender.posts.empty());
  CHECK(sender.mails.empty());
  CHECK(d.store.notices(news).empty());
  // The same run with someone to tell has news.
  CHECK(has_notice_channel(d.settings));
  CHECK(send_crawl_notices(d.store, news, d.settings, sender).news);
}
