#pragma once
// toml++ 3.3 recurses once per level of nesting when it finishes and frees its tree, so a block
// with a header like [a.a.a.…] of 40,000 keys overflows the stack inside the library before any
// cap could look at the tree. This measures the nesting from the text alone, so that such a
// block is refused before toml++ sees it.

#include <cstddef>
#include <optional>
#include <string_view>

namespace linkhealth {

/// The 1-based line (of `toml`) where the nesting passes `limit` levels, or nullopt. Levels are
/// those the text asks for: table headers and dotted keys, one per key; inline tables and
/// arrays, one per bracket. Strings and comments are skipped; anything malformed is left to
/// toml++ to report.
std::optional<int> toml_nesting_over(std::string_view toml, std::size_t limit);

}  // namespace linkhealth
