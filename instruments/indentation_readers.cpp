// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <vitrum/instruments/registry.hpp>

#include "indentation_text_readers.hpp"

namespace vitrum {

void register_indentation_text_readers(ReaderRegistry& registry) {
    // Most specific first: the headerless Micro Materials sniffer is the loosest text check.
    registry.add(indentation_io::make_hysitron_hld_reader());
    registry.add(indentation_io::make_hysitron_results_reader());
    registry.add(indentation_io::make_hysitron_txt_reader());
    registry.add(indentation_io::make_fischer_txt_reader());
    registry.add(indentation_io::make_femtotools_txt_reader());
    registry.add(indentation_io::make_hdf5_common_reader());
    registry.add(indentation_io::make_micromaterials_zip_reader());
    registry.add(indentation_io::make_micromaterials_txt_reader());
}

}  // namespace vitrum
