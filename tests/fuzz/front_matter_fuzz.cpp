// libFuzzer target: any bytes as a content file must give a Source or findings, never a crash
// or an exception escaping the reader.
#include <cstdint>
#include <string_view>

#include "extract/scan_options.h"
#include "extract/source_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const linkhealth::ScanOptions options{};
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto read = linkhealth::source_from_text(text, "fuzz/input.md", options);
  (void)read;
  return 0;
}
