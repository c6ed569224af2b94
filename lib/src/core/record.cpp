// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vitrum/core/record.hpp>

namespace vitrum {

Record& Record::add(const std::string& key, double value) {
    if (std::isfinite(value))
        fields.emplace_back(key, value);
    else
        fields.emplace_back(key, std::monostate{});
    return *this;
}

Record& Record::add(const std::string& key, const std::optional<double>& value) {
    return value ? add(key, *value) : add_missing(key);
}

Record& Record::add(const std::string& key, const std::string& value) {
    fields.emplace_back(key, value);
    return *this;
}

Record& Record::add_missing(const std::string& key) {
    fields.emplace_back(key, std::monostate{});
    return *this;
}

const FieldValue* Record::find(const std::string& key) const {
    for (const auto& f : fields)
        if (f.first == key) return &f.second;
    return nullptr;
}

std::optional<double> Record::number(const std::string& key) const {
    const FieldValue* v = find(key);
    if (v == nullptr) return std::nullopt;
    if (const auto* d = std::get_if<double>(v)) return *d;
    return std::nullopt;
}

nlohmann::ordered_json to_json(const Record& record) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [key, value] : record.fields) {
        if (const auto* d = std::get_if<double>(&value))
            j[key] = *d;
        else if (const auto* s = std::get_if<std::string>(&value))
            j[key] = *s;
        else
            j[key] = nullptr;
    }
    return j;
}

nlohmann::ordered_json to_json(const std::vector<Record>& records) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const Record& r : records) j.push_back(to_json(r));
    return j;
}

std::string shortest_double(double value) { return fmt::format("{}", value); }

namespace {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

}  // namespace

std::vector<std::string> record_keys(const std::vector<Record>& records) {
    std::vector<std::string> keys;
    for (const Record& r : records)
        for (const auto& f : r.fields)
            if (std::find(keys.begin(), keys.end(), f.first) == keys.end()) keys.push_back(f.first);
    return keys;
}

void write_csv(std::ostream& out, const std::vector<Record>& records) {
    const std::vector<std::string> keys = record_keys(records);
    for (std::size_t i = 0; i < keys.size(); ++i) out << (i ? "," : "") << csv_field(keys[i]);
    out << "\n";
    for (const Record& r : records) {
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (i) out << ',';
            const FieldValue* v = r.find(keys[i]);
            if (v == nullptr) continue;
            if (const auto* d = std::get_if<double>(v))
                out << shortest_double(*d);
            else if (const auto* s = std::get_if<std::string>(v))
                out << csv_field(*s);
        }
        out << "\n";
    }
}

}  // namespace vitrum
