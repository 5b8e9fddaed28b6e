// The byte-level value rewriter: each quoting style keeps its style, every other byte stays,
// and an edit whose result would read differently is refused.
#include <catch2/catch.hpp>

#include <string>

#include "extract/front_matter_edit.h"
#include "extract/source_reader.h"

using namespace linkhealth;

namespace {

constexpr const char* kNew = "https://news.example/moved/story";

/// The edits, which must come out the same when the plain reader decides them as when the
/// parser (yaml-cpp for YAML) does.
FrontMatterEdits edit_both_ways(const std::string& file, const std::vector<ValueEdit>& edits) {
  const FrontMatterEdits out = edit_front_matter(file, edits);
  INFO(file);
  CHECK(out == parsed_front_matter_edits(file, edits));
  return out;
}

/// Whether the plain reader decides the single edit of `field` (and then as the parser does).
bool plain_decides(const std::string& file, const std::string& field, const std::string& old_value,
                   const std::string& new_value = kNew) {
  const std::vector<ValueEdit> edits{{field, old_value, new_value}};
  const auto plain = plain_front_matter_edits(file, edits);
  INFO(file);
  if (plain) CHECK(*plain == parsed_front_matter_edits(file, edits));
  return plain.has_value();
}

/// The file with one edit of `field` from `old_value` to `new_value`, which must apply.
std::string edited(const std::string& file, const std::string& field, const std::string& old_value,
                   const std::string& new_value = kNew) {
  const FrontMatterEdits result = edit_both_ways(file, {{field, old_value, new_value}});
  INFO(file);
  for (const RefusedEdit& r : result.refused) INFO(r.reason);
  REQUIRE(result.refused.empty());
  REQUIRE(result.applied.size() == 1);
  return result.text;
}

/// The reason the single edit was refused.
std::string refusal(const std::string& file, const std::string& field, const std::string& old_value,
                    const std::string& new_value = kNew) {
  const FrontMatterEdits result = edit_both_ways(file, {{field, old_value, new_value}});
  CHECK(result.applied.empty());
  CHECK(result.text == file);
  REQUIRE(result.refused.size() == 1);
  return result.refused[0].reason;
}

std::string url_of(const std::string& file, const std::string& field) {
  ScanOptions options;
  const SourceRead read = source_from_text(file, "t.md", options);
  REQUIRE(read.source);
  for (const UrlField& url : read.source->urls) {
    if (url.field == field) return url.raw;
  }
  return "";
}

}  // namespace

TEST_CASE("a plain, single-quoted or double-quoted YAML value keeps its quoting",
          "[extract][fix][edit]") {
  const std::string head = "---\ntitle: A story # the headline\nlink:\n  href: ";
  const std::string tail =
      "\n  original: https://old.example/a?utm_source=x\n---\nBody with href: text.\n";
  CHECK(edited(head + "https://old.example/a" + tail, "link.href", "https://old.example/a") ==
        head + kNew + tail);
  CHECK(edited(head + "'https://old.example/a'" + tail, "link.href", "https://old.example/a") ==
        head + "'" + kNew + "'" + tail);
  CHECK(edited(head + "\"https://old.example/a\"" + tail, "link.href", "https://old.example/a") ==
        head + "\"" + kNew + "\"" + tail);
  // A trailing comment and the blanks before it stay.
  CHECK(edited(head + "https://old.example/a   # moved?" + tail, "link.href",
               "https://old.example/a") == head + kNew + "   # moved?" + tail);
}

TEST_CASE("quotes inside a new value are written the way the style escapes them",
          "[extract][fix][edit]") {
  const std::string file = "---\nlink:\n  href: 'https://a.example/x'\n---\n";
  CHECK(edited(file, "link.href", "https://a.example/x", "https://a.example/it's") ==
        "---\nlink:\n  href: 'https://a.example/it''s'\n---\n");
  const std::string dq = "---\nlink:\n  href: \"https://a.example/x\"\n---\n";
  CHECK(edited(dq, "link.href", "https://a.example/x", "https://a.example/\"q\"\\") ==
        "---\nlink:\n  href: \"https://a.example/\\\"q\\\"\\\\\"\n---\n");
}

TEST_CASE("a plain value that would read differently unquoted is double-quoted",
          "[extract][fix][edit]") {
  const std::string file = "---\nlink:\n  href: https://a.example/x\n---\n";
  for (const std::string value : {"https://a.example/x #frag", "https://a.example/x: y", "true",
                                  "- item", "#hash", "@at", "123", "https://a.example/x "}) {
    INFO(value);
    const std::string out = edited(file, "link.href", "https://a.example/x", value);
    CHECK(out.find("href: \"") != std::string::npos);
    CHECK(url_of(out, "link.href") == value);
  }
}

TEST_CASE("CRLF line ends, a BOM and a Markdown body stay byte for byte", "[extract][fix][edit]") {
  const std::string file =
      "\xEF\xBB\xBF---\r\ntitle: \"Gr\xC3\xBC\xC3\x9F"
      "e\"\r\nlink:\r\n  href: "
      "https://a.example/x?utm_source=y\r\n  original: https://a.example/x?utm_source=y\r\n---"
      "\r\nBody\r\nhref: https://a.example/x?utm_source=y\r\n";
  std::string expected = file;
  const std::string old_value = "https://a.example/x?utm_source=y";
  expected.replace(expected.find(old_value), old_value.size(), "https://a.example/x");
  CHECK(edited(file, "link.href", old_value, "https://a.example/x") == expected);
}

TEST_CASE("a value folded over several lines becomes one line", "[extract][fix][edit]") {
  const std::string file =
      "---\nlink:\n  href: https://a.example/x?q=one\n    two\n  original: o\n---\n";
  REQUIRE(url_of(file, "link.href") == "https://a.example/x?q=one two");
  CHECK(edited(file, "link.href", "https://a.example/x?q=one two") ==
        std::string("---\nlink:\n  href: ") + kNew + "\n  original: o\n---\n");
  const std::string quoted = "---\nlink:\n  href: \"https://a.example/x?q=one\n    two\"\n---\n";
  CHECK(edited(quoted, "link.href", "https://a.example/x?q=one two") ==
        std::string("---\nlink:\n  href: \"") + kNew + "\"\n---\n");
}

TEST_CASE("|- and >- blocks keep their header and indentation", "[extract][fix][edit]") {
  for (const std::string header : {"|-", ">-", ">- # folded"}) {
    const std::string file =
        "---\nlink:\n  href: " + header + "\n    https://a.example/x\n  original: o\n---\n";
    CHECK(edited(file, "link.href", "https://a.example/x") ==
          "---\nlink:\n  href: " + header + "\n    " + kNew + "\n  original: o\n---\n");
  }
  // A clipped block ends in a line break no URL has.
  CHECK_THAT(refusal("---\nlink:\n  href: |\n    https://a.example/x\n---\n", "link.href",
                     "https://a.example/x\n"),
             Catch::Contains("only |- and >-"));
}

TEST_CASE("flow mappings keep their braces and quote what a flow plain cannot hold",
          "[extract][fix][edit]") {
  const std::string file = "---\nlink: {href: https://a.example/x, original: o}\n---\n";
  CHECK(edited(file, "link.href", "https://a.example/x") ==
        std::string("---\nlink: {href: ") + kNew + ", original: o}\n---\n");
  const std::string out = edited(file, "link.href", "https://a.example/x", "https://a.example/a,b");
  CHECK(out == "---\nlink: {href: \"https://a.example/a,b\", original: o}\n---\n");
}

TEST_CASE("anchors, aliases and tags are left for a hand edit", "[extract][fix][edit]") {
  CHECK_THAT(refusal("---\nlink:\n  href: &u https://a.example/x\n  original: *u\n---\n",
                     "link.href", "https://a.example/x"),
             Catch::Contains("anchor"));
  CHECK_THAT(refusal("---\nlink:\n  href: !!str https://a.example/x\n---\n", "link.href",
                     "https://a.example/x"),
             Catch::Contains("tag"));
}

TEST_CASE("a value that is no longer the planned one is refused with its line",
          "[extract][fix][edit]") {
  const std::string file = "---\ntitle: t\nlink:\n  href: https://a.example/new\n---\n";
  const FrontMatterEdits result =
      edit_both_ways(file, {{"link.href", "https://a.example/old", kNew}});
  REQUIRE(result.refused.size() == 1);
  CHECK(result.refused[0].line == 4);
  CHECK_THAT(result.refused[0].reason, Catch::Contains("now holds 'https://a.example/new'"));
  CHECK(result.text == file);
  CHECK_THAT(refusal(file, "link.sourceUrl", "x"), Catch::Contains("not in the front matter"));
  CHECK_THAT(refusal("no front matter\n", "link.href", "x"), Catch::Contains("no front matter"));
}

TEST_CASE("several values of one file are edited together", "[extract][fix][edit]") {
  const std::string file =
      "---\nlink:\n  href: https://a.example/x\n  original: https://a.example/x\n"
      "openProjectCustomFields:\n  cleanUrl: 'https://a.example/x'\n---\n";
  const FrontMatterEdits result =
      edit_both_ways(file, {{"openProjectCustomFields.cleanUrl", "https://a.example/x", kNew},
                            {"link.href", "https://a.example/x", kNew}});
  REQUIRE(result.applied.size() == 2);
  CHECK(result.applied[0].edit.field == "link.href");  // file order
  CHECK(result.applied[0].line == 3);
  CHECK(result.applied[1].line == 6);
  CHECK(result.text == std::string("---\nlink:\n  href: ") + kNew +
                           "\n  original: https://a.example/x\nopenProjectCustomFields:\n"
                           "  cleanUrl: '" +
                           kNew + "'\n---\n");
}

TEST_CASE("TOML strings keep their quoting; a literal that cannot hold the value turns basic",
          "[extract][fix][edit][toml]") {
  const std::string head = "+++\ntitle = \"T\" # c\n[link]\nhref = ";
  const std::string tail = "\noriginal = 'o'\n+++\nBody\n";
  CHECK(edited(head + "\"https://a.example/x\"" + tail, "link.href", "https://a.example/x") ==
        head + "\"" + kNew + "\"" + tail);
  CHECK(edited(head + "'https://a.example/x'" + tail, "link.href", "https://a.example/x") ==
        head + "'" + kNew + "'" + tail);
  CHECK(edited(head + "'https://a.example/x'" + tail, "link.href", "https://a.example/x",
               "https://a.example/it's") == head + "\"https://a.example/it's\"" + tail);
  CHECK(edited(head + "'''https://a.example/x'''" + tail, "link.href", "https://a.example/x") ==
        head + "'''" + kNew + "'''" + tail);
  CHECK(edited("+++\r\nlink = { href = \"https://a.example/x\" }\r\n+++\r\n", "link.href",
               "https://a.example/x") ==
        std::string("+++\r\nlink = { href = \"") + kNew + "\" }\r\n+++\r\n");
  CHECK(edited("+++\nlink.href = \"https://\xC3\xBC.example/x\"\n+++\n", "link.href",
               "https://\xC3\xBC.example/x") ==
        std::string("+++\nlink.href = \"") + kNew + "\"\n+++\n");
}

TEST_CASE("JSON strings are rewritten in place", "[extract][fix][edit][json]") {
  const std::string file =
      "{\r\n  \"title\": \"T {x}\",\r\n  \"link\": {\"href\": \"https:\\/\\/a.example\\/x\", "
      "\"n\": [1, {\"href\": \"no\"}]}\r\n}\r\nBody\r\n";
  CHECK(edited(file, "link.href", "https://a.example/x") ==
        "{\r\n  \"title\": \"T {x}\",\r\n  \"link\": {\"href\": \"" + std::string(kNew) +
            "\", \"n\": [1, {\"href\": \"no\"}]}\r\n}\r\nBody\r\n");
}

TEST_CASE("a new value that is not UTF-8 is refused", "[extract][fix][edit]") {
  CHECK_THAT(refusal("---\nlink:\n  href: https://a.example/x\n---\n", "link.href",
                     "https://a.example/x", "https://a.example/\xFF"),
             Catch::Contains("UTF-8"));
}

TEST_CASE("the plain reader decides the edits of the plain layout as yaml-cpp does",
          "[extract][fix][edit][plain_yaml]") {
  const std::string head = "---\ntitle: A story\nauthor:\n- Curator\nlink:\n  href: ";
  const std::string tail = "\n  original: 'https://a.example/x#top'\n---\nBody\n";
  const std::string old_value = "https://a.example/x?utm_source=y#frag";
  for (const std::string& written : {old_value, "'" + old_value + "'", "\"" + old_value + "\""}) {
    const std::string file = head + written + tail;
    CHECK(plain_decides(file, "link.href", old_value));
    // A value that reads differently unquoted is double-quoted, and still plain after.
    CHECK(plain_decides(file, "link.href", old_value, "https://a.example/x #frag"));
    CHECK(plain_decides(file, "link.href", old_value, "true"));
    CHECK(plain_decides(file, "link.href", old_value, "https://a.example/it's"));
  }
  // A backslash escape is yaml-cpp's to read back.
  const std::string quoted = head + "\"" + old_value + "\"" + tail;
  CHECK_FALSE(plain_decides(quoted, "link.href", old_value, "https://a.example/\"q\""));
  CHECK(edited(quoted, "link.href", old_value, "https://a.example/\"q\"") ==
        head + "\"https://a.example/\\\"q\\\"\"" + tail);
  CHECK(plain_decides("\xEF\xBB\xBF---\nlink:\n  href: https://a.example/x\n---\n", "link.href",
                      "https://a.example/x"));
  CHECK(plain_decides("---\nlink:\n  href: https://a.example/x?q=one\n    two\n---\n", "link.href",
                      "https://a.example/x?q=one two"));
  CHECK(plain_decides("---\nlink:\n  href: 'https://a.example/x\n\n    two'\n---\n", "link.href",
                      "https://a.example/x\ntwo"));
  // Layouts the plain reader leaves to yaml-cpp: a comment after the value, CRLF, a flow map,
  // a block scalar, a duplicate key, TOML and JSON.
  for (const std::string file : {"---\nlink:\n  href: https://a.example/x # old\n---\n",
                                 "---\r\nlink:\r\n  href: https://a.example/x\r\n---\r\n",
                                 "---\nlink: {href: https://a.example/x}\n---\n",
                                 "---\nlink:\n  href: >-\n    https://a.example/x\n---\n",
                                 "+++\n[link]\nhref = \"https://a.example/x\"\n+++\n",
                                 "{\"link\": {\"href\": \"https://a.example/x\"}}\n"}) {
    CHECK_FALSE(plain_decides(file, "link.href", "https://a.example/x"));
    CHECK(edited(file, "link.href", "https://a.example/x").find(kNew) != std::string::npos);
  }
  const std::string twice = "---\nlink:\n  href: https://a.example/x\ntitle: a\ntitle: b\n---\n";
  CHECK_FALSE(plain_decides(twice, "link.href", "https://a.example/x"));
  CHECK_THAT(refusal(twice, "link.href", "https://a.example/x"), Catch::Contains("duplicate key"));
  // A refusal is worded by the parser.
  CHECK_FALSE(plain_decides(head + old_value + tail, "link.href", "https://a.example/old"));
  CHECK_FALSE(plain_decides(head + old_value + tail, "link.sourceUrl", "x"));
}

TEST_CASE("the plain reader checks several edits of one file together",
          "[extract][fix][edit][plain_yaml]") {
  const std::string file =
      "---\nid: 7\nlink:\n  href: https://a.example/x\n  original: https://a.example/x\n"
      "openProjectCustomFields:\n  cleanUrl: 'https://a.example/x'\n  shortUrl: null\n"
      "tags: ['a', \"b\"]\n---\n";
  const std::vector<ValueEdit> edits{
      {"openProjectCustomFields.cleanUrl", "https://a.example/x", kNew},
      {"link.href", "https://a.example/x", "@handle"},
      {"link.original", "https://a.example/x", "https://a.example/x"}};
  const auto plain = plain_front_matter_edits(file, edits);
  REQUIRE(plain);
  CHECK(*plain == parsed_front_matter_edits(file, edits));
  CHECK(plain->applied.size() == 2);  // the third edit changes nothing
  CHECK(plain->text == std::string("---\nid: 7\nlink:\n  href: \"@handle\"\n") +
                           "  original: https://a.example/x\nopenProjectCustomFields:\n" +
                           "  cleanUrl: '" + kNew +
                           "'\n  shortUrl: null\ntags: ['a', \"b\"]\n---\n");
}
