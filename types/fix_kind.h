#pragma once
// The kinds of edit `linkhealth fix` writes back into content files (see reports/fix_plan.h
// for when each one applies).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linkhealth {

enum class FixKind {
  Redirect,    ///< a confirmed permanent redirect: the value becomes the final URL
  Tracking,    ///< a stored value that still carries tracking: the value becomes the clean URL
  Relocation,  ///< the article found at a new URL on its site, two runs agreeing
};
inline constexpr std::size_t kFixKindCount = 3;

/// "redirect", "tracking", "relocation".
std::string_view to_string(FixKind kind);
std::optional<FixKind> fix_kind_from_string(std::string_view name);
const std::array<FixKind, kFixKindCount>& all_fix_kinds();

/// The kinds named in a comma-separated list ("redirect,tracking"); nullopt when a name is
/// unknown or the list is empty. `unknown` receives the first unknown name.
std::optional<std::vector<FixKind>> fix_kinds_from_list(std::string_view list,
                                                        std::string* unknown = nullptr);

}  // namespace linkhealth
