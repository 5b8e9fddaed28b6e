#include "extract/json_front_matter.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/marked_yaml_builder.h"

namespace linkhealth {

namespace {

using nlohmann::json;
using Id = MarkedYamlBuilder::Id;

/// A char iterator that notes how far nlohmann has read: its SAX callbacks get no positions,
/// and the line of the token just read is what the YAML marks need.
class TrackedChars {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackedChars(const char* at, const char** furthest) : at_(at), furthest_(furthest) {}
  reference operator*() const { return *at_; }
  TrackedChars& operator++() {
    *furthest_ = ++at_;
    return *this;
  }
  TrackedChars operator++(int) {
    TrackedChars before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackedChars& other) const { return at_ == other.at_; }

 private:
  const char* at_;
  const char** furthest_;
};

/// nlohmann's SAX interface, adding each value to the tree at the line it was read on.
class JsonTreeBuild {
 public:
  JsonTreeBuild(std::string_view text, int first_line, const FrontMatterLimits& limits)
      : limits_(limits), first_line_(first_line), counted_(text.data()), furthest_(text.data()) {}

  const char** furthest() { return &furthest_; }
  const MarkedYamlBuilder& builder() const { return builder_; }
  /// A syntax error or a cap, at its file line.
  const std::optional<FrontMatterError>& error() const { return error_; }

  bool null() { return add_plain("null"); }
  bool boolean(bool value) { return add_plain(value ? "true" : "false"); }
  bool number_integer(json::number_integer_t value) { return add_plain(std::to_string(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return add_plain(std::to_string(value)); }
  bool number_float(json::number_float_t, const json::string_t& text) { return add_plain(text); }
  bool string(json::string_t& value) {
    const int at = line();
    if (!within_caps(at)) return false;
    link(builder_.add_string(value, at));
    return true;
  }
  bool binary(json::binary_t&) { return true; }  // only binary formats (CBOR, ...) have these
  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& value) {
    key_ = builder_.add_string(value, line());
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const json::exception& e) {
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
    std::string message = e.what();
    if (const auto column = message.find(", column "); column != std::string::npos) {
      if (const auto colon = message.find(": ", column); colon != std::string::npos) {
        message.erase(0, colon + 2);
      }
    }
    error_ = FrontMatterError{"JSON: " + message, first_line_ + line()};
    return false;
  }

 private:
  bool add_plain(std::string_view text) {
    const int at = line();
    if (!within_caps(at)) return false;
    link(builder_.add_plain(text, at));
    return true;
  }

  bool open(bool map) {
    const int at = line();
    if (!within_caps(at)) return false;
    const Id id = map ? builder_.add_map(at) : builder_.add_list(at);
    link(id);
    open_.push_back({id, map});
    return true;
  }

  bool close() {
    open_.pop_back();
    return true;
  }

  /// Puts a new node in the open map (under the last key) or list; the root has no parent.
  void link(Id id) {
    if (open_.empty()) return;
    if (open_.back().map) {
      builder_.add_entry(open_.back().id, key_, id);
    } else {
      builder_.add_item(open_.back().id, id);
    }
  }

  /// Counts a new node at `at` (its depth is the number of maps and lists open).
  bool within_caps(int at) {
    if (++nodes_ > limits_.max_nodes) {
      error_ = too_many_nodes_error(limits_, first_line_ + at);
    } else if (open_.size() > limits_.max_depth) {
      error_ = too_deep_error(limits_, first_line_ + at);
    }
    return !error_;
  }

  /// 0-based line of the last token read. nlohmann reads one character past a number, so the
  /// last character read is left out: it is never part of a token that could span a line.
  int line() {
    const char* upto = furthest_ > counted_ ? furthest_ - 1 : counted_;
    line_ += static_cast<int>(std::count(counted_, upto, '\n'));
    counted_ = upto;
    return line_;
  }

  struct Open {
    Id id;
    bool map;
  };

  MarkedYamlBuilder builder_;
  FrontMatterLimits limits_;
  int first_line_;
  std::vector<Open> open_;
  Id key_ = 0;
  std::size_t nodes_ = 0;
  std::optional<FrontMatterError> error_;
  const char* counted_;
  const char* furthest_;
  int line_ = 0;
};

}  // namespace

std::optional<std::size_t> json_front_matter_end(std::string_view text) {
  int level = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    switch (text[i]) {
      case '{':
        level += in_string ? 0 : 1;
        break;
      case '}':
        level -= in_string ? 0 : 1;
        break;
      case '"':
        in_string = !in_string;
        break;
      case '\\':
        ++i;
        break;
      default:
        break;
    }
    if (level == 0) return i + 1;
  }
  return std::nullopt;
}

ParsedFrontMatter json_front_matter_tree(const FrontMatterBlock& block,
                                         const FrontMatterLimits& limits) {
  JsonTreeBuild tree(block.text, block.first_line, limits);
  const char* begin = block.text.data();
  const char* end = begin + block.text.size();
  json::sax_parse(TrackedChars(begin, tree.furthest()), TrackedChars(end, tree.furthest()), &tree);
  if (tree.error()) return ParsedFrontMatter{YAML::Node(), tree.error()};
  return ParsedFrontMatter{tree.builder().build(), std::nullopt};
}

}  // namespace linkhealth
