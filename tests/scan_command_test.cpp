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

TEST_CASE("scan --rules replaces the built-in tracking rules", "[cli][scan]") {
  linkhealth::testing::TempTree tree;
  tree.write("content/a.md", "---\nlink:\n  href: https://example.org/p?ref=x&utm_source=y\n---\n");
  tree.write("only-ref.rules", "param ref\n");
  const Run r = run("scan --json --content " + (tree.root() / "content").string() + " --rules " +
                    (tree.root() / "only-ref.rules").string());
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["targets"][0]["request_url"] == "https://example.org/p?utm_source=y");
}

TEST_CASE("scan --json reports a URL that is not UTF-8 and goes on", "[cli][scan]") {
  linkhealth::testing::TempTree tree;
  tree.write("a/bad-host.md",
             "---\nslug: bad-host\nlink:\n  href: https://example.com%80/\n  original: "
             "https://ok.example/?utm_medium=x&d=2022%2Fus\n---\n");
  tree.write("b/good.md", "---\nslug: good\nlink:\n  href: https://good.example/p\n---\n");
  const Run r = run("scan --json --content " + tree.root().string());
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["counts"]["files_read"] == 2);
  CHECK(doc["counts"]["unique_targets"] == 2);
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  CHECK(f["kind"] == "invalid_url");
  CHECK(f["file"] == "a/bad-host.md");
  CHECK(f["line"] == 4);
  CHECK(f["field"] == "link.href");
  CHECK_THAT(f["detail"].get<std::string>(), Catch::Contains("example.com%80"));
  CHECK(doc["sources"][0]["refs"][1]["clean"] == "https://ok.example/?d=2022%2Fus");
}

TEST_CASE("scan --json survives a file name that is not UTF-8", "[cli][scan]") {
  linkhealth::testing::TempTree tree;
  tree.write("caf\xE9.md", "---\nslug: cafe\nlink:\n  href: https://a.example/\n---\n");
  const Run r = run("scan --json --content " + tree.root().string());
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["sources"][0]["file"] == "caf\xEF\xBF\xBD.md");
  CHECK(doc["targets"][0]["request_url"] == "https://a.example/");
}

TEST_CASE("scan --rules reads a ClearURLs file; a bad one is a usage error naming it",
          "[cli][scan]") {
  linkhealth::testing::TempTree tree;
  tree.write("content/a.md",
             "---\nlink:\n  href: https://example.org/p?ref=x&utm_source=y&sr=1\n"
             "  original: https://example.org/out?to=https%3A%2F%2Fnews.example%2Fa\n"
             "openProjectCustomFields:\n  videoUrl: https://pixel.ads.example/v?id=1\n---\n");
  tree.write("data.min.json", R"json({"providers": {
      "globalRules": {"urlPattern": ".*", "rules": ["utm_[a-z]+"], "referralMarketing": ["ref"]},
      "site": {"urlPattern": "example\\.org", "redirections": ["\\/out\\?to=([^&]*)"]},
      "ads": {"urlPattern": "ads\\.example", "completeProvider": true}}})json");
  const std::string content = " --content " + (tree.root() / "content").string();
  const Run r =
      run("scan --json" + content + " --rules " + (tree.root() / "data.min.json").string());
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  const auto& refs = doc["sources"][0]["refs"];
  REQUIRE(refs.size() == 3);
  CHECK(refs[0]["request_url"] == "https://example.org/p?ref=x&sr=1");
  CHECK(refs[1]["request_url"] == "https://example.org/out?to=https%3A%2F%2Fnews.example%2Fa");
  CHECK(refs[2]["request_url"] == "https://pixel.ads.example/v?id=1");
  REQUIRE(doc["findings"].size() == 2);
  CHECK(doc["findings"][0]["kind"] == "redirect_wrapper");
  CHECK(doc["findings"][0]["line"] == 4);
  CHECK_THAT(doc["findings"][0]["detail"].get<std::string>(),
             Catch::Contains("wraps https://news.example/a (site redirection)"));
  CHECK(doc["findings"][1]["kind"] == "tracker_url");
  CHECK_THAT(doc["findings"][1]["detail"].get<std::string>(),
             Catch::Contains("(ads completeProvider)"));

  tree.write("bad.json", "{\"providers\": {\n  \"site\": {\"urlPattern\": \"([\"}}}\n");
  const Run bad = run("scan" + content + " --rules " + (tree.root() / "bad.json").string());
  CHECK(bad.exit_code == 3);
  CHECK_THAT(bad.out, Catch::Contains("bad.json:2: provider 'site': urlPattern: bad regex"));
}
