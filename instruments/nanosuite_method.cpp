// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// NanoSuite method (.msm) text export: the tip's area function (Label0…Label8, printed with five
// significant digits), the tip modulus in kgf/mm² and the Oliver–Pharr input defaults.
// Description texts wrap onto lines without indentation; only indented `Key : Value` lines carry
// structure, so wrapped lines are ignored.

#include <fmt/format.h>

#include <cmath>
#include <sstream>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/nanosuite_method.hpp>
#include <vitrum/instruments/reader.hpp>

#include "indentation_text_support.hpp"

namespace vitrum {
namespace {

using indentation_io::TextFile;

std::size_t leading_tabs(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && line[n] == '\t') ++n;
    return n;
}

/// "Key : Value" → {Key, Value}; false when the line has no " : ".
bool split_key_value(std::string_view line, std::string_view& key, std::string_view& value) {
    const auto colon = line.find(" : ");
    if (colon == std::string_view::npos) {
        // "Formula : " with nothing after it ends in " :".
        if (line.size() >= 2 && line.substr(line.size() - 2) == " :") {
            key = text::trim(line.substr(0, line.size() - 2));
            value = {};
            return true;
        }
        return false;
    }
    key = text::trim(line.substr(0, colon));
    value = text::trim(line.substr(colon + 3));
    return true;
}

double parse_number(const TextFile& file, std::size_t i, std::string_view field,
                    const std::string& what) {
    double v = 0.0;
    if (!text::try_parse_double(field, '.', v) || !std::isfinite(v)) {
        throw ParseError(file.at(i, field), fmt::format("a number for {}", what),
                         std::string(field));
    }
    return v;
}

/// Reads the CurrentTipName block starting after line `start` (its depth is `depth`).
void read_tip(const TextFile& file, std::size_t start, std::size_t depth, NanoSuiteMethod& m) {
    bool any_label = false;
    for (std::size_t i = start + 1; i < file.size(); ++i) {
        const std::string_view raw = file[i];
        if (text::trim(raw).empty()) continue;
        const std::size_t d = leading_tabs(raw);
        if (d == 0) continue;  // wrapped text
        if (d <= depth) break;
        std::string_view key, value;
        if (!split_key_value(text::trim(raw), key, value)) continue;
        if (key == "TipName") {
            m.tip_name = std::string(value);
        } else if (key == "Modulus") {
            m.tip_modulus_Pa =
                parse_number(file, i, value, "the tip modulus [kgf/mm²]") * kPascalPerKgfPerMm2;
        } else if (key.size() == 6 && key.substr(0, 5) == "Label" && key[5] >= '0' &&
                   key[5] <= '8') {
            // "Label3 : m3   Value : 1.3341e+002"
            const auto at = value.find("Value :");
            if (at == std::string_view::npos) {
                throw ParseError(file.at(i), "'LabelN : mN   Value : <number>'",
                                 std::string(text::trim(raw)));
            }
            const std::string_view number = text::trim(value.substr(at + 7));
            m.area_coefficients_nm[static_cast<std::size_t>(key[5] - '0')] =
                parse_number(file, i, number, std::string(key));
            any_label = true;
        }
    }
    if (!any_label) {
        throw ParseError(file.at(start), "area coefficients 'Label0 : m0   Value : …' in the tip",
                         std::string(text::trim(file[start])));
    }
}

}  // namespace

NanoSuiteMethod read_nanosuite_method(std::istream& in, const std::string& path) {
    const std::string bytes = read_stream(in, path, text::kDefaultMaxFileBytes);
    const TextFile file(bytes, path);
    NanoSuiteMethod m;
    std::string_view key, value;
    if (file.size() == 0 || !split_key_value(file[0], key, value) || key != "Method Name") {
        throw ParseError(file.at(0), "'Method Name : <name>' on the first line",
                         file.size() == 0 ? std::string("end of file") : std::string(file[0]));
    }
    m.method_name = std::string(value);

    // Inputs: the first "Default Value" after each "Internal Name" belongs to that input.
    std::string input;
    std::size_t input_depth = 0;
    std::size_t tip_line = 0;
    bool in_config = false;      // under "Configuration Objects" (depth 0)
    bool in_tip_object = false;  // under its "Indenter Tip" (depth 1)
    for (std::size_t i = 1; i < file.size(); ++i) {
        const std::string_view raw = file[i];
        const std::string_view line = text::trim(raw);
        if (line.empty()) continue;
        const std::size_t d = leading_tabs(raw);
        if (d == 0) {  // a top-level section, or wrapped description text
            in_config = line == "Configuration Objects";
            in_tip_object = false;
            continue;
        }
        if (d == 1 && in_config) in_tip_object = line == "Indenter Tip";
        if (d == 2 && in_tip_object && line == "CurrentTipName" && tip_line == 0) {
            tip_line = i;
            read_tip(file, i, d, m);
            continue;
        }
        if (!split_key_value(line, key, value)) continue;
        if (key == "Internal Name") {
            input = std::string(value);
            input_depth = d;
        } else if (key == "Default Value" && !input.empty() && d == input_depth) {
            std::optional<double>* target = input == "Beta"      ? &m.beta
                                            : input == "Epsilon" ? &m.epsilon
                                            : input == "IndenterTipPoissonsRatio"
                                                ? &m.tip_poisson_ratio
                                            : input == "PoissonsRatio" ? &m.sample_poisson_ratio
                                                                       : nullptr;
            if (target != nullptr && !value.empty()) *target = parse_number(file, i, value, input);
            input.clear();
        }
    }
    if (tip_line == 0) {
        throw ParseError(file.at(file.size()),
                         "a 'Configuration Objects / Indenter Tip / CurrentTipName' block",
                         "end of file");
    }
    return m;
}

NanoSuiteMethod read_nanosuite_method_file(const std::string& path) {
    std::istringstream in(text::read_file_bytes(path));  // IoError naming the path
    return read_nanosuite_method(in, path);
}

std::vector<std::string> apply_nanosuite_method(const NanoSuiteMethod& method, Dataset& data) {
    std::vector<std::string> warnings;
    auto& props = data.source.properties;
    const auto tip = data.source.metadata.find("tip_name");
    if (tip != data.source.metadata.end() && !method.tip_name.empty() &&
        text::trim(tip->second) != method.tip_name) {
        warnings.push_back(fmt::format(
            "{}: the data were taken with tip '{}' but the method '{}' describes tip '{}'; its "
            "constants are applied as asked",
            data.source.path, tip->second, method.method_name, method.tip_name));
    }
    for (std::size_t k = 0; k < method.area_coefficients_nm.size(); ++k) {
        const int index = static_cast<int>(k);
        const std::string key = fmt::format("{}{}", property::area_coefficient_prefix, k);
        const double nm = method.area_coefficients_nm[k];
        const auto it = props.find(key);
        if (it == props.end()) {
            props[key] = {indentation_io::si_area_coefficient(nm, index),
                          indentation_io::area_coefficient_unit(index)};
            continue;
        }
        // Five significant digits: half a unit in the last place is ≤ 5e-5 of the value.
        const double given_nm = it->second.value / indentation_io::si_area_coefficient(1.0, index);
        if (std::fabs(given_nm - nm) > 5e-5 * std::fabs(nm) + 1e-300) {
            warnings.push_back(fmt::format(
                "{}: area coefficient C{} is {} in the data file but {} in the method '{}'; the "
                "data file's value is used",
                data.source.path, k, given_nm, nm, method.method_name));
        }
    }
    const auto set_if_absent = [&props](const char* key, const std::optional<double>& v,
                                        const char* unit) {
        if (v && props.count(key) == 0) props[key] = {*v, unit};
    };
    set_if_absent(property::tip_modulus, method.tip_modulus_Pa, "Pa");
    set_if_absent(property::tip_poisson_ratio, method.tip_poisson_ratio, "1");
    set_if_absent(property::epsilon, method.epsilon, "1");
    set_if_absent(property::beta, method.beta, "1");
    set_if_absent(property::poisson_ratio, method.sample_poisson_ratio, "1");
    if (!method.tip_name.empty()) data.source.metadata.emplace("tip_name", method.tip_name);
    data.source.metadata["nanosuite_method"] = method.method_name;
    for (const auto& w : warnings) data.warnings.push_back(w);
    return warnings;
}

}  // namespace vitrum
