#pragma once
// The kinds of edit `linkhealth fix` writes back into content files (see reports/fix_plan.h
// for when each one applies).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/name_table.h"

namespace linkhealth {

enum class FixKind {
  Redirect,    ///< a confirmed permanent redirect: the value becomes the final URL
  Tracking,    ///< a stored value that still carries tracking: the value becomes the clean URL
  Relocation,  ///< the article found at a new URL on its site, two runs agreeing
};

template <>
inline constexpr NameTable<FixKind::Relocation> kNames<FixKind>{
    {"redirect", "tracking", "relocation"}};
static_assert(kNames<FixKind>.names_every_value());

/// The kinds named in a comma-separated list ("redirect,tracking"), each once; nullopt when a
/// name is unknown or empty. `unknown` receives the first unknown name.
std::optional<std::vector<FixKind>> fix_kinds_from_list(std::string_view list,
                                                        std::string* unknown = nullptr);

}  // namespace linkhealth
