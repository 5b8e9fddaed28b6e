// The piecewise JSON writer gives dump()'s bytes, indented and compact.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

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
