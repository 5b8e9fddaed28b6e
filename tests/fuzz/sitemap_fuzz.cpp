// libFuzzer target: see check_sitemap in fuzz_checks.h for the properties every input must keep
// (beyond not crashing, leaking or hitting undefined behaviour under ASan/UBSan).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (const auto broken = linkhealth::fuzz::check_sitemap(input)) {
    std::fprintf(stderr, "sitemap_fuzz: %s\n", broken->c_str());
    std::abort();
  }
  return 0;
}
