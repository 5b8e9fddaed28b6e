// The editors' loop end to end: five weekly crawls of a fixture web where links break and get
// fixed, with owners, a chat webhook receiver and a sendmail stand-in. Run by run, the
// history in the JSON and the HTML chart, the time to fix, the owner routing, the messages
// and the metrics must match what happened. Then failing channels: warnings, never a failed
// run.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>

#include "reports/trend_series.h"
#include "store/store.h"
#include "tests/child_process.h"
#include "tests/chromium.h"
#include "tests/cli_process.h"
#include "tests/crawl_support.h"
#include "tests/promtool.h"
#include "tests/sendmail_stand_in.h"
#include "tests/webhook_receiver.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

std::string article(const std::string& slug, const std::string& community, const std::string& url) {
  return "---\nslug: " + slug + "\ntitle: " + slug + " story\nbasePath: " + community +
         "\nlink:\n  href: " + url + "\n---\nBody.\n";
}

constexpr const char* kHeart = "http://news.web.test/heart";
constexpr const char* kDrug = "http://news.web.test/drug";
constexpr const char* kOther = "http://other.web.test/story";
constexpr const char* kStable = "http://other.web.test/stable";
constexpr const char* kReportUrl = "https://reports.example/links/report.html";

void write_content(const TempTree& tree) {
  tree.write("content/cardiology/heart.md", article("heart", "cardio", kHeart));
  tree.write("content/drugs/drug.md", article("drug", "pharma", kDrug));
  tree.write("content/misc/other.md", article("other", "misc", kOther));
  tree.write("content/misc/stable.md", article("stable", "misc", kStable));
}

/// Week 1 all fine; heart and drug die in week 2; other answers 500 in week 3 only; heart is
/// back from week 4.
testweb::Scenario web_of_week(int week) {
  testweb::Scenario s;
  auto& news = s.hosts["news.web.test"];
  auto& other = s.hosts["other.web.test"];
  if (week == 1 || week >= 4) news["/heart"].replies = {page("heart story")};
  if (week == 1) news["/drug"].replies = {page("drug story")};
  other["/story"].replies = {week == 3 ? page("Server error", 500) : page("other story")};
  other["/stable"].replies = {page("stable story")};
  return s;
}

std::string config_text(const WebhookReceiver& hooks) {
  return "content: content\ndb: links.db\nreport: report.html\njson: links.json\n"
         "metrics: links.prom\nlog: crawl.log\n"
         "owners:\n"
         "  - name: Cardiology desk\n"
         "    webhook: " +
         hooks.url("/cardio") +
         "\n"
         "    paths: [\"cardiology/**\"]\n"
         "  - name: Pharma desk\n"
         "    email: pharma@example.org\n"
         "    communities: [pharma]\n"
         "notify:\n"
         "  webhooks: [\"" +
         hooks.url("/all") +
         "\"]\n"
         "  mail_to: [editors@example.org]\n"
         "  mail_owners: true\n"
         "  sendmail: sendmail\n"
         "  mail_from: linkhealth@reports.example\n"
         "  report_url: " +
         kReportUrl + "\n";
}

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::string text_of(const ReceivedPost& post) {
  return nlohmann::json::parse(post.body).at("text").get<std::string>();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

ProcessResult crawl(const TempTree& tree, int port, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"crawl", "--config", (tree.root() / "linkhealth.yaml").string()};
  for (const auto& f : loopback_flags(port)) args.push_back(f);
  for (const auto& f : extra) args.push_back(f);
  // The sendmail stand-in is found on PATH, as `sendmail` is on a cron host.
  return run_linkhealth(args, "PATH=" + (tree.root() / "bin").string() + ":\"$PATH\"");
}

/// Expected figures of one week's crawl.
struct Week {
  int problems;
  int fresh;
  int fixed;
  std::size_t posts_after;
  std::size_t mails_after;
  int exit_code;
};

std::string metric(const std::string& text, const std::string& name) {
  const std::string key = "\n" + name + " ";
  const std::size_t at = text.find(key);
  if (at == std::string::npos) return "missing";
  const std::size_t from = at + key.size();
  return text.substr(from, text.find('\n', from) - from);
}

/// The content and database in `tree`, each problem new at once (--confirm-runs 1), and `more`.
std::vector<std::string> quick_args(const TempTree& tree, std::vector<std::string> more) {
  std::vector<std::string> args = {"--content",      (tree.root() / "content").string(),
                                   "--db",           (tree.root() / "links.db").string(),
                                   "--confirm-runs", "1"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::set<std::string> target_urls(const nlohmann::json& doc) {
  std::set<std::string> out;
  for (const auto& t : doc.at("targets")) out.insert(t.at("request_url").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("five weekly crawls: history, time to fix, owners, messages and metrics",
          "[cli][crawl][editors][web][process]") {
  REQUIRE(has_promtool());
  TempTree tree;
  write_content(tree);
  write_sendmail_stand_in(tree, "bin");
  WebhookReceiver hooks(200);
  tree.write("linkhealth.yaml", config_text(hooks));
  const auto root = tree.root();

  const std::vector<Week> weeks = {
      {0, 0, 0, 0, 0, 0},  // all fine
      {2, 0, 0, 0, 0, 0},  // heart and drug fail once: not news yet
      {3, 2, 0, 2, 2, 2},  // both confirmed (news); other fails once
      {1, 0, 2, 4, 3, 0},  // heart fixed (news), other works again (never confirmed: no news)
      {1, 0, 0, 4, 3, 0},  // nothing new, nothing fixed: no message at all
  };
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const int week = static_cast<int>(i) + 1;
    INFO("week " << week);
    testweb::FixtureWeb web(web_of_week(week));
    const ProcessResult result = crawl(tree, web.port());
    INFO(result.out << result.err);
    CHECK(result.status == weeks[i].exit_code);
    CHECK(result.err.empty());

    // The history in the JSON document, run by run.
    const auto doc = read_json(root / "links.json");
    const auto& runs = doc.at("trends").at("runs");
    REQUIRE(runs.size() == i + 1);
    const auto& last = runs.back();
    CHECK(last.at("run") == week);
    CHECK(last.at("problems") == weeks[i].problems);
    CHECK(last.at("new") == weeks[i].fresh);
    CHECK(last.at("fixed") == weeks[i].fixed);

    // The store agrees with its own API.
    auto store = Store::open_existing(root / "links.db");
    CHECK(store.change_counts(week).new_problems == static_cast<std::int64_t>(weeks[i].fresh));
    CHECK(store.change_counts(week).fixed == static_cast<std::int64_t>(weeks[i].fixed));

    // Messages only for news.
    CHECK(hooks.posts().size() == weeks[i].posts_after);
    CHECK(saved_mails(tree, "bin").size() == weeks[i].mails_after);
    if (weeks[i].posts_after > (i == 0 ? 0 : weeks[i - 1].posts_after)) {
      CHECK(contains(result.out, "; notified "));
    } else {
      CHECK_FALSE(contains(result.out, "notified"));
    }

    // Metrics for monitoring, valid for Prometheus.
    const std::string prom = read_file(root / "links.prom");
    const auto check = promtool_check(root / "links.prom");
    INFO(check.output);
    CHECK(check.status == 0);
    CHECK(metric(prom, "linkhealth_run_id") == std::to_string(week));
    CHECK(metric(prom, "linkhealth_problems") == std::to_string(weeks[i].problems));
    CHECK(metric(prom, "linkhealth_new_problems") == std::to_string(weeks[i].fresh));
    CHECK(metric(prom, "linkhealth_fixed_problems") == std::to_string(weeks[i].fixed));
    CHECK(metric(prom, "linkhealth_targets{verdict=\"ok\"}") ==
          std::to_string(4 - weeks[i].problems));
    CHECK(metric(prom, "linkhealth_last_run_finished_timestamp_seconds") ==
          std::to_string(*parse_utc(store.run(week)->finished_at)));
    CHECK(std::stol(metric(prom, "linkhealth_run_requests")) >= 4);
  }

  // Week 3's messages: everything to the team channel and the team address, each owner only
  // their own part, the report linked.
  const auto posts = hooks.posts();
  REQUIRE(posts.size() == 4);
  CHECK(posts[0].path == "/all");
  const std::string all3 = text_of(posts[0]);
  CHECK(contains(all3, "2 new link problems, 0 fixed."));
  CHECK(contains(all3, "Report: " + std::string(kReportUrl)));
  CHECK(contains(all3, "== Cardiology desk (1 new, 0 fixed) ==\nTheir links in the report: " +
                           std::string(kReportUrl) + "#owner=Cardiology%20desk\nNew problems:\n" +
                           "- Broken (HTTP 404): " + kHeart +
                           "\n  in heart (cardiology/heart.md)"));
  CHECK(contains(
      all3, "#owner=Pharma%20desk\nNew problems:\n- Broken (HTTP 404): " + std::string(kDrug)));
  CHECK_FALSE(contains(all3, "Unowned"));  // other failed once: not news yet
  CHECK(posts[1].path == "/cardio");
  const std::string cardio3 = text_of(posts[1]);
  CHECK(contains(cardio3, kHeart));
  CHECK_FALSE(contains(cardio3, kDrug));
  // Week 4: the fix of the confirmed problem; other's fix was never news.
  CHECK(posts[2].path == "/all");
  const std::string all4 = text_of(posts[2]);
  CHECK(contains(all4, "0 new link problems, 1 fixed."));
  CHECK(contains(all4, "#owner=Cardiology%20desk\nFixed:\n- " + std::string(kHeart)));
  CHECK_FALSE(contains(all4, kOther));
  CHECK(posts[3].path == "/cardio");

  const auto mails = saved_mails(tree, "bin");
  REQUIRE(mails.size() == 3);
  CHECK(mails[0].rfind("ARGS: -t -oi\nFrom: linkhealth <linkhealth@reports.example>\n"
                       "To: editors@example.org\nSubject: linkhealth: 2 new link problems, "
                       "0 fixed (run 3)\n",
                       0) == 0);
  CHECK(contains(mails[0], kHeart));
  CHECK(contains(mails[0], kDrug));
  CHECK(contains(mails[1], "\nTo: pharma@example.org\n"));
  CHECK(contains(mails[1], kDrug));
  CHECK_FALSE(contains(mails[1], kHeart));
  CHECK(contains(mails[2],
                 "\nTo: editors@example.org\nSubject: linkhealth: 0 new link problems, "
                 "1 fixed (run 4)\n"));

  // Time to fix: from the first failing check to the check that found the link working.
  SQLite::Database db((root / "links.db").string(), SQLite::OPEN_READONLY);
  auto checked = [&](int run, const std::string& url, const char* column) {
    SQLite::Statement s(db, std::string("SELECT ") + column +
                                " FROM checks JOIN targets ON targets.id = checks.target_id "
                                "WHERE run_id = ? AND url = ?");
    s.bind(1, run);
    s.bind(2, url);
    REQUIRE(s.executeStep());
    return s.getColumn(0).getString();
  };
  const double heart_days =
      *days_between(checked(3, kHeart, "broken_since"), checked(4, kHeart, "checked_at"));
  const double other_days =
      *days_between(checked(3, kOther, "broken_since"), checked(4, kOther, "checked_at"));
  CHECK(checked(3, kHeart, "broken_since") == checked(2, kHeart, "checked_at"));
  const auto doc = read_json(root / "links.json");
  const auto& trends = doc.at("trends");
  CHECK(trends.at("runs")[3].at("median_days_to_fix").get<double>() ==
        Approx((heart_days + other_days) / 2));
  CHECK(trends.at("runs")[2].at("median_days_to_fix").is_null());
  CHECK(trends.at("fixes") == 2);
  CHECK(trends.at("median_days_to_fix").get<double>() == Approx((heart_days + other_days) / 2));
  // Drug is the one open problem, failing since week 2: under a week old.
  CHECK(trends.at("open_by_age")[0].at("count") == 1);

  // Every row names its owner; unowned ones say so.
  for (const auto& target : doc.at("targets")) {
    const std::string url = target.at("request_url");
    const auto& owner = target.at("refs")[0].at("owner");
    INFO(url);
    if (url == kHeart) CHECK(owner == "Cardiology desk");
    if (url == kDrug) CHECK(owner == "Pharma desk");
    if (url == kOther || url == kStable) CHECK(owner == "");
  }
  const std::string html = read_file(root / "report.html");
  CHECK(contains(html, "data-owner=\"Pharma desk\""));
  CHECK(contains(html, "<div class=\"owner\">owner <b>Pharma desk</b></div>"));

  // The report filtered by owner.
  const auto config = (root / "linkhealth.yaml").string();
  const auto db_path = (root / "links.db").string();
  const auto pharma = run_linkhealth(
      {"report", "--db", db_path, "--config", config, "--owner", "Pharma desk", "--json", "-"});
  REQUIRE(pharma.status == 0);
  CHECK(target_urls(nlohmann::json::parse(pharma.out)) == std::set<std::string>{kDrug});
  const auto unowned = run_linkhealth(
      {"report", "--db", db_path, "--config", config, "--owner", "unowned", "--json", "-"});
  REQUIRE(unowned.status == 0);
  CHECK(target_urls(nlohmann::json::parse(unowned.out)) == std::set<std::string>{kOther, kStable});
  const auto nobody = run_linkhealth(
      {"report", "--db", db_path, "--config", config, "--owner", "Oncology", "--json", "-"});
  CHECK(nobody.status == 3);
  CHECK(contains(nobody.err,
                 "no owner 'Oncology' in the config (owners: Cardiology desk, Pharma "
                 "desk)"));

  // The chart in a real browser: present, no CSP violation, and every bar is the store's count.
  if (find_chromium().empty()) FAIL("chromium is not installed: run scripts/setup");
  const auto browser = dump_dom_with_console(root / "report.html");
  REQUIRE(browser.status == 0);
  CHECK_FALSE(contains(browser.stderr_text, "Content Security Policy"));
  const std::string& dom = browser.out;
  CHECK(contains(dom, "<svg class=\"chart\" id=\"lh-chart-problems\""));
  CHECK(contains(dom, "Showing "));  // the report's own script ran
  std::map<std::pair<int, std::string>, int> drawn;
  const std::regex seg("data-run=\"(\\d+)\" data-verdict=\"([a-z_0-9]+)\" data-count=\"(\\d+)\"");
  for (auto it = std::sregex_iterator(dom.begin(), dom.end(), seg); it != std::sregex_iterator();
       ++it) {
    drawn[{std::stoi((*it)[1]), (*it)[2]}] = std::stoi((*it)[3]);
  }
  std::map<std::pair<int, std::string>, int> stored;
  SQLite::Statement counts(db,
                           "SELECT run_id, verdict, count(*) FROM checks WHERE problem = 1 "
                           "GROUP BY run_id, verdict");
  while (counts.executeStep()) {
    stored[{counts.getColumn(0).getInt(), counts.getColumn(1).getString()}] =
        counts.getColumn(2).getInt();
  }
  CHECK(drawn == stored);
  CHECK(stored.size() == 5);  // broken in weeks 2-5, server_error in week 3
  auto store = Store::open_existing(root / "links.db");
  for (int week = 1; week <= 5; ++week) {
    INFO("week " << week);
    CHECK(contains(dom, "class=\"new\" data-run=\"" + std::to_string(week) + "\" data-count=\"" +
                            std::to_string(store.change_counts(week).new_problems) + "\""));
    CHECK(contains(dom, "class=\"fixed\" data-run=\"" + std::to_string(week) + "\" data-count=\"" +
                            std::to_string(store.change_counts(week).fixed) + "\""));
  }
  CHECK(contains(dom, "class=\"fix-time\" data-run=\"4\""));

  // The link in an owner's message opens the report on their rows only.
  const auto filtered = dump_dom(root / "report.html", "owner=Pharma%20desk");
  REQUIRE(filtered.status == 0);
  const std::regex row_re("<tr class=\"lh-row\"[^>]*>");
  int visible = 0;
  int rows = 0;
  for (auto it = std::sregex_iterator(filtered.out.begin(), filtered.out.end(), row_re);
       it != std::sregex_iterator(); ++it) {
    const std::string tag = it->str();
    ++rows;
    if (contains(tag, " hidden")) continue;
    ++visible;
    CHECK(contains(tag, "data-owner=\"Pharma desk\""));
  }
  CHECK(rows == 1);  // week 5: drug is the only link to review
  CHECK(visible == 1);
  CHECK(contains(filtered.out, "Showing 1 of 1 rows"));
}

TEST_CASE("failing channels are warnings: the run, its exit code and metrics stand",
          "[cli][crawl][editors][web][process]") {
  TempTree tree;
  tree.write("content/a.md", article("a", "misc", "http://news.web.test/gone"));
  write_sendmail_stand_in(tree, "bin", 75);
  WebhookReceiver failing(500);
  WebhookReceiver silent(0);
  const auto metrics = tree.root() / "links.prom";
  const std::vector<std::string> extra = quick_args(
      tree, {"--notify-webhook", failing.url("/hook"), "--notify-webhook", silent.url("/hook"),
             "--notify-timeout", "1", "--mail-to", "editors@example.org", "--sendmail", "sendmail",
             "--metrics", metrics.string(), "--log", (tree.root() / "crawl.log").string()});
  tree.write("linkhealth.yaml", "");
  testweb::FixtureWeb web(testweb::Scenario{});
  const ProcessResult first = crawl(tree, web.port(), extra);
  INFO(first.out << first.err);
  CHECK(first.status == 2);  // a new problem, as without notifications
  CHECK(contains(first.out, "1 new, 0 fixed; 3 notifications failed"));
  CHECK(contains(first.err, "warning: notification failed: webhook http://127.0.0.1:" +
                                std::to_string(failing.port()) + "/\u2026 #1: HTTP 500"));
  CHECK(contains(first.err, "#2: Operation timed out"));
  CHECK(contains(first.err, "mail to editors@example.org: sendmail exited with status 75"));
  CHECK(contains(read_file(tree.root() / "crawl.log"), "warning: notification failed: "));
  CHECK(failing.posts().size() == 1);
  CHECK(silent.posts().size() == 1);
  CHECK(saved_mails(tree, "bin").size() == 1);  // handed over, then refused
  const std::string prom = read_file(metrics);
  CHECK(metric(prom, "linkhealth_notification_failures") == "3");
  CHECK(metric(prom, "linkhealth_new_problems") == "1");
  auto store = Store::open_existing(tree.root() / "links.db");
  CHECK(store.run(1)->status == RunStatus::Done);
  const auto notices = store.notices(1);
  REQUIRE(notices.size() == 3);
  CHECK(notices[0].error == "HTTP 500");

  // The same web a week later: nothing new, nothing fixed, nothing sent.
  const ProcessResult second = crawl(tree, web.port(), extra);
  CHECK(second.status == 0);
  CHECK(second.err.empty());
  CHECK(failing.posts().size() == 1);
  CHECK(silent.posts().size() == 1);
  CHECK(saved_mails(tree, "bin").size() == 1);
  CHECK(metric(read_file(metrics), "linkhealth_notification_failures") == "0");
}

TEST_CASE("an interrupted crawl sends nothing; the run it resumes is announced once",
          "[cli][crawl][editors][web][process]") {
  TempTree tree;
  testweb::Scenario web_scenario;
  testweb::Reply gone = page("Not here", 404);
  gone.delay_ms = 100;  // 40 of them on one host: about two seconds, time to interrupt
  web_scenario.hosts["slow.web.test"]["/page*"].replies = {gone};
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    tree.write("content/s" + n + ".md", article("s" + n, "misc", "http://slow.web.test/page" + n));
  }
  testweb::FixtureWeb web(web_scenario);
  WebhookReceiver hooks(200);
  const auto log = tree.root() / "crawl.log";
  std::vector<std::string> args =
      quick_args(tree, {"--notify-webhook", hooks.url("/all"), "--log", log.string()});
  args.insert(args.begin(), "crawl");
  for (const auto& f : loopback_flags(web.port())) args.push_back(f);
  {
    ChildProcess first(args, tree.root(), "first");
    // Stop it once it has recorded a broken link.
    bool recorded = false;
    for (int i = 0; i < 400 && !recorded; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      recorded = std::filesystem::exists(log) && contains(read_file(log), "broken 404");
    }
    REQUIRE(recorded);
    first.signal(SIGTERM);
    CHECK(first.wait() == 1);
  }
  CHECK(hooks.posts().empty());  // the news of half a run is no news

  ChildProcess resumed(args, tree.root(), "resumed");
  CHECK(resumed.wait() == 2);
  CHECK(contains(resumed.out(), "run 1 done"));
  REQUIRE(hooks.posts().size() == 1);
  CHECK(contains(text_of(hooks.posts()[0]), "linkhealth crawl run 1 "));
  CHECK(contains(text_of(hooks.posts()[0]), "40 new link problems, 0 fixed."));
  const std::string text = text_of(hooks.posts()[0]);
  int listed = 0;
  for (auto at = text.find("http://slow.web.test/page"); at != std::string::npos;
       at = text.find("http://slow.web.test/page", at + 1)) {
    ++listed;
  }
  CHECK(listed == 40);

  // The next crawl is a new run with nothing new: no second message.
  ChildProcess next(args, tree.root(), "next");
  CHECK(next.wait() == 0);
  CHECK(hooks.posts().size() == 1);
  auto store = Store::open_existing(tree.root() / "links.db");
  REQUIRE(store.notices(1).size() == 1);
  CHECK(store.notices(1)[0].attempted);
  CHECK(store.notices(2).empty());
}
