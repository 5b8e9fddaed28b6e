#pragma once
// PageMeta as JSON. One table names every field; the three objects that carry a page (`meta
// --json`, `page` in the report JSON, the store's `page` column) are shapes picked from it.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/page_meta.h"

namespace linkhealth {

/// Which PageMeta fields a JSON object carries.
enum class PageMetaShape {
  /// `linkhealth meta --json`: title, title_rule, description, description_rule, og_title,
  /// og_description, og_url, og_site_name, og_image, twitter_title, twitter_description,
  /// html_title, meta_description, canonical, jsonld_headline, published, lang,
  /// encoding_declared, encoding_used and signals; empty strings stay "" (never null).
  Meta,
  /// `page` in the report JSON (README "JSON output"): title, title_rule, description,
  /// description_rule, og_title, og_description, canonical; empty strings stay "".
  Report,
  /// The store's compact form: every string field that is not empty, and signals and notes
  /// when not empty.
  Stored,
};

/// `meta` in `shape`, less the fields in `left_out` (the store keeps some in columns).
nlohmann::json page_meta_to_json(const PageMeta& meta, PageMetaShape shape = PageMetaShape::Meta,
                                 std::span<std::string PageMeta::*const> left_out = {});

/// A string field as a shape names it.
struct PageMetaField {
  std::string_view name;
  std::string PageMeta::*member;
};

/// The string fields `shape` writes for every page (Meta, Report; Stored writes only the
/// non-empty ones), in key order, the order page_meta_to_json(...).dump() writes them.
std::vector<PageMetaField> page_meta_fields(PageMetaShape shape);

/// Reads any shape back; a field the object lacks (or a non-object) stays empty.
PageMeta page_meta_from_json(const nlohmann::json& json);

}  // namespace linkhealth
