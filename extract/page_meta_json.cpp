#include "extract/page_meta_json.h"

namespace linkhealth {

nlohmann::json page_meta_to_json(const PageMeta& m) {
  nlohmann::json j = nlohmann::json::object();
  j["title"] = m.title;
  j["title_rule"] = m.title_rule;
  j["description"] = m.description;
  j["description_rule"] = m.description_rule;
  j["og_title"] = m.og_title;
  j["og_description"] = m.og_description;
  j["og_url"] = m.og_url;
  j["og_site_name"] = m.og_site_name;
  j["og_image"] = m.og_image;
  j["twitter_title"] = m.twitter_title;
  j["twitter_description"] = m.twitter_description;
  j["html_title"] = m.html_title;
  j["meta_description"] = m.meta_description;
  j["canonical"] = m.canonical;
  j["jsonld_headline"] = m.jsonld_headline;
  j["published"] = m.published;
  j["lang"] = m.lang;
  j["encoding_declared"] = m.encoding_declared;
  j["encoding_used"] = m.encoding_used;
  j["signals"] = m.signals;
  return j;
}

}  // namespace linkhealth
