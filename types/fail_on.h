#pragma once
// When a crawl or check exits 2 (README "Exit codes"): the `--fail-on` flag and `fail_on` key.

#include "types/name_table.h"

namespace linkhealth {

enum class FailOn { New, Any, Never };

template <>
inline constexpr NameTable<FailOn::Never> kNames<FailOn>{{"new", "any", "never"}};
static_assert(kNames<FailOn>.names_every_value());

inline constexpr auto& fail_on_from_string = from_name<FailOn>;

}  // namespace linkhealth
