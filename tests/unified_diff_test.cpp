// The diff `fix` prints: standard unified hunks that `git apply` and `patch` accept.
#include <catch2/catch.hpp>

#include <string>

#include "reports/unified_diff.h"

using namespace linkhealth;

namespace {

std::string numbered(int from, int to, const std::string& eol = "\n") {
  std::string out;
  for (int i = from; i <= to; ++i) out += "line " + std::to_string(i) + eol;
  return out;
}

Splice replace_in(const std::string& text, const std::string& old_text, const std::string& with) {
  const std::size_t at = text.find(old_text);
  REQUIRE(at != std::string::npos);
  return Splice{at, at + old_text.size(), with};
}

std::string apply(std::string text, const std::vector<Splice>& splices) {
  for (auto it = splices.rbegin(); it != splices.rend(); ++it) {
    text.replace(it->begin, it->end - it->begin, it->text);
  }
  return text;
}

}  // namespace

TEST_CASE("one changed line gets three lines of context", "[reports][fix][diff]") {
  const std::string before = numbered(1, 10);
  const std::vector<Splice> splices = {replace_in(before, "line 5", "line five")};
  CHECK(unified_diff("a.md", before, apply(before, splices), splices) ==
        "--- a/a.md\n+++ b/a.md\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n"
        "+line five\n line 6\n line 7\n line 8\n");
}

TEST_CASE("changes far apart are separate hunks, near ones share one", "[reports][fix][diff]") {
  const std::string before = numbered(1, 30);
  // Splices cover values, never a line break at their end (see unified_diff.h).
  const std::vector<Splice> far = {replace_in(before, "line 2", "line two"),
                                   replace_in(before, "line 20", "line twenty")};
  const std::string diff = unified_diff("f.md", before, apply(before, far), far);
  CHECK_THAT(diff, Catch::Contains("@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n"));
  CHECK_THAT(diff, Catch::Contains("@@ -17,7 +17,7 @@\n line 17\n"));
  const std::vector<Splice> near = {replace_in(before, "line 4", "line four"),
                                    replace_in(before, "line 9", "line nine")};
  CHECK_THAT(unified_diff("f.md", before, apply(before, near), near),
             Catch::Contains("@@ -1,12 +1,12 @@\n line 1\n"));
}

TEST_CASE("a value over several lines becomes one, CRLF and a missing final newline kept",
          "[reports][fix][diff]") {
  const std::string before = "a\r\nhref: x\r\n  y\r\nb";
  const std::vector<Splice> splices = {Splice{9, 15, "z"}};
  const std::string after = apply(before, splices);
  REQUIRE(after == "a\r\nhref: z\r\nb");
  CHECK(unified_diff("c.md", before, after, splices) ==
        "--- a/c.md\n+++ b/c.md\n@@ -1,4 +1,3 @@\n a\r\n-href: x\r\n-  y\r\n+href: z\r\n b\n"
        "\\ No newline at end of file\n");
  CHECK(unified_diff("c.md", before, before, {}).empty());
}
