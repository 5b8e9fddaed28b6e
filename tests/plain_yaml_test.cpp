// The plain front matter reader: each layout it takes, with the values it must give (and
// yaml-cpp's tree for the same text, compared node by node), and each layout it must leave to
// yaml-cpp. tests/scan_corpus_test.cpp reads every real file both ways.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "extract/front_matter_field.h"
#include "extract/plain_yaml.h"
#include "extract/source_reader.h"
#include "tests/fuzz/fuzz_checks.h"

using linkhealth::FieldKind;
using linkhealth::FieldView;
using linkhealth::FrontMatterBlock;
using linkhealth::FrontMatterLimits;
using linkhealth::PlainYaml;
using linkhealth::read_plain_yaml;

namespace {

/// The plain tree of `yaml`, which must match yaml-cpp's tree of the same block.
PlainYaml read_agreed(const std::string& yaml, const FrontMatterLimits& limits = {}) {
  INFO(yaml);
  const auto plain = read_plain_yaml(yaml, limits);
  REQUIRE(plain);
  const auto parsed = linkhealth::parse_front_matter(FrontMatterBlock{yaml}, nullptr, limits);
  REQUIRE_FALSE(parsed.error);
  CHECK(linkhealth::fuzz::plain_tree_difference(*plain, 0, parsed.root, "root").value_or("same") ==
        "same");
  return *plain;
}

/// A refused block, which the source reader still reads the same with and without the plain
/// reader (yaml-cpp reads it both times).
void check_refused(const std::string& yaml, const FrontMatterLimits& limits = {}) {
  INFO(yaml);
  CHECK_FALSE(read_plain_yaml(yaml, limits));
  CHECK(linkhealth::fuzz::check_plain_yaml("---\n" + yaml + "---\n").value_or("same") == "same");
}

/// The texts of the items of a top-level list.
std::vector<std::string> items_of(const PlainYaml& tree, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& [name, index] : tree.nodes[0].entries) {
    if (name != key) continue;
    for (const std::size_t item : tree.nodes[index].items) out.push_back(tree.nodes[item].text);
  }
  return out;
}

std::string text_at(const PlainYaml& tree, const std::string& dotted) {
  const FieldView field = linkhealth::find_field(tree, dotted);
  CHECK(field.kind == FieldKind::scalar);
  return field.text;
}

}  // namespace

TEST_CASE("plain: a curated item's front matter", "[extract][plain_yaml]") {
  const PlainYaml tree = read_agreed(
      "archetype: profile-offering\n"
      "author:\n"
      "- Bench Curator\n"
      "date: '2021-03-03T05:06:07.000000Z'\n"
      "description: A curated link about heart genomic remote mental hospital payment data.\n"
      "id: 8850\n"
      "link:\n"
      "  brand: news0607.test\n"
      "  href: http://news0607.test:18080/a/t5/2020/1/doctor-8736\n"
      "openProjectCustomFields:\n"
      "  cleanUrl: http://news0607.test:18080/a/t5/2020/1/doctor-8736\n"
      "  shortUrl: null\n"
      "slug: bench-data-diabetes-care-7850\n"
      "title: Bench item 7850\n");
  CHECK(text_at(tree, "archetype") == "profile-offering");
  const FieldView author = linkhealth::find_field(tree, "author");
  CHECK(author.kind == FieldKind::sequence);
  CHECK(author.size == 1);
  CHECK(author.line == 2);
  CHECK(text_at(tree, "date") == "2021-03-03T05:06:07.000000Z");
  CHECK(text_at(tree, "id") == "8850");
  const FieldView link = linkhealth::find_field(tree, "link");
  CHECK(link.kind == FieldKind::map);
  CHECK(link.line == 7);
  CHECK(text_at(tree, "link.href") == "http://news0607.test:18080/a/t5/2020/1/doctor-8736");
  CHECK(linkhealth::find_field(tree, "link.href").line == 8);
  CHECK(linkhealth::find_field(tree, "openProjectCustomFields.shortUrl").kind == FieldKind::null);
  CHECK(linkhealth::find_field(tree, "link.missing").kind == FieldKind::missing);
  CHECK(linkhealth::find_field(tree, "id.below").kind == FieldKind::missing);
  CHECK(text_at(tree, "title") == "Bench item 7850");
  CHECK(linkhealth::find_field(tree, "title").line == 13);
}

TEST_CASE("plain: the scalar forms", "[extract][plain_yaml]") {
  const PlainYaml tree = read_agreed(
      "plain: a b:c d#e   \n"
      "single: 'it''s #1: ok '\n"
      "double: \"say 'hi': #2 \"\n"
      "empty_single: ''\n"
      "empty_double: \"\"\n"
      "quoted_null: 'null'\n"
      "dash: -5\n"
      "colon: :x\n"
      "question: ?y\n"
      "tilde_word: ~z\n"
      "unicode: \xE2\x80\x8E\"What?\" caf\xC3\xA9\n"
      "dotted.key/with-slash: v\n");
  CHECK(text_at(tree, "plain") == "a b:c d#e");
  CHECK(text_at(tree, "single") == "it's #1: ok ");
  CHECK(text_at(tree, "double") == "say 'hi': #2 ");
  CHECK(text_at(tree, "empty_single").empty());
  CHECK(text_at(tree, "empty_double").empty());
  CHECK(text_at(tree, "quoted_null") == "null");
  CHECK(text_at(tree, "dash") == "-5");
  CHECK(text_at(tree, "colon") == ":x");
  CHECK(text_at(tree, "question") == "?y");
  CHECK(text_at(tree, "tilde_word") == "~z");
  CHECK(text_at(tree, "unicode") == "\xE2\x80\x8E\"What?\" caf\xC3\xA9");
  // A key with a dot is one key; a dotted path never reaches it (in yaml-cpp's tree neither).
  CHECK(tree.nodes[0].entries.back().first == "dotted.key/with-slash");
}

TEST_CASE("plain: the null forms", "[extract][plain_yaml]") {
  const PlainYaml tree = read_agreed(
      "empty:\n"
      "tilde: ~\n"
      "lower: null\n"
      "title: Null\n"
      "upper: NULL\n"
      "nested:\n"
      "  last:\n");
  for (const char* key : {"empty", "tilde", "lower", "title", "upper", "nested.last"}) {
    INFO(key);
    CHECK(linkhealth::find_field(tree, key).kind == FieldKind::null);
  }
}

TEST_CASE("plain: scalars folded over several lines", "[extract][plain_yaml]") {
  const PlainYaml tree = read_agreed(
      "description: As Agile is gaining traction in regulated product development, market\n"
      "  pressure forces more and more   \n"
      "    - medtech companies to adopt.\n"
      "title: 'Eric Topol: EHRs have ''taken us astray,'' but AI could fix healthcare in\n"
      "  a ''meaningful and positive'''\n"
      "quoted: \"a: b\n"
      "   c # d\"\n"
      "list:\n"
      "- first item\n"
      "  goes on\n"
      "- second\n");
  CHECK(text_at(tree, "description") ==
        "As Agile is gaining traction in regulated product development, market pressure forces "
        "more and more - medtech companies to adopt.");
  CHECK(text_at(tree, "title") ==
        "Eric Topol: EHRs have 'taken us astray,' but AI could fix healthcare in a 'meaningful "
        "and positive'");
  CHECK(linkhealth::find_field(tree, "title").line == 3);
  CHECK(text_at(tree, "quoted") == "a: b c # d");
  CHECK(items_of(tree, "list") == std::vector<std::string>{"first item goes on", "second"});
  CHECK(tree.nodes.back().line == 10);
}

TEST_CASE("plain: quoted scalars keep a line break for each blank line", "[extract][plain_yaml]") {
  // Each case is a key's quoted value over several lines, and what yaml-cpp makes of it.
  const std::pair<std::string, std::string> cases[] = {
      {"'What\xE2\x80\x99s New\n\n  '", "What\xE2\x80\x99s New\n"},
      {"'a\n\n\n  b'", "a\n\nb"},
      {"'\n\n  '", ""},
      {"'[\"Symplur:\n    #PopulationHealth\",\"Medigy\"]'",
       "[\"Symplur: #PopulationHealth\",\"Medigy\"]"},
      {"\"a\n\n  b \"", "a\nb "},
  };
  for (const auto& [value, expected] : cases) {
    CHECK(text_at(read_agreed("key: " + value + "\nnext: x\n"), "key") == expected);
  }
}

TEST_CASE("plain: one-line lists of quoted scalars, empty collections, an indented top level",
          "[extract][plain_yaml]") {
  const PlainYaml tree = read_agreed(
      " title: \"Medical Subject Headings (MeSH): Quality Improvement\" \n"
      " equalentCollections: [] \n"
      " collections: ['Medigy: Clinical Decision Support','it''s',  \"b, c\"]\n"
      " openProjectCustomFields: {}\n"
      " searchCategory: \"topic\"\n");
  CHECK(text_at(tree, "title") == "Medical Subject Headings (MeSH): Quality Improvement");
  CHECK(linkhealth::find_field(tree, "equalentCollections").kind == FieldKind::sequence);
  CHECK(linkhealth::find_field(tree, "equalentCollections").size == 0);
  const FieldView collections = linkhealth::find_field(tree, "collections");
  CHECK(collections.size == 3);
  CHECK(collections.line == 2);
  CHECK(items_of(tree, "collections") ==
        std::vector<std::string>{"Medigy: Clinical Decision Support", "it's", "b, c"});
  CHECK(linkhealth::find_field(tree, "openProjectCustomFields").kind == FieldKind::map);
  CHECK(linkhealth::find_field(tree, "openProjectCustomFields.cleanUrl").kind ==
        FieldKind::missing);
}

TEST_CASE("plain: lists, nesting, comments and blank lines", "[extract][plain_yaml]") {
  const PlainYaml tree = read_agreed(
      "# a comment line\n"
      "\n"
      "indentless:\n"
      "- a\n"
      "- 'b'\n"
      "indented:\n"
      "    - c\n"
      "\n"
      "  # an indented comment\n"
      "link:\n"
      "\n"
      "   brand: x\n"
      "   feed:\n"
      "       url: u\n"
      "   after: y\n"
      "last: z\n");
  CHECK(linkhealth::find_field(tree, "indentless").size == 2);
  CHECK(linkhealth::find_field(tree, "indentless").line == 3);
  CHECK(linkhealth::find_field(tree, "indented").size == 1);
  CHECK(linkhealth::find_field(tree, "indented").line == 6);
  CHECK(linkhealth::find_field(tree, "link").line == 11);
  CHECK(text_at(tree, "link.feed.url") == "u");
  CHECK(text_at(tree, "link.after") == "y");
  CHECK(text_at(tree, "last") == "z");
}

TEST_CASE("plain: an empty or comment-only block is an empty map", "[extract][plain_yaml]") {
  for (const std::string yaml : {"", "\n\n", "# only a comment\n"}) {
    const auto tree = read_plain_yaml(yaml, {});
    REQUIRE(tree);
    REQUIRE(tree->nodes.size() == 1);
    CHECK(tree->nodes[0].kind == linkhealth::PlainKind::map);
    CHECK(tree->nodes[0].entries.empty());
  }
}

TEST_CASE("plain: bytes yaml-cpp reads its own way are left to it", "[extract][plain_yaml]") {
  check_refused("title: a\tb\n");        // tab
  check_refused("title:\ta\n");          // tab
  check_refused("title: a\r\nid: 1\n");  // CR
  check_refused("title: a\x04z\n");      // yaml-cpp's end-of-stream byte
  check_refused("title: a\x01z\n");
  check_refused("title: a\x7Fz\n");
}

TEST_CASE("plain: indicators and special forms are left to yaml-cpp", "[extract][plain_yaml]") {
  check_refused("tags: [a, b]\n");     // flow list
  check_refused("link: {href: x}\n");  // flow map
  check_refused("a: &anchor x\nb: *anchor\n");
  check_refused("a: !!str 5\n");       // tag
  check_refused("a: |\n  text\n");     // literal block scalar
  check_refused("a: >\n  text\n");     // folded block scalar
  check_refused("a: 1\n---\nb: 2\n");  // document marker
  check_refused("a: 1\n...\n");
  check_refused("%YAML 1.2\na: 1\n");  // directive
  check_refused("? complex\n: key\n");
  check_refused("a: @x\n");
  check_refused("a: `x\n");
  check_refused("a: - x\n");
  check_refused("a: #x\n");  // a comment: null in yaml-cpp, not read here
}

TEST_CASE("plain: keys only of the plain kind", "[extract][plain_yaml]") {
  check_refused("'title': x\n");  // quoted key
  check_refused("\"title\": x\n");
  check_refused("null: x\n");  // a null key, not the string "null"
  check_refused("Null: x\n");
  check_refused("-a: x\n");
  check_refused(".a: x\n");
  check_refused("a b: x\n");
  check_refused("a :x\n");
  check_refused("a:x\n");  // a plain scalar "a:x", not a key
  check_refused("og:title: x\n");
  check_refused("title\n");             // a scalar, not a map
  check_refused(" title: x\nid: 1\n");  // a top level indented unevenly
}

TEST_CASE("plain: values that do not end where a plain reader would end them",
          "[extract][plain_yaml]") {
  check_refused("a: b: c\n");         // a key inside a value
  check_refused("a: b # comment\n");  // comment after a plain value
  check_refused("a: b:\n");
  check_refused("a: 'b' # comment\n");  // text after the closing quote
  check_refused("a: 'b'c\n");
  check_refused("a: \"b\" c\n");
  check_refused("a: 'b\n");             // unclosed at the end
  check_refused("a: 'b\n# c\n  d'\n");  // a line inside quotes not indented deeper
  check_refused("a: 'b''\n\n  '\n");    // line breaks last after a '' (yaml-cpp's own count)
  check_refused("a: 'b\nc'\n");         // not indented deeper than the key
  check_refused("a: \"b\\\"c\"\n");     // escapes
  check_refused("a: \"b\\\n  c\"\n");
  check_refused("a: b\n\n  c\n");  // a blank line inside a plain scalar
  check_refused("a: b\n# c\n  d\n");
  check_refused("a: b\n  c: d\n");  // a continued value holding a key
  check_refused("a: b\n  c #d\n");
  check_refused("a:\n  text\n");            // a value that starts below its key
  check_refused("a:\n  - x\n  b: y\n");     // a key at the list's indentation
  check_refused("a:\n    b: 1\n  c: 2\n");  // a dedent to no open level
}

TEST_CASE("plain: flow forms other than a one-line list of quoted scalars are left to yaml-cpp",
          "[extract][plain_yaml]") {
  check_refused("a: [b, c]\n");    // plain items end differently in flow
  check_refused("a: ['b': c]\n");  // a map in a list
  check_refused("a: ['b',]\n");
  check_refused("a: ['b' 'c']\n");
  check_refused("a: ['b']x\n");
  check_refused("a: ['b',\n  'c']\n");  // over two lines
  check_refused("a: [ ]\n");
  check_refused("a: { }\n");
  check_refused("a: {b: c}\n");
  check_refused("a: [\"b\\\"c\"]\n");
}

TEST_CASE("plain: lists only of one-line scalars", "[extract][plain_yaml]") {
  check_refused("a:\n- \n- x\n");  // a null item
  check_refused("a:\n-\n  - x\n");
  check_refused("a:\n- b: c\n");  // a map in a list
  check_refused("a:\n- - x\n");   // a list in a list
  check_refused("- x\n- y\n");    // a list at the top
  check_refused("a:\n- x\n b: y\n");
}

TEST_CASE("plain: duplicate keys are left to yaml-cpp's error", "[extract][plain_yaml]") {
  check_refused("a: 1\nb: 2\na: 3\n");
  check_refused("link:\n  href: x\n  href: y\n");
  // The same key in two maps is no duplicate.
  const PlainYaml tree = read_agreed("a:\n  x: 1\nb:\n  x: 2\n");
  CHECK(text_at(tree, "b.x") == "2");
}

TEST_CASE("plain: nodes and nesting near the caps are left to yaml-cpp", "[extract][plain_yaml]") {
  // 7 nodes (the root counts), 3 levels below the root: yaml-cpp's caps hold from {7, 3} on,
  // the plain reader wants one more of each.
  const std::string yaml = "a:\n  b:\n    c: x\nd:\n- 1\n- 2\n";
  read_agreed(yaml, FrontMatterLimits{8, 4});
  check_refused(yaml, FrontMatterLimits{7, 4});
  check_refused(yaml, FrontMatterLimits{8, 3});
  // Far below yaml-cpp's own recursion guard whatever the cap says.
  std::string deep;
  for (int level = 0; level < 40; ++level) deep += std::string(2 * level, ' ') + "k:\n";
  check_refused(deep, FrontMatterLimits{100000, 1000});
}

TEST_CASE("plain: the source reader gives the same Source and findings either way",
          "[extract][plain_yaml]") {
  const std::string file =
      "---\n"
      "id: 7\n"
      "slug: '  spaced  '\n"
      "source: open-project-curations\n"
      "link:\n"
      "  href:\n"
      "  - https://a.example/1\n"
      "  - https://a.example/2\n"
      "openProjectCustomFields:\n"
      "  cleanUrl: https://a.example/1?utm_source=x\n"
      "feed:\n"
      "  feed_url: '   '\n"
      "---\n"
      "body\n";
  linkhealth::ScanOptions options;
  const auto split = linkhealth::split_front_matter(file);
  REQUIRE(split.block);
  CHECK(linkhealth::plain_front_matter(*split.block, options));
  const auto read = linkhealth::source_from_text(file, "x.md", options);
  REQUIRE(read.source);
  CHECK(read.source->slug == "spaced");
  CHECK(read.expects_link);
  REQUIRE(read.source->urls.size() == 1);
  CHECK(read.source->urls[0].field == "openProjectCustomFields.cleanUrl");
  CHECK(read.source->urls[0].line == 10);
  REQUIRE(read.findings.size() == 1);
  CHECK(read.findings[0].field == "link.href");
  CHECK(read.findings[0].line == 7);  // a list's line is its first item's
  CHECK(read.findings[0].detail ==
        "link.href is a list of 2 values, not a string (only one URL "
        "per field)");
  CHECK(linkhealth::fuzz::check_plain_yaml(file).value_or("same") == "same");
  options.full_yaml_check = true;
  CHECK_FALSE(linkhealth::plain_front_matter(*split.block, options));
}
