// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/instruments/registry.hpp>

#include "dsc_common.hpp"

namespace vitrum {

void register_dsc_readers(ReaderRegistry& registry) {
    // Most specific first: each sniff looks for its vendor's own markers (a first line, a key
    // only that software writes); the table-shaped formats without such markers come last.
    registry.add(dsc_io::make_netzsch_ascii_reader());
    dsc_io::add_netzsch_ngb_readers(registry);
    registry.add(dsc_io::make_ta_universal_reader());
    registry.add(dsc_io::make_ta_trios_reader());
    registry.add(dsc_io::make_jcamp_dx_reader());
    registry.add(dsc_io::make_setaram_reader());
    registry.add(dsc_io::make_perkinelmer_pyris_reader());
    registry.add(dsc_io::make_mettler_stare_reader());
}

}  // namespace vitrum
