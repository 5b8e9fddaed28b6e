#include "reports/json_stream.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace linkhealth {
namespace {

std::string margin(int indent, int depth) {
  return std::string(indent < 0 ? 0 : static_cast<std::size_t>(indent * depth), ' ');
}

}  // namespace

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
  write_nested(next(), nlohmann::json(name), indent_, depth_ + 1);
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
