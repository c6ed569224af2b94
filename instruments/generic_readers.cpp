// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/instruments/generic_csv.hpp>
#include <vitrum/instruments/registry.hpp>

namespace vitrum {

void register_generic_readers(ReaderRegistry& registry) {
    // Last of all: these accept any table, so every vendor format must have had its chance.
    registry.add(make_generic_csv_reader(Technique::dsc));
    registry.add(make_generic_csv_reader(Technique::indentation));
}

}  // namespace vitrum
