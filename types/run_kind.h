#pragma once
// What a run is and where it stands (the `runs` table, the JSON document's "run").

#include <cstddef>
#include <optional>
#include <string_view>

namespace linkhealth {

/// The weekly `crawl` or an ad-hoc `check`.
enum class RunKind { Crawl, Check };
enum class RunStatus { Running, Done, Interrupted };

std::string_view to_string(RunKind kind);      ///< "crawl" | "check"
std::string_view to_string(RunStatus status);  ///< "running" | "done" | "interrupted"
std::optional<RunKind> run_kind_from_string(std::string_view name);
std::optional<RunStatus> run_status_from_string(std::string_view name);

}  // namespace linkhealth
