#pragma once
// types/ is the vocabulary at the bottom of the flow (extract -> crawler -> store -> reports):
// the kinds every stage speaks of, each an enum class with one name table (types/name_table.h)
// that JSON, the database, the report and flag parsing all use. Nothing here does I/O.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace linkhealth {

/// The one vocabulary for link outcomes.
enum class Verdict {
  Ok,
  Redirected,
  Broken,
  Soft404,
  Blocked,
  ServerError,
  Timeout,
  NetworkError,
  TlsError,
  Invalid,
  Skipped,
};
inline constexpr std::size_t kVerdictCount = 11;

/// "ok", "redirected", "broken", "soft_404", "blocked", "server_error", "timeout",
/// "network_error", "tls_error", "invalid", "skipped".
std::string_view to_string(Verdict verdict);
/// Inverse of to_string; nullopt for an unknown name.
std::optional<Verdict> verdict_from_string(std::string_view name);
/// Every verdict, in declaration order.
const std::array<Verdict, kVerdictCount>& all_verdicts();
/// True for verdicts that mean the link is a problem an editor must act on.
bool is_problem(Verdict verdict);

}  // namespace linkhealth
