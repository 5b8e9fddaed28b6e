#include "extract/page_meta_json.h"

#include <algorithm>
#include <vector>

namespace linkhealth {
namespace {

constexpr unsigned kMeta = 1U << static_cast<unsigned>(PageMetaShape::Meta);
constexpr unsigned kReport = 1U << static_cast<unsigned>(PageMetaShape::Report);

struct Field {
  const char* name;
  std::string PageMeta::*member;
  unsigned shapes;  ///< kMeta | kReport; every field is Stored
};

// The one place a PageMeta field is named for JSON.
constexpr Field kFields[] = {
    {"title", &PageMeta::title, kMeta | kReport},
    {"title_rule", &PageMeta::title_rule, kMeta | kReport},
    {"description", &PageMeta::description, kMeta | kReport},
    {"description_rule", &PageMeta::description_rule, kMeta | kReport},
    {"og_title", &PageMeta::og_title, kMeta | kReport},
    {"og_description", &PageMeta::og_description, kMeta | kReport},
    {"og_url", &PageMeta::og_url, kMeta},
    {"og_site_name", &PageMeta::og_site_name, kMeta},
    {"og_image", &PageMeta::og_image, kMeta},
    {"og_type", &PageMeta::og_type, 0},
    {"twitter_title", &PageMeta::twitter_title, kMeta},
    {"twitter_description", &PageMeta::twitter_description, kMeta},
    {"html_title", &PageMeta::html_title, kMeta},
    {"meta_description", &PageMeta::meta_description, kMeta},
    {"canonical", &PageMeta::canonical, kMeta | kReport},
    {"jsonld_headline", &PageMeta::jsonld_headline, kMeta},
    {"jsonld_description", &PageMeta::jsonld_description, 0},
    {"published", &PageMeta::published, kMeta},
    {"lang", &PageMeta::lang, kMeta},
    {"refresh_url", &PageMeta::refresh_url, 0},
    {"encoding_declared", &PageMeta::encoding_declared, kMeta},
    {"encoding_used", &PageMeta::encoding_used, kMeta},
};

using StringList = std::vector<std::string> PageMeta::*;
constexpr std::pair<const char*, StringList> kLists[] = {
    {"signals", &PageMeta::signals},
    {"notes", &PageMeta::notes},
};

}  // namespace

nlohmann::json page_meta_to_json(const PageMeta& meta, PageMetaShape shape,
                                 std::span<std::string PageMeta::*const> left_out) {
  const bool stored = shape == PageMetaShape::Stored;
  const unsigned wanted = 1U << static_cast<unsigned>(shape);
  nlohmann::json j = nlohmann::json::object();
  for (const Field& field : kFields) {
    if (!stored && (field.shapes & wanted) == 0) continue;
    if (std::find(left_out.begin(), left_out.end(), field.member) != left_out.end()) continue;
    const std::string& value = meta.*field.member;
    if (stored && value.empty()) continue;
    j[field.name] = value;
  }
  if (shape == PageMetaShape::Meta) j["signals"] = meta.signals;
  if (stored) {
    for (const auto& [name, member] : kLists) {
      if (!(meta.*member).empty()) j[name] = meta.*member;
    }
  }
  return j;
}

std::vector<PageMetaField> page_meta_fields(PageMetaShape shape) {
  const unsigned wanted = 1U << static_cast<unsigned>(shape);
  std::vector<PageMetaField> fields;
  for (const Field& field : kFields) {
    if (shape == PageMetaShape::Stored || (field.shapes & wanted) != 0) {
      fields.push_back({field.name, field.member});
    }
  }
  std::sort(fields.begin(), fields.end(),
            [](const PageMetaField& a, const PageMetaField& b) { return a.name < b.name; });
  return fields;
}

PageMeta page_meta_from_json(const nlohmann::json& json) {
  PageMeta meta;
  if (!json.is_object()) return meta;
  for (const Field& field : kFields) {
    const auto it = json.find(field.name);
    if (it != json.end() && it->is_string()) meta.*field.member = it->get<std::string>();
  }
  for (const auto& [name, member] : kLists) {
    const auto it = json.find(name);
    if (it == json.end() || !it->is_array()) continue;
    for (const auto& item : *it) {
      if (item.is_string()) (meta.*member).push_back(item.get<std::string>());
    }
  }
  return meta;
}

}  // namespace linkhealth
