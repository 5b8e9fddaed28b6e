#include <catch2/catch.hpp>

#include "cli/config_file.h"

using linkhealth::ConfigError;
using linkhealth::parse_config;

TEST_CASE("config file reads every section", "[cli][config]") {
  auto cfg = parse_config(R"(content: content/
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
  CHECK(cfg.content == "content/");
  CHECK(cfg.db == "links.db");
  CHECK(cfg.fail_on == "any");
  CHECK(cfg.confirm_runs == 3);
  CHECK(cfg.url_fields == std::vector<std::string>{"extra.url"});
  CHECK(cfg.fetch.concurrency == 32);
  CHECK(cfg.fetch.interval_ms == 1000);
  CHECK(cfg.fetch.timeout == 12.5);
  CHECK(cfg.fetch.robots == true);
  CHECK(cfg.fetch.connect_to == std::vector<std::string>{"a.test:443:127.0.0.1:8443"});
  REQUIRE(cfg.hosts.count("www.statnews.com") == 1);
  CHECK(cfg.hosts["www.statnews.com"].per_host == 1);
  CHECK(cfg.hosts["www.statnews.com"].headers["X-Test"] == "yes");
  CHECK(cfg.exclude_urls.size() == 1);
  CHECK(cfg.exclude_hosts == std::vector<std::string>{"linkedin.com"});
}

TEST_CASE("config file rejects unknown keys with file, line and key", "[cli][config]") {
  try {
    parse_config("db: x.db\nfetch:\n  concurency: 3\n", "site/linkhealth.yaml");
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) == "site/linkhealth.yaml:3: unknown key 'fetch.concurency'");
  }
}

TEST_CASE("config file rejects values of the wrong type", "[cli][config]") {
  CHECK_THROWS_AS(parse_config("fetch:\n  per_host: many\n", "c.yaml"), ConfigError);
  CHECK_THROWS_AS(parse_config("- a\n- b\n", "c.yaml"), ConfigError);
  CHECK_THROWS_AS(parse_config("db: [unclosed\n", "c.yaml"), ConfigError);
}

TEST_CASE("an empty config file is valid", "[cli][config]") {
  auto cfg = parse_config("", "c.yaml");
  CHECK_FALSE(cfg.db.has_value());
  CHECK(cfg.hosts.empty());
}
