// The name table's own logic: lookups both ways, and the compile-time check each kind's
// header asserts, which must refuse a table that lost or repeated a name.
#include <catch2/catch.hpp>

#include "types/name_table.h"

using namespace linkhealth;

namespace {

enum class Colour { Red, Green, Blue };

}  // namespace

template <>
inline constexpr NameTable<Colour::Blue> linkhealth::kNames<Colour>{{"red", "green", "blue"}};

TEST_CASE("a name table names and parses every value", "[types]") {
  STATIC_REQUIRE(kNames<Colour>.names_every_value());
  STATIC_REQUIRE(kNames<Colour>.kSize == 3);
  CHECK(to_string(Colour::Green) == "green");
  CHECK(from_name<Colour>("blue") == Colour::Blue);
  CHECK_FALSE(from_name<Colour>("Blue").has_value());
  CHECK_FALSE(from_name<Colour>("").has_value());
  constexpr auto values = all_values<Colour>();
  CHECK(values == std::array{Colour::Red, Colour::Green, Colour::Blue});
}

TEST_CASE("the compile-time check refuses a name missing or repeated", "[types]") {
  // The enum gained a value the table does not name.
  STATIC_REQUIRE_FALSE(NameTable<Colour::Blue>{{"red", "green"}}.names_every_value());
  STATIC_REQUIRE_FALSE(NameTable<Colour::Blue>{{"red", "", "blue"}}.names_every_value());
  // Two values under one name.
  STATIC_REQUIRE_FALSE(NameTable<Colour::Blue>{{"red", "green", "red"}}.names_every_value());
}
