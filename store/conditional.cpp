#include "store/conditional.h"

namespace linkhealth {

CheckResult reuse_not_modified(const CheckResult& now, const CheckResult& previous) {
  CheckResult out = now;
  out.not_modified = true;
  out.verdict = previous.verdict;
  out.error = previous.error;  // the reason of the verdict that still holds
  out.final_url = previous.final_url;
  if (out.redirects.empty()) out.redirects = previous.redirects;
  out.content_type = previous.content_type;
  out.page = previous.page;
  out.repair = previous.repair;  // the article has not moved since, as far as we can tell
  if (out.etag.empty()) out.etag = previous.etag;
  if (out.last_modified.empty()) out.last_modified = previous.last_modified;
  return out;
}

}  // namespace linkhealth
