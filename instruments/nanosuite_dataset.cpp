// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// A whole NanoSuite/InView workbook → Dataset (curves, vendor tables, metadata).
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/text.hpp>

#include "kla_nanosuite.hpp"

namespace vitrum::nanosuite {

namespace {

bool is_inputs_sheet(const std::string& name) {
    const std::string lower = text::to_lower(name);
    return lower == "required inputs" || lower == "pre-test inputs" ||
           lower == "inputs editable post test" || lower == "post-test inputs";
}

bool is_results_sheet(const std::string& name) {
    const std::string lower = text::to_lower(name);
    return lower == "results" || lower == "cycles-groupedbytest";
}

// NanoSuite repeats the frame stiffness as a constant channel of every CSM test sheet.
void frame_stiffness_from_channel(Dataset& data) {
    for (const Curve& curve : data.curves) {
        for (const Column& col : curve.data.columns()) {
            if (text::to_lower(col.original_name) != "frame stiffness" || col.unit.empty())
                continue;
            for (double v : col.values) {
                if (v == v && v > 0) {  // first valid value
                    data.source.properties[property::frame_stiffness] = {v, "N/m"};
                    return;
                }
            }
        }
    }
}

}  // namespace

Dataset workbook_to_dataset(const sheet::Workbook& book, const std::string& path,
                            const std::string& instrument) {
    Dataset data;
    data.source.path = path;
    data.source.encoding = "binary";
    data.source.instrument = instrument;

    std::vector<std::pair<int, const sheet::Sheet*>> tests;
    std::string names;
    for (const sheet::Sheet& s : book.sheets) {
        names += (names.empty() ? "'" : ", '") + s.name + "'";
        if (const auto n = test_number(s.name)) tests.emplace_back(*n, &s);
    }
    if (tests.empty()) {
        throw FormatError(
            fmt::format("{}: no sheet named 'Test <n>', so this is not a NanoSuite/"
                        "InView indentation export (sheets: {})",
                        path, names.empty() ? "none" : names));
    }
    // NanoSuite writes the newest test first ("Test 009" … "Test 001"); analysis wants 1, 2, …
    std::stable_sort(tests.begin(), tests.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // A damaged test sheet fails alone: the other tests are read and the sheet is named.
    std::exception_ptr first_failure;
    for (const auto& [number, s] : tests) {
        try {
            data.curves.push_back(read_test_sheet(*s, path, data.warnings));
        } catch (const Error& e) {
            if (!first_failure) first_failure = std::current_exception();
            data.warnings.push_back(
                fmt::format("{}: sheet '{}' not read (damaged): {}", path, s->name, e.what()));
        }
    }
    if (data.curves.empty() && first_failure) std::rethrow_exception(first_failure);
    frame_stiffness_from_channel(data);

    for (const sheet::Sheet& s : book.sheets) {
        if (is_inputs_sheet(s.name)) {
            apply_inputs(s, data);
        } else if (is_results_sheet(s.name)) {
            data.tables.push_back(read_vendor_table(s));
            apply_results(s, data);
        }
    }
    return data;
}

}  // namespace vitrum::nanosuite
