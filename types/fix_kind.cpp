#include "types/fix_kind.h"

#include <algorithm>

namespace linkhealth {

std::optional<std::vector<FixKind>> fix_kinds_from_list(std::string_view list,
                                                        std::string* unknown) {
  std::vector<FixKind> kinds;
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view name = list.substr(start, end - start);
    const auto kind = from_name<FixKind>(name);
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
