#pragma once
// Conditional requests: a target's last informative check gives the ETag/Last-Modified to
// send, and a 304 answer is completed from that check, because a 304 means "no change".

#include "crawler/check_result.h"

namespace linkhealth {

/// `now` is a 304 (not_modified) result; returns it with the verdict, final URL, page
/// metadata, repair suggestion and content type of `previous` (the last full result of the same
/// target). Time, status 304, attempts and elapsed time stay those of `now`; validators fall back
/// to the previous ones when the 304 did not repeat them.
CheckResult reuse_not_modified(const CheckResult& now, const CheckResult& previous);

}  // namespace linkhealth
