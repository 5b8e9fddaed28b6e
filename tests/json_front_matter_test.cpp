// JSON front matter (a JSON object at the start of the file, Hugo style): read like YAML, with
// nlohmann-json errors at their file line. The field-for-field comparison with YAML and TOML is
// in front_matter_test.cpp.
#include <catch2/catch.hpp>

#include <string>

#include "extract/source_reader.h"
#include "tests/front_matter_support.h"

using linkhealth::Finding;
using linkhealth::FindingKind;
using linkhealth::ScanOptions;
using linkhealth::SourceRead;

using linkhealth::testing::only_parse_error;

namespace {

SourceRead read_text(const std::string& text, const ScanOptions& options = {}) {
  return linkhealth::source_from_text(text, "json/file.md", options);
}

}  // namespace

TEST_CASE("JSON front matter ends at its closing brace", "[extract][front_matter][json]") {
  const auto r = read_text(
      "{\"title\": \"Braces } and \\\"{ quotes\", \"link\": {\"href\": \"https://e.org/\"}}\n"
      "# Body with { an open brace\n");
  REQUIRE(r.source);
  CHECK(r.findings.empty());
  CHECK(r.has_front_matter);
  CHECK(r.source->title == "Braces } and \"{ quotes");
  REQUIRE(r.source->urls.size() == 1);
  CHECK(r.source->urls[0].line == 1);

  const auto values = read_text("{\"id\": 42, \"date\": \"2021-03-04\", \"slug\": null}\nbody\n");
  REQUIRE(values.source);
  CHECK(values.source->id == "42");
  CHECK(values.source->date == "2021-03-04");
  CHECK(values.source->slug == "file");  // null: no slug, the file stem
}

TEST_CASE("a JSON syntax error is a parse_error at its file line",
          "[extract][front_matter][json]") {
  const Finding f =
      only_parse_error(read_text("{\n  \"title\": \"x\",\n\n  \"slug\": ,\n}\n"), "json/file.md");
  CHECK(f.line == 4);
  CHECK_THAT(f.detail, Catch::StartsWith("JSON: syntax error"));

  // The error comes right after a number, which nlohmann reads one character past.
  const Finding after_number =
      only_parse_error(read_text("{\"id\": 1\n\n\"title\": \"x\"}\n"), "json/file.md");
  CHECK(after_number.line == 3);

  const Finding bad_escape =
      only_parse_error(read_text("{\n\"title\": \"\\q\"}\n"), "json/file.md");
  CHECK(bad_escape.line == 2);
}

TEST_CASE("JSON front matter without its closing brace is reported",
          "[extract][front_matter][json]") {
  const Finding f = only_parse_error(read_text("{\n  \"title\": \"x\",\n  \"link\": {\n}\nbody\n"),
                                     "json/file.md");
  CHECK(f.line == 1);
  CHECK(f.detail == "unterminated JSON front matter: no closing }");

  // Hugo's rule, kept: a file that starts with `{` starts with JSON front matter.
  const Finding shortcode = only_parse_error(read_text("{{< youtube abc >}}\n"), "json/file.md");
  CHECK_THAT(shortcode.detail, Catch::StartsWith("JSON: "));
}

TEST_CASE("JSON with a BOM and CRLF line ends keeps its lines", "[extract][front_matter][json]") {
  const auto r = read_text(
      "\xEF\xBB\xBF{\r\n  \"title\": \"Windows\",\r\n\r\n  \"link\": {\"href\": "
      "\"https://example.org/w\"}\r\n}\r\nbody\r\n");
  REQUIRE(r.source);
  CHECK(r.findings.empty());
  CHECK(r.source->title == "Windows");
  REQUIRE(r.source->urls.size() == 1);
  CHECK(r.source->urls[0].line == 4);

  const Finding f =
      only_parse_error(read_text("\xEF\xBB\xBF{\r\n\r\n  \"title\": x\r\n}\r\n"), "json/file.md");
  CHECK(f.line == 3);
  // CR-only (classic Mac) line ends would put every finding on line 1: refused, as for YAML.
  const Finding mac =
      only_parse_error(read_text("{\r\"title\": \"Mac\"\r}\rbody\r"), "json/file.md");
  CHECK_THAT(mac.detail, Catch::Contains("CR-only"));
}

TEST_CASE("JSON values give the same findings as YAML ones", "[extract][front_matter][json]") {
  const Finding duplicate = only_parse_error(
      read_text("{\n\"title\": \"a\",\n\"slug\": \"s\",\n\"title\": \"b\"\n}\n"), "json/file.md");
  CHECK(duplicate.line == 4);
  CHECK_THAT(duplicate.detail,
             Catch::Contains("duplicate key 'title'") && Catch::Contains("line 2"));

  const auto list =
      read_text("{\"title\": \"x\",\n\"link\": {\"href\":\n [\"https://a.example/\"]}}\n");
  REQUIRE(list.findings.size() == 1);
  CHECK(list.findings[0].kind == FindingKind::InvalidUrl);
  CHECK(list.findings[0].field == "link.href");
  CHECK(list.findings[0].line == 3);

  // nlohmann reads one character past a number; the number keeps its own line.
  const auto number = read_text("{\"title\": \"x\",\n\"link\": {\"href\": 42\n}}\n");
  REQUIRE(number.source);
  REQUIRE(number.source->urls.size() == 1);
  CHECK(number.source->urls[0].raw == "42");
  CHECK(number.source->urls[0].line == 2);

  const auto control = read_text("{\"slug\": \"s\",\n\"title\": \"a\\u0000b\\u001bc\\nd\"}\n");
  REQUIRE(control.source);
  CHECK(control.source->title == "abc\nd");
  REQUIRE(control.findings.size() == 1);
  CHECK(control.findings[0].kind == FindingKind::ControlCharacters);
  CHECK(control.findings[0].line == 2);

  const Finding not_utf8 =
      only_parse_error(read_text("{\"title\": \"\\ud800\"}\n"), "json/file.md");
  CHECK_THAT(not_utf8.detail, Catch::StartsWith("JSON: "));
}

TEST_CASE("JSON past the caps is a parse_error, not a crash", "[extract][front_matter][json]") {
  const std::string deep =
      "{\"title\": \"x\",\n\"a\": " + std::string(200000, '[') + std::string(200000, ']') + "}\n";
  const Finding too_deep = only_parse_error(read_text(deep), "json/file.md");
  CHECK_THAT(too_deep.detail, Catch::Contains("max_yaml_depth"));
  CHECK(too_deep.line == 2);

  std::string wide = "{\"title\": \"x\",\n\"tags\": [";
  for (int i = 0; i < 200000; ++i) wide += "1,";
  const Finding too_many = only_parse_error(read_text(wide + "1]}\n"), "json/file.md");
  CHECK_THAT(too_many.detail, Catch::Contains("max_yaml_nodes"));
  CHECK(too_many.line == 2);
}
