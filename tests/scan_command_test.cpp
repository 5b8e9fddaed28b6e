// The `linkhealth scan` command as users run it: the built binary, its output and exit codes.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/temp_tree.h"

namespace {

struct Run {
  int exit_code = -1;
  std::string out;  ///< stdout and stderr together
};

Run run(const std::string& args) {
  const std::string command = std::string(LINKHEALTH_BINARY) + " " + args + " 2>&1";
  Run r;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) r.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace

TEST_CASE("scan --help lists its options", "[cli][scan]") {
  const Run r = run("scan --help");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("--content") && Catch::Contains("--json"));
}

TEST_CASE("scan without a usable directory is a usage error", "[cli][scan]") {
  const Run missing = run("scan --content /nonexistent/linkhealth");
  CHECK(missing.exit_code == 3);
  CHECK_THAT(missing.out, Catch::Contains("/nonexistent/linkhealth is not a directory"));
  CHECK(run("scan").exit_code == 3);
  CHECK(run("scan --content . --rules /nonexistent/rules.txt").exit_code == 3);
}

TEST_CASE("scan prints a summary with parse errors as file:line", "[cli][scan]") {
  linkhealth::testing::TempTree tree;
  tree.write("good.md", "---\nslug: good\nlink:\n  href: https://example.org/?utm_source=x\n---\n");
  tree.write("broken.md", "---\ntitle: [unclosed\n---\n");
  const Run r = run("scan --content " + tree.root().string());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("unique targets") && Catch::Contains("broken.md:2: YAML"));
}

TEST_CASE("scan --json prints sources, targets and findings", "[cli][scan]") {
  linkhealth::testing::TempTree tree;
  tree.write(
      "good.md",
      "---\nslug: good\ntitle: Good\nlink:\n  href: https://example.org/p#.X88gt1UzbIU\n---\n");
  tree.write("empty.md",
             "---\nslug: empty\nsource: open-project-curations\nlink:\n  href: ''\n---\n");
  const Run r = run("scan --json --content " + tree.root().string());
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["counts"]["files_read"] == 2);
  REQUIRE(doc["sources"].size() == 2);
  const auto& good = doc["sources"][1];
  CHECK(good["slug"] == "good");
  CHECK(good["file"] == "good.md");
  CHECK(good["title"] == "Good");
  REQUIRE(good["refs"].size() == 1);
  CHECK(good["refs"][0]["field"] == "link.href");
  CHECK(good["refs"][0]["raw"] == "https://example.org/p#.X88gt1UzbIU");
  CHECK(good["refs"][0]["clean"] == "https://example.org/p");
  CHECK(good["refs"][0]["request_url"] == "https://example.org/p");
  CHECK(good["refs"][0]["removed"].size() == 1);
  REQUIRE(doc["targets"].size() == 1);
  CHECK(doc["targets"][0]["host"] == "example.org");
  CHECK(doc["targets"][0]["refs"][0]["slug"] == "good");
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["kind"] == "no_url");
  CHECK(doc["findings"][0]["slug"] == "empty");
  CHECK(doc["findings"][0]["file"] == "empty.md");
  CHECK(doc["findings"][0]["field"] == "link.href");
  CHECK(doc["findings"][0].contains("detail"));
}
