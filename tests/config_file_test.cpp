#include <catch2/catch.hpp>

#include "cli/config_file.h"
#include "tests/temp_tree.h"

using namespace linkhealth;

TEST_CASE("config file reads every section", "[cli][config]") {
  const RunSettings s = parse_config(R"(content: content/
db: links.db
fail_on: any
confirm_runs: 3
url_fields: [extra.url]
fetch:
  concurrency: 32
  interval_ms: 1000
  timeout: 12.5
  robots: true
  connect_to: ["a.test:443:127.0.0.1:8443"]
hosts:
  www.statnews.com:
    per_host: 1
    interval_ms: 2000
    headers: {X-Test: yes}
exclude:
  urls: ["^https://twitter\\.com/"]
  hosts: [linkedin.com]
)",
                                     "linkhealth.yaml");
  CHECK(s.content == "content/");
  CHECK(s.db == "links.db");
  CHECK(s.fail_on == "any");
  CHECK(s.confirm_runs == 3);
  CHECK(s.url_fields == std::vector<std::string>{"extra.url"});
  CHECK(s.fetch.concurrency == 32);
  CHECK(s.fetch.interval_ms == 1000);
  CHECK(s.fetch.timeout_s == 12.5);
  CHECK(s.fetch.robots);
  CHECK(s.fetch.connect_to == std::vector<std::string>{"a.test:443:127.0.0.1:8443"});
  REQUIRE(s.fetch.host_overrides.count("www.statnews.com") == 1);
  CHECK(s.fetch.host_overrides.at("www.statnews.com").per_host == 1);
  CHECK(s.fetch.host_overrides.at("www.statnews.com").interval_ms == 2000);
  CHECK(s.fetch.host_overrides.at("www.statnews.com").headers ==
        std::vector<std::string>{"X-Test: yes"});
  CHECK(s.exclude_urls.size() == 1);
  CHECK(s.exclude_hosts == std::vector<std::string>{"linkedin.com"});
}

TEST_CASE("config file rejects unknown keys with file, line and key", "[cli][config]") {
  try {
    parse_config("db: x.db\nfetch:\n  concurency: 3\n", "site/linkhealth.yaml");
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) == "site/linkhealth.yaml:3: unknown key 'fetch.concurency'");
  }
  CHECK_THROWS_WITH(parse_config("exclude:\n  url: [x]\n", "c.yaml"),
                    "c.yaml:2: unknown key 'exclude.url'");
  CHECK_THROWS_WITH(parse_config("hosts:\n  a.test:\n    perhost: 1\n", "c.yaml"),
                    "c.yaml:3: unknown key 'hosts.a.test.perhost'");
  CHECK_THROWS_WITH(parse_config("per_host: 1\n", "c.yaml"), "c.yaml:1: unknown key 'per_host'");
}

TEST_CASE("config file rejects values of the wrong type", "[cli][config]") {
  CHECK_THROWS_AS(parse_config("fetch:\n  per_host: many\n", "c.yaml"), ConfigError);
  CHECK_THROWS_AS(parse_config("- a\n- b\n", "c.yaml"), ConfigError);
  CHECK_THROWS_AS(parse_config("db: [unclosed\n", "c.yaml"), ConfigError);
  CHECK_THROWS_WITH(parse_config("fetch: 3\n", "c.yaml"), "c.yaml:1: 'fetch' must be a mapping");
  CHECK_THROWS_WITH(parse_config("url_fields: {a: b}\n", "c.yaml"),
                    "c.yaml:1: key 'url_fields' must be a list of strings");
}

TEST_CASE("an empty config file is valid", "[cli][config]") {
  CHECK(parse_config("", "c.yaml") == RunSettings{});
}

TEST_CASE("config paths are relative to the file, and json: - stays stdout", "[cli][config]") {
  testing::TempTree tree;
  tree.write("site/linkhealth.yaml",
             "content: ../content\ndb: links.db\njson: '-'\nreport: \"-\"\nlog: '-'\n"
             "tracking_rules: /etc/rules.txt\nfetch:\n  cacert: certs/ca.pem\n");
  const RunSettings s = load_config(tree.root() / "site/linkhealth.yaml");
  const auto site = std::filesystem::absolute(tree.root() / "site");
  CHECK(s.config_path == tree.root() / "site/linkhealth.yaml");
  CHECK(s.content == (site / "../content").string());
  CHECK(s.db == (site / "links.db").string());
  CHECK(s.fetch.cacert == (site / "certs/ca.pem").string());
  CHECK(s.tracking_rules == "/etc/rules.txt");
  // "-" is stdout (the JSON document) wherever it is written, never a file named "-".
  CHECK(s.json == "-");
  CHECK(s.report == "-");
  CHECK(s.log == "-");
  // Values not in the file keep their defaults, which are not relative to the file.
  CHECK(s.wayback_base == RunSettings{}.wayback_base);
}

TEST_CASE("a bare '-' value is a YAML error that says to quote it", "[cli][config]") {
  CHECK_THROWS_WITH(parse_config("db: x.db\njson: -\n", "c.yaml"),
                    "c.yaml:2: illegal block entry (quote a lone '-': json: \"-\")");
}
