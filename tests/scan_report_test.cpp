// `scan --json` streamed (write_scan_json) against the document built whole (scan_to_json):
// the same bytes, on trees that span several slices and on the real corpus.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/scan_report.h"
#include "tests/temp_tree.h"

namespace {

using linkhealth::ScanOptions;

std::string whole(const std::filesystem::path& root, const ScanOptions& options) {
  return linkhealth::scan_to_json(linkhealth::scan_content(root, options))
      .dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string streamed(const std::filesystem::path& root, const ScanOptions& options) {
  std::ostringstream out;
  linkhealth::write_scan_json(out, root, options);
  return std::move(out).str();
}

}  // namespace

TEST_CASE("streamed scan --json equals the whole document across slices", "[scan][json]") {
  linkhealth::testing::TempTree tree;
  // 1,100 files are three slices of 512: targets cited from several slices, duplicate slugs
  // whose first use is in an earlier slice, and findings in every slice.
  for (int i = 0; i < 1100; ++i) {
    const std::string n = std::to_string(i);
    const std::string slug = i % 250 == 3 ? "repeated" : "s" + n;
    tree.write("d" + std::to_string(i % 9) + "/f" + n + ".md",
               "---\nslug: " + slug + "\ntitle: T " + n + "\nlink:\n  href: https://Shared" +
                   std::to_string(i % 13) + ".example/p?utm_source=x#frag" + n +
                   "\n  original: https://own.example/" + n + "\n---\nbody\n");
  }
  tree.write("d0/bad.md", "---\ntitle: [unclosed\n---\n");
  tree.write("d0/plain.md", "no front matter\n");
  tree.write("d1/empty.md", "---\nslug: empty\nlink:\n  href: ''\n---\n");
  tree.write("d2/not-a-url.md", "---\nslug: nu\nlink:\n  href: 'http://exa mple.com/%zz'\n---\n");
  tree.write("d3/name-\xff.md", "---\nslug: odd\nlink:\n  href: https://odd.example/\n---\n");
  const std::string expected = whole(tree.root(), {});
  const auto doc = nlohmann::json::parse(expected);
  REQUIRE(doc["counts"]["files_read"] == 1105);
  REQUIRE(doc["targets"].size() > 1100);
  std::size_t shared_refs = 0;  // a target cited from every slice
  for (const auto& target : doc["targets"]) {
    if (target["request_url"] == "https://shared0.example/p") shared_refs = target["refs"].size();
  }
  REQUIRE(shared_refs > 80);
  CHECK(streamed(tree.root(), {}) == expected);
}

TEST_CASE("streamed scan --json of an empty tree keeps the empty arrays", "[scan][json]") {
  linkhealth::testing::TempTree tree;
  const std::string expected = whole(tree.root(), {});
  CHECK_THAT(expected, Catch::Contains("\"targets\": []"));
  CHECK(streamed(tree.root(), {}) == expected);
}

TEST_CASE("streamed scan --json of the real corpus equals the whole document",
          "[scan][json][corpus]") {
  const std::filesystem::path corpus = LINKHEALTH_CORPUS_DIR;
  const std::string expected = whole(corpus, {});
  REQUIRE(nlohmann::json::parse(expected)["counts"]["files_read"].get<int>() > 4000);
  CHECK(streamed(corpus, {}) == expected);
}
