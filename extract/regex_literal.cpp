#include "extract/regex_literal.h"

#include <cctype>
#include <optional>

#include "extract/ascii.h"

namespace linkhealth {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// Reads an ECMAScript regex left to right at the top level, collecting runs of literal
/// characters that every match must hold in that order and next to each other.
class LiteralScan {
 public:
  explicit LiteralScan(std::string_view s) : s_(s) {}

  std::optional<std::string> run() {
    while (i_ < s_.size()) {
      if (!step()) return std::nullopt;
    }
    end_run();
    return best_;
  }

 private:
  /// One token; false when the pattern holds something that makes every literal uncertain.
  bool step() {
    const char c = s_[i_];
    switch (c) {
      case '|':
        return false;  // top-level alternation: no text is required
      case '(':
        end_run();
        if (!skip_group()) return false;
        skip_quantifier();
        return true;
      case '[':
        end_run();
        if (!skip_class()) return false;
        skip_quantifier();
        return true;
      case '^':
      case '$':
        end_run();
        ++i_;
        return true;
      case '.':
        end_run();
        ++i_;
        skip_quantifier();
        return true;
      case ')':
      case '?':
      case '*':
      case '+':
      case '{':
      case '}':
      case ']':
        return false;  // stray or literal-by-leniency: not worth guessing
      case '\\': {
        if (i_ + 1 >= s_.size()) return false;
        const char e = s_[i_ + 1];
        if (std::isalnum(static_cast<unsigned char>(e))) {
          // \d \w \s \b and friends are classes or assertions; \x41, \u0041, \cJ and \1 would
          // need decoding: give up on those.
          if (std::string_view("dDwWsSbB").find(e) == std::string_view::npos) return false;
          end_run();
          i_ += 2;
          skip_quantifier();
          return true;
        }
        return literal(e, 2);
      }
      default:
        return literal(c, 1);
    }
  }

  bool literal(char c, std::size_t width) {
    i_ += width;
    const char next = i_ < s_.size() ? s_[i_] : '\0';
    if (next == '?' || next == '*' || (next == '{' && quantifier_brace_end())) {
      end_run();  // c may be absent
      skip_quantifier();
      return true;
    }
    run_ += ascii_lower(c);
    if (next == '+') {
      end_run();  // c may repeat: what follows is not next to what came before
      skip_quantifier();
    }
    return true;
  }

  /// The index after "{n}", "{n,}" or "{n,m}" at i_, or 0 when there is none.
  std::size_t quantifier_brace_end() const {
    std::size_t j = i_ + 1;
    const std::size_t digits = j;
    while (j < s_.size() && is_digit(s_[j])) ++j;
    if (j == digits) return 0;
    if (j < s_.size() && s_[j] == ',') {
      ++j;
      while (j < s_.size() && is_digit(s_[j])) ++j;
    }
    return j < s_.size() && s_[j] == '}' ? j + 1 : 0;
  }

  void skip_quantifier() {
    if (i_ >= s_.size()) return;
    if (s_[i_] == '?' || s_[i_] == '*' || s_[i_] == '+') {
      ++i_;
    } else if (s_[i_] == '{') {
      const std::size_t end = quantifier_brace_end();
      if (end == 0) return;
      i_ = end;
    } else {
      return;
    }
    if (i_ < s_.size() && s_[i_] == '?') ++i_;  // lazy
  }

  bool skip_class() {
    ++i_;  // '['
    if (i_ < s_.size() && s_[i_] == '^') ++i_;
    while (i_ < s_.size() && s_[i_] != ']') i_ += s_[i_] == '\\' ? 2 : 1;
    if (i_ >= s_.size()) return false;
    ++i_;
    return true;
  }

  bool skip_group() {
    ++i_;  // '('
    for (int depth = 1; depth > 0;) {
      if (i_ >= s_.size()) return false;
      const char c = s_[i_];
      if (c == '\\') {
        i_ += 2;
      } else if (c == '[') {
        if (!skip_class()) return false;
      } else {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        ++i_;
      }
    }
    return true;
  }

  void end_run() {
    if (run_.size() > best_.size()) best_ = run_;
    run_.clear();
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::string run_;
  std::string best_;
};

}  // namespace

std::string required_literal(std::string_view source) {
  return LiteralScan(source).run().value_or("");
}

}  // namespace linkhealth
