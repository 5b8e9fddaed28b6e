// The piecewise JSON writer gives dump()'s bytes, indented and compact.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "reports/json_stream.h"

using linkhealth::JsonContainerWriter;

TEST_CASE("a document written piece by piece equals its dump", "[json]") {
  const nlohmann::json inner = {{"b", {1, 2}}, {"a", nlohmann::json::object()}, {"c", "x\xff"}};
  const nlohmann::json whole = {
      {"empty", nlohmann::json::array()}, {"list", {inner, {{"k", nullptr}}}}, {"one", inner}};
  for (const int indent : {-1, 0, 2, 4}) {
    std::ostringstream out;
    JsonContainerWriter document(out, '{', indent, 0);
    JsonContainerWriter empty(document.next("empty"), '[', indent, 1);
    empty.finish();
    JsonContainerWriter list(document.next("list"), '[', indent, 1);
    list.add(inner);
    JsonContainerWriter last(list.next(), '{', indent, 2);
    last.add("k", nullptr);
    last.finish();
    list.finish();
    document.add("one", inner);
    document.finish();
    INFO("indent " << indent);
    CHECK(out.str() == whole.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

TEST_CASE("a string written without a json value equals its dump", "[json]") {
  // Every byte class the fast path must tell apart: plain ASCII, quotes and backslashes,
  // control bytes, DEL, valid multi-byte UTF-8, and bytes that break UTF-8 (overlong,
  // surrogate, truncated, stray continuation, above U+10FFFF).
  const std::vector<std::string> pieces = {"a",
                                           "/",
                                           "\"",
                                           "\\",
                                           "\n",
                                           "\t",
                                           std::string(1, '\0'),
                                           "\x1f",
                                           "\x7f",
                                           "\xC3\xA9",
                                           "\xE2\x80\xA8",
                                           "\xF0\x9F\x98\x80",
                                           "\xC0\xAF",
                                           "\xED\xA0\x80",
                                           "\xE2\x80",
                                           "\x80",
                                           "\xF4\x90\x80\x80",
                                           "\xFF"};
  std::mt19937 random(22);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const auto count = random() % 6;
    for (unsigned i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
    std::ostringstream out;
    linkhealth::write_json_string(out, text);
    INFO("round " << round);
    CHECK(out.str() ==
          nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}
