// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// doctest's main, plus one rule: a run that executes no test case fails. ctest runs each case
// by name (-tc=...); a name the filter cannot match (a ';' splits it in CMake, for instance)
// would otherwise pass without running anything.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>

namespace {

std::atomic<int> cases_started{0};

struct CountingListener : doctest::IReporter {
    explicit CountingListener(const doctest::ContextOptions& /*unused*/) {}
    void report_query(const doctest::QueryData& /*unused*/) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats& /*unused*/) override {}
    void test_case_start(const doctest::TestCaseData& /*unused*/) override { ++cases_started; }
    void test_case_reenter(const doctest::TestCaseData& /*unused*/) override {}
    void test_case_end(const doctest::CurrentTestCaseStats& /*unused*/) override {}
    void test_case_exception(const doctest::TestCaseException& /*unused*/) override {}
    void subcase_start(const doctest::SubcaseSignature& /*unused*/) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData& /*unused*/) override {}
    void log_message(const doctest::MessageData& /*unused*/) override {}
    void test_case_skipped(const doctest::TestCaseData& /*unused*/) override {}
};

REGISTER_LISTENER("vitrum-counting", 1, CountingListener);

}  // namespace

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int status = context.run();
    if (context.shouldExit()) return status;
    if (status == 0 && cases_started.load() == 0) {
        std::fprintf(stderr, "vitrum tests: no test case matched the filter; failing the run\n");
        return 1;
    }
    return status;
}
