#pragma once
// TOML front matter (Hugo's `+++` blocks), read with toml++ into the YAML tree the rest of the
// reader consumes.

#include "extract/front_matter.h"

namespace linkhealth {

/// The block as a YAML tree (not yet checked for duplicate keys; toml++ refuses those itself):
/// tables become maps, arrays lists, strings strings; numbers and booleans plain scalars; dates
/// and times their RFC 3339 text (`2021-03-04`, `2021-03-04T10:00:00Z`), as a YAML date reads.
/// A toml++ syntax error, or a cap, comes back at its file line.
ParsedFrontMatter toml_front_matter_tree(const FrontMatterBlock& block,
                                         const FrontMatterLimits& limits);

}  // namespace linkhealth
