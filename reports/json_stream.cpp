#include "reports/json_stream.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "extract/utf8.h"

namespace linkhealth {
namespace {

std::string margin(int indent, int depth) {
  return std::string(indent < 0 ? 0 : static_cast<std::size_t>(indent * depth), ' ');
}

// True when dump() writes `text` as it is between quotes: valid UTF-8 with nothing to escape.
bool is_plain_json_text(std::string_view text) {
  const bool needs_escape = std::any_of(text.begin(), text.end(), [](char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
  });
  return !needs_escape && !first_invalid_utf8(text);
}

}  // namespace

void write_json_string(std::ostream& out, std::string_view text) {
  if (!is_plain_json_text(text)) {
    write_nested(out, nlohmann::json(text), -1, 0);
    return;
  }
  out << '"';
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out << '"';
}

void write_nested(std::ostream& out, const nlohmann::json& value, int indent, int depth) {
  const std::string text = value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  if (indent < 0) {
    out << text;
    return;
  }
  // JSON strings never hold a raw newline, so every newline of the dump starts a nested line.
  const std::string nested_margin = margin(indent, depth);
  std::size_t from = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
    out << nested_margin;
    from = nl + 1;
  }
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

JsonContainerWriter::JsonContainerWriter(std::ostream& out, char open, int indent, int depth)
    : out_(out), open_(open), indent_(indent), depth_(depth) {}

std::ostream& JsonContainerWriter::next() {
  out_ << (empty_ ? open_ : ',');
  if (indent_ >= 0) out_ << '\n' << margin(indent_, depth_ + 1);
  empty_ = false;
  return out_;
}

std::ostream& JsonContainerWriter::next(std::string_view name) {
  write_json_string(next(), name);
  return out_ << (indent_ < 0 ? ":" : ": ");
}

void JsonContainerWriter::add(const nlohmann::json& element) {
  write_nested(next(), element, indent_, depth_ + 1);
}

void JsonContainerWriter::add(std::string_view name, const nlohmann::json& value) {
  write_nested(next(name), value, indent_, depth_ + 1);
}

void JsonContainerWriter::finish() {
  const char close = open_ == '[' ? ']' : '}';
  if (empty_) {
    out_ << open_ << close;
    return;
  }
  if (indent_ >= 0) out_ << '\n' << margin(indent_, depth_);
  out_ << close;
}

}  // namespace linkhealth
