#include "crawler/check_result.h"

#include <array>
#include <utility>

namespace linkhealth {
namespace {

constexpr std::array<std::pair<Verdict, std::string_view>, 11> kVerdictNames{{
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
}};

}  // namespace

std::string_view to_string(Verdict verdict) {
  for (const auto& [v, name] : kVerdictNames) {
    if (v == verdict) return name;
  }
  return "invalid";
}

std::optional<Verdict> verdict_from_string(std::string_view name) {
  for (const auto& [v, n] : kVerdictNames) {
    if (n == name) return v;
  }
  return std::nullopt;
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
