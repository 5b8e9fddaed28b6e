#include "cli/crawl_json.h"

#include "extract/page_meta_json.h"

namespace linkhealth {

nlohmann::json crawl_result_to_json(const CheckResult& r, const Target* target) {
  nlohmann::json redirects = nlohmann::json::array();
  for (const Hop& hop : r.redirects)
    redirects.push_back({{"url", hop.url}, {"status", hop.status}});
  nlohmann::json refs = nlohmann::json::array();
  if (target != nullptr) {
    for (const TargetRef& ref : target->refs) {
      refs.push_back(
          {{"slug", ref.slug}, {"file", ref.file}, {"field", ref.field}, {"raw", ref.raw}});
    }
  }
  return {{"request_url", r.request_url},
          {"host", r.host},
          {"verdict", std::string(to_string(r.verdict))},
          {"http_status", r.http_status},
          {"final_url", r.final_url},
          {"redirects", std::move(redirects)},
          {"error", r.error},
          {"attempts", r.attempts},
          {"not_modified", r.not_modified},
          {"etag", r.etag},
          {"last_modified", r.last_modified},
          {"content_type", r.content_type},
          {"checked_at", r.checked_at},
          {"refs", std::move(refs)},
          {"page", r.page ? page_meta_to_json(*r.page) : nlohmann::json(nullptr)}};
}

}  // namespace linkhealth
