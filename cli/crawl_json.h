#pragma once
// The JSON form of one crawled target: its CheckResult plus where the content refers to it.

#include <nlohmann/json.hpp>

#include "crawler/check_result.h"
#include "extract/target.h"

namespace linkhealth {

/// {"request_url", "host", "verdict", "http_status", "final_url", "redirects": [{"url",
/// "status"}], "error", "attempts", "not_modified", "etag", "last_modified", "content_type",
/// "refs": [{"slug", "file", "field", "raw"}], "page": {...} or null}
nlohmann::json crawl_result_to_json(const CheckResult& result, const Target* target);

}  // namespace linkhealth
