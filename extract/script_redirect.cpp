#include "extract/script_redirect.h"

#include <vector>

#include "extract/ascii.h"

namespace linkhealth {
namespace {

struct Token {
  enum class Kind { Name, String, Number, Punct };
  Kind kind = Kind::Punct;
  std::string text;  // a name, a decoded string, digits, or the punctuator
};

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The string literal opening at js[i]; i ends past its closing quote. JS escapes are decoded;
// \x and \u escapes only in ASCII (a URL needs no more), anything odd gives nullopt.
std::optional<std::string> read_string(std::string_view js, std::size_t& i) {
  const char quote = js[i++];
  std::string out;
  while (i < js.size() && js[i] != quote) {
    char c = js[i++];
    if (c == '\n' || (quote == '`' && c == '$' && i < js.size() && js[i] == '{')) return {};
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i >= js.size()) return {};
    c = js[i++];
    const std::size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : 0;
    if (digits == 0) {
      out += c;  // \/ \' \" \\ and friends stand for themselves in a URL
      continue;
    }
    int value = 0;
    for (std::size_t k = 0; k < digits; ++k) {
      const int h = i < js.size() ? hex_value(js[i++]) : -1;
      if (h < 0) return {};
      value = value * 16 + h;
    }
    if (value == 0 || value >= 0x80) return {};
    out += static_cast<char>(value);
  }
  if (i >= js.size()) return {};
  ++i;
  return out;
}

// Skips a comment starting at js[i] (//, /* */, and the <!-- and --> line comments scripts
// still wrap themselves in); false when none starts there.
bool skip_comment(std::string_view js, std::size_t& i) {
  const std::string_view rest = js.substr(i);
  if (rest.starts_with("//") || rest.starts_with("<!--") || rest.starts_with("-->")) {
    const std::size_t end = js.find('\n', i);
    i = end == std::string_view::npos ? js.size() : end + 1;
    return true;
  }
  if (rest.starts_with("/*")) {
    const std::size_t end = js.find("*/", i + 2);
    i = end == std::string_view::npos ? js.size() : end + 2;
    return true;
  }
  return false;
}

std::optional<std::vector<Token>> tokenize(std::string_view js) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < js.size()) {
    const char c = js[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      ++i;
    } else if (skip_comment(js, i)) {
    } else if (c == '"' || c == '\'' || c == '`') {
      auto text = read_string(js, i);
      if (!text) return {};
      tokens.push_back({Token::Kind::String, std::move(*text)});
    } else if (is_name_start(c)) {
      const std::size_t start = i;
      while (i < js.size() && is_name_char(js[i])) ++i;
      tokens.push_back({Token::Kind::Name, std::string(js.substr(start, i - start))});
    } else if (c >= '0' && c <= '9') {
      const std::size_t start = i;
      while (i < js.size() && js[i] >= '0' && js[i] <= '9') ++i;
      tokens.push_back({Token::Kind::Number, std::string(js.substr(start, i - start))});
    } else if (js.substr(i, 2) == "=>" || js.substr(i, 2) == "==") {
      tokens.push_back({Token::Kind::Punct, std::string(js.substr(i, 2))});
      i += 2;
    } else if (std::string_view(".=(){};,").find(c) != std::string_view::npos) {
      tokens.push_back({Token::Kind::Punct, std::string(1, c)});
      ++i;
    } else {
      return {};  // any other operator means the script does more than redirect
    }
  }
  return tokens;
}

// Recursive descent over the few shapes a redirect stub takes.
class RedirectStub {
 public:
  explicit RedirectStub(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  std::optional<std::string> target() {
    const std::size_t start = at_;
    if (auto t = wrapped_statement(); t && done()) return t;
    at_ = start;
    if (auto t = statement(); t && done()) return t;
    return {};
  }

 private:
  bool punct(std::string_view p) {
    if (at_ < tokens_.size() && tokens_[at_].kind == Token::Kind::Punct && tokens_[at_].text == p) {
      ++at_;
      return true;
    }
    return false;
  }

  bool name(std::string_view n) {
    if (at_ < tokens_.size() && tokens_[at_].kind == Token::Kind::Name && tokens_[at_].text == n) {
      ++at_;
      return true;
    }
    return false;
  }

  std::optional<std::string> string() {
    if (at_ < tokens_.size() && tokens_[at_].kind == Token::Kind::String)
      return tokens_[at_++].text;
    return {};
  }

  std::optional<long> number() {
    if (at_ >= tokens_.size() || tokens_[at_].kind != Token::Kind::Number) return {};
    const std::string& digits = tokens_[at_++].text;
    if (digits.size() > 7) return {};
    return std::stol(digits);
  }

  // The end, after at most one ';'.
  bool done() {
    punct(";");
    return at_ == tokens_.size();
  }

  // a.b.c as its names.
  std::vector<std::string> dotted() {
    std::vector<std::string> names;
    while (at_ < tokens_.size() && tokens_[at_].kind == Token::Kind::Name) {
      names.push_back(tokens_[at_++].text);
      if (!punct(".")) break;
    }
    return names;
  }

  // [window. | document. | self. | top. | parent. | window.top.] location
  static bool is_location(const std::vector<std::string>& names, std::size_t count) {
    if (count == 0 || count > 3 || names[count - 1] != "location") return false;
    for (std::size_t k = 0; k + 1 < count; ++k) {
      const std::string& n = names[k];
      if (n != "window" && n != "document" && n != "self" && n != "top" && n != "parent")
        return false;
    }
    return true;
  }

  // location = "..." | location.href = "..." | location.replace("...") | location.assign("...")
  std::optional<std::string> statement() {
    const std::vector<std::string> names = dotted();
    if (names.empty()) return {};
    if (punct("=")) {
      const std::size_t n = names.size();
      const bool target =
          is_location(names, n) || (n > 1 && names[n - 1] == "href" && is_location(names, n - 1));
      return target ? string() : std::nullopt;
    }
    const std::size_t n = names.size();
    if (n < 2 || (names[n - 1] != "replace" && names[n - 1] != "assign") ||
        !is_location(names, n - 1) || !punct("("))
      return {};
    auto url = string();
    if (!url || !punct(")")) return {};
    return url;
  }

  // { statement [;] } or a bare statement (arrow body)
  std::optional<std::string> body(bool bare_allowed) {
    if (punct("{")) {
      auto url = statement();
      punct(";");
      if (!url || !punct("}")) return {};
      return url;
    }
    return bare_allowed ? statement() : std::nullopt;
  }

  // function () BODY | () => BODY
  std::optional<std::string> function() {
    if (name("function")) {
      if (!punct("(") || !punct(")")) return {};
      return body(false);
    }
    if (!punct("(") || !punct(")") || !punct("=>")) return {};
    return body(true);
  }

  // window.onload = FUNCTION | [window.]setTimeout(FUNCTION, ms)
  std::optional<std::string> wrapped_statement() {
    const std::vector<std::string> names = dotted();
    const bool onload = names == std::vector<std::string>{"window", "onload"};
    const bool timer = names == std::vector<std::string>{"setTimeout"} ||
                       names == std::vector<std::string>{"window", "setTimeout"};
    if (onload) return punct("=") ? function() : std::nullopt;
    if (!timer || !punct("(")) return {};
    auto url = function();
    if (!url || !punct(",")) return {};
    const auto ms = number();
    if (!ms || *ms > kMaxPageRedirectDelayS * 1000L || !punct(")")) return {};
    return url;
  }

  std::vector<Token> tokens_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<std::string> script_redirect_target(std::string_view script) {
  // Most pages carry dozens of small scripts (gtag, dataLayer): the word decides cheaply.
  if (script.size() > kMaxRedirectScriptBytes || script.find("location") == std::string_view::npos)
    return {};
  auto tokens = tokenize(script);
  if (!tokens || tokens->empty()) return {};
  auto url = RedirectStub(std::move(*tokens)).target();
  // "" and "#..." stay on the page; javascript: runs code rather than going anywhere.
  if (!url || url->empty() || url->front() == '#') return {};
  if (ascii_lower(std::string_view(*url).substr(0, 11)) == "javascript:") return {};
  return url;
}

}  // namespace linkhealth
