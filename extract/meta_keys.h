#pragma once
// The <meta name|property=...> keys the page metadata reads (extract/page_meta.h). The
// skimmer (extract/markup_skim.h) drops every other <meta>: reading another key means adding
// it here.

#include <array>
#include <cstddef>
#include <string_view>

namespace linkhealth {

/// Index of a key in kMetaKeys.
enum MetaKey : std::size_t {
  kOgTitle,
  kOgDescription,
  kOgUrl,
  kOgSiteName,
  kOgImage,
  kOgType,
  kPublishedTime,
  kTwitterTitle,
  kTwitterDescription,
  kDescription,
  kMetaKeyCount
};

/// The keys, lowercase, in the order of MetaKey.
inline constexpr std::array<std::string_view, kMetaKeyCount> kMetaKeys = {
    "og:title", "og:description",         "og:url",        "og:site_name",        "og:image",
    "og:type",  "article:published_time", "twitter:title", "twitter:description", "description"};

}  // namespace linkhealth
