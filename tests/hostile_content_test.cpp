// Hostile content files (issue 8, item 2): each gives a clear finding naming the file, the line
// and, where a cap stopped it, the cap; memory stays bounded by those caps; nothing crashes.
// Alias bombs, 50,000-bracket nesting, raw NUL bytes, raw invalid UTF-8, BOM + CRLF and the
// file size cap are in front_matter_test.cpp; this file adds the rest.
#include <catch2/catch.hpp>

#include <string>

#include "extract/scan.h"
#include "extract/source_reader.h"
#include "extract/utf8.h"
#include "tests/temp_tree.h"

using linkhealth::Finding;
using linkhealth::FindingKind;
using linkhealth::ScanOptions;
using linkhealth::SourceRead;
using linkhealth::to_string;

namespace {

SourceRead read_text(const std::string& text, const ScanOptions& options = {}) {
  return linkhealth::source_from_text(text, "hostile/file.md", options);
}

/// The one finding of `kind`, failing the test when there is not exactly one.
Finding only_finding(const SourceRead& read, const std::string& kind) {
  Finding found;
  int count = 0;
  for (const Finding& f : read.findings) {
    if (to_string(f.kind) == kind) {
      found = f;
      ++count;
    }
  }
  CHECK(count == 1);
  CHECK(found.file == "hostile/file.md");
  return found;
}

/// `levels` nested block maps under `link:`, one key per line.
std::string block_nesting(int levels) {
  std::string yaml = "---\nlink:\n";
  for (int i = 1; i <= levels; ++i)
    yaml += std::string(2u * static_cast<unsigned>(i), ' ') + "a:\n";
  return yaml + std::string(2u * static_cast<unsigned>(levels + 1), ' ') + "b: x\n---\n";
}

std::string url_list(int count) {
  std::string list;
  for (int i = 0; i < count; ++i)
    list += "    - https://example.org/page/" + std::to_string(i) + "\n";
  return list;
}

}  // namespace

TEST_CASE("1,000 levels of nesting are a parse_error, block or flow", "[extract][hostile]") {
  const Finding block = only_finding(read_text(block_nesting(1000)), "parse_error");
  CHECK_THAT(block.detail, Catch::Contains("nests too deep") && Catch::Contains("max_yaml_depth"));
  CHECK(block.line > 3);
  CHECK(block.line < 1004);
  const Finding flow =
      only_finding(read_text("---\ntitle: t\nlink:\n  href: " + std::string(1000, '[') +
                             std::string(1000, ']') + "\n---\n"),
                   "parse_error");
  CHECK_THAT(flow.detail, Catch::Contains("nests too deep") && Catch::Contains("max_yaml_depth"));
  CHECK(flow.line == 4);
}

TEST_CASE("nesting past the depth cap is reported where it crosses it", "[extract][hostile]") {
  const SourceRead read = read_text(block_nesting(100));
  CHECK_FALSE(read.source);
  const Finding f = only_finding(read, "parse_error");
  CHECK_THAT(f.detail,
             Catch::Contains("deeper than 64 levels") && Catch::Contains("max_yaml_depth"));
  // link's map (depth 1) opens on line 3, so depth 65 opens on line 67.
  CHECK(f.line == 67);
}

TEST_CASE("the depth cap is an option and applies to skipped keys under the full check",
          "[extract][hostile]") {
  const std::string text = "---\ntitle: t\nextra:\n  a:\n    b:\n      c: d\n---\n";
  ScanOptions options;
  options.max_yaml_depth = 2;
  CHECK(read_text(text, options).source);  // `extra` is not read by a normal scan
  options.full_yaml_check = true;
  const Finding f = only_finding(read_text(text, options), "parse_error");
  CHECK_THAT(f.detail, Catch::Contains("deeper than 2 levels"));
  CHECK(f.line == 6);
}

TEST_CASE("100,000 URLs in one URL field stop at the node cap", "[extract][hostile]") {
  const std::string text = "---\ntitle: t\nlink:\n  href:\n" + url_list(100000) + "---\n";
  REQUIRE(text.size() < ScanOptions{}.max_file_bytes);  // the node cap, not the size cap, acts
  const SourceRead read = read_text(text);
  CHECK_FALSE(read.source);
  const Finding f = only_finding(read, "parse_error");
  CHECK_THAT(f.detail,
             Catch::Contains("more than 100000 YAML nodes") && Catch::Contains("max_yaml_nodes"));
  CHECK(f.line == 2);
}

TEST_CASE("a list of URLs where one URL belongs is one invalid_url finding", "[extract][hostile]") {
  const SourceRead read = read_text("---\ntitle: t\nlink:\n  href:\n" + url_list(1000) + "---\n");
  REQUIRE(read.source);
  CHECK(read.source->urls.empty());
  const Finding f = only_finding(read, "invalid_url");
  CHECK(f.field == "link.href");
  CHECK_THAT(f.detail, Catch::Contains("a list of 1000 values"));
  CHECK(f.line == 5);
}

TEST_CASE("100,000 URLs in the Markdown body are not read", "[extract][hostile]") {
  std::string text = "---\ntitle: t\nlink:\n  href: https://example.org/a\n---\n";
  for (int i = 0; i < 100000; ++i) text += "https://example.org/body/" + std::to_string(i) + "\n";
  const SourceRead read = read_text(text);
  REQUIRE(read.source);
  CHECK(read.findings.empty());
  REQUIRE(read.source->urls.size() == 1);
  CHECK(read.source->urls[0].raw == "https://example.org/a");
}

TEST_CASE("NUL and other control characters from YAML escapes are removed with a finding",
          "[extract][hostile]") {
  const SourceRead read = read_text(
      "---\nslug: s\ntitle: \"Bad\\0 title\\e[31m\"\ndescription: \"line one\\nline "
      "two\\a\"\n---\n");
  REQUIRE(read.source);
  CHECK(read.source->title == "Bad title[31m");
  CHECK(read.source->description == "line one\nline two");
  REQUIRE(read.findings.size() == 2);
  CHECK(read.findings[0].kind == FindingKind::ControlCharacters);
  CHECK(read.findings[0].field == "title");
  CHECK(read.findings[0].slug == "s");
  CHECK(read.findings[0].line == 3);
  CHECK_THAT(read.findings[0].detail, Catch::Contains("2 control character"));
  CHECK(read.findings[1].field == "description");
  CHECK(read.findings[1].line == 4);
}

TEST_CASE("a NUL inside a URL makes it invalid instead of cutting it short", "[extract][hostile]") {
  linkhealth::testing::TempTree tree;
  tree.write("nul.md",
             "---\nlink:\n  href: \"https://example.org/a\\0https://evil.example/\"\n---\n");
  const auto result = linkhealth::scan_content(tree.root(), {});
  CHECK(result.targets.empty());
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].kind == FindingKind::InvalidUrl);
  CHECK(result.findings[0].line == 3);
  CHECK_THAT(result.findings[0].detail, Catch::Contains("NUL byte"));
}

TEST_CASE("titles come out valid UTF-8 or the file is a parse_error", "[extract][hostile]") {
  // A lone surrogate escape would encode to invalid UTF-8: yaml-cpp refuses it.
  const Finding f =
      only_finding(read_text("---\nslug: s\ntitle: \"a\\uD800b\"\n---\n"), "parse_error");
  CHECK_THAT(f.detail, Catch::Contains("invalid unicode"));
  CHECK(f.line == 3);
  // \xFF is U+00FF in YAML, written out as UTF-8.
  const SourceRead ok = read_text("---\ntitle: \"caf\\xE9 \\U0001F600\"\n---\n");
  REQUIRE(ok.source);
  CHECK(ok.source->title == "caf\xC3\xA9 \xF0\x9F\x98\x80");
  CHECK_FALSE(linkhealth::first_invalid_utf8(ok.source->title));
  // yaml-cpp writes \N and \_ as the Latin-1 bytes 0x85 and 0xA0 (found by front_matter_fuzz):
  // the reader turns them into the UTF-8 for U+0085 and U+00A0.
  const SourceRead escapes = read_text("---\ntitle: \"a\\_b\\Nc\"\n---\n");
  REQUIRE(escapes.source);
  CHECK(escapes.source->title ==
        "a\xC2\xA0"
        "b\xC2\x85"
        "c");
  // Raw overlong and UTF-16 bytes: the whole file is refused at the bad byte's line.
  CHECK_THAT(only_finding(read_text("---\ntitle: \xC0\xAF\n---\n"), "parse_error").detail,
             Catch::Contains("0xC0"));
  CHECK(only_finding(read_text(std::string("\xFF\xFE-\0-\0-\0", 8)), "parse_error").line == 1);
}

TEST_CASE("CR-only line ends are a parse_error, not a file without front matter",
          "[extract][hostile]") {
  const Finding f = only_finding(
      read_text("---\rtitle: t\rlink:\r  href: https://example.org/\r---\r"), "parse_error");
  CHECK_THAT(f.detail, Catch::Contains("CR-only"));
  CHECK(f.line == 1);
}

TEST_CASE("a BOM before --- with CRLF keeps URL lines right under the full check",
          "[extract][hostile]") {
  ScanOptions options;
  options.full_yaml_check = true;
  const SourceRead read = read_text(
      "\xEF\xBB\xBF---\r\ntitle: \"T\"\r\nextra: [1, 2]\r\nlink:\r\n  href: "
      "https://e.org/\r\n---\r\n",
      options);
  REQUIRE(read.source);
  CHECK(read.findings.empty());
  CHECK(read.source->title == "T");
  REQUIRE(read.source->urls.size() == 1);
  CHECK(read.source->urls[0].raw == "https://e.org/");
  CHECK(read.source->urls[0].line == 5);
}
