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

// "https://schema.org/NewsArticle" and "schema:NewsArticle" both name NewsArticle.
std::string_view bare_type(std::string_view type) {
  const std::size_t cut = type.find_last_of("/:#");
  return cut == std::string_view::npos ? type : type.substr(cut + 1);
}

NodeKind kind_of_type(std::string_view type) {
  const std::string_view bare = bare_type(type);
  if (std::find(kArticleTypes.begin(), kArticleTypes.end(), bare) != kArticleTypes.end())
    return NodeKind::Article;
  if (std::find(kPageTypes.begin(), kPageTypes.end(), bare) != kPageTypes.end())
    return NodeKind::Page;
  return NodeKind::Other;
}

NodeKind kind_of(const json& node) {
  const auto it = node.find("@type");
  if (it == node.end()) return NodeKind::Other;
  NodeKind best = NodeKind::Other;
  const auto consider = [&](const json& t) {
    if (!t.is_string()) return;
    const NodeKind k = kind_of_type(t.get_ref<const std::string&>());
    if (k == NodeKind::Article || (k == NodeKind::Page && best == NodeKind::Other)) best = k;
  };
  if (it->is_array()) {
    for (const json& t : *it) consider(t);
  } else {
    consider(*it);
  }
  return best;
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

void read_node(const json& node, JsonLdFields& articles, JsonLdFields& pages, int depth) {
  if (depth > 16) return;  // hostile nesting; real pages stay within a few levels
  if (node.is_array()) {
    for (const json& item : node) read_node(item, articles, pages, depth + 1);
    return;
  }
  if (!node.is_object()) return;
  const NodeKind kind = kind_of(node);
  if (kind != NodeKind::Other) {
    JsonLdFields& fields = kind == NodeKind::Article ? articles : pages;
    collect(node, "headline", fields.headlines);
    collect(node, "description", fields.descriptions);
    collect(node, "datePublished", fields.dates_published);
  }
  for (const char* nested : {"@graph", "mainEntity"}) {
    const auto it = node.find(nested);
    if (it != node.end()) read_node(*it, articles, pages, depth + 1);
  }
}

void append(std::vector<std::string>& to, const std::vector<std::string>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

bool JsonLdReader::add_block(std::string_view script_text) {
  const json doc = json::parse(script_text.begin(), script_text.end(), nullptr,
                               /*allow_exceptions=*/false, /*ignore_comments=*/false);
  if (doc.is_discarded()) return false;
  read_node(doc, articles_, pages_, 0);
  return true;
}

JsonLdFields JsonLdReader::fields() const {
  JsonLdFields all = articles_;
  append(all.headlines, pages_.headlines);
  append(all.descriptions, pages_.descriptions);
  append(all.dates_published, pages_.dates_published);
  return all;
}

}  // namespace linkhealth
