// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace vitrum::cli {

/// Exit codes of the `vitrum` command.
inline constexpr int kExitOk = 0;          ///< everything succeeded
inline constexpr int kExitSomeFailed = 1;  ///< some inputs could not be read or analysed
inline constexpr int kExitUsage = 2;       ///< bad command line

/// A subcommand and what to run when it was chosen.
struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};
using CommandList = std::vector<Command>;

// One file per subcommand; each adds itself to the app.
void add_formats_command(CLI::App& app, CommandList& commands);  ///< tools/cmd_formats.cpp
void add_dsc_command(CLI::App& app, CommandList& commands);      ///< tools/cmd_dsc.cpp
void add_indent_command(CLI::App& app, CommandList& commands);   ///< tools/cmd_indent.cpp
void add_cnt_command(CLI::App& app, CommandList& commands);      ///< tools/cmd_cnt.cpp
void add_report_command(CLI::App& app, CommandList& commands);   ///< tools/cmd_report.cpp
void add_convert_command(CLI::App& app, CommandList& commands);  ///< tools/cmd_convert.cpp

}  // namespace vitrum::cli
