#include "types/fix_kind.h"

#include <algorithm>

#include "types/name_table.h"

namespace linkhealth {
namespace {

constexpr NameTable<FixKind, kFixKindCount> kFixKindNames{{{
    {FixKind::Redirect, "redirect"},
    {FixKind::Tracking, "tracking"},
    {FixKind::Relocation, "relocation"},
}}};
static_assert(kFixKindNames.names_every_value_in_order());

constexpr std::array<FixKind, kFixKindCount> kAll = kFixKindNames.values();

}  // namespace

std::string_view to_string(FixKind kind) {
  return kFixKindNames.name(kind);
}

std::optional<FixKind> fix_kind_from_string(std::string_view name) {
  return kFixKindNames.parse(name);
}

const std::array<FixKind, kFixKindCount>& all_fix_kinds() {
  return kAll;
}

std::optional<std::vector<FixKind>> fix_kinds_from_list(std::string_view list,
                                                        std::string* unknown) {
  std::vector<FixKind> kinds;
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view name = list.substr(start, end - start);
    const auto kind = fix_kind_from_string(name);
    if (!kind) {
      if (unknown != nullptr) *unknown = std::string(name);
      return std::nullopt;
    }
    if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) kinds.push_back(*kind);
    start = end + 1;
  }
  return kinds;
}

}  // namespace linkhealth
