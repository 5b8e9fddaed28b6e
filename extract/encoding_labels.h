#pragma once
// The Encoding Standard's labels: every name a page or an HTTP header may give its charset, and
// the encoding each one means ("latin2" and "iso8859-2" both mean iso-8859-2).

#include <span>
#include <string_view>

namespace linkhealth {

struct EncodingLabel {
  std::string_view label;  ///< lowercase, as the standard lists it
  std::string_view name;   ///< the encoding's name in the standard, lowercased ("shift_jis")
};

/// The standard's whole label table, in its order.
std::span<const EncodingLabel> encoding_labels();

/// The standard's "get an encoding": the name of the encoding `label` means, ignoring ASCII case
/// and surrounding ASCII whitespace; "" when the standard does not know the label.
std::string_view encoding_for_label(std::string_view label);

}  // namespace linkhealth
