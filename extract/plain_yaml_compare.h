#pragma once
// Speed, for `fix`: the checks of an edited YAML block (front_matter_edit.h) on the plain
// reader's trees (plain_yaml.h) in place of yaml-cpp's, when the plain reader takes the block
// before and after the edit. It reads what it takes as yaml-cpp does, quoting (yaml-cpp's tag)
// included, so a check passed here is passed on yaml-cpp's trees; a check failed here is left
// to yaml-cpp, which then words the reason.

#include <map>
#include <string>
#include <string_view>

#include "extract/plain_yaml.h"

namespace linkhealth {

/// Dotted field -> the value an edit wrote there.
using EditedValues = std::map<std::string, std::string>;

/// Whether `after` is `before` with the values at the `edited` fields replaced: the same node
/// kinds, keys in the same order, the same scalars quoted alike; an edited field a scalar with
/// its new value, written plain only when YAML reads it back as a string.
bool plain_edit_reads_alike(const PlainYaml& before, const PlainYaml& after,
                            const EditedValues& edited);

/// Whether a scan's selection of the top-level entries of `before` (top_level_select.h) reads
/// each of them in the edited block `after_text` as the whole tree `after` does. False also
/// when the plain reader does not take the selection.
bool plain_selection_reads_alike(std::string_view after_text, const PlainYaml& before,
                                 const PlainYaml& after);

}  // namespace linkhealth
