#include "types/verdict.h"

#include "types/name_table.h"

namespace linkhealth {
namespace {

constexpr NameTable<Verdict, kVerdictCount> kVerdictNames{{{
    {Verdict::Ok, "ok"},
    {Verdict::Redirected, "redirected"},
    {Verdict::Broken, "broken"},
    {Verdict::Soft404, "soft_404"},
    {Verdict::Blocked, "blocked"},
    {Verdict::ServerError, "server_error"},
    {Verdict::Timeout, "timeout"},
    {Verdict::NetworkError, "network_error"},
    {Verdict::TlsError, "tls_error"},
    {Verdict::Invalid, "invalid"},
    {Verdict::Skipped, "skipped"},
}}};
static_assert(kVerdictNames.names_every_value_in_order());

constexpr std::array<Verdict, kVerdictCount> kAll = kVerdictNames.values();

}  // namespace

std::string_view to_string(Verdict verdict) {
  return kVerdictNames.name(verdict);
}

std::optional<Verdict> verdict_from_string(std::string_view name) {
  return kVerdictNames.parse(name);
}

const std::array<Verdict, kVerdictCount>& all_verdicts() {
  return kAll;
}

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
