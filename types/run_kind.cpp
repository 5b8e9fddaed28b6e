#include "types/run_kind.h"

#include "types/name_table.h"

namespace linkhealth {
namespace {

constexpr NameTable<RunKind, 2> kKinds{{{
    {RunKind::Crawl, "crawl"},
    {RunKind::Check, "check"},
}}};
static_assert(kKinds.names_every_value_in_order());

constexpr NameTable<RunStatus, 3> kStatuses{{{
    {RunStatus::Running, "running"},
    {RunStatus::Done, "done"},
    {RunStatus::Interrupted, "interrupted"},
}}};
static_assert(kStatuses.names_every_value_in_order());

}  // namespace

std::string_view to_string(RunKind kind) {
  return kKinds.name(kind);
}
std::string_view to_string(RunStatus status) {
  return kStatuses.name(status);
}
std::optional<RunKind> run_kind_from_string(std::string_view name) {
  return kKinds.parse(name);
}
std::optional<RunStatus> run_status_from_string(std::string_view name) {
  return kStatuses.parse(name);
}

}  // namespace linkhealth
