// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/instruments/registry.hpp>

namespace vitrum {

void register_spreadsheet_readers(ReaderRegistry& registry) {
    (void)registry;  // readers of this family are added here, most specific first
}

}  // namespace vitrum
