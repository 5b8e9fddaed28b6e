#pragma once
// Shared set-up for the crawl workflow tests: a small content tree, the fixture web scenarios
// it is crawled against, and running `crawl` in this process.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "tests/crawler_test_support.h"
#include "tests/temp_tree.h"

namespace linkhealth::testing {

inline int run_crawl_args(std::vector<std::string> args) {
  args.insert(args.begin(), "crawl");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return run_crawl(static_cast<int>(argv.size()), argv.data());
}

/// Flags that send every host to the fixture web and keep the crawl fast.
inline std::vector<std::string> loopback_flags(int port) {
  return {"--connect-to",
          "::127.0.0.1:" + std::to_string(port),
          "--allow-private",
          "--interval-ms",
          "0",
          "--retries",
          "0",
          "--no-soft404-probe",
          "--no-progress"};
}

inline std::string md(const std::string& slug, const std::string& title, const std::string& url) {
  return "---\nslug: " + slug + "\ntitle: " + title + "\nbasePath: health\nlink:\n  href: " + url +
         "\n---\nBody.\n";
}

/// Four sources: a live story (with tracking), a moved page, a dead one, a drifted title.
inline void write_example_tree(const TempTree& tree) {
  tree.write("content/a.md",
             md("story-a", "A health story", "http://news.web.test/health/story?utm_source=x"));
  tree.write("content/b.md", md("story-b", "Old place", "http://news.web.test/old"));
  tree.write("content/c.md", md("story-c", "Gone story", "http://news.web.test/gone"));
  // Two URL fields of one source on one target: compared with the curated title once.
  tree.write("content/d.md",
             "---\nslug: story-d\ntitle: Hospitals expand telehealth coverage for rural care\n"
             "link:\n  href: http://other.web.test/telehealth\n"
             "  original: http://other.web.test/telehealth?utm_medium=email\n---\n");
}

/// The web the first crawl sees.
inline testweb::Scenario first_web() {
  testweb::Scenario s;
  s.hosts["news.web.test"]["/health/story"].replies = {page("A health story")};
  s.hosts["news.web.test"]["/old"].replies = {redirect_to("/new")};
  s.hosts["news.web.test"]["/new"].replies = {page("Old place")};
  s.hosts["other.web.test"]["/telehealth"].replies = {
      page("Quarterly earnings call transcript for a retailer")};
  return s;
}

/// A week later: the story is gone, the dead page is back, the moved page has a new title.
inline testweb::Scenario second_web() {
  testweb::Scenario s = first_web();
  s.hosts["news.web.test"].erase("/health/story");
  s.hosts["news.web.test"]["/gone"].replies = {page("Gone story")};
  s.hosts["news.web.test"]["/new"].replies = {page("Old place now renamed entirely")};
  return s;
}

inline std::map<std::string, nlohmann::json> targets_by_url(const nlohmann::json& doc) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& t : doc.at("targets")) out[t.at("request_url").get<std::string>()] = t;
  return out;
}

}  // namespace linkhealth::testing
