#pragma once
// The verdict: a pure function of what a redirect chain answered and what its final page
// says about itself. No I/O; every rule is unit-tested.

#include <optional>
#include <string>
#include <vector>

#include "crawler/check_result.h"
#include "crawler/transport.h"
#include "extract/page_meta.h"

namespace linkhealth {

/// How a host answered a request for a random path that cannot exist.
struct ProbeAnswer {
  int status = 0;
  std::string final_url;
  std::string title;
  bool redirected = false;
};

/// Everything the verdict looks at.
struct ChainOutcome {
  std::string request_url;
  std::vector<Hop> hops;  ///< the redirecting responses, first first
  int status = 0;         ///< status of the last response, 0 when none
  std::string final_url;
  TransferError error = TransferError::None;
  std::string error_text;
  std::string skip_reason;     ///< non-empty: not fetched on purpose (scheme, guard, robots)
  std::string invalid_reason;  ///< non-empty: the URL itself is unusable
  bool redirect_loop = false;
  bool too_many_redirects = false;
  bool cf_mitigated = false;
  bool not_modified = false;
  const PageMeta* page = nullptr;    ///< head of the final page when it was HTML
  std::optional<ProbeAnswer> probe;  ///< the final host's answer to a random path
};

struct VerdictDecision {
  Verdict verdict = Verdict::Invalid;
  std::string reason;  ///< why, for the editor; empty for a plain ok
};

VerdictDecision decide_verdict(const ChainOutcome& outcome);

}  // namespace linkhealth
