#include <catch2/catch.hpp>

#include "cli/source_lookup.h"
#include "temp_tree.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

void write_tree(const TempTree& tree) {
  tree.write("content/ccm/billing.md",
             "---\nslug: ccm-billing-codes\ntitle: CCM Billing Codes\nlink:\n"
             "  href: https://www.healthcareitnews.com/news/ccm?utm_source=twitter\n"
             "  original: https://www.healthcareitnews.com/news/ccm#.X88gt1UzbIU\n"
             "openProjectCustomFields:\n  sourceUrl: www medigy\n---\n");
  tree.write("content/ccm/parity.md",
             "---\nslug: telehealth-parity\ntitle: Parity\nlink:\n"
             "  href: https://www.fiercehealthcare.com/tech/parity\n---\n");
  tree.write("content/copy/parity.md",
             "---\nslug: telehealth-parity\ntitle: Parity again\nlink:\n"
             "  href: https://www.fiercehealthcare.com/tech/parity\n---\n");
  tree.write("elsewhere.md", "---\nslug: outside\ntitle: Outside\n---\n");
}

}  // namespace

TEST_CASE("locate_source finds a file by slug or by path", "[check][lookup]") {
  TempTree tree;
  write_tree(tree);
  const auto root = tree.root() / "content";

  auto by_slug = locate_source(root, "ccm-billing-codes", ScanOptions{});
  REQUIRE(by_slug.scan.has_value());
  CHECK(by_slug.scan->source->file == "ccm/billing.md");
  CHECK(by_slug.scan->refs.size() == 3);
  CHECK(by_slug.warning.empty());

  auto relative = locate_source(root, "ccm/billing.md", ScanOptions{});
  REQUIRE(relative.scan.has_value());
  CHECK(relative.scan->source->slug == "ccm-billing-codes");

  auto absolute = locate_source(root, (root / "ccm" / "billing.md").string(), ScanOptions{});
  REQUIRE(absolute.scan.has_value());
  CHECK(absolute.scan->source->file == "ccm/billing.md");

  auto outside = locate_source(root, (tree.root() / "elsewhere.md").string(), ScanOptions{});
  CHECK_FALSE(outside.scan.has_value());
  CHECK(outside.error ==
        (tree.root() / "elsewhere.md").string() + ": no such content file under " + root.string());

  auto twice = locate_source(root, "telehealth-parity", ScanOptions{});
  REQUIRE(twice.scan.has_value());
  CHECK(twice.scan->source->file == "ccm/parity.md");
  CHECK(twice.warning == "slug 'telehealth-parity' is used by 2 files; checking ccm/parity.md");

  auto unknown = locate_source(root, "telehealth-parrity", ScanOptions{});
  CHECK_FALSE(unknown.scan.has_value());
  CHECK(unknown.error == "no content file with slug 'telehealth-parrity' under " + root.string());
  CHECK(unknown.suggestions == std::vector<std::string>{"telehealth-parity"});
}

TEST_CASE("source_targets groups fields by request URL and keeps unusable values apart",
          "[check][lookup]") {
  TempTree tree;
  write_tree(tree);
  auto located = locate_source(tree.root() / "content", "ccm-billing-codes", ScanOptions{});
  REQUIRE(located.scan.has_value());
  std::vector<UnusableField> unusable;
  auto targets = source_targets(*located.scan->source, located.scan->refs, unusable);
  REQUIRE(targets.size() == 1);
  CHECK(targets[0].request_url == "https://www.healthcareitnews.com/news/ccm");
  CHECK(targets[0].host == "www.healthcareitnews.com");
  REQUIRE(targets[0].refs.size() == 2);
  CHECK(targets[0].refs[0].field == "link.href");
  CHECK(targets[0].refs[0].removed ==
        std::vector<std::string>{"tracking parameter utm_source=twitter"});
  CHECK(targets[0].refs[1].field == "link.original");
  CHECK(targets[0].refs[1].line == 6);
  REQUIRE(unusable.size() == 1);
  CHECK(unusable[0].field.field == "openProjectCustomFields.sourceUrl");
  CHECK(unusable[0].field.raw == "www medigy");
  CHECK_FALSE(unusable[0].error.empty());
}
