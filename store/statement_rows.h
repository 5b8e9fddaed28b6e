#pragma once
// Reading a statement's result rows into a vector, one read function per row type.

#include <vector>

#include <SQLiteCpp/Statement.h>

namespace linkhealth {

/// Every remaining row of `s`, each made by `read`, in the statement's order.
template <typename Read>
auto all_rows(SQLite::Statement& s, Read read) {
  std::vector<decltype(read(s))> out;
  while (s.executeStep()) out.push_back(read(s));
  return out;
}

}  // namespace linkhealth
