#include <catch2/catch.hpp>

#include <string>

#include "extract/scan.h"
#include "extract/source_reader.h"
#include "tests/temp_tree.h"

using linkhealth::Finding;
using linkhealth::FindingKind;
using linkhealth::ScanOptions;
using linkhealth::ScanResult;
using linkhealth::Source;
using linkhealth::testing::TempTree;

namespace {

const char* const kGood =
    "---\n"
    "id: 3909\n"
    "title: Good article\n"
    "slug: good-article\n"
    "source: open-project-curations\n"
    "link:\n"
    "  brand: example.org\n"
    "  href: https://example.org/a#.X88gt1UzbIU\n"
    "---\n"
    "body\n";

/// The parse_error finding for `file`, or a Finding with an empty kind.
Finding parse_error_for(const ScanResult& result, const std::string& file) {
  for (const Finding& f : result.findings) {
    if (f.kind == FindingKind::ParseError && f.file == file) return f;
  }
  return Finding{};
}

/// Scans a tree holding one good file plus `bad` (written as-is) and checks that the bad file
/// is a parse_error at `line` while the good file still makes it through.
Finding scan_bad(const std::string& bad, int line, const ScanOptions& options = {}) {
  TempTree tree;
  tree.write("a-good.md", kGood);
  tree.write("b-bad.md", bad);
  const ScanResult result = linkhealth::scan_content(tree.root(), options);
  CHECK(result.counts.files_read == 2);
  CHECK(result.counts.parse_errors == 1);
  CHECK(result.counts.sources_with_links == 1);
  CHECK(result.targets.size() == 1);
  const Finding f = parse_error_for(result, "b-bad.md");
  CHECK(f.kind == FindingKind::ParseError);
  CHECK(f.line == line);
  return f;
}

}  // namespace

TEST_CASE("a good file becomes a Source with its URL field and line", "[extract][front_matter]") {
  TempTree tree;
  tree.write("sub/dir/x.md", kGood);
  const ScanResult result = linkhealth::scan_content(tree.root(), {});
  REQUIRE(result.sources.size() == 1);
  const auto& s = result.sources[0];
  CHECK(s.slug == "good-article");
  CHECK(s.id == "3909");
  CHECK(s.title == "Good article");
  CHECK(s.brand == "example.org");
  CHECK(s.kind == "open-project-curations");
  CHECK(s.file == "sub/dir/x.md");
  REQUIRE(s.urls.size() == 1);
  CHECK(s.urls[0].field == "link.href");
  CHECK(s.urls[0].line == 8);
  REQUIRE(result.targets.size() == 1);
  CHECK(result.targets[0].request_url == "https://example.org/a");
}

TEST_CASE("malformed YAML is a parse_error at its line", "[extract][front_matter]") {
  const auto f = scan_bad("---\ntitle: x\nlink: [1, 2\nslug: y\n---\n", 4);
  CHECK_THAT(f.detail, Catch::Contains("YAML"));
}

TEST_CASE("an unterminated front matter block is reported", "[extract][front_matter]") {
  const auto f = scan_bad("---\ntitle: x\nlink:\n  href: https://example.org/\n", 1);
  CHECK_THAT(f.detail, Catch::Contains("unterminated"));
}

TEST_CASE("binary files are reported", "[extract][front_matter]") {
  const auto f = scan_bad(std::string("---\ntitle: x\n\0\x01\x02", 17), 3);
  CHECK_THAT(f.detail, Catch::Contains("binary"));
}

TEST_CASE("non-UTF-8 files are reported with the bad byte", "[extract][front_matter]") {
  const auto f = scan_bad("---\ntitle: caf\xE9\n---\n", 2);
  CHECK_THAT(f.detail, Catch::Contains("UTF-8") && Catch::Contains("0xE9"));
}

TEST_CASE("empty files are reported", "[extract][front_matter]") {
  scan_bad("", 1);
  scan_bad(" \n\n", 1);
}

TEST_CASE("files over the size cap are reported, not read", "[extract][front_matter]") {
  ScanOptions options;
  options.max_file_bytes = 1024;
  const auto f = scan_bad("---\ntitle: big\n---\n" + std::string(4096, 'x'), 1, options);
  CHECK_THAT(f.detail, Catch::Contains("limit"));
}

TEST_CASE("a 20 MB file is refused under the default 5 MB cap", "[extract][front_matter]") {
  const auto f = scan_bad("---\ntitle: big\n---\n" + std::string(20u * 1024u * 1024u, 'x'), 1);
  CHECK_THAT(f.detail, Catch::Contains("5242880-byte limit"));
}

TEST_CASE("tab indentation is a parse_error", "[extract][front_matter]") {
  scan_bad("---\nlink:\n\thref: https://example.org/\n---\n", 3);
}

TEST_CASE("duplicate keys are reported at the second key", "[extract][front_matter]") {
  const auto f = scan_bad("---\ntitle: a\nslug: s\ntitle: b\n---\n", 4);
  CHECK_THAT(f.detail, Catch::Contains("duplicate key 'title'") && Catch::Contains("line 2"));
}

TEST_CASE("YAML alias bombs are stopped", "[extract][front_matter]") {
  std::string bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  bomb += "link:\n  href: *j\n---\n";  // used by a field the scan reads
  const auto f = scan_bad(bomb, 2);
  CHECK_THAT(f.detail, Catch::Contains("alias bomb"));
}

TEST_CASE("deeply nested YAML is a parse_error, not a crash", "[extract][front_matter]") {
  scan_bad("---\ntitle: " + std::string(50000, '[') + std::string(50000, ']') + "\n---\n", 2);
}

TEST_CASE("YAML, TOML and JSON front matter give the same Source", "[extract][front_matter]") {
  // The same fields on the same lines in each format (escapes and a non-BMP character included),
  // so the Sources must match field for field, URL lines included.
  const std::string yaml =
      "---\n"
      "id: 3909\n"
      "title: \"Good \\\"quoted\\\" article\"\n"
      "slug: good-article\n"
      "date: 2021-03-04\n"
      "source: open-project-curations\n"
      "description: \"caf\\u00e9 \\u2014 \\U0001F600\"\n"
      "tags: [a, b]\n"
      "link:\n"
      "  brand: example.org\n"
      "  href: https://example.org/a#.X88gt1UzbIU\n"
      "  original: https://example.org/a?utm_source=x\n"
      "---\n"
      "body\n";
  const std::string toml =
      "+++\n"
      "id = 3909\n"
      "title = \"Good \\\"quoted\\\" article\"\n"
      "slug = \"good-article\"\n"
      "date = 2021-03-04\n"
      "source = \"open-project-curations\"\n"
      "description = \"caf\\u00e9 \\u2014 \\U0001F600\"\n"
      "tags = [\"a\", \"b\"]\n"
      "[link]\n"
      "  brand = \"example.org\"\n"
      "  href = \"https://example.org/a#.X88gt1UzbIU\"\n"
      "  original = \"https://example.org/a?utm_source=x\"\n"
      "+++\n"
      "body\n";
  const std::string json =
      "{\n"
      "  \"id\": 3909,\n"
      "  \"title\": \"Good \\\"quoted\\\" article\",\n"
      "  \"slug\": \"good-article\",\n"
      "  \"date\": \"2021-03-04\",\n"
      "  \"source\": \"open-project-curations\",\n"
      "  \"description\": \"caf\\u00e9 \\u2014 \\ud83d\\ude00\",\n"
      "  \"tags\": [\"a\", \"b\"],\n"
      "  \"link\": {\n"
      "    \"brand\": \"example.org\",\n"
      "    \"href\": \"https://example.org/a#.X88gt1UzbIU\",\n"
      "    \"original\": \"https://example.org/a?utm_source=x\"\n"
      "  }\n"
      "}\n"
      "body\n";
  const auto from_yaml = linkhealth::source_from_text(yaml, "a/x.md", {});
  REQUIRE(from_yaml.source);
  CHECK(from_yaml.findings.empty());
  CHECK(from_yaml.has_front_matter);
  CHECK(from_yaml.expects_link);
  const Source& want = *from_yaml.source;
  CHECK(want.title == "Good \"quoted\" article");
  CHECK(want.description == "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80");
  REQUIRE(want.urls.size() == 2);
  CHECK(want.urls[0].line == 11);
  CHECK(want.urls[1].line == 12);

  for (const std::string* text : {&toml, &json}) {
    CAPTURE(*text);
    const auto read = linkhealth::source_from_text(*text, "a/x.md", {});
    REQUIRE(read.source);
    CHECK(read.findings.empty());
    CHECK(read.has_front_matter);
    CHECK(read.expects_link);
    const Source& got = *read.source;
    CHECK(got.slug == want.slug);
    CHECK(got.id == want.id);
    CHECK(got.title == want.title);
    CHECK(got.description == want.description);
    CHECK(got.brand == want.brand);
    CHECK(got.community == want.community);
    CHECK(got.date == want.date);
    CHECK(got.kind == want.kind);
    CHECK(got.file == want.file);
    REQUIRE(got.urls.size() == want.urls.size());
    for (std::size_t i = 0; i < got.urls.size(); ++i) {
      CHECK(got.urls[i].field == want.urls[i].field);
      CHECK(got.urls[i].raw == want.urls[i].raw);
      CHECK(got.urls[i].line == want.urls[i].line);
    }
  }
}

TEST_CASE("front matter that is not a mapping is reported", "[extract][front_matter]") {
  scan_bad("---\n- a\n- b\n---\n", 2);
}

TEST_CASE("a BOM and CRLF line ends are accepted", "[extract][front_matter]") {
  TempTree tree;
  tree.write(
      "crlf.md",
      "\xEF\xBB\xBF---\r\ntitle: Windows\r\nlink:\r\n  href: https://example.org/w\r\n---\r\n");
  const ScanResult result = linkhealth::scan_content(tree.root(), {});
  CHECK(result.findings.empty());
  REQUIRE(result.sources.size() == 1);
  CHECK(result.sources[0].title == "Windows");
  REQUIRE(result.targets.size() == 1);
  CHECK(result.targets[0].request_url == "https://example.org/w");
  CHECK(result.targets[0].refs[0].line == 4);
}

TEST_CASE("files without front matter or URLs are counted, not errors", "[extract][front_matter]") {
  TempTree tree;
  tree.write("plain.md", "# Just Markdown\n");
  tree.write("nolinks.md", "---\ntitle: About\n---\n");
  tree.write("notes.txt", "not content");
  const ScanResult result = linkhealth::scan_content(tree.root(), {});
  CHECK(result.findings.empty());
  CHECK(result.counts.files_read == 2);
  CHECK(result.counts.files_without_front_matter == 1);
  CHECK(result.counts.sources == 2);
  CHECK(result.counts.sources_with_links == 0);
}

TEST_CASE("a non-string URL field is an invalid_url finding", "[extract][front_matter]") {
  TempTree tree;
  tree.write("x.md", "---\nlink:\n  href:\n  - https://a.example/\n---\n");
  const ScanResult result = linkhealth::scan_content(tree.root(), {});
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].kind == FindingKind::InvalidUrl);
  CHECK(result.findings[0].field == "link.href");
  CHECK(result.findings[0].line == 4);
}

TEST_CASE("a missing content directory is an error naming it", "[extract][scan]") {
  CHECK_THROWS_WITH(linkhealth::scan_content("/nonexistent/linkhealth/content", {}),
                    Catch::Contains("/nonexistent/linkhealth/content"));
}

TEST_CASE("only the entries a scan reads are parsed unless the full check is asked for",
          "[extract][front_matter]") {
  TempTree tree;
  tree.write(
      "x.md",
      "---\nslug: x\nextra:\n  a: [1, 2\n  b: 3\nlink:\n  href: https://example.org/\n---\n");
  const ScanResult fast = linkhealth::scan_content(tree.root(), {});
  CHECK(fast.findings.empty());
  CHECK(fast.targets.size() == 1);

  ScanOptions strict;
  strict.full_yaml_check = true;
  const ScanResult full = linkhealth::scan_content(tree.root(), strict);
  REQUIRE(full.findings.size() == 1);
  CHECK(full.findings[0].kind == FindingKind::ParseError);
  CHECK(full.findings[0].line == 5);  // yaml-cpp notices the unclosed flow on the next line
}

TEST_CASE("a top-level duplicate key is found even in a field the scan skips",
          "[extract][front_matter]") {
  scan_bad("---\ntags: [a]\nslug: s\ntags: [b]\n---\n", 4);
}

TEST_CASE("an alias to a skipped entry still resolves", "[extract][front_matter]") {
  TempTree tree;
  tree.write("x.md", "---\nhome: &u https://example.org/home\nlink:\n  href: *u\n---\n");
  const ScanResult r = linkhealth::scan_content(tree.root(), {});
  CHECK(r.findings.empty());
  REQUIRE(r.targets.size() == 1);
  CHECK(r.targets[0].request_url == "https://example.org/home");
}

TEST_CASE("an indented top level is read like any other", "[extract][front_matter]") {
  TempTree tree;
  tree.write("x.md",
             "--- \n title: 'Ethics and Compliance'\n link:\n   href: https://e.org/\n---\n");
  const ScanResult r = linkhealth::scan_content(tree.root(), {});
  CHECK(r.findings.empty());
  REQUIRE(r.sources.size() == 1);
  CHECK(r.sources[0].title == "Ethics and Compliance");
  CHECK(r.targets.size() == 1);
}

TEST_CASE("an escaped quote in a column-0 string leaves the selection to the full parse",
          "[extract][front_matter]") {
  // front_matter_edit_fuzz crash-50bda0bd...: the selection took `"...\": b"` for the key
  // `...\` and blanked the line yaml-cpp reads as the value of `link:`.
  const std::string text = "---\nslug: s\nlink:\n\"https://e.org/a\\\": b\"\n---\n";
  ScanOptions full;
  full.full_yaml_check = true;
  const auto fast = linkhealth::source_from_text(text, "x.md", {});
  const auto whole = linkhealth::source_from_text(text, "x.md", full);
  REQUIRE(fast.source);
  REQUIRE(whole.source);
  REQUIRE(whole.source->urls.size() == 1);
  CHECK(whole.source->urls[0].raw == "https://e.org/a\": b");
  REQUIRE(fast.source->urls.size() == 1);
  CHECK(fast.source->urls[0].raw == whole.source->urls[0].raw);
}
