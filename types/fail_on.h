#pragma once
// When a crawl or check exits 2 (README "Exit codes"): the `--fail-on` flag and `fail_on` key.

#include <optional>
#include <string_view>

namespace linkhealth {

enum class FailOn { New, Any, Never };

std::string_view to_string(FailOn policy);  ///< "new" | "any" | "never"
std::optional<FailOn> fail_on_from_string(std::string_view name);

}  // namespace linkhealth
