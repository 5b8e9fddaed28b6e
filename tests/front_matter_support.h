#pragma once
// Shared by the front-matter format tests (YAML, TOML, JSON).

#include <catch2/catch.hpp>

#include <string>

#include "extract/source_reader.h"

namespace linkhealth::testing {

/// The single finding of a file that gave no Source, which must be a parse_error of `file`.
inline Finding only_parse_error(const SourceRead& read, const std::string& file) {
  CHECK_FALSE(read.source);
  REQUIRE(read.findings.size() == 1);
  CHECK(read.findings[0].kind == FindingKind::ParseError);
  CHECK(read.findings[0].file == file);
  return read.findings[0];
}

}  // namespace linkhealth::testing
