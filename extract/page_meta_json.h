#pragma once
// The JSON form of a PageMeta, shared by `linkhealth meta --json` and the crawl JSON (`page`).

#include <nlohmann/json.hpp>

#include "extract/page_meta.h"

namespace linkhealth {

/// {"title", "title_rule", "description", "description_rule", "og_title", "og_description",
///  "og_url", "og_site_name", "og_image", "twitter_title", "twitter_description", "html_title",
///  "meta_description", "canonical", "jsonld_headline", "published", "lang",
///  "encoding_declared", "encoding_used", "signals"}; empty strings stay "" (never null).
nlohmann::json page_meta_to_json(const PageMeta& meta);

}  // namespace linkhealth
