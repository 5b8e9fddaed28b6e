#include "extract/json_value_span.h"

#include <vector>

#include <nlohmann/json.hpp>

namespace linkhealth {
namespace {

SpanLookup fail(std::string error) {
  return SpanLookup{std::nullopt, std::move(error)};
}

/// Walks the tokens of a JSON text, keeping the dotted path of the value it is at.
class JsonWalk {
 public:
  explicit JsonWalk(std::string_view text) : text_(text) {}

  /// The span of the string value at `field`, or nullopt.
  std::optional<ValueSpan> find(const std::string& field) {
    field_ = field;
    value("");
    return std::move(found_);
  }

 private:
  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }

  /// Past the string token at at_; its text, quotes included.
  std::optional<std::string_view> string_token() {
    const std::size_t begin = at_;
    for (++at_; at_ < text_.size(); ++at_) {
      if (text_[at_] == '\\') {
        ++at_;
      } else if (text_[at_] == '"') {
        ++at_;
        return text_.substr(begin, at_ - begin);
      }
    }
    return std::nullopt;
  }

  /// Reads one value; false on a malformed text (or once the field is found, to stop early).
  bool value(const std::string& path) {
    skip_space();
    if (at_ >= text_.size()) return false;
    const char c = text_[at_];
    if (c == '{') return object(path);
    if (c == '[') return array(path);
    if (c == '"') {
      const std::size_t begin = at_;
      const auto token = string_token();
      if (!token) return false;
      if (path == field_) {
        try {
          found_ = ValueSpan{begin, at_, ValueStyle::JsonString, false,
                             nlohmann::json::parse(*token).get<std::string>()};
        } catch (const nlohmann::json::exception&) {
          return false;
        }
        return false;  // found: stop walking
      }
      return true;
    }
    // A number, true, false or null: up to the next delimiter.
    while (at_ < text_.size() &&
           std::string_view(",]} \t\r\n").find(text_[at_]) == std::string_view::npos) {
      ++at_;
    }
    return true;
  }

  /// Past `c` when it is the next character.
  bool take(char c) {
    if (at_ >= text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
  }

  /// The items of the object or array whose opening bracket is at at_, each read by `item`,
  /// up to `close`; false on a malformed text (or once the field is found).
  template <typename Item>
  bool items(char close, const Item& item) {
    ++at_;
    skip_space();
    if (take(close)) return true;
    while (item()) {
      skip_space();
      if (!take(',')) return take(close);
    }
    return false;
  }

  bool object(const std::string& path) {
    return items('}', [&] {
      skip_space();
      if (at_ >= text_.size() || text_[at_] != '"') return false;
      const auto key = string_token();
      if (!key) return false;
      std::string name;
      try {
        name = nlohmann::json::parse(*key).get<std::string>();
      } catch (const nlohmann::json::exception&) {
        return false;
      }
      skip_space();
      return take(':') && value(path.empty() ? name : path + "." + name);
    });
  }

  // Items have no dotted path: a field never names one.
  bool array(const std::string& path) {
    return items(']', [&] { return value(path + "[]"); });
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::string field_;
  std::optional<ValueSpan> found_;
};

}  // namespace

SpanLookup json_value_span(std::string_view text, const std::string& field) {
  if (auto span = JsonWalk(text).find(field)) return SpanLookup{std::move(span), {}};
  return fail(field + " is not a string in the JSON front matter");
}

WrittenValue json_written_value(std::string_view value) {
  try {
    return WrittenValue{nlohmann::json(std::string(value)).dump(), {}};
  } catch (const nlohmann::json::exception&) {
    return WrittenValue{std::nullopt, "the new value is not UTF-8"};
  }
}

}  // namespace linkhealth
