// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// What the docs promise exists: every command of README.md's Examples block and every
// "Example:" of a --help page runs and exits 0 (issue "One analysis per technique", item 4).
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "check.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path repo_root() { return fs::path(vitrum::test::share("")).parent_path().parent_path(); }

// A scratch folder with `share` linked to the repository's and `vitrum` first on PATH.
struct Sandbox {
    fs::path dir;
    Sandbox() {
        dir = fs::temp_directory_path() / ("vitrum-readme-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir / "bin");
        fs::create_symlink(repo_root() / "share", dir / "share");
        fs::create_symlink(VITRUM_CLI_PATH, dir / "bin" / "vitrum");
    }
    ~Sandbox() { fs::remove_all(dir); }
    // Runs one shell line; returns its exit status and writes its stderr to `err`.
    int run(const std::string& line, std::string& err) const {
        const fs::path err_file = dir / "stderr.txt";
        std::ofstream(dir / "line.sh")
            << "set -o pipefail\ncd '" << dir.string() << "'\nexport PATH='"
            << (dir / "bin").string() << "':\"$PATH\"\n"
            << line << "\n";
        const std::string cmd =
            "bash '" + (dir / "line.sh").string() + "' > /dev/null 2> '" + err_file.string() + "'";
        const int status = std::system(cmd.c_str());
        err = slurp(err_file);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
};

// The lines of the first ```sh block after `heading`, comments removed.
std::vector<std::string> shell_block(const std::string& markdown, const std::string& heading) {
    std::vector<std::string> lines;
    const auto at = markdown.find(heading);
    REQUIRE(at != std::string::npos);
    const auto open = markdown.find("```sh\n", at);
    REQUIRE(open != std::string::npos);
    const auto close = markdown.find("\n```", open + 6);
    std::istringstream in(markdown.substr(open + 6, close - open - 6));
    std::string line;
    while (std::getline(in, line)) {
        const auto hash = line.find("  #");
        if (hash != std::string::npos) line.erase(hash);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

}  // namespace

TEST_CASE("every command in README.md's Examples block runs and exits 0") {
    const std::string readme = slurp(repo_root() / "README.md");
    const std::vector<std::string> lines = shell_block(readme, "## Examples");
    CHECK(lines.size() >= 12);
    Sandbox box;
    for (const std::string& line : lines) {
        CAPTURE(line);
        std::string err;
        const int status = box.run(line, err);
        CAPTURE(err);
        CHECK(status == 0);
    }
    // The Kissinger line on the example's rate series recovers the generator's 350 kJ/mol:
    // the peak sits 2σ above the Kissinger-shifted onset, which moves E by about 2 %.
    std::string err;
    REQUIRE(box.run("vitrum dsc kissinger share/examples/cu50zr50/kinetics/*.txt --format json "
                    "> kissinger.json",
                    err) == 0);
    const auto k = nlohmann::json::parse(slurp(box.dir / "kissinger.json"));
    REQUIRE(k.contains("results"));
    CHECK(k["results"][0]["method"] == "Kissinger (ASTM E2890)");
    CHECK_REL(k["results"][0]["E_kJ_per_mol"].get<double>(), 350.0, 0.03);
}

TEST_CASE("every Example: line of a --help page runs and exits 0") {
    Sandbox box;
    // The help pages use short placeholder names; give them real files.
    const fs::path ex = repo_root() / "share/examples/cu50zr50";
    fs::copy_file(ex / "dsc/film_RT.txt", box.dir / "run.txt");
    for (const char* r : {"05", "10", "20", "40"})
        fs::copy_file(ex / ("kinetics/ribbon_" + std::string(r) + "Kmin.txt"),
                      box.dir / ("r" + std::to_string(std::stoi(r)) + ".txt"));
    fs::copy_file(repo_root() / "share/testdata/indentation/micromechanics/FQ.xls",
                  box.dir / "FQ.xls");
    int examples = 0;
    for (const char* command : {"dsc", "dsc kissinger", "indent", "cnt", "report", "formats"}) {
        std::string err;
        REQUIRE(box.run(std::string("vitrum ") + command + " --help > help.txt", err) == 0);
        std::istringstream help(slurp(box.dir / "help.txt"));
        std::string line;
        bool next = false;
        while (std::getline(help, line)) {
            std::string example;
            if (const auto at = line.find("Example: vitrum "); at != std::string::npos)
                example = line.substr(at + 9);
            else if (next && line.find("vitrum ") != std::string::npos)
                example = line.substr(line.find("vitrum "));
            next = line.find("Example:") != std::string::npos && example.empty();
            if (example.empty()) continue;
            CAPTURE(command);
            CAPTURE(example);
            CHECK(box.run(example, err) == 0);
            CAPTURE(err);
            ++examples;
        }
    }
    CHECK(examples >= 4);
}
