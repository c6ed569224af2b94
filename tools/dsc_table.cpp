// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Result tables of `vitrum dsc`: the wide tidy form (CSV/JSON) and the vertical text blocks.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "dsc_cli.hpp"

namespace vitrum::cli {

namespace {

// Adds a temperature as two cells, °C then K (two headers added once by the caller).
void temperature_cells(std::vector<Cell>& row, std::optional<double> T_K) {
    if (!T_K) {
        row.emplace_back(std::monostate{});
        row.emplace_back(std::monostate{});
        return;
    }
    row.emplace_back(to_celsius(*T_K));
    row.emplace_back(*T_K);
}

void temperature_headers(std::vector<Header>& h, const std::string& name) {
    h.push_back({name, "°C", 5});
    h.push_back({name, "K", 5});
}

// Columns of up to `count` peaks named "<prefix>k onset/peak/end" and "dH <tag>k".
void peak_headers(std::vector<Header>& h, std::size_t count, const std::string& prefix,
                  const std::string& tag, bool any_absolute) {
    for (std::size_t k = 1; k <= count; ++k) {
        temperature_headers(h, fmt::format("{}{} onset", prefix, k));
        temperature_headers(h, fmt::format("{}{} peak", prefix, k));
        temperature_headers(h, fmt::format("{}{} end", prefix, k));
        h.push_back({fmt::format("dH {}{}", tag, k), "J/g", 4});
        if (any_absolute) h.push_back({fmt::format("dH {}{}", tag, k), "mJ", 4});
    }
}

void peak_cells(std::vector<Cell>& row, const std::optional<dsc::PeakSearchResult>& found,
                std::size_t count, bool per_mass, bool any_absolute) {
    for (std::size_t k = 0; k < count; ++k) {
        const bool has = found && k < found->peaks.size();
        const auto* p = has ? &found->peaks[k] : nullptr;
        temperature_cells(row, p ? std::optional<double>(p->onset_extrapolated_K) : std::nullopt);
        temperature_cells(row, p ? std::optional<double>(p->peak_K) : std::nullopt);
        temperature_cells(row, p ? std::optional<double>(p->end_extrapolated_K) : std::nullopt);
        // SI J/kg → J/g; J → mJ.
        row.push_back(p && per_mass ? Cell(p->enthalpy * 1e-3) : Cell());
        if (any_absolute) row.push_back(p && !per_mass ? Cell(p->enthalpy * 1e3) : Cell());
    }
}

std::size_t peak_count(const std::optional<dsc::PeakSearchResult>& r) {
    return r ? r->peaks.size() : 0;
}

std::string cell_text(const Cell& c, int precision) {
    if (const auto* d = std::get_if<double>(&c)) return fmt::format("{:.{}g}", *d, precision);
    if (const auto* s = std::get_if<std::string>(&c)) return *s;
    return "";
}

bool empty(const Cell& c) { return std::holds_alternative<std::monostate>(c); }

}  // namespace

ResultTable dsc_wide_table(const std::vector<DscRow>& rows) {
    std::size_t peaks = 0, melts = 0, cools = 0;
    bool any_absolute = false;
    for (const auto& r : rows) {
        const auto& a = r.outcome.analysis;
        if (r.outcome.cooling) {
            cools = std::max(cools, peak_count(a.crystallisation));
        } else {
            peaks = std::max(peaks, peak_count(a.crystallisation));
        }
        melts = std::max(melts, peak_count(a.melting));
        if (!r.outcome.heating.per_mass) any_absolute = true;
    }
    ResultTable t;
    auto& h = t.headers;
    h = {{"file", ""}, {"curve", ""}, {"segment", ""}, {"rate", "K/min", 4}};
    temperature_headers(h, "Tg onset");
    temperature_headers(h, "Tg mid");
    temperature_headers(h, "Tg end");
    temperature_headers(h, "Tg inflection");
    temperature_headers(h, "Tg first dev");
    temperature_headers(h, "Tg last dev");
    h.push_back({"delta cp", "J/(g K)", 4});
    if (any_absolute) h.push_back({"delta Cp", "mJ/K", 4});
    temperature_headers(h, "Tf");
    peak_headers(h, peaks, "Tx", "x", any_absolute);
    h.push_back({"delta Tx", "K", 4});
    peak_headers(h, melts, "Tm", "m", any_absolute);
    peak_headers(h, cools, "Tc", "c", any_absolute);
    for (const auto& r : rows) {
        const auto& o = r.outcome;
        const auto& a = o.analysis;
        const bool per_mass = o.heating.per_mass;
        std::vector<Cell> row{r.file, o.curve_name, static_cast<double>(o.segment_number),
                              a.heating_rate_K_per_s * 60.0};
        const auto& tg = a.glass_transition;
        using Tg = dsc::GlassTransitionResult;
        const auto tg_T = [&](double Tg::*field) {
            return tg ? std::optional<double>((*tg).*field) : std::nullopt;
        };
        temperature_cells(row, tg_T(&Tg::onset_extrapolated_K));
        temperature_cells(row, tg_T(&Tg::midpoint_K));
        temperature_cells(row, tg_T(&Tg::end_extrapolated_K));
        temperature_cells(row, tg_T(&Tg::inflection_K));
        temperature_cells(row, tg_T(&Tg::first_deviation_K));
        temperature_cells(row, tg_T(&Tg::last_deviation_K));
        // SI J/(kg K) → J/(g K); J/K → mJ/K.
        row.push_back(tg && per_mass ? Cell(tg->delta_cp * 1e-3) : Cell());
        if (any_absolute) row.push_back(tg && !per_mass ? Cell(tg->delta_cp * 1e3) : Cell());
        temperature_cells(row,
                          a.fictive ? std::optional<double>(a.fictive->fictive_K) : std::nullopt);
        const std::optional<dsc::PeakSearchResult> none;
        peak_cells(row, o.cooling ? none : a.crystallisation, peaks, per_mass, any_absolute);
        const auto dtx = a.supercooled_liquid_range_K();
        row.push_back(dtx && !o.cooling ? Cell(*dtx) : Cell());
        peak_cells(row, a.melting, melts, per_mass, any_absolute);
        peak_cells(row, o.cooling ? a.crystallisation : none, cools, per_mass, any_absolute);
        t.rows.push_back(std::move(row));
    }
    return t;
}

void print_dsc_results(std::ostream& out, const std::vector<DscRow>& rows, OutputFormat format) {
    const ResultTable t = dsc_wide_table(rows);
    if (format != OutputFormat::table) {
        print_table(out, t, format);
        return;
    }
    constexpr std::size_t kFirstQuantity = 4;  // file, curve, segment, rate
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        const auto& o = rows[r].outcome;
        out << fmt::format("{} | {} | segment {} ({}) | {} K/min\n", rows[r].file, o.curve_name,
                           o.segment_number, o.cooling ? "cooling" : "heating",
                           cell_text(row[3], 4));
        std::vector<std::pair<std::string, std::string>> lines;
        for (std::size_t i = kFirstQuantity; i < t.headers.size(); ++i) {
            const Header& h = t.headers[i];
            const bool pair = h.unit == "°C" && i + 1 < t.headers.size() &&
                              t.headers[i + 1].name == h.name && t.headers[i + 1].unit == "K";
            if (pair) {
                if (!empty(row[i])) {
                    lines.emplace_back(h.name,
                                       fmt::format("{} °C | {} K", cell_text(row[i], h.precision),
                                                   cell_text(row[i + 1], h.precision)));
                }
                ++i;
            } else if (!empty(row[i])) {
                lines.emplace_back(h.name,
                                   fmt::format("{} {}", cell_text(row[i], h.precision), h.unit));
            }
        }
        std::size_t width = 0;
        for (const auto& l : lines) width = std::max(width, l.first.size());
        for (const auto& l : lines) out << fmt::format("  {:<{}} | {}\n", l.first, width, l.second);
        if (lines.empty()) out << "  (no result)\n";
        if (r + 1 < t.rows.size()) out << '\n';
    }
}

}  // namespace vitrum::cli
