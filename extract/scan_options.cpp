#include "extract/scan_options.h"

namespace linkhealth {

std::vector<std::string> default_url_fields() {
  return {"link.href",
          "link.original",
          "openProjectCustomFields.cleanUrl",
          "openProjectCustomFields.sourceUrl",
          "openProjectCustomFields.videoUrl",
          "link",
          "feed.feed_url",
          "feed.site_url"};
}

}  // namespace linkhealth
