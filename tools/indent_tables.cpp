// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <vitrum/core/error.hpp>
#include <vitrum/core/statistics.hpp>
#include <vitrum/core/text.hpp>

#include "indent_cli.hpp"

namespace vitrum::cli {

std::pair<double, double> parse_range(const std::string& text, const std::string& option) {
    const auto colon = text.find(':');
    double a = 0.0, b = 0.0;
    if (colon == std::string::npos || !text::try_parse_double(text.substr(0, colon), '.', a) ||
        !text::try_parse_double(text.substr(colon + 1), '.', b) || !(a < b)) {
        throw InvalidArgument(
            fmt::format("{} '{}': expected LOW:HIGH with LOW < HIGH", option, text));
    }
    return {a, b};
}

namespace {
Cell num(double v) { return std::isfinite(v) ? Cell(v) : Cell(); }
}  // namespace

ResultTable indent_table(const std::vector<AnalysedIndent>& indents) {
    ResultTable t;
    t.headers = {{"file", ""},       {"test", ""},
                 {"cycle", ""},      {"P_max", "mN", 6},
                 {"h_max", "nm", 6}, {"h_c", "nm", 6},
                 {"S", "N/m", 6},    {"A", "nm^2", 6},
                 {"E_r", "GPa", 5},  {"E", "GPa", 5},
                 {"H", "GPa", 5},    {"S^2/P", "GPa", 5},
                 {"m", "", 4},       {"fit residual", "mN", 3},
                 {"x", "mm", 6},     {"y", "mm", 6},
                 {"status", ""}};
    for (const auto& ind : indents) {
        if (ind.quasi_static) {
            const auto& q = *ind.quasi_static;
            for (const auto& c : q.cycles) {
                const auto& r = c.result;
                t.rows.push_back({ind.file, ind.test, Cell(static_cast<double>(c.number)),
                                  num(c.fit.max_load_N * 1e3), num(c.fit.max_depth_m * 1e9),
                                  num(r.contact_depth_m * 1e9), num(c.fit.stiffness_N_per_m),
                                  num(r.contact_area_m2 * 1e18), num(r.reduced_modulus_Pa * 1e-9),
                                  num(r.modulus_Pa * 1e-9), num(r.hardness_Pa * 1e-9),
                                  num(r.stiffness_squared_over_load_Pa * 1e-9),
                                  num(c.fit.exponent_m), num(c.fit.residual_rms_N * 1e3),
                                  ind.position_x_m ? num(*ind.position_x_m * 1e3) : Cell(),
                                  ind.position_y_m ? num(*ind.position_y_m * 1e3) : Cell(),
                                  c.status});
            }
        } else if (ind.csm) {
            const auto& c = *ind.csm;
            t.rows.push_back({ind.file, ind.test, std::string("CSM mean"), Cell(), Cell(), Cell(),
                              Cell(), Cell(), num(c.mean_reduced_modulus_Pa * 1e-9),
                              num(c.mean_modulus_Pa * 1e-9), num(c.mean_hardness_Pa * 1e-9), Cell(),
                              Cell(), Cell(),
                              ind.position_x_m ? num(*ind.position_x_m * 1e3) : Cell(),
                              ind.position_y_m ? num(*ind.position_y_m * 1e3) : Cell(),
                              fmt::format("mean of {} CSM points", c.window_points)});
        }
    }
    return t;
}

ResultTable indent_summary_table(const std::vector<AnalysedIndent>& indents) {
    ResultTable t;
    t.headers = {
        {"file", ""},         {"n", ""},          {"E mean", "GPa", 5},         {"E sd", "GPa", 3},
        {"H mean", "GPa", 5}, {"H sd", "GPa", 3}, {"outliers (median/MAD)", ""}};
    std::vector<std::string> order;
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> per_file;
    for (const auto& ind : indents) {
        if (!per_file.count(ind.file)) order.push_back(ind.file);
        auto& [e, h] = per_file[ind.file];
        if (ind.quasi_static) {
            // One value per indent: its last usable cycle (the deepest).
            double ev = std::nan(""), hv = std::nan("");
            for (const auto& c : ind.quasi_static->cycles) {
                if (!c.usable) continue;
                ev = c.result.modulus_Pa;
                hv = c.result.hardness_Pa;
            }
            e.push_back(ev);
            h.push_back(hv);
        } else if (ind.csm) {
            e.push_back(ind.csm->mean_modulus_Pa);
            h.push_back(ind.csm->mean_hardness_Pa);
        }
    }
    for (const auto& file : order) {
        const auto& [e, h] = per_file[file];
        const auto se = describe(e), sh = describe(h);
        std::string flagged;
        for (std::size_t i = 0; i < e.size(); ++i) {
            if (se.outlier[i] || sh.outlier[i])
                flagged += (flagged.empty() ? "#" : " #") + std::to_string(i + 1);
        }
        t.rows.push_back({file, Cell(static_cast<double>(se.n)), num(se.mean * 1e-9),
                          num(se.sd * 1e-9), num(sh.mean * 1e-9), num(sh.sd * 1e-9),
                          flagged.empty() ? "none" : flagged});
    }
    return t;
}

}  // namespace vitrum::cli
