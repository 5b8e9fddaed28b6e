// `linkhealth meta`: runs the built binary on fixture pages.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <string>

namespace {

struct Run {
  int status = -1;
  std::string out;
};

Run run_linkhealth(const std::string& args) {
  const std::string cmd = std::string("'") + LINKHEALTH_BINARY + "' " + args + " 2>&1";
  Run run;
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
  const int rc = pclose(pipe);
  run.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return run;
}

std::string page_path(const std::string& name) {
  return std::string("'") + LINKHEALTH_FIXTURES_DIR + "/pages/" + name + "'";
}

}  // namespace

TEST_CASE("meta --json prints the page object", "[meta_command]") {
  const Run r = run_linkhealth("meta " + page_path("relative_og_image_base.html") +
                               " --url https://news.example.com/a/b.html --json");
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["title"] == "New sepsis screening tool");
  CHECK(j["title_rule"] == "og:title");
  CHECK(j["og_image"] == "https://news.example.com/static/img/sepsis%20cover.jpg?w=1200&h=630");
  CHECK(j["encoding_used"] == "utf-8");
  CHECK(j.size() == 20);
}

TEST_CASE("meta prints every field, rules, encodings, signals and notes", "[meta_command]") {
  const Run r = run_linkhealth("meta " + page_path("http_latin1_meta_utf8.html") +
                               " --content-type 'text/html; charset=ISO-8859-1'");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("title_rule           title\n") != std::string::npos);
  CHECK(r.out.find("encoding_declared    windows-1252\n") != std::string::npos);
  CHECK(r.out.find("encoding_used        windows-1252\n") != std::string::npos);
  CHECK(r.out.find("note                 encoding: HTTP charset iso-8859-1 overrides page "
                   "charset utf-8\n") != std::string::npos);

  const Run challenge = run_linkhealth("meta - < " + page_path("cloudflare_challenge.html"));
  REQUIRE(challenge.status == 0);
  CHECK(challenge.out.find("signals              challenge\n") != std::string::npos);
}

TEST_CASE("meta on a missing file names it and exits 3", "[meta_command]") {
  const Run r = run_linkhealth("meta /nonexistent/page.html");
  CHECK(r.status == 3);
  CHECK(r.out ==
        "linkhealth meta: error: cannot read '/nonexistent/page.html': No such file or "
        "directory\n");
  CHECK(run_linkhealth("meta").status == 3);
  const Run dir = run_linkhealth(std::string("meta '") + LINKHEALTH_FIXTURES_DIR + "'");
  CHECK(dir.status == 3);
  CHECK(dir.out == std::string("linkhealth meta: error: cannot read '") + LINKHEALTH_FIXTURES_DIR +
                       "': is a directory\n");
}
