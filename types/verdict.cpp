#include "types/verdict.h"

namespace linkhealth {

bool is_problem(Verdict verdict) {
  switch (verdict) {
    case Verdict::Broken:
    case Verdict::Soft404:
    case Verdict::ServerError:
    case Verdict::Timeout:
    case Verdict::NetworkError:
    case Verdict::TlsError:
    case Verdict::Invalid:
      return true;
    case Verdict::Ok:
    case Verdict::Redirected:
    case Verdict::Blocked:
    case Verdict::Skipped:
      return false;
  }
  return false;
}

}  // namespace linkhealth
