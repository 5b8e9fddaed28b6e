#pragma once
// One name per value of a kind: the table every JSON writer, database column, report and flag
// parser goes through, so a kind's spelling lives in exactly one place.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace linkhealth {

template <typename Enum, std::size_t N>
struct NameTable {
  std::array<std::pair<Enum, std::string_view>, N> entries;

  /// The value's name; the first entry's name for a value the table lacks (a programmer error
  /// the tests of each table rule out).
  constexpr std::string_view name(Enum value) const {
    for (const auto& [v, n] : entries) {
      if (v == value) return n;
    }
    return entries[0].second;
  }

  /// The value named `name`; nullopt for an unknown name.
  constexpr std::optional<Enum> parse(std::string_view name) const {
    for (const auto& [v, n] : entries) {
      if (n == name) return v;
    }
    return std::nullopt;
  }

  /// Every value, in table order.
  constexpr std::array<Enum, N> values() const {
    std::array<Enum, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = entries[i].first;
    return out;
  }
};

}  // namespace linkhealth
