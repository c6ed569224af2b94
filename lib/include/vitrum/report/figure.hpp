// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

// Figures are the plain plot model of vitrum/core/plot.hpp; the report library draws them
// (Figure::save, PLplot + cairo).
#include <vitrum/core/plot.hpp>
