// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// NanoSuite/InView side sheets: vendor results and method inputs → tables and properties.
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/text.hpp>

#include "kla_nanosuite.hpp"

namespace vitrum::nanosuite {

namespace {

struct Header {
    std::size_t col = 0;
    std::string name;
    std::string unit_text;
    SiUnit unit;
};

// Row 0 names, row 1 units (when it has no numbers).
std::vector<Header> headers(const sheet::Sheet& sheet) {
    bool unit_row = true;
    for (std::size_t c = 0; c < sheet.columns_in(1); ++c) {
        if (sheet.at(1, c).kind == sheet::CellKind::number) unit_row = false;
    }
    std::vector<Header> out;
    for (std::size_t c = 1; c < sheet.columns_in(0); ++c) {
        Header h;
        h.col = c;
        h.name = std::string(text::trim(sheet.text(0, c)));
        if (h.name.empty()) continue;
        h.unit_text = unit_row ? std::string(text::trim(sheet.text(1, c))) : "";
        h.unit = resolve_unit(h.unit_text, h.name);
        out.push_back(std::move(h));
    }
    return out;
}

std::size_t first_data_row(const sheet::Sheet& sheet) {
    for (std::size_t c = 0; c < sheet.columns_in(1); ++c) {
        if (sheet.at(1, c).kind == sheet::CellKind::number) return 1;
    }
    return 2;
}

std::string row_label(const sheet::Sheet& sheet, std::size_t row) {
    if (const auto n = sheet.number(row, 0)) return fmt::format("{}", *n);
    return std::string(text::trim(sheet.text(row, 0)));
}

// "3" → (3, 0); "3-2" or "3:2" → (3, 2); anything else → (0, 0).
std::pair<int, int> test_and_cycle(std::string_view label) {
    label = text::trim(label);
    int numbers[2] = {0, 0};
    int which = 0;
    bool digits = false;
    for (char c : label) {
        if (c >= '0' && c <= '9') {
            if (numbers[which] > 100000) return {0, 0};
            numbers[which] = numbers[which] * 10 + (c - '0');
            digits = true;
        } else if ((c == '-' || c == ':') && which == 0 && digits) {
            which = 1;
            digits = false;
        } else if (c == '.' && which == 0 && digits) {
            break;  // "3.0" from a numeric cell formatted with a decimal point
        } else {
            return {0, 0};
        }
    }
    if (!digits) return {0, 0};
    return {numbers[0], which == 1 ? numbers[1] : 0};
}

// Canonical quantity of a results column, e.g. "Cycle Su" → "stiffness".
std::string quantity_key(std::string_view header) {
    std::string t = text::to_lower(text::trim(header));
    if (t.rfind("cycle ", 0) == 0) t = t.substr(6);
    if (const auto bracket = t.find('['); bracket != std::string::npos) t = t.substr(0, bracket);
    t = std::string(text::trim(t));
    static const std::pair<const char*, const char*> kKeys[] = {
        {"e", "modulus"},
        {"avg e", "modulus"},
        {"e average over defined range", "modulus"},
        {"avg modulus", "modulus"},
        {"eu", "modulus"},
        {"modulus", "modulus"},
        {"h", "hardness"},
        {"avg h", "hardness"},
        {"h average over defined range", "hardness"},
        {"avg hardness", "hardness"},
        {"hu", "hardness"},
        {"hardness", "hardness"},
        {"eru", "reduced_modulus"},
        {"reduced modulus", "reduced_modulus"},
        // InView's Results "Maximum Displacement" is the depth limit of the method, not a result.
        {"displacement", "max_depth"},
        {"hmax", "max_depth"},
        {"load", "max_load"},
        {"pmax", "max_load"},
        {"stiffness", "stiffness"},
        {"su", "stiffness"},
        // NanoSuite labels this column "PoverS2", but its value is S²/P (≈ 680 GPa on silica).
        {"povers2", "S2_over_P"},
        {"stiffness squared over load", "S2_over_P"},
        {"drift", "drift_rate"},
        {"drift correction", "drift_rate"},
        {"drift rate", "drift_rate"},
        {"acu", "contact_area"},
        {"hcu", "contact_depth"},
        {"x_position", property::position_x},
        {"x position", property::position_x},
        {"x test position", property::position_x},
        {"y_position", property::position_y},
        {"y position", property::position_y},
        {"y test position", property::position_y},
    };
    for (const auto& [name, key] : kKeys) {
        if (t == name) return key;
    }
    std::string key;
    for (char c : t) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum) {
            key += c;
        } else if (!key.empty() && key.back() != '_') {
            key += '_';
        }
    }
    while (!key.empty() && key.back() == '_') key.pop_back();
    return key;
}

bool is_position(const std::string& key) {
    return key == property::position_x || key == property::position_y;
}

Curve* curve_for_test(Dataset& data, int test) {
    for (Curve& c : data.curves) {
        if (test_number(c.name) == test) return &c;
    }
    return nullptr;
}

// Area coefficient k (1-based, NanoSuite "Area Coefficient k") in nm units → SI: the term
// C_{k−1} h^p with p = 2^(2−k) gives nm², so C_SI = C_nm · 10^(9p − 18).
double area_coefficient_to_si(double value_nm, int k) {
    const double p = std::pow(2.0, 2 - k);
    return value_nm * std::pow(10.0, 9.0 * p - 18.0);
}

}  // namespace

Table read_vendor_table(const sheet::Sheet& sheet) {
    Table table;
    table.name = sheet.name;
    const std::vector<Header> hs = headers(sheet);
    std::vector<Column> columns;
    for (const Header& h : hs) {
        Column col;
        col.name = h.name;
        col.original_name = h.name;
        col.original_unit = h.unit_text;
        col.unit = h.unit.si;
        columns.push_back(std::move(col));
    }
    std::vector<bool> numeric(hs.size(), false);
    for (std::size_t r = first_data_row(sheet); r < sheet.rows(); ++r) {
        const std::string label = row_label(sheet, r);
        bool any = !label.empty();
        for (std::size_t i = 0; i < hs.size(); ++i)
            any = any || sheet.at(r, hs[i].col).kind != sheet::CellKind::empty;
        if (!any) continue;
        table.row_labels.push_back(label);
        for (std::size_t i = 0; i < hs.size(); ++i) {
            const auto v = sheet.number(r, hs[i].col);
            numeric[i] = numeric[i] || v.has_value();
            columns[i].values.push_back(v && !is_invalid_value(*v)
                                            ? *v * hs[i].unit.factor + hs[i].unit.offset
                                            : std::numeric_limits<double>::quiet_NaN());
        }
    }
    for (std::size_t i = 0; i < hs.size(); ++i) {
        if (numeric[i])
            table.columns.push_back(std::move(columns[i]));  // text columns: see apply_results
    }
    return table;
}

void apply_results(const sheet::Sheet& sheet, Dataset& data) {
    const std::vector<Header> hs = headers(sheet);
    for (std::size_t r = first_data_row(sheet); r < sheet.rows(); ++r) {
        const auto [test, cycle] = test_and_cycle(row_label(sheet, r));
        Curve* curve = test > 0 ? curve_for_test(data, test) : nullptr;
        if (curve == nullptr) continue;
        for (const Header& h : hs) {
            const std::string_view text_value = text::trim(sheet.text(r, h.col));
            if (!text_value.empty()) {
                const std::string key = quantity_key(h.name);
                curve->text[key] = std::string(text_value);
                if (key == "tip_name") data.source.metadata["tip_name"] = std::string(text_value);
                continue;
            }
            const auto v = sheet.number(r, h.col);
            if (!v || is_invalid_value(*v)) continue;
            const std::string lower = text::to_lower(h.name);
            if (lower.rfind("area coefficient ", 0) == 0) {
                const int k = std::atoi(lower.c_str() + 17);
                if (k >= 1 && k <= 9) {
                    data.source.properties[fmt::format("{}{}", property::area_coefficient_prefix,
                                                       k - 1)] = {area_coefficient_to_si(*v, k),
                                                                  ""};
                }
                continue;
            }
            // Columns without a unit (time of day as a day fraction, counters) are not
            // physical results; they stay in the table only.
            if (h.unit_text.empty() || !h.unit.known) continue;
            const std::string key = quantity_key(h.name);
            if (key.empty()) continue;
            const Quantity q{*v * h.unit.factor + h.unit.offset, h.unit.si};
            if (is_position(key)) {
                if (cycle == 0) curve->properties[key] = q;
            } else if (cycle == 0) {
                curve->properties["vendor_" + key] = q;
            } else {
                curve->properties[fmt::format("vendor_cycle{}_{}", cycle, key)] = q;
            }
        }
    }
    // Area coefficients carry their SI unit: C_k in m^(2 − 2^(1−k)).
    for (int k = 0; k < 9; ++k) {
        auto it =
            data.source.properties.find(fmt::format("{}{}", property::area_coefficient_prefix, k));
        if (it == data.source.properties.end()) continue;
        const double exponent = 2.0 - std::pow(2.0, 1 - k);
        it->second.unit = k == 0 ? "1" : k == 1 ? "m" : fmt::format("m^{}", exponent);
    }
}

void apply_inputs(const sheet::Sheet& sheet, Dataset& data) {
    const std::vector<Header> hs = headers(sheet);
    const std::size_t first = first_data_row(sheet);
    for (const Header& h : hs) {
        const std::string lower = text::to_lower(h.name);
        const auto v = sheet.number(first, h.col);
        const std::string shown =
            v ? fmt::format("{}", *v) : std::string(text::trim(sheet.text(first, h.col)));
        if (!shown.empty()) {
            data.source.metadata[fmt::format("{}: {}", sheet.name, h.name)] =
                h.unit_text.empty() ? shown : fmt::format("{} {}", shown, h.unit_text);
        }
        if (!v || is_invalid_value(*v)) continue;
        if (lower.find("poisson") != std::string::npos) {
            data.source.properties[property::poisson_ratio] = {*v, "1"};
            for (std::size_t r = first + 1; r < sheet.rows(); ++r) {
                const auto other = sheet.number(r, h.col);
                if (other && std::fabs(*other - *v) > 1e-12) {
                    data.warnings.push_back(fmt::format(
                        "{} [{}]: Poisson's ratio differs between tests ({} and {}); the first is "
                        "used",
                        data.source.path, sheet.name, *v, *other));
                    break;
                }
            }
        } else if (lower == "frame stiffness correction" && *v > 0 && h.unit.known &&
                   data.source.properties.count(property::frame_stiffness) == 0) {
            data.source.properties[property::frame_stiffness] = {*v * h.unit.factor, "N/m"};
        }
    }
    // Per-test positions (NanoSuite "X Test Position", "Y Test Position").
    for (std::size_t r = first; r < sheet.rows(); ++r) {
        const auto test = sheet.number(r, 0);
        if (!test) continue;
        Curve* curve = curve_for_test(data, static_cast<int>(std::lround(*test)));
        if (curve == nullptr) continue;
        for (const Header& h : hs) {
            const std::string key = quantity_key(h.name);
            const auto v = sheet.number(r, h.col);
            if (is_position(key) && v && h.unit.known && h.unit.si == "m") {
                curve->properties[key] = {*v * h.unit.factor, "m"};
            }
        }
    }
}

}  // namespace vitrum::nanosuite
