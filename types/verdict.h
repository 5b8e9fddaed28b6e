#pragma once
// types/ is the vocabulary at the bottom of the flow (extract -> crawler -> store -> reports):
// the kinds every stage speaks of, each an enum class with one name table (types/name_table.h)
// that JSON, the database, the report and flag parsing all use. Nothing here does I/O.

#include <cstddef>

#include "types/name_table.h"

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

template <>
inline constexpr NameTable<Verdict::Skipped> kNames<Verdict>{
    {"ok", "redirected", "broken", "soft_404", "blocked", "server_error", "timeout",
     "network_error", "tls_error", "invalid", "skipped"}};
static_assert(kNames<Verdict>.names_every_value());
inline constexpr std::size_t kVerdictCount = kNames<Verdict>.kSize;

inline constexpr auto& verdict_from_string = from_name<Verdict>;
inline constexpr auto& all_verdicts = all_values<Verdict>;

/// True for verdicts that mean the link is a problem an editor must act on.
bool is_problem(Verdict verdict);

}  // namespace linkhealth
