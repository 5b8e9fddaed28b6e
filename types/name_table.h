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

  /// True when entry i names the value i: the values of an enum counted from 0, in declaration
  /// order. Each table asserts it at compile time, so a value inserted into an enum without
  /// its name fails the build instead of being written under a neighbour's name (a value
  /// appended at the end is caught by the count in the enum's header and the tests).
  constexpr bool names_every_value_in_order() const {
    for (std::size_t i = 0; i < N; ++i) {
      if (static_cast<std::size_t>(entries[i].first) != i) return false;
    }
    return true;
  }

  /// Every value, in table order.
  constexpr std::array<Enum, N> values() const {
    std::array<Enum, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = entries[i].first;
    return out;
  }
};

}  // namespace linkhealth
