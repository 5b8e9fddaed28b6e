// libFuzzer target: see check_plain_yaml_input in fuzz_checks.h — the plain front matter reader
// must read every block it takes exactly as yaml-cpp does: the input as a file, and a block spelled
// from YAML lines the input's bytes pick (yaml_from_lines).
#include <cstdint>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return linkhealth::fuzz::run_check("plain_yaml_fuzz", data, size,
                                     linkhealth::fuzz::check_plain_yaml_input);
}
