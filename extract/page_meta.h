#pragma once
// What a live page says about itself: the fields the metadata extractor reads from a page
// head, and the resolved title/description with the rule that picked them.

#include <string>
#include <vector>

namespace linkhealth {

struct PageMeta {
  std::string title;        ///< resolved title
  std::string title_rule;   ///< "og:title" | "twitter:title" | "jsonld:headline" | "title" | ""
  std::string description;  ///< resolved description
  std::string description_rule;  ///< "og:description" | "twitter:description" |
                                 ///< "meta:description" | "jsonld:description" | ""
  std::string og_title;
  std::string og_description;
  std::string og_url;
  std::string og_site_name;
  std::string og_image;
  std::string og_type;
  std::string twitter_title;
  std::string twitter_description;
  std::string html_title;
  std::string meta_description;
  std::string canonical;
  std::string jsonld_headline;
  std::string jsonld_description;
  std::string published;
  std::string lang;
  std::string refresh_url;           ///< target of <meta http-equiv=refresh>, absolute
  std::string encoding_declared;     ///< charset the page or HTTP header declared, "" if none
  std::string encoding_used;         ///< charset actually used to decode
  std::vector<std::string> signals;  ///< e.g. "not_found_text", "challenge", "consent_wall"
  std::vector<std::string> notes;    ///< conflicting duplicates, truncations, ...
};

}  // namespace linkhealth
