#pragma once
// What a run is and where it stands (the `runs` table, the JSON document's "run").

#include "types/name_table.h"

namespace linkhealth {

/// The weekly `crawl` or an ad-hoc `check`.
enum class RunKind { Crawl, Check };
enum class RunStatus { Running, Done, Interrupted };

template <>
inline constexpr NameTable<RunKind::Check> kNames<RunKind>{{"crawl", "check"}};
static_assert(kNames<RunKind>.names_every_value());
template <>
inline constexpr NameTable<RunStatus::Interrupted> kNames<RunStatus>{
    {"running", "done", "interrupted"}};
static_assert(kNames<RunStatus>.names_every_value());

inline constexpr auto& run_kind_from_string = from_name<RunKind>;
inline constexpr auto& run_status_from_string = from_name<RunStatus>;

}  // namespace linkhealth
