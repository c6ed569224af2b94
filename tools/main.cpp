// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <iostream>
#include <vitrum/core/allocator.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/version.hpp>

#include "commands.hpp"
#include "output.hpp"

int main(int argc, char** argv) {
    vitrum::keep_freed_memory();  // freed pages are reused, not faulted in again (issue 19)
    using namespace vitrum::cli;
    CLI::App app{
        "vitrum — from DSC and nanoindentation exports to glass-stability numbers and figures"};
    app.set_version_flag("--version",
                         fmt::format("vitrum {} ({})", vitrum::version(), vitrum::git_commit()));
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 success, 1 some inputs failed, 2 usage error.\n"
        "Run `vitrum COMMAND --help` for the options of each command.");
    CommandList commands;
    add_dsc_command(app, commands);
    add_indent_command(app, commands);
    add_cnt_command(app, commands);
    add_report_command(app, commands);
    add_formats_command(app, commands);
    // A mistyped subcommand ("vitrum dsx run.txt") gets the nearest one suggested.
    if (argc > 1 && argv[1][0] != '-') {
        const std::string typed = argv[1];
        bool known = false;
        for (const auto& command : commands) known = known || command.app->get_name() == typed;
        if (!known) {
            std::vector<std::string> names;
            for (const auto& command : commands) names.push_back(command.app->get_name());
            std::cerr << "vitrum: '" << typed << "' is not a command";
            if (const std::string near = nearest_name(typed, names); !near.empty())
                std::cerr << "; did you mean 'vitrum " << near << "'?";
            std::cerr << "\nRun `vitrum --help` for the list of commands.\n";
            return kExitUsage;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }
    try {
        for (const auto& command : commands) {
            if (command.app->parsed()) return command.run();
        }
    } catch (const vitrum::InvalidArgument& e) {
        std::cerr << "vitrum: " << in_flag_terms(e.what()) << '\n';
        return kExitUsage;
    } catch (const vitrum::Error& e) {
        std::cerr << "vitrum: error: " << in_flag_terms(e.what()) << '\n';
        return kExitSomeFailed;
    }
    return kExitUsage;
}
