#pragma once
// One name per value of a kind: the table every JSON writer, database column, report and flag
// parser goes through, so a kind's spelling lives in exactly one place. A kind's header
// declares its table as kNames<Kind>, right under the enum, and to_string, from_name and
// all_values below serve every kind from it.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace linkhealth {

/// The names of the values of an enum counted from 0, from the first value to `Last`, in
/// declaration order: naming the last value sizes the table, so no count is kept by hand.
template <auto Last>
requires std::is_enum_v<decltype(Last)>
struct NameTable {
  using Enum = decltype(Last);
  static constexpr std::size_t kSize = static_cast<std::size_t>(Last) + 1;

  /// names[i] names the value i.
  std::array<std::string_view, kSize> names;

  /// The value's name; the first name for a value past `Last` (a programmer error).
  constexpr std::string_view name(Enum value) const {
    const auto i = static_cast<std::size_t>(value);
    return i < kSize ? names[i] : names[0];
  }

  /// The value named `name`; nullopt for an unknown name.
  constexpr std::optional<Enum> parse(std::string_view name) const {
    for (std::size_t i = 0; i < kSize; ++i) {
      if (names[i] == name) return static_cast<Enum>(i);
    }
    return std::nullopt;
  }

  /// True when every value up to `Last` has a name and no two share one. Each table asserts
  /// it at compile time, so a value inserted into an enum without its name fails the build
  /// instead of being written under a neighbour's name. (A value appended after `Last` must
  /// become the table's `Last`; the build cannot see that one.)
  constexpr bool names_every_value() const {
    for (std::size_t i = 0; i < kSize; ++i) {
      if (names[i].empty()) return false;
      for (std::size_t j = 0; j < i; ++j) {
        if (names[j] == names[i]) return false;
      }
    }
    return true;
  }

  /// Every value, in declaration order.
  constexpr std::array<Enum, kSize> values() const {
    std::array<Enum, kSize> out{};
    for (std::size_t i = 0; i < kSize; ++i) out[i] = static_cast<Enum>(i);
    return out;
  }
};

/// A kind's name table: each kind's header specialises it, e.g. for FailOn { New, Any, Never }
///   template <>
///   inline constexpr NameTable<FailOn::Never> kNames<FailOn>{{"new", "any", "never"}};
template <typename Enum>
inline constexpr std::nullptr_t kNames = nullptr;

/// An enum whose header declares its name table.
template <typename Enum>
concept NamedKind = std::is_enum_v<Enum> && !std::is_null_pointer_v<decltype(kNames<Enum>)>;

template <NamedKind Enum>
constexpr std::string_view to_string(Enum value) {
  return kNames<Enum>.name(value);
}

/// Inverse of to_string; nullopt for an unknown name (names are exact).
template <NamedKind Enum>
constexpr std::optional<Enum> from_name(std::string_view name) {
  return kNames<Enum>.parse(name);
}

/// Every value of the kind, in declaration order.
template <NamedKind Enum>
constexpr auto all_values() {
  return kNames<Enum>.values();
}

}  // namespace linkhealth
