// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/core/error.hpp>
#include <vitrum/core/json_schema.hpp>

#include "check.hpp"

using nlohmann::json;
using vitrum::validate_json_schema;

namespace {

const json kSchema = json::parse(R"({
  "type": "object",
  "required": ["id", "item"],
  "additionalProperties": false,
  "properties": {
    "id": {"type": "string", "pattern": "^[a-z]+$"},
    "item": {"$ref": "#/definitions/item"},
    "list": {"type": "array", "items": {"type": "number"}}
  },
  "definitions": {
    "item": {"type": "object", "required": ["status"], "minProperties": 1,
             "properties": {"status": {"enum": ["a", "b"]}, "name": {"type": "string", "minLength": 2}}}
  }
})");

}  // namespace

TEST_CASE("a document that follows the schema has no problems") {
    const json doc =
        json::parse(R"({"id": "abc", "item": {"status": "a", "name": "xy"}, "list": [1, 2.5]})");
    CHECK(validate_json_schema(doc, kSchema).empty());
}

TEST_CASE("each violated keyword is reported with the JSON pointer of the value") {
    const json doc = json::parse(
        R"({"id": "A1", "item": {"status": "c", "name": "x"}, "list": [1, "2"], "extra": 1})");
    const auto problems = validate_json_schema(doc, kSchema);
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    CAPTURE(all);
    CHECK(problems.size() == 5);
    CHECK(all.find("/id: 'A1' does not match pattern") != std::string::npos);
    CHECK(all.find("/item/status: value \"c\" is not one of") != std::string::npos);
    CHECK(all.find("/item/name: string shorter than 2") != std::string::npos);
    CHECK(all.find("/list/1: expected type \"number\"") != std::string::npos);
    CHECK(all.find("unknown key 'extra'") != std::string::npos);
    const auto missing = validate_json_schema(json::parse(R"({"id": "abc"})"), kSchema);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].find("missing required key 'item'") != std::string::npos);
}

TEST_CASE("a schema keyword outside the supported subset is refused, not ignored") {
    const json schema = json::parse(R"({"type": "number", "maximum": 3})");
    CHECK_THROWS_WITH_AS(validate_json_schema(json(5), schema), doctest::Contains("maximum"),
                         vitrum::FormatError);
}

TEST_CASE("a string too long to match a pattern safely is reported, not matched") {
    // std::regex recursed once per character: a 2 MB id overflowed the stack (json_schema.cpp).
    const json doc = {{"id", std::string(2'000'000, 'a')}, {"item", {{"status", "a"}}}};
    const auto problems = validate_json_schema(doc, kSchema);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "/id: string of 2000000 characters is longer than the 4096 allowed here");
    // At the limit it is still matched.
    const json edge = {{"id", std::string(4096, 'a')}, {"item", {{"status", "a"}}}};
    CHECK(validate_json_schema(edge, kSchema).empty());
}
