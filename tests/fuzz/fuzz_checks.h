#pragma once
// The properties the fuzz targets check, shared with tests/fuzz_regression_test.cpp so that a
// crashing input kept as a regression case is checked the same way under the normal ASan
// build. Each function returns the broken property, or nullopt when the input passed.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/clearurls_rules.h"
#include "extract/front_matter_edit.h"
#include "extract/page_meta.h"
#include "extract/plain_yaml.h"
#include "extract/scan_options.h"
#include "extract/sitemap_reader.h"
#include "extract/source_reader.h"
#include "extract/url_cleaner.h"
#include "extract/utf8.h"

namespace linkhealth::fuzz {

/// The body of every fuzz target: when `check` finds a property broken for the input, print it
/// and abort, which makes libFuzzer keep the input as a crash.
inline int run_check(const char* target, const uint8_t* data, std::size_t size,
                     std::optional<std::string> (*check)(std::string_view)) {
  if (const auto broken = check(std::string_view(reinterpret_cast<const char*>(data), size))) {
    std::fprintf(stderr, "%s: %s\n", target, broken->c_str());
    std::abort();
  }
  return 0;
}

/// The query (after the first '?' before any '#') and the fragment of a URL, as written.
struct WrittenParts {
  std::optional<std::string_view> query;
  std::optional<std::string_view> fragment;
};

inline WrittenParts written_parts(std::string_view url) {
  WrittenParts out;
  if (const auto hash = url.find('#'); hash != std::string_view::npos) {
    out.fragment = url.substr(hash + 1);
    url = url.substr(0, hash);
  }
  if (const auto mark = url.find('?'); mark != std::string_view::npos) {
    out.query = url.substr(mark + 1);
  }
  return out;
}

inline std::vector<std::string_view> split_on_amp(std::string_view list) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t end = list.find('&', start);
    if (end == std::string_view::npos) end = list.size();
    parts.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

/// Cleaning only ever drops whole query parameters, each one reported: the clean query is the
/// written one minus reported parts, every kept byte as written and in order. The fragment is
/// kept as written or dropped whole. Holds for rules in the text format.
inline std::optional<std::string> check_kept_bytes(std::string_view raw, const CleanedUrl& c) {
  const WrittenParts was = written_parts(trim_ascii(raw));
  const WrittenParts now = written_parts(c.clean);
  const auto reported = [&](const std::string& note) {
    return std::find(c.removed.begin(), c.removed.end(), note) != c.removed.end();
  };
  const auto kept = now.query ? split_on_amp(*now.query) : std::vector<std::string_view>{};
  std::size_t next = 0;
  for (const std::string_view part : was.query && !was.query->empty()
                                         ? split_on_amp(*was.query)
                                         : std::vector<std::string_view>{}) {
    if (next < kept.size() && kept[next] == part) {
      ++next;
    } else if (!part.empty() && !reported("tracking parameter " + std::string(part))) {
      return "query part '" + std::string(part) + "' changed or vanished unreported";
    }
  }
  if (next != kept.size()) return "the clean query holds bytes the written one does not";
  if (now.fragment && now.fragment != was.fragment) return "the fragment was rewritten";
  return std::nullopt;
}

/// A ClearURLs list shaped like data.min.json: a global provider (urlPattern ".*") with
/// exceptions and referral marketing, site providers with rules, rawRules and a redirection,
/// a completeProvider, and a provider for POST only.
inline constexpr const char* kClearUrlsSample = R"json({
    "providers": {
        "globalRules": {
            "urlPattern": ".*",
            "completeProvider": false,
            "rules": ["(?:%3F)?utm(?:_[a-z_]*)?", "(?:%3F)?fbclid", "Echobox"],
            "referralMarketing": ["(?:%3F)?ref_?"],
            "rawRules": [],
            "exceptions": ["^https?:\\/\\/(?:[a-z0-9-]+\\.)*?gitlab\\.com"],
            "redirections": [],
            "forceRedirection": false
        },
        "shop": {
            "urlPattern": "^https?:\\/\\/(?:[a-z0-9-]+\\.)*?shop\\.example(?:\\.[a-z]{2,}){1,}",
            "completeProvider": false,
            "rules": ["p[fd]_rd_[a-z]*", "qid", "srs?"],
            "rawRules": ["\\/ref=[^/?]*"],
            "exceptions": ["^https?:\\/\\/(?:[a-z0-9-]+\\.)*?shop\\.example\\.com\\/gp\\/cart"],
            "redirections": ["^https?:\\/\\/(?:[a-z0-9-]+\\.)*?shop\\.example\\.com\\/out\\?.*?u=([^&]*)"]
        },
        "ads": {
            "urlPattern": "^https?:\\/\\/(?:[a-z0-9-]+\\.)*?ads\\.example\\.net",
            "completeProvider": true
        },
        "postOnly": {
            "urlPattern": ".*",
            "rules": ["id"],
            "methods": ["POST"]
        }
    }
})json";

inline const TrackingRules& clearurls_sample_rules() {
  static const TrackingRules rules = parse_clearurls_rules(kClearUrlsSample, "sample");
  return rules;
}

inline bool all_utf8(const CleanedUrl& c) {
  for (const std::string* s : {&c.clean, &c.request_url, &c.host, &c.error, &c.wrapped_target}) {
    if (first_invalid_utf8(*s)) return false;
  }
  return std::none_of(c.removed.begin(), c.removed.end(),
                      [](const std::string& s) { return first_invalid_utf8(s).has_value(); });
}

/// Any bytes as a URL: every string the cleaner returns is UTF-8 (a scan writes them as
/// JSON); a URL with a NUL byte (curl would stop reading there) never cleans; a request URL
/// carries no fragment; kept query bytes stay as written (for rules in the text format); and
/// cleaning is idempotent, for the clean URL as well as the request URL.
inline std::optional<std::string> check_url_cleaner(std::string_view raw,
                                                    const TrackingRules& rules) {
  const CleanedUrl cleaned = clean_url(raw, rules);
  if (!all_utf8(cleaned)) return "the cleaner returned text that is not UTF-8";
  if (!cleaned.ok) return std::nullopt;
  if (raw.find('\0') != std::string_view::npos) return "a URL holding a NUL byte cleaned";
  if (cleaned.request_url.find('#') != std::string::npos) return "request URL has a fragment";
  if (rules.providers.empty()) {
    if (auto broken = check_kept_bytes(raw, cleaned)) return broken;
  }
  for (const std::string* url : {&cleaned.clean, &cleaned.request_url}) {
    const CleanedUrl again = clean_url(*url, rules);
    if (!again.ok) return "cleaned URL " + *url + " does not clean: " + again.error;
    if (again.clean != *url) return "cleaning " + *url + " again gives " + again.clean;
  }
  return std::nullopt;
}

/// The checks above with the built-in rules and with the ClearURLs sample.
inline std::optional<std::string> check_url_cleaner(std::string_view raw) {
  if (auto broken = check_url_cleaner(raw, default_tracking_rules())) return broken;
  if (auto broken = check_url_cleaner(raw, clearurls_sample_rules())) {
    return "with the ClearURLs sample: " + *broken;
  }
  return std::nullopt;
}

inline bool has_control_char(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b == 0x7F;
  });
}

/// Any bytes as a content file: a Source with valid UTF-8, control-free text, or findings
/// that name the file and a line. Both the fast (selected keys) and the full YAML path.
inline std::optional<std::string> check_front_matter(std::string_view text) {
  for (const bool full : {false, true}) {
    ScanOptions options;
    options.full_yaml_check = full;
    const SourceRead read = source_from_text(text, "fuzz/input.md", options);
    for (const Finding& f : read.findings) {
      if (f.file != "fuzz/input.md") return "finding without a file";  // a kind it always has
      if (f.kind == FindingKind::ParseError && f.line < 1) return "parse_error without a line";
      if (f.kind == FindingKind::ParseError && read.source)
        return "parse_error but a Source came out";
    }
    if (!read.source) {
      if (read.findings.empty()) return "no Source and no finding";
      continue;
    }
    for (const std::string* s :
         {&read.source->title, &read.source->description, &read.source->slug, &read.source->id}) {
      if (first_invalid_utf8(*s)) return "Source text is not valid UTF-8: " + *s;
      if (has_control_char(*s)) return "Source text holds a control character";
    }
  }
  return std::nullopt;
}

/// Everything a SourceRead holds, one item a line, for comparing two reads.
inline std::string describe_read(const SourceRead& read) {
  std::string out = "front matter " + std::to_string(read.has_front_matter) + ", expects link " +
                    std::to_string(read.expects_link) + "\n";
  if (read.source) {
    const Source& s = *read.source;
    for (const std::string* field : {&s.slug, &s.id, &s.title, &s.description, &s.brand,
                                     &s.community, &s.date, &s.file, &s.kind}) {
      out += "field [" + *field + "]\n";
    }
    for (const UrlField& u : s.urls) {
      out += "url " + u.field + " [" + u.raw + "] line " + std::to_string(u.line) + "\n";
    }
  } else {
    out += "no source\n";
  }
  for (const Finding& f : read.findings) {
    out += "finding " + std::string(to_string(f.kind)) + " " + f.slug + " " + f.file + " " +
           f.field + " [" + f.detail + "] line " + std::to_string(f.line) + "\n";
  }
  return out;
}

/// Where the plain reader's tree differs from yaml-cpp's (kinds, scalar text, where a scalar
/// starts and whether it is quoted, keys and their order, list lengths, the lines of all but
/// the root), or nullopt when it does not.
inline std::optional<std::string> plain_tree_difference(const PlainYaml& tree, std::size_t index,
                                                        const YAML::Node& node,
                                                        const std::string& path) {
  const PlainNode& plain = tree.nodes[index];
  const auto differs = [&](const std::string& what) {
    return std::optional<std::string>(path + ": " + what);
  };
  if (plain.kind == PlainKind::null) {
    return node.IsNull() ? std::nullopt : differs("null only in the plain tree");
  }
  // The root's line is no field's line (and yaml-cpp has none for an empty block).
  if (index != 0 && node.Mark().line != plain.line) {
    return differs("line " + std::to_string(plain.line) + ", yaml-cpp " +
                   std::to_string(node.Mark().line));
  }
  if (plain.kind == PlainKind::scalar) {
    if (!node.IsScalar()) return differs("a scalar only in the plain tree");
    if (node.Scalar() != plain.text) {
      return differs("[" + plain.text + "], yaml-cpp [" + node.Scalar() + "]");
    }
    if (static_cast<int>(plain.offset) != node.Mark().pos) {
      return differs("at byte " + std::to_string(plain.offset) + ", yaml-cpp " +
                     std::to_string(node.Mark().pos));
    }
    if (plain.quoted != (node.Tag() == "!")) return differs("quoted in one tree only");
    return std::nullopt;
  }
  if (plain.kind == PlainKind::sequence) {
    if (!node.IsSequence() || node.size() != plain.items.size()) return differs("another list");
    for (std::size_t i = 0; i < plain.items.size(); ++i) {
      auto d = plain_tree_difference(tree, plain.items[i], node[i],
                                     path + "[" + std::to_string(i) + "]");
      if (d) return d;
    }
    return std::nullopt;
  }
  if (!node.IsMap() || node.size() != plain.entries.size()) return differs("another map");
  std::size_t i = 0;
  for (auto it = node.begin(); it != node.end(); ++it, ++i) {
    const auto& [key, child] = plain.entries[i];
    if (!it->first.IsScalar() || it->first.Scalar() != key) return differs("key " + key);
    if (auto d = plain_tree_difference(tree, child, it->second, path + "." + key)) return d;
  }
  return std::nullopt;
}

/// Any bytes as a content file: whenever the plain reader takes a YAML block, yaml-cpp reads
/// it without an error into the same tree (under the default caps and under small ones), and
/// the source reader gives the same Source and findings with the plain reader as without.
inline std::optional<std::string> check_plain_yaml(std::string_view text) {
  const FrontMatterSplit split = split_front_matter(text);
  if (split.block && split.block->format == FrontMatterFormat::yaml) {
    for (const FrontMatterLimits limits : {FrontMatterLimits{}, FrontMatterLimits{12, 3}}) {
      const auto plain = read_plain_yaml(split.block->text, limits);
      if (!plain) continue;
      const ParsedFrontMatter parsed = parse_front_matter(*split.block, nullptr, limits);
      if (parsed.error)
        return "the plain reader took a block yaml-cpp refuses: " + parsed.error->message;
      if (auto d = plain_tree_difference(*plain, 0, parsed.root, "root")) return d;
    }
  }
  ScanOptions options;
  const std::string fast = describe_read(source_from_text(text, "fuzz/input.md", options));
  options.plain_yaml_reader = false;
  const std::string judged = describe_read(source_from_text(text, "fuzz/input.md", options));
  if (fast != judged) return "the plain reader read:\n" + fast + "yaml-cpp read:\n" + judged;
  return std::nullopt;
}

/// A front matter block spelled from `bytes`, three bytes a line: its indentation and kind
/// (`key: value`, `key:`, `- value`, a bare value, a comment, a blank line), a key, a value.
/// Random bytes seldom spell the layouts the plain reader decides on; these lines mostly do
/// (a byte of 240 or more picks among all pieces, else among the plain ones only), and now
/// and then with a piece it must refuse.
inline std::string yaml_from_lines(std::string_view bytes) {
  struct Pieces {
    std::vector<const char*> all;
    std::size_t plain;  ///< the first `plain` of `all` are plain layout
    const char* pick(unsigned char b) const { return all[b >= 240 ? b % all.size() : b % plain]; }
  };
  static const Pieces indents{{"", "  ", "", "    ", " ", "   ", "\t"}, 4};
  static const Pieces keys{{"title",
                            "link",
                            "href",
                            "slug",
                            "id",
                            "a",
                            "b-c",
                            "d.e/f",
                            "feed",
                            "source",
                            "feed_url",
                            "x_1",
                            "cleanUrl",
                            "openProjectCustomFields",
                            "description",
                            "original",
                            "null",
                            "'q'",
                            "? k",
                            "-k",
                            "k k",
                            "k\xC3\xA9",
                            "~"},
                           16};
  static const Pieces values{{"x",
                              "x y",
                              "http://h.test/p?q=1#f",
                              "'q'",
                              "'it''s'",
                              "'open",
                              "close'",
                              "\"d\"",
                              "\"open",
                              "close\"",
                              "~",
                              "null",
                              "NULL",
                              "[]",
                              "{}",
                              "['a', 'b']",
                              "[\"a\",'b''']",
                              "-x",
                              "x  ",
                              "a:b",
                              ":x",
                              "?x",
                              "''''",
                              "' '",
                              "''",
                              "\"\"",
                              "\xC3\xA9 \xE2\x80\x8E",
                              "'#x",
                              "- x",
                              "a: b",
                              "a #b",
                              "a:",
                              "#c",
                              "'a' ",
                              "&a x",
                              "*a",
                              "|",
                              ">",
                              "x\\y",
                              "\"x\\y\"",
                              "[ ]",
                              "['a',]",
                              "x\ty",
                              "x\r",
                              "---",
                              "...",
                              "%x",
                              "!t x",
                              "'a\x04'"},
                             28};
  std::string out = "---\n";
  for (std::size_t at = 0; at + 3 <= bytes.size(); at += 3) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[at + i]); };
    const std::string key = keys.pick(byte(1));
    const std::string value = values.pick(byte(2));
    out += indents.pick(byte(0));
    switch (byte(0) / 8 % 8) {
      case 0:
      case 1:
      case 2:
        out += key + ": " + value;
        break;
      case 3:
        out += key + ":";
        break;
      case 4:
        out += "- " + value;
        break;
      case 5:
        out += value;
        break;
      case 6:
        out += "# " + value;
        break;
      default:
        break;  // a blank line
    }
    out += '\n';
  }
  return out + "---\n";
}

/// check_plain_yaml for the input as a file and for the block yaml_from_lines spells from it.
inline std::optional<std::string> check_plain_yaml_input(std::string_view input) {
  if (auto broken = check_plain_yaml(input)) return broken;
  const std::string spelled = yaml_from_lines(input);
  if (auto broken = check_plain_yaml(spelled)) return "in\n" + spelled + "\n" + *broken;
  return std::nullopt;
}

/// Every field the source reader gives, by name (URL fields and the text fields).
inline std::vector<std::pair<std::string, std::string>> read_fields(const Source& source) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const UrlField& u : source.urls) out.emplace_back(u.field, u.raw);
  for (const auto& [name, value] :
       {std::pair<const char*, const std::string*>{"title", &source.title},
        {"description", &source.description},
        {"slug", &source.slug},
        {"date", &source.date}}) {
    out.emplace_back(name, *value);
  }
  return out;
}

/// The first line of the input is a new value, the rest a content file. Every URL field the
/// reader finds is rewritten to the new value: each edit is either refused, leaving the file
/// as it was, or applied, and then the reader (its own fast path, not the rewriter's full
/// parse) finds exactly the new value there and every other field as before, and the bytes
/// outside the rewritten values are the original ones. The plain reader's path gives exactly
/// the parser's edits, refusals and bytes.
inline std::optional<std::string> check_front_matter_edit(std::string_view input) {
  const std::size_t nl = input.find('\n');
  if (nl == std::string_view::npos) return std::nullopt;
  const std::string value(input.substr(0, nl));
  const std::string_view file = input.substr(nl + 1);
  const SourceRead before = source_from_text(file, "fuzz/input.md", {});
  std::vector<ValueEdit> edits;
  if (before.source) {
    for (const UrlField& u : before.source->urls) edits.push_back({u.field, u.raw, value});
  }
  if (edits.empty()) edits.push_back({"link.href", "", value});
  const FrontMatterEdits result = edit_front_matter(file, edits);
  if (result.applied.size() + result.refused.size() > edits.size())
    return "more outcomes than edits";
  if (result != parsed_front_matter_edits(file, edits)) {
    return "the plain reader's edits differ from the parser's";
  }
  if (result.applied.empty()) {
    return result.text == file ? std::nullopt
                               : std::optional<std::string>("no edit applied but the text changed");
  }
  std::string rebuilt;
  std::size_t at = 0;
  for (const AppliedEdit& a : result.applied) {
    if (a.splice.begin < at || a.splice.end > file.size()) return "splices out of order";
    rebuilt.append(file.substr(at, a.splice.begin - at));
    rebuilt += a.splice.text;
    at = a.splice.end;
  }
  rebuilt.append(file.substr(at));
  if (rebuilt != result.text) return "bytes outside the edited values changed";
  const SourceRead after = source_from_text(result.text, "fuzz/input.md", {});
  if (!after.source) return "the edited file no longer reads";
  // By name: a blank value is no URL to the reader, so an edit can add a field to what it
  // reads (a blank one filled) or drop one (a value blanked).
  const auto by_name = [](const Source& source) {
    const auto fields = read_fields(source);
    return std::map<std::string, std::string>(fields.begin(), fields.end());
  };
  auto expected = by_name(*before.source);
  for (const AppliedEdit& a : result.applied) {
    if (trim_ascii(value).empty()) {
      expected.erase(a.edit.field);
    } else {
      expected[a.edit.field] = a.edit.new_value;
    }
  }
  if (by_name(*after.source) != expected) return "the edited file reads differently";
  return std::nullopt;
}

/// The first line of the input is the Content-Type (when under 200 bytes), the rest the page.
/// Titles and descriptions must come out as valid UTF-8 whatever the bytes and charset.
inline std::optional<std::string> check_page_meta(std::string_view input) {
  std::string_view content_type;
  std::string_view body = input;
  if (auto nl = input.find('\n'); nl != std::string_view::npos && nl < 200) {
    content_type = input.substr(0, nl);
    body = input.substr(nl + 1);
  }
  const PageMeta meta = read_page_meta(body, content_type, "https://news.example.com/a/b.html");
  for (const std::string* s : {&meta.title, &meta.description, &meta.og_title, &meta.html_title,
                               &meta.og_description, &meta.meta_description}) {
    if (first_invalid_utf8(*s)) return "page text is not valid UTF-8: " + *s;
  }
  return std::nullopt;
}

/// What a sitemap read gave: every entry and child, in order, and how it ended.
struct SitemapRead {
  std::vector<std::string> items;  ///< "E loc|lastmod|title" or "C loc"
  SitemapKind kind = SitemapKind::Unknown;
  bool finished = false;
  bool operator==(const SitemapRead&) const = default;
};

inline SitemapRead read_sitemap_in_pieces(std::string_view input, std::size_t piece) {
  SitemapRead out;
  SitemapReader reader(
      [&](const SitemapEntry& e) {
        out.items.push_back("E " + e.loc + "|" + e.lastmod + "|" + e.news_title);
      },
      [&](const std::string& loc) { out.items.push_back("C " + loc); },
      SitemapFileLimits{64 * 1024, 50});
  for (std::size_t at = 0; at < input.size(); at += piece) {
    if (!reader.feed(input.substr(at, piece))) break;
  }
  out.finished = reader.finish();
  out.kind = reader.kind();
  return out;
}

/// The sitemap reader gives the same entries however the body is split, never more than its
/// limit, never an empty or oversized <loc>, entries only in a urlset and children only in an
/// index.
inline std::optional<std::string> check_sitemap(std::string_view input) {
  const SitemapRead whole = read_sitemap_in_pieces(input, input.size() + 1);
  const std::size_t piece = input.empty() ? 1 : 1 + static_cast<unsigned char>(input[0]) % 13;
  if (!(read_sitemap_in_pieces(input, piece) == whole)) {
    return "split into pieces of " + std::to_string(piece) + " bytes, the read differs";
  }
  if (whole.items.size() > 50) return "more entries than the limit";
  for (const std::string& item : whole.items) {
    const bool entry = item[0] == 'E';
    if (entry != (whole.kind == SitemapKind::UrlSet)) return "an item of the wrong kind: " + item;
    const std::string loc = item.substr(
        2, item.find('|') == std::string::npos ? std::string::npos : item.find('|') - 2);
    if (loc.empty() || loc.size() > 4096) return "an empty or oversized loc";
  }
  return std::nullopt;
}

}  // namespace linkhealth::fuzz
