// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// Example: read any supported instrument file and print its channels in SI.
//   read_and_convert FILE
#include <cmath>
#include <iostream>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: read_and_convert FILE\n";
        return 2;
    }
    try {
        const vitrum::Dataset data = vitrum::builtin_readers().read_file(argv[1]);
        std::cout << argv[1] << ": format " << data.source.format_id << ", encoding "
                  << data.source.encoding << ", " << data.curves.size() << " curve(s)\n";
        for (const auto& curve : data.curves) {
            std::cout << "  " << curve.name << ": " << curve.data.rows() << " rows, "
                      << curve.data.segments.size() << " segment(s)\n";
            for (const auto& column : curve.data.columns()) {
                double lo = INFINITY, hi = -INFINITY;
                for (double v : column.values) {
                    if (std::isfinite(v)) {
                        lo = std::min(lo, v);
                        hi = std::max(hi, v);
                    }
                }
                std::cout << "    " << column.name << " [" << column.unit << "] from '"
                          << column.original_name << "' [" << column.original_unit << "]: " << lo
                          << " … " << hi << '\n';
            }
        }
        return 0;
    } catch (const vitrum::Error& e) {
        std::cerr << "read_and_convert: " << e.what() << '\n';
        return 1;
    }
}
