// libFuzzer target for the byte-level value rewriter: see check_front_matter_edit in
// fuzz_checks.h (the first line of the input is the new value, the rest the content file).
#include <cstdint>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return linkhealth::fuzz::run_check("front_matter_edit_fuzz", data, size,
                                     linkhealth::fuzz::check_front_matter_edit);
}
