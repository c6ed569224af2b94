// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Reports that survive real studies, through the `vitrum` program (VITRUM_CLI_PATH): 500 samples
// with broken files, runs killed at random moments, two runs into the same folder.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/output_folder.hpp>

#include "check.hpp"

extern char** environ;

namespace fs = std::filesystem;
using Json = nlohmann::json;
using vitrum::report::read_whole_file;

namespace {

fs::path fresh_folder(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("vitrum-large-" + name + "-" + std::to_string(::getpid()) +
                                     "-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    return dir;
}

// Starts `vitrum ARGS...` with stdout and stderr in `log`; returns its process id.
pid_t spawn(const std::vector<std::string>& args, const fs::path& log) {
    std::vector<std::string> argv_strings{VITRUM_CLI_PATH};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

// Exit code of a finished child, -signal when it was killed.
int wait_for(pid_t pid) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

int run(const std::vector<std::string>& args, const fs::path& log) {
    return wait_for(spawn(args, log));
}

std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool contains(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

// The example's samples repeated to `n`, each with its DSC run and its first two indents (the
// figures and the page do not get cheaper with fewer indents; the analysis does). Sample
// `missing` names a DSC file that does not exist, sample `corrupted` a truncated NETZSCH export
// with a damaged number.
fs::path repeated_study(const fs::path& dir, std::size_t n, std::size_t missing,
                        std::size_t corrupted) {
    const fs::path example = vitrum::test::share("examples/cu50zr50");
    Json manifest = Json::parse(read_whole_file((example / "manifest.json").string()));
    const Json originals = manifest["samples"];
    manifest.erase("$schema");
    manifest["samples"] = Json::array();
    std::string broken = read_whole_file((example / "dsc/film_556K.txt").string()).substr(0, 3000);
    broken += "\n 390.00000;  x.12000;      0.0abc;2.4\n";
    std::ofstream(dir / "corrupted_run.txt") << broken;
    for (std::size_t i = 0; i < n; ++i) {
        Json s = originals[i % originals.size()];
        if (i >= originals.size()) {
            s["name"] = s["name"].get<std::string>() + "_" + std::to_string(i);
            if (s["deposition"] == "reference") s["deposition"] = "300 K";
        }
        for (Json& d : s["dsc"]) d["file"] = (example / d["file"].get<std::string>()).string();
        for (Json& group : s["indentation"]) {
            Json files = Json::array();
            for (std::size_t k = 0; k < 2; ++k)
                files.push_back((example / group["files"][k].get<std::string>()).string());
            group["files"] = files;
        }
        if (i == missing) s["dsc"][0]["file"] = (dir / "no_such_run.txt").string();
        if (i == corrupted) s["dsc"][0]["file"] = (dir / "corrupted_run.txt").string();
        manifest["samples"].push_back(s);
    }
    const fs::path path = dir / "manifest.json";
    std::ofstream(path) << manifest.dump(1);
    return path;
}

// A report folder as a complete run leaves it: every file of `expected` (the listing of a
// complete run), summary.json whole, and index.html of the same run.
void check_complete(const fs::path& out, const std::vector<std::string>& expected) {
    REQUIRE(listing(out) == expected);
    const Json summary = Json::parse(read_whole_file((out / "summary.json").string()));
    const std::string html = read_whole_file((out / "index.html").string());
    CHECK(html.size() > 7);
    CHECK(html.substr(html.size() - 8) == "</html>\n");
    CHECK(contains(html, summary["provenance"]["created_utc"].get<std::string>()));
}

}  // namespace

TEST_CASE("a 500-sample study with a missing and a corrupted file writes the whole report") {
    const fs::path dir = fresh_folder("500");
    const fs::path manifest = repeated_study(dir, 500, 123, 321);
    const fs::path out = dir / "report";
    const fs::path log = dir / "log.txt";
    const auto start = std::chrono::steady_clock::now();
    // SVG only: the PNGs double the time and prove nothing more here (the example's report
    // draws them).
    const int code = run({"report", manifest.string(), "-o", out.string(), "--no-png", "-j", "2",
                          "--progress-every", "500"},
                         log);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("500-sample report: " << seconds << " s");
    CHECK(code == 1);
    const std::string err = read_whole_file(log.string());
    CAPTURE(err.substr(0, 2000));
    CHECK(contains(err, "no_such_run.txt"));
    CHECK(contains(err, "corrupted_run.txt"));
    CHECK(contains(err, "vitrum report: 500/1500 files analysed\n"));
    CHECK(contains(err, "vitrum report: 1500/1500 files analysed\n"));
    CHECK_FALSE(contains(err, "could not be drawn"));

    const Json summary = Json::parse(read_whole_file((out / "summary.json").string()));
    CHECK(summary["complete"] == false);
    REQUIRE(summary["samples"].size() == 500);
    const Json& lost = summary["samples"][123]["files"][0];
    CHECK(lost["ok"] == false);
    CHECK(contains(lost["error"].get<std::string>(), "no_such_run.txt"));
    const Json& bad = summary["samples"][321]["files"][0];
    CHECK(bad["ok"] == false);
    CHECK(contains(bad["error"].get<std::string>(), "corrupted_run.txt"));
    std::size_t complete = 0;
    for (const Json& s : summary["samples"]) complete += s["complete"] == true ? 1 : 0;
    CHECK(complete == 498);

    // Every figure, split into pages: 499 DSC curves in 42 pages of at most 12, 500 load–depth
    // panels in 21 pages of at most 24.
    const std::string html = read_whole_file((out / "index.html").string());
    CHECK(contains(html, "no_such_run.txt"));
    CHECK(contains(html, "corrupted_run.txt"));
    for (const std::string name :
         {"dsc_curves_01", "dsc_curves_42", "tg_tx", "delta_tx", "hardness_modulus",
          "load_depth_01", "load_depth_21", "critical_size"}) {
        CAPTURE(name);
        CHECK(fs::exists(out / (name + ".svg")));
        CHECK(contains(html, "src=\"" + name + ".svg\""));
    }
    CHECK_FALSE(fs::exists(out / "dsc_curves_43.svg"));
    CHECK_FALSE(fs::exists(out / "load_depth_22.svg"));
    // Nothing beside the report but the inputs and the log.
    CHECK(listing(dir) ==
          std::vector<std::string>{"corrupted_run.txt", "log.txt", "manifest.json", "report"});
    fs::remove_all(dir);
}

TEST_CASE("a report killed at random moments leaves the previous report or the new one") {
    const fs::path dir = fresh_folder("kill");
    const std::string manifest = vitrum::test::share("examples/cu50zr50/manifest.json");
    const fs::path out = dir / "report";
    const fs::path log = dir / "log.txt";
    const std::vector<std::string> args{"report", manifest, "-o", out.string(), "-j", "2"};

    // How long a whole run takes here, and what it leaves.
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(run(args, log) == 0);
    const double whole_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::vector<std::string> expected = listing(out);
    REQUIRE(expected.size() == 16);
    fs::remove_all(out);

    std::mt19937 random(20261207);  // fixed seed: the same moments on every run
    std::uniform_real_distribution<double> moment(0.0, 1.1);
    for (int attempt = 0; attempt < 8; ++attempt) {
        CAPTURE(attempt);
        const bool had_report = fs::exists(out);
        const double delay_s = moment(random) * whole_s;
        const pid_t pid = spawn(args, log);
        std::this_thread::sleep_for(std::chrono::duration<double>(delay_s));
        ::kill(pid, SIGKILL);
        const int code = wait_for(pid);
        CAPTURE(delay_s);
        CAPTURE(code);
        // Absent only if there never was a report; otherwise whole, old or new.
        if (fs::exists(out))
            check_complete(out, expected);
        else
            CHECK_FALSE(had_report);
    }
    // The next run that finishes cleans up whatever the killed ones left.
    REQUIRE(run(args, log) == 0);
    check_complete(out, expected);
    CHECK(listing(dir) == std::vector<std::string>{"log.txt", "report"});
    fs::remove_all(dir);
}

TEST_CASE("a second report into a folder that is being written refuses and changes nothing") {
    const fs::path dir = fresh_folder("twice");
    const std::string manifest = vitrum::test::share("examples/cu50zr50/manifest.json");
    const fs::path out = dir / "report";
    fs::create_directories(out);
    std::ofstream(out / "index.html") << "previous";
    const fs::path log = dir / "log.txt";
    {
        // This process plays the first run: it holds the folder's lock as `vitrum report` does.
        const vitrum::report::OutputFolderLock first(out.string());
        const int code = run({"report", manifest, "-o", out.string()}, log);
        CHECK(code == 1);
        const std::string err = read_whole_file(log.string());
        CHECK(contains(err, "another vitrum report is being written into '" + out.string() +
                                "' (process " + std::to_string(::getpid())));
        CHECK(read_whole_file((out / "index.html").string()) == "previous");
    }
    // Once the first run is over the folder is free again.
    CHECK(run({"report", manifest, "-o", out.string()}, log) == 0);
    CHECK(fs::exists(out / "summary.json"));
    fs::remove_all(dir);
}
