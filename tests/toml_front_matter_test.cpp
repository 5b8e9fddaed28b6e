// TOML front matter (`+++`): read like YAML, with toml++ errors at their file line. The
// field-for-field comparison with YAML and JSON is in front_matter_test.cpp.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "extract/scan.h"
#include "extract/source_reader.h"
#include "tests/front_matter_support.h"

using linkhealth::Finding;
using linkhealth::FindingKind;
using linkhealth::ScanOptions;
using linkhealth::SourceRead;

using linkhealth::testing::only_parse_error;

namespace {

SourceRead read_text(const std::string& text, const ScanOptions& options = {}) {
  return linkhealth::source_from_text(text, "toml/file.md", options);
}

}  // namespace

TEST_CASE("TOML dates and date-times read as their RFC 3339 text",
          "[extract][front_matter][toml]") {
  const char* const cases[][2] = {
      {"2021-03-04", "2021-03-04"},
      {"2021-03-04T10:20:30Z", "2021-03-04T10:20:30Z"},
      {"2021-03-04 10:20:30.5+01:30", "2021-03-04T10:20:30.5+01:30"},
      {"2021-03-04T10:20:30", "2021-03-04T10:20:30"},
      {"10:20:30", "10:20:30"},
      {"\"Jan 2006\"", "Jan 2006"},
      {"3909", "3909"},
      {"0x10", "16"},
      {"1.5e3", "1500.0"},  // a float stays a float
      {"1.0", "1.0"},
      {"true", "true"},
  };
  for (const auto& [written, read] : cases) {
    CAPTURE(written);
    const auto r = read_text(std::string("+++\ndate = ") + written + "\n+++\n");
    REQUIRE(r.source);
    CHECK(r.findings.empty());
    CHECK(r.source->date == read);
  }
}

TEST_CASE("a TOML syntax error is a parse_error at its file line",
          "[extract][front_matter][toml]") {
  const Finding f =
      only_parse_error(read_text("+++\ntitle = \"x\"\n\nslug = \nid = 1\n+++\n"), "toml/file.md");
  CHECK(f.line == 4);
  CHECK_THAT(f.detail, Catch::StartsWith("TOML: ") && Catch::Contains("expected"));

  const Finding duplicate =
      only_parse_error(read_text("+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n"), "toml/file.md");
  CHECK(duplicate.line == 3);
  CHECK_THAT(duplicate.detail, Catch::Contains("title"));

  const Finding unclosed_string =
      only_parse_error(read_text("+++\n\n\ntitle = \"abc\n+++\n"), "toml/file.md");
  CHECK(unclosed_string.line == 4);
}

TEST_CASE("TOML front matter without a closing +++ is reported", "[extract][front_matter][toml]") {
  const Finding f = only_parse_error(read_text("+++\ntitle = \"x\"\n---\nbody\n"), "toml/file.md");
  CHECK(f.line == 1);
  CHECK(f.detail == "unterminated front matter: no closing +++ line");
}

TEST_CASE("TOML with a BOM and CRLF line ends keeps its lines", "[extract][front_matter][toml]") {
  const auto r = read_text(
      "\xEF\xBB\xBF+++\r\ntitle = \"Windows\"\r\n\r\n[link]\r\nhref = "
      "\"https://example.org/w\"\r\n+++\r\nbody\r\n");
  REQUIRE(r.source);
  CHECK(r.findings.empty());
  CHECK(r.source->title == "Windows");
  REQUIRE(r.source->urls.size() == 1);
  CHECK(r.source->urls[0].raw == "https://example.org/w");
  CHECK(r.source->urls[0].line == 5);

  const Finding f =
      only_parse_error(read_text("\xEF\xBB\xBF+++\r\ntitle = \r\n+++\r\n"), "toml/file.md");
  CHECK(f.line == 2);

  const Finding cr_only =
      only_parse_error(read_text("+++\rtitle = \"Mac\"\r+++\r"), "toml/file.md");
  CHECK_THAT(cr_only.detail, Catch::Contains("CR-only"));
}

TEST_CASE("TOML values give the same findings as YAML ones", "[extract][front_matter][toml]") {
  // A list in a URL field, at the line of the list.
  const auto list =
      read_text("+++\ntitle = \"x\"\n[link]\nhref = [\n  \"https://a.example/\"]\n+++\n");
  REQUIRE(list.findings.size() == 1);
  CHECK(list.findings[0].kind == FindingKind::InvalidUrl);
  CHECK(list.findings[0].field == "link.href");
  CHECK(list.findings[0].line == 4);

  // A control character from an escape is removed, with a finding at its line.
  const auto control = read_text("+++\nslug = \"s\"\ntitle = \"a\\u0000b\\u001bc\"\n+++\n");
  REQUIRE(control.source);
  CHECK(control.source->title == "abc");
  REQUIRE(control.findings.size() == 1);
  CHECK(control.findings[0].kind == FindingKind::ControlCharacters);
  CHECK(control.findings[0].line == 3);

  // A line break inside a string stays a line break.
  const auto multi = read_text("+++\ndescription = \"\"\"one\ntwo\"\"\"\nslug = \"s\"\n+++\n");
  REQUIRE(multi.source);
  CHECK(multi.source->description == "one\ntwo");
  CHECK(multi.source->slug == "s");
}

TEST_CASE("TOML tables written in pieces keep their URL lines", "[extract][front_matter][toml]") {
  const auto r = read_text(
      "+++\n"
      "title = \"t\"\n"
      "[feed]\n"
      "feed_url = \"https://example.org/feed\"\n"
      "[[gallery]]\n"
      "src = \"a.png\"\n"
      "[link]\n"
      "href = \"https://example.org/a\"\n"
      "[[gallery]]\n"
      "src = \"b.png\"\n"
      "+++\n");
  REQUIRE(r.source);
  CHECK(r.findings.empty());
  REQUIRE(r.source->urls.size() == 2);
  CHECK(r.source->urls[0].field == "link.href");
  CHECK(r.source->urls[0].line == 8);
  CHECK(r.source->urls[1].field == "feed.feed_url");
  CHECK(r.source->urls[1].line == 4);
}

TEST_CASE("deep TOML nesting is a parse_error, not a crash", "[extract][front_matter][toml]") {
  // Past the max_yaml_depth cap: the YAML walk's message, at the line it is crossed.
  std::string deep_key = "+++\ntitle = \"x\"\na";
  for (int i = 0; i < 100; ++i) deep_key += ".a";
  const Finding capped = only_parse_error(read_text(deep_key + " = 1\n+++\n"), "toml/file.md");
  CHECK_THAT(capped.detail, Catch::Contains("max_yaml_depth"));
  CHECK(capped.line == 3);

  // 40,000 levels overflow toml++'s stack: refused before toml++ sees them.
  std::string header = "+++\n\n[a";
  for (int i = 0; i < 40000; ++i) header += ".a";
  const Finding refused = only_parse_error(read_text(header + "]\nx = 1\n+++\n"), "toml/file.md");
  CHECK_THAT(refused.detail, Catch::Contains("too deep for the TOML parser"));
  CHECK(refused.line == 3);

  std::string inline_tables = "+++\nx = ";
  for (int i = 0; i < 20000; ++i) inline_tables += "{a.b.c = ";
  const Finding inline_refused =
      only_parse_error(read_text(inline_tables + "1\n+++\n"), "toml/file.md");
  CHECK_THAT(inline_refused.detail, Catch::Contains("too deep"));

  // Dots inside strings, comments and numbers are not nesting.
  std::string flat = "+++\n# a.b.c.d\ntitle = \"";
  for (int i = 0; i < 1000; ++i) flat += "a.";
  flat += "\"\nsizes = [";
  for (int i = 0; i < 1000; ++i) flat += "1.5, ";
  const auto ok = read_text(flat + "2.5]\n+++\n");
  CHECK(ok.source);
  CHECK(ok.findings.empty());
}

TEST_CASE("corpus: the 14 TOML profile pages scan without parse errors",
          "[extract][front_matter][toml][corpus]") {
  const std::filesystem::path profiles =
      std::filesystem::path(LINKHEALTH_CORPUS_DIR) /
      "medigy/profiles/individual-profiles/influencer/shahid-shah";
  int toml_files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(profiles)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string first_line;
    if (entry.path().extension() == ".md" && std::getline(in, first_line) &&
        first_line.starts_with("+++")) {
      ++toml_files;
    }
  }
  CHECK(toml_files == 14);

  ScanOptions strict;
  strict.full_yaml_check = true;
  for (const ScanOptions& options : {ScanOptions{}, strict}) {
    const auto result = linkhealth::scan_content(profiles, options);
    CHECK(result.counts.parse_errors == 0);
    CHECK(result.counts.files_without_front_matter == 0);
    CHECK(result.counts.sources == result.counts.files_read);
    std::size_t titled = 0;
    for (const auto& source : result.sources) titled += source.title.empty() ? 0 : 1;
    CHECK(titled >= 12);  // about.md and tweets.md have title = ""
  }
}
