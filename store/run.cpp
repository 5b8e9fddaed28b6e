#include "store/run.h"

#include <array>
#include <utility>

namespace linkhealth {
namespace {

constexpr std::array<std::pair<RunKind, std::string_view>, 2> kKinds{{
    {RunKind::Crawl, "crawl"},
    {RunKind::Check, "check"},
}};
constexpr std::array<std::pair<RunStatus, std::string_view>, 3> kStatuses{{
    {RunStatus::Running, "running"},
    {RunStatus::Done, "done"},
    {RunStatus::Interrupted, "interrupted"},
}};

template <typename Table, typename Value>
std::string_view name_of(const Table& table, Value value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return table[0].second;
}

template <typename Value, typename Table>
std::optional<Value> value_of(const Table& table, std::string_view name) {
  for (const auto& [v, n] : table) {
    if (n == name) return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(RunKind kind) {
  return name_of(kKinds, kind);
}
std::string_view to_string(RunStatus status) {
  return name_of(kStatuses, status);
}
std::optional<RunKind> run_kind_from_string(std::string_view name) {
  return value_of<RunKind>(kKinds, name);
}
std::optional<RunStatus> run_status_from_string(std::string_view name) {
  return value_of<RunStatus>(kStatuses, name);
}

}  // namespace linkhealth
