#pragma once
// A JSON document written a piece at a time, with the same bytes as nlohmann's dump() of the
// whole tree, so a large document is never one json tree or one string. Objects take their
// members in key order (dump() writes std::map order); the callers know their keys.

#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace linkhealth {

/// `text` as dump() writes a JSON string (quoted, escaped; invalid UTF-8 as U+FFFD), without
/// building a json value for it.
void write_json_string(std::ostream& out, std::string_view text);

/// `value` as dump(indent) writes it `depth` levels deep in a document (indent < 0: compact);
/// invalid UTF-8 in any string becomes U+FFFD instead of throwing.
void write_nested(std::ostream& out, const nlohmann::json& value, int indent, int depth);

/// An array or object `depth` levels deep, opened by the first element or member and closed
/// by finish() ("[]" or "{}" when nothing came).
class JsonContainerWriter {
 public:
  JsonContainerWriter(std::ostream& out, char open, int indent, int depth);

  /// Writes what precedes the next element (bracket or comma, newline, margin); the caller
  /// then writes the element itself `depth() + 1` levels deep.
  std::ostream& next();
  /// next() then `"name": `, for an object's member.
  std::ostream& next(std::string_view name);

  void add(const nlohmann::json& element);
  void add(std::string_view name, const nlohmann::json& value);
  void finish();

  int indent() const { return indent_; }
  int depth() const { return depth_; }

 private:
  std::ostream& out_;
  char open_;
  int indent_;
  int depth_;
  bool empty_ = true;
};

}  // namespace linkhealth
