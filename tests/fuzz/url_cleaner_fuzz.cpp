// libFuzzer target: the URL cleaner must never crash, and what it calls a request URL must
// carry no fragment and survive a second cleaning unchanged.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/tracking_rules.h"
#include "extract/url_cleaner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  const auto& rules = linkhealth::default_tracking_rules();
  auto cleaned = linkhealth::clean_url(raw, rules);
  if (!cleaned.ok) return 0;
  if (cleaned.request_url.find('#') != std::string::npos) std::abort();
  auto again = linkhealth::clean_url(cleaned.request_url, rules);
  if (!again.ok || again.request_url != cleaned.request_url) std::abort();
  return 0;
}
