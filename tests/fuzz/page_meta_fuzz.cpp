// libFuzzer target: any page head, with any Content-Type, must extract without crashing.
// The first line of the input is used as the Content-Type so charset handling is fuzzed too.
#include <cstdint>
#include <string_view>

#include "extract/page_meta.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view content_type;
  std::string_view body = input;
  if (auto nl = input.find('\n'); nl != std::string_view::npos && nl < 200) {
    content_type = input.substr(0, nl);
    body = input.substr(nl + 1);
  }
  auto meta = linkhealth::read_page_meta(body, content_type, "https://news.example.com/a/b.html");
  (void)meta;
  return 0;
}
