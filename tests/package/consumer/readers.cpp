// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Links vitrum::instruments: lists the readers.
#include <iostream>
#include <vitrum/instruments/registry.hpp>

int main() {
    const auto& readers = vitrum::builtin_readers().readers();
    std::cout << readers.size() << " readers\n";
    return readers.size() > 10 ? 0 : 1;
}
