#include <catch2/catch.hpp>

#include "reports/word_diff.h"

using linkhealth::DiffPiece;
using linkhealth::word_diff;
using Op = DiffPiece::Op;

namespace {
std::string show(const std::vector<DiffPiece>& pieces) {
  std::string out;
  for (const auto& p : pieces) {
    const char* mark = p.op == Op::Same ? "=" : p.op == Op::Removed ? "-" : "+";
    out += std::string(out.empty() ? "" : " ") + mark + "[" + p.text + "]";
  }
  return out;
}
}  // namespace

TEST_CASE("word_diff marks changed words and keeps the rest", "[report][diff]") {
  CHECK(show(word_diff("5 Steps for Interoperability Excellence",
                       "5 Steps to Interoperability Excellence - HIT Consultant")) ==
        "=[5 Steps] -[for] +[to] =[Interoperability Excellence] +[- HIT Consultant]");
  CHECK(show(word_diff("Same  title", "Same title")) == "=[Same title]");
  CHECK(show(word_diff("", "New title")) == "+[New title]");
  CHECK(show(word_diff("Old title", "")) == "-[Old title]");
  CHECK(word_diff("", "").empty());
}

TEST_CASE("word_diff compares words exactly including case", "[report][diff]") {
  CHECK(show(word_diff("Remote Monitoring", "Remote monitoring")) ==
        "=[Remote] -[Monitoring] +[monitoring]");
}

TEST_CASE("word_diff of very long inputs stays bounded", "[report][diff]") {
  std::string a;
  std::string b;
  for (std::size_t i = 0; i < linkhealth::kMaxDiffWords + 5; ++i) {
    a += "w" + std::to_string(i) + " ";
    b += "w" + std::to_string(i + 1) + " ";
  }
  auto pieces = word_diff(a, b);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].op == Op::Removed);
  CHECK(pieces[1].op == Op::Added);
  CHECK(pieces[1].text.rfind("w1 ", 0) == 0);
}
