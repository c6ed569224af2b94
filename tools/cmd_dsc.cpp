// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "commands.hpp"

#include <iostream>

namespace vitrum::cli {

void add_dsc_command(CLI::App& app, CommandList& commands) {
    auto* sub = app.add_subcommand("dsc", "(not yet available)");
    commands.push_back({sub, [] {
                            std::cerr << "vitrum dsc: not yet available\n";
                            return kExitUsage;
                        }});
}

}  // namespace vitrum::cli
