// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "commands.hpp"

#include <iostream>

namespace vitrum::cli {

void add_cnt_command(CLI::App& app, CommandList& commands) {
    auto* sub = app.add_subcommand("cnt", "(not yet available)");
    commands.push_back({sub, [] {
                            std::cerr << "vitrum cnt: not yet available\n";
                            return kExitUsage;
                        }});
}

}  // namespace vitrum::cli
