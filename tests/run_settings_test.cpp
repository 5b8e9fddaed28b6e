#include <catch2/catch.hpp>

#include <algorithm>

#include "cli/config_file.h"
#include "cli/run_settings.h"
#include "cli/target_exclusions.h"

using namespace linkhealth;

TEST_CASE("run settings take the config file's values over the defaults", "[cli][config]") {
  const RunSettings s = parse_config(
      "content: /srv/content\ndb: /var/lib/links.db\nfail_on: any\nconfirm_runs: 3\n"
      "url_fields: [extra.url]\n"
      "fetch:\n  concurrency: 8\n  interval_ms: 900\n  timeout: 7.5\n  robots: true\n"
      "  connect_to: ['::127.0.0.1:8080']\n"
      "hosts:\n  WWW.Example.com:\n    per_host: 1\n    interval_ms: 3000\n"
      "    user_agent: ua/2\n    headers:\n      Cookie: consent=yes\n",
      "test.yaml");
  CHECK(s.content == "/srv/content");
  CHECK(s.db == "/var/lib/links.db");
  CHECK(s.fail_on == "any");
  CHECK(validated_fail_on(s) == FailOn::Any);
  CHECK(s.confirm_runs == 3);
  CHECK(s.fetch.concurrency == 8);
  CHECK(s.fetch.interval_ms == 900);
  CHECK(s.fetch.timeout_s == 7.5);
  CHECK(s.fetch.robots);
  CHECK(s.fetch.per_host == FetchOptions{}.per_host);  // not in the file: default kept
  CHECK(s.fetch.connect_to == std::vector<std::string>{"::127.0.0.1:8080"});
  REQUIRE(s.fetch.host_overrides.count("www.example.com") == 1);
  const HostOverride& host = s.fetch.host_overrides.at("www.example.com");
  CHECK(host.per_host == 1);
  CHECK(host.interval_ms == 3000);
  CHECK(host.user_agent == "ua/2");
  CHECK(host.headers == std::vector<std::string>{"Cookie: consent=yes"});

  std::optional<TrackingRules> rules;
  const ScanOptions scan = scan_options_for(s, rules);
  CHECK(std::count(scan.url_fields.begin(), scan.url_fields.end(), "extra.url") == 1);
  CHECK(std::count(scan.url_fields.begin(), scan.url_fields.end(), "link.href") == 1);
}

TEST_CASE("run settings default the database to linkhealth.db", "[cli][config]") {
  const RunSettings s = parse_config("", "empty.yaml");
  CHECK(s.db == "linkhealth.db");
  CHECK(validated_fail_on(s) == FailOn::New);
  RunSettings bad = s;
  bad.fail_on = "sometimes";
  CHECK_THROWS_AS(validated_fail_on(bad), ConfigError);
}

TEST_CASE("the config argument is found before the command line is parsed", "[cli][config]") {
  std::vector<std::string> args = {"crawl", "--db", "x.db", "--config", "site.yaml"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  CHECK(config_argument(static_cast<int>(argv.size()), argv.data()) ==
        std::filesystem::path("site.yaml"));
  std::vector<std::string> eq = {"crawl", "--config=other.yaml"};
  std::vector<char*> argv2;
  for (auto& a : eq) argv2.push_back(a.data());
  CHECK(config_argument(2, argv2.data()) == std::filesystem::path("other.yaml"));
  CHECK_FALSE(config_argument(1, argv2.data()).has_value());
}

TEST_CASE("exclusions match hosts wildcard domains and URL regexes", "[cli][config]") {
  const TargetExclusions ex({"^https?://[^/]+/private/", "\\.pdf$"},
                            {"intranet.example.org", "*.Internal.test"});
  CHECK(ex.excludes("http://intranet.example.org/a", "intranet.example.org"));
  CHECK_FALSE(ex.excludes("http://www.intranet.example.org/a", "www.intranet.example.org"));
  CHECK(ex.excludes("http://internal.test/", "internal.test"));
  CHECK(ex.excludes("http://a.b.internal.test/", "a.b.internal.test"));
  CHECK_FALSE(ex.excludes("http://notinternal.test/", "notinternal.test"));
  CHECK(ex.excludes("https://news.test/private/x", "news.test"));
  CHECK(ex.excludes("https://news.test/report.pdf", "news.test"));
  CHECK_FALSE(ex.excludes("https://news.test/public/report.pdf?x=1", "news.test"));
  CHECK_THROWS_AS(TargetExclusions({"(unclosed"}, {}), ConfigError);

  const CheckResult r = excluded_result("https://news.test/private/x", "news.test");
  CHECK(r.verdict == Verdict::Skipped);
  CHECK(r.error == "excluded");
  CHECK_FALSE(r.checked_at.empty());
}

TEST_CASE("the example linkhealth.yaml is a valid config", "[cli][config]") {
  const RunSettings s = load_config(std::filesystem::path(LINKHEALTH_FIXTURES_DIR) /
                                    "../../examples/linkhealth.yaml");
  CHECK(s.db == "/var/lib/linkhealth/links.db");
  CHECK(s.fetch.host_overrides.at("www.bloomberg.com").interval_ms == 5000);
  CHECK(s.fetch.host_overrides.at("www.healthaffairs.org").headers ==
        std::vector<std::string>{"Cookie: cookieConsent=accepted"});
  const TargetExclusions exclusions(s.exclude_urls, s.exclude_hosts);
  CHECK(exclusions.excludes("https://intranet.example.org/a", "intranet.example.org"));
  CHECK(exclusions.excludes("https://a.internal.example.org/", "a.internal.example.org"));
  CHECK_FALSE(exclusions.excludes("https://hitconsultant.net/", "hitconsultant.net"));
}
