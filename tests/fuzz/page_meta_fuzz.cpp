// libFuzzer target: see check_page_meta in fuzz_checks.h for the properties every input must keep
// (beyond not crashing, leaking or hitting undefined behaviour under ASan/UBSan).
#include <cstdint>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return linkhealth::fuzz::run_check("page_meta_fuzz", data, size,
                                     linkhealth::fuzz::check_page_meta);
}
