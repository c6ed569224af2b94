// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <regex>
#include <set>
#include <vitrum/core/error.hpp>
#include <vitrum/core/json_schema.hpp>

namespace vitrum {
namespace {

using nlohmann::json;

const std::set<std::string>& known_keywords() {
    static const std::set<std::string> keys = {
        "$schema",  "$id",       "title",       "description",
        "type",     "required",  "properties",  "additionalProperties",
        "enum",     "minLength", "pattern",     "minProperties",
        "items",    "$ref",      "definitions", "$defs",
        "examples", "default"};
    return keys;
}

bool has_type(const json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "number") return value.is_number();
    if (type == "integer") return value.is_number_integer();
    if (type == "boolean") return value.is_boolean();
    if (type == "null") return value.is_null();
    throw FormatError(fmt::format("schema: unsupported type '{}'", type));
}

std::string escape_pointer(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

class Validator {
public:
    explicit Validator(const json& root) : root_(root) {}

    void check(const json& value, const json& schema, const std::string& where) {
        if (schema.is_boolean()) {
            if (!schema.get<bool>()) add(where, "is not allowed here");
            return;
        }
        for (const auto& item : schema.items()) {
            if (!known_keywords().count(item.key())) {
                throw FormatError(fmt::format(
                    "schema keyword '{}' is not supported by vitrum's checker", item.key()));
            }
        }
        if (schema.contains("$ref")) {
            check(value, resolve(schema["$ref"].get<std::string>()), where);
            return;
        }
        if (schema.contains("type")) {
            const json& type = schema["type"];
            bool ok = false;
            if (type.is_array()) {
                for (const auto& t : type) ok = ok || has_type(value, t.get<std::string>());
            } else {
                ok = has_type(value, type.get<std::string>());
            }
            if (!ok) {
                add(where,
                    fmt::format("expected type {}, found {}", type.dump(), value.type_name()));
                return;
            }
        }
        if (schema.contains("enum")) {
            bool found = false;
            for (const auto& allowed : schema["enum"]) found = found || allowed == value;
            if (!found)
                add(where,
                    fmt::format("value {} is not one of {}", value.dump(), schema["enum"].dump()));
        }
        if (value.is_string()) check_string(value.get<std::string>(), schema, where);
        if (value.is_object()) check_object(value, schema, where);
        if (value.is_array() && schema.contains("items")) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                check(value[i], schema["items"], where + "/" + std::to_string(i));
            }
        }
    }

    std::vector<std::string> problems;

private:
    void add(const std::string& where, const std::string& what) {
        problems.push_back(fmt::format("{}: {}", where.empty() ? "/" : where, what));
    }

    const json& resolve(const std::string& ref) {
        for (const char* prefix : {"#/definitions/", "#/$defs/"}) {
            const std::string p = prefix;
            if (ref.rfind(p, 0) == 0) {
                const std::string section = p.substr(2, p.size() - 3);
                const std::string name = ref.substr(p.size());
                if (root_.contains(section) && root_[section].contains(name))
                    return root_[section][name];
            }
        }
        throw FormatError(fmt::format("schema: cannot resolve $ref '{}'", ref));
    }

    void check_string(const std::string& text, const json& schema, const std::string& where) {
        if (schema.contains("minLength") && text.size() < schema["minLength"].get<std::size_t>()) {
            add(where, fmt::format("string shorter than {} characters",
                                   schema["minLength"].get<std::size_t>()));
        }
        // std::regex (libstdc++) recurses once per matched character: a megabyte-long string
        // would overflow the stack. Identifiers and quantities are short; longer strings are
        // reported instead of matched.
        constexpr std::size_t kMaxPatternText = 4096;
        if (schema.contains("pattern") && text.size() > kMaxPatternText) {
            add(where, fmt::format("string of {} characters is longer than the {} allowed here",
                                   text.size(), kMaxPatternText));
        } else if (schema.contains("pattern")) {
            const std::regex re(schema["pattern"].get<std::string>(), std::regex::ECMAScript);
            if (!std::regex_search(text, re)) {
                add(where, fmt::format("'{}' does not match pattern {}", text,
                                       schema["pattern"].get<std::string>()));
            }
        }
    }

    void check_object(const json& value, const json& schema, const std::string& where) {
        if (schema.contains("minProperties") &&
            value.size() < schema["minProperties"].get<std::size_t>()) {
            add(where, fmt::format("needs at least {} entries",
                                   schema["minProperties"].get<std::size_t>()));
        }
        if (schema.contains("required")) {
            for (const auto& key : schema["required"]) {
                if (!value.contains(key.get<std::string>())) {
                    add(where, fmt::format("missing required key '{}'", key.get<std::string>()));
                }
            }
        }
        const json* properties = schema.contains("properties") ? &schema["properties"] : nullptr;
        for (const auto& item : value.items()) {
            const std::string child = where + "/" + escape_pointer(item.key());
            if (properties && properties->contains(item.key())) {
                check(item.value(), (*properties)[item.key()], child);
            } else if (schema.contains("additionalProperties")) {
                const json& extra = schema["additionalProperties"];
                if (extra.is_boolean() && !extra.get<bool>()) {
                    add(where, fmt::format("unknown key '{}'", item.key()));
                } else if (!extra.is_boolean()) {
                    check(item.value(), extra, child);
                }
            }
        }
    }

    const json& root_;
};

}  // namespace

std::vector<std::string> validate_json_schema(const nlohmann::json& document,
                                              const nlohmann::json& schema) {
    Validator v(schema);
    v.check(document, schema, "");
    return std::move(v.problems);
}

}  // namespace vitrum
