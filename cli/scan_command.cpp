#include <cstdio>

#include "cli/command.h"

namespace linkhealth {

// Placeholder until the foundation issue's scanner lands; prints what it would do.
int run_scan(int /*argc*/, char** /*argv*/) {
  std::fprintf(stderr, "linkhealth scan: not built yet\n");
  return static_cast<int>(ExitCode::RuntimeError);
}

}  // namespace linkhealth
