#include "reports/html_escape.h"

#include "extract/ascii.h"

namespace linkhealth {
namespace {

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
          out += kReplacementChar;
        } else {
          out += c;
        }
    }
  }
  return out;
}

bool is_linkable_url(std::string_view url) {
  if (!starts_with_ignoring_case(url, "http://") && !starts_with_ignoring_case(url, "https://"))
    return false;
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return false;
  }
  return true;
}

std::string render_link(std::string_view url, std::string_view label) {
  std::string text = escape_html(label.empty() ? url : label);
  if (!is_linkable_url(url)) return "<span class=\"nolink\">" + text + "</span>";
  return "<a href=\"" + escape_html(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">" +
         text + "</a>";
}

std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (json.substr(i, 3) == "\xE2\x80\xA8") {
      out += "\\u2028";
      i += 2;
    } else if (json.substr(i, 3) == "\xE2\x80\xA9") {
      out += "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace linkhealth
