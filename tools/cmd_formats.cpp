// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <iostream>
#include <memory>
#include <vitrum/instruments/registry.hpp>

#include "commands.hpp"
#include "output.hpp"

namespace vitrum::cli {

void add_formats_command(CLI::App& app, CommandList& commands) {
    auto* sub = app.add_subcommand("formats", "List every instrument file format vitrum reads");
    auto format = std::make_shared<OutputFormat>(OutputFormat::table);
    add_format_option(*sub, *format);
    commands.push_back(
        {sub, [format] {
             ResultTable table;
             table.headers = {
                 {"format", ""}, {"technique", ""}, {"extensions", ""}, {"description", ""}};
             for (const auto& r : builtin_readers().readers()) {
                 table.rows.push_back(
                     {std::string(r->format_id()),
                      std::string(r->technique() == Technique::dsc ? "DSC" : "indentation"),
                      std::string(r->extensions()), std::string(r->description())});
             }
             print_table(std::cout, table, *format);
             return kExitOk;
         }});
}

}  // namespace vitrum::cli
