// libFuzzer target for the byte-level value rewriter: see check_front_matter_edit in
// fuzz_checks.h (the first line of the input is the new value, the rest the content file).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (const auto broken = linkhealth::fuzz::check_front_matter_edit(input)) {
    std::fprintf(stderr, "front_matter_edit_fuzz: %s\n", broken->c_str());
    std::abort();
  }
  return 0;
}
