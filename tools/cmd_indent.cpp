// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "commands.hpp"

#include <iostream>

namespace vitrum::cli {

void add_indent_command(CLI::App& app, CommandList& commands) {
    auto* sub = app.add_subcommand("indent", "(not yet available)");
    commands.push_back({sub, [] {
                            std::cerr << "vitrum indent: not yet available\n";
                            return kExitUsage;
                        }});
}

}  // namespace vitrum::cli
