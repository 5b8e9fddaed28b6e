#include "extract/jsonld.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

#include "extract/html_document.h"

namespace linkhealth {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 15> kArticleTypes = {"Article",
                                                            "NewsArticle",
                                                            "BlogPosting",
                                                            "ReportageNewsArticle",
                                                            "AnalysisNewsArticle",
                                                            "OpinionNewsArticle",
                                                            "BackgroundNewsArticle",
                                                            "ReviewNewsArticle",
                                                            "ScholarlyArticle",
                                                            "MedicalScholarlyArticle",
                                                            "TechArticle",
                                                            "SocialMediaPosting",
                                                            "LiveBlogPosting",
                                                            "Report",
                                                            "HealthTopicContent"};

constexpr std::array<std::string_view, 8> kPageTypes = {"WebPage",     "MedicalWebPage", "ItemPage",
                                                        "AboutPage",   "FAQPage",        "QAPage",
                                                        "ProfilePage", "CollectionPage"};

enum class NodeKind { Other, Article, Page };

bool is_json_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_json_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_json_space(s.back())) s.remove_suffix(1);
  return s;
}

// A wrapper opens with one of these and closes with the one at the same index.
constexpr std::array<std::string_view, 2> kOpenMarkers = {"<![CDATA[", "<!--"};
constexpr std::array<std::string_view, 2> kCloseMarkers = {"]]>", "-->"};
constexpr std::size_t kNoMarker = kOpenMarkers.size();

// Removes one opening wrapper (`<![CDATA[`, `//<![CDATA[`, `/* <![CDATA[ */`, `<!--`, ...)
// from the front of trimmed `s`; returns its index in kOpenMarkers, kNoMarker when none.
std::size_t strip_opening(std::string_view& s) {
  std::string_view rest = s;
  const bool line_comment = rest.starts_with("//");
  const bool block_comment = rest.starts_with("/*");
  if (line_comment || block_comment) rest = trimmed(rest.substr(2));
  for (std::size_t m = 0; m < kOpenMarkers.size(); ++m) {
    if (!rest.starts_with(kOpenMarkers[m])) continue;
    rest = trimmed(rest.substr(kOpenMarkers[m].size()));
    if (block_comment) {
      if (!rest.starts_with("*/")) return kNoMarker;
      rest = trimmed(rest.substr(2));
    }
    s = rest;
    return m;
  }
  return kNoMarker;
}

// Removes the closing wrapper kCloseMarkers[m] (bare, behind `//` or inside `/* */`) from the
// end of trimmed `s`; false when it does not end with it. JSON text ends in '}' or ']', so
// whatever follows that is wrapper.
bool strip_closing(std::string_view& s, std::size_t m) {
  std::string_view rest = s;
  const bool block_comment = rest.ends_with("*/");
  if (block_comment) rest = trimmed(rest.substr(0, rest.size() - 2));
  if (!rest.ends_with(kCloseMarkers[m])) return false;
  rest = trimmed(rest.substr(0, rest.size() - kCloseMarkers[m].size()));
  if (block_comment) {
    if (!rest.ends_with("/*")) return false;
    rest = trimmed(rest.substr(0, rest.size() - 2));
  } else if (rest.ends_with("//")) {
    rest = trimmed(rest.substr(0, rest.size() - 2));
  }
  s = rest;
  return true;
}

// "https://schema.org/NewsArticle" and "schema:NewsArticle" both name NewsArticle.
std::string_view bare_type(std::string_view type) {
  const std::size_t cut = type.find_last_of("/:#");
  return cut == std::string_view::npos ? type : type.substr(cut + 1);
}

// Nodes that describe the site rather than the page: their name is the site's name.
bool is_site_type(std::string_view type) {
  const std::string_view bare = bare_type(type);
  return bare == "WebSite" || bare.ends_with("Organization") || bare == "Corporation";
}

NodeKind kind_of_type(std::string_view type) {
  const std::string_view bare = bare_type(type);
  if (std::find(kArticleTypes.begin(), kArticleTypes.end(), bare) != kArticleTypes.end())
    return NodeKind::Article;
  if (std::find(kPageTypes.begin(), kPageTypes.end(), bare) != kPageTypes.end())
    return NodeKind::Page;
  return NodeKind::Other;
}

// Calls take(type) for each string in node["@type"] (a string or an array of them).
template <class Take>
void for_each_type(const json& node, Take&& take) {
  const auto it = node.find("@type");
  if (it == node.end()) return;
  if (it->is_string()) take(it->get_ref<const std::string&>());
  if (!it->is_array()) return;
  for (const json& t : *it)
    if (t.is_string()) take(t.get_ref<const std::string&>());
}

NodeKind kind_of(const json& node) {
  NodeKind best = NodeKind::Other;
  for_each_type(node, [&](const std::string& type) {
    const NodeKind k = kind_of_type(type);
    if (k == NodeKind::Article || (k == NodeKind::Page && best == NodeKind::Other)) best = k;
  });
  return best;
}

bool is_site(const json& node) {
  bool site = false;
  for_each_type(node, [&](const std::string& type) { site = site || is_site_type(type); });
  return site;
}

// Appends the string value(s) of node[key]: a string, strings in an array, or {"@value": ...}.
void collect(const json& node, const char* key, std::vector<std::string>& out) {
  const auto it = node.find(key);
  if (it == node.end()) return;
  const auto add = [&](const json& v) {
    if (v.is_string()) {
      out.push_back(decode_html_entities(v.get_ref<const std::string&>()));
    } else if (v.is_object()) {
      const auto value = v.find("@value");
      if (value != v.end() && value->is_string())
        out.push_back(decode_html_entities(value->get_ref<const std::string&>()));
    }
  };
  if (it->is_array()) {
    for (const json& v : *it) add(v);
  } else {
    add(*it);
  }
}

// Where read_node puts what it finds.
struct Sinks {
  JsonLdFields& articles;
  JsonLdFields& pages;
  std::vector<std::string>& site_names;
};

void read_node(const json& node, const Sinks& out, int depth) {
  if (depth > 16) return;  // hostile nesting; real pages stay within a few levels
  if (node.is_array()) {
    for (const json& item : node) read_node(item, out, depth + 1);
    return;
  }
  if (!node.is_object()) return;
  const NodeKind kind = kind_of(node);
  if (kind != NodeKind::Other) {
    JsonLdFields& fields = kind == NodeKind::Article ? out.articles : out.pages;
    collect(node, "headline", fields.headlines);
    collect(node, "description", fields.descriptions);
    collect(node, "datePublished", fields.dates_published);
  }
  if (is_site(node)) collect(node, "name", out.site_names);
  if (kind == NodeKind::Article) {
    const auto publisher = node.find("publisher");
    if (publisher != node.end() && publisher->is_object())
      collect(*publisher, "name", out.site_names);
  }
  for (const char* nested : {"@graph", "mainEntity"}) {
    const auto it = node.find(nested);
    if (it != node.end()) read_node(*it, out, depth + 1);
  }
}

void append(std::vector<std::string>& to, const std::vector<std::string>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

std::string_view unwrap_script_text(std::string_view script_text) {
  std::string_view text = trimmed(script_text);
  // A wrapper comes off only whole (its opening and its closing), so an unclosed
  // `<![CDATA[` stays and the block is broken, as it is. Two rounds cover `<!-- <![CDATA[`.
  for (int round = 0; round < 2; ++round) {
    std::string_view inner = text;
    const std::size_t marker = strip_opening(inner);
    if (marker == kNoMarker || !strip_closing(inner, marker)) break;
    text = inner;
  }
  return text;
}

bool JsonLdReader::add_block(std::string_view script_text) {
  const std::string_view text = unwrap_script_text(script_text);
  const json doc = json::parse(text.begin(), text.end(), nullptr,
                               /*allow_exceptions=*/false, /*ignore_comments=*/false);
  if (doc.is_discarded()) return false;
  read_node(doc, Sinks{articles_, pages_, site_names_}, 0);
  return true;
}

JsonLdFields JsonLdReader::fields() const {
  JsonLdFields all = articles_;
  append(all.headlines, pages_.headlines);
  append(all.descriptions, pages_.descriptions);
  append(all.dates_published, pages_.dates_published);
  all.site_names = site_names_;
  return all;
}

}  // namespace linkhealth
