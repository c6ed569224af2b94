// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

namespace vitrum::cli {

void add_format_option(CLI::App& app, OutputFormat& format) {
    const std::map<std::string, OutputFormat> names = {
        {"table", OutputFormat::table}, {"csv", OutputFormat::csv}, {"json", OutputFormat::json}};
    app.add_option("--format", format, "Output format: table (aligned text), csv or json")
        ->transform(CLI::Validator(
            [names](std::string& value) -> std::string {
                std::string key = value;
                for (auto& c : key)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                const auto it = names.find(key);
                if (it == names.end()) {
                    return fmt::format("'{}' is not an output format; use table, csv or json",
                                       value);
                }
                value = std::to_string(static_cast<int>(it->second));
                return {};
            },
            "", "format"))
        ->type_name("table|csv|json")
        ->default_str("table");
}

namespace {

std::string header_text(const Header& h) {
    return h.unit.empty() ? h.name : fmt::format("{} [{}]", h.name, h.unit);
}

std::string cell_text(const Cell& c, int precision, bool shortest) {
    if (std::holds_alternative<std::monostate>(c)) return "";
    if (const auto* s = std::get_if<std::string>(&c)) return *s;
    const double v = std::get<double>(c);
    if (!std::isfinite(v)) return "";
    return shortest ? fmt::format("{}", v) : fmt::format("{:.{}g}", v, precision);
}

std::string csv_escape(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) ++n;
    }
    return n;
}

}  // namespace

std::string json_key(const Header& h) {
    std::string key;
    for (char c : h.name) key += (c == ' ' || c == '-') ? '_' : c;
    if (!h.unit.empty()) {
        std::string unit;
        for (std::size_t i = 0; i < h.unit.size(); ++i) {
            const char c = h.unit[i];
            if (c == '/') {
                unit += "_per_";
            } else if (c == ' ' || c == '(' || c == ')' || c == '^' || c == '.') {
                if (c == ' ') unit += '_';
            } else {
                unit += c;
            }
        }
        key += "_" + unit;
    }
    return key;
}

void print_table(std::ostream& out, const ResultTable& table, OutputFormat format) {
    const auto& headers = table.headers;
    if (format == OutputFormat::json) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : table.rows) {
            nlohmann::json obj = nlohmann::json::object();
            for (std::size_t i = 0; i < headers.size() && i < row.size(); ++i) {
                const Cell& c = row[i];
                if (const auto* d = std::get_if<double>(&c); d && std::isfinite(*d)) {
                    obj[json_key(headers[i])] = *d;
                } else if (const auto* s = std::get_if<std::string>(&c)) {
                    obj[json_key(headers[i])] = *s;
                } else {
                    obj[json_key(headers[i])] = nullptr;
                }
            }
            rows.push_back(std::move(obj));
        }
        out << rows.dump(2) << '\n';
        return;
    }
    if (format == OutputFormat::csv) {
        for (std::size_t i = 0; i < headers.size(); ++i) {
            out << (i ? "," : "") << csv_escape(header_text(headers[i]));
        }
        out << '\n';
        for (const auto& row : table.rows) {
            for (std::size_t i = 0; i < headers.size(); ++i) {
                out << (i ? "," : "")
                    << csv_escape(i < row.size() ? cell_text(row[i], headers[i].precision, true)
                                                 : "");
            }
            out << '\n';
        }
        return;
    }
    std::vector<std::string> head;
    std::vector<std::size_t> width;
    for (const auto& h : headers) {
        head.push_back(header_text(h));
        width.push_back(display_width(head.back()));
    }
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : table.rows) {
        std::vector<std::string> line;
        for (std::size_t i = 0; i < headers.size(); ++i) {
            line.push_back(i < row.size() ? cell_text(row[i], headers[i].precision, false) : "");
            if (line.back().empty()) line.back() = "—";
            width[i] = std::max(width[i], display_width(line.back()));
        }
        cells.push_back(std::move(line));
    }
    const auto print_line = [&](const std::vector<std::string>& line) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            out << (i ? "  " : "") << line[i]
                << std::string(width[i] - display_width(line[i]), ' ');
        }
        out << '\n';
    };
    print_line(head);
    std::vector<std::string> rule;
    for (auto w : width) rule.push_back(std::string(w, '-'));
    print_line(rule);
    for (const auto& line : cells) print_line(line);
}

void check_input_format(const std::string& format_id) {
    if (format_id.empty() || builtin_readers().find(format_id) != nullptr) return;
    throw InvalidArgument(
        fmt::format("--input-format: unknown format '{}' (see `vitrum formats`)", format_id));
}

int report_failures(const std::string& command, std::size_t total,
                    const std::vector<std::string>& failed) {
    if (failed.empty()) return 0;
    std::vector<std::string> unique;
    for (const auto& f : failed)
        if (std::find(unique.begin(), unique.end(), f) == unique.end()) unique.push_back(f);
    std::string list;
    for (const auto& f : unique) list += (list.empty() ? "" : ", ") + f;
    std::cerr << fmt::format("{}: {} of {} input{} failed: {}\n", command, unique.size(), total,
                             total == 1 ? "" : "s", list);
    return 1;
}

std::string in_flag_terms(const std::string& message) {
    static const std::pair<const char*, const char*> names[] = {
        {"tg_search_K", "--tg-range"},
        {"tx_search_K", "--tx-range"},
        {"tg_baseline_width_K", "--baseline-window"},
        {"tg_baseline_before_K", "--baseline-window (first window)"},
        {"tg_baseline_after_K", "--baseline-window (second window)"},
        {"sample_poisson_ratio", "--nu"},
        {"tip_poisson_ratio", "--tip-nu"},
        {"tip_modulus_Pa", "--tip-modulus"},
        {"unload_fit_lower", "--window (lower end)"},
        {"unload_fit_upper", "--window (upper end)"},
        {"frame_stiffness_N_per_m", "--frame-stiffness"},
        {"csm_min_depth_m", "--depth-window (lower end)"},
        {"csm_max_depth_m", "--depth-window (upper end)"},
        {"column map", "--columns"},
        {"interfacial_energy", "--gamma"},
        {"unknown format id", "--input-format: unknown format"},
    };
    const auto word_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    };
    std::string out = message;
    for (const auto& [field, flag] : names) {
        const std::string f = field;
        for (std::size_t at = out.find(f); at != std::string::npos; at = out.find(f, at)) {
            const bool starts = at == 0 || !word_char(out[at - 1]);
            const bool ends = at + f.size() >= out.size() || !word_char(out[at + f.size()]);
            if (starts && ends) {
                out.replace(at, f.size(), flag);
                at += std::string(flag).size();
            } else {
                at += f.size();
            }
        }
    }
    return out;
}

std::string nearest_name(const std::string& typed, const std::vector<std::string>& candidates) {
    // Levenshtein distance, one row at a time.
    const auto distance = [](const std::string& a, const std::string& b) {
        std::vector<std::size_t> row(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const std::size_t above = row[j];
                row[j] =
                    std::min({row[j] + 1, row[j - 1] + 1,
                              diagonal + (std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                                                  std::tolower(static_cast<unsigned char>(b[j - 1]))
                                              ? 0
                                              : 1)});
                diagonal = above;
            }
        }
        return row[b.size()];
    };
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, typed.size() / 3) + 1;
    for (const auto& c : candidates) {
        const std::size_t d = distance(typed, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string with_file(const std::string& path, const std::string& raw) {
    const std::string message = in_flag_terms(raw);
    if (message.compare(0, path.size(), path) == 0) return message;
    return path + ": " + message;
}

}  // namespace vitrum::cli
