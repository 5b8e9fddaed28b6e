// libFuzzer target: see check_url_cleaner in fuzz_checks.h for the properties every input must keep
// (beyond not crashing, leaking or hitting undefined behaviour under ASan/UBSan).
#include <cstdint>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return linkhealth::fuzz::run_check("url_cleaner_fuzz", data, size,
                                     linkhealth::fuzz::check_url_cleaner);
}
