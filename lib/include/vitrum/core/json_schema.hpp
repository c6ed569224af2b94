// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vitrum {

/// Checks a JSON document against a JSON Schema, supporting the subset vitrum's own schemas
/// use: type, required, properties, additionalProperties (bool or schema), enum, minLength,
/// pattern, minProperties, items, and "$ref" to "#/definitions/NAME" or "#/$defs/NAME".
/// Returns one message per violation, each starting with the JSON pointer of the offending
/// value ("/parameters/melting_temperature: missing required key 'value'"); empty when valid.
/// @throws FormatError for a schema keyword outside the subset (so nothing is silently ignored).
std::vector<std::string> validate_json_schema(const nlohmann::json& document,
                                              const nlohmann::json& schema);

}  // namespace vitrum
