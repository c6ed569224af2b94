// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <array>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>

namespace vitrum {

/// Constants of a KLA/Agilent/MTS NanoSuite test method (`.msm` exported as text, e.g.
/// FS_XP_MethodInclCalibration.txt): the tip's area function and the Oliver–Pharr inputs [SI].
struct NanoSuiteMethod {
    std::string method_name;  ///< first line "Method Name : …" [text]
    std::string tip_name;     ///< Configuration Objects / Indenter Tip / CurrentTipName [text]
    /// Label0 … Label8 ("m0" … "m8") exactly as printed, nm units: A[nm²] = Σ C_k h[nm]^(2^(1−k))
    /// (C0 [1], C1 [nm], C2 [nm^1.5] …) [nm^(2 − e_k)].
    std::array<double, 9> area_coefficients_nm{};
    std::optional<double> tip_modulus_Pa;        ///< tip "Modulus" in kgf/mm² → Pa [Pa]
    std::optional<double> tip_poisson_ratio;     ///< input IndenterTipPoissonsRatio default [1]
    std::optional<double> epsilon;               ///< input Epsilon default [1]
    std::optional<double> beta;                  ///< input Beta default [1]
    std::optional<double> sample_poisson_ratio;  ///< input PoissonsRatio default [1]
};

/// 1 kgf/mm² in Pa: 9.80665 N / 1e-6 m², exact by the definition of the kilogram-force [Pa].
inline constexpr double kPascalPerKgfPerMm2 = 9.80665e6;

/// Parses a NanoSuite method text export. Lines are tab-indented `Key : Value` pairs; inputs
/// are blocks with `Internal Name : X` and `Default Value : v`; the tip is under
/// `Configuration Objects` / `Indenter Tip` / `CurrentTipName` (`Modulus`, `Parameters`,
/// `LabelN : mN   Value : x`).
/// @throws ParseError naming the file and line when the first line is not `Method Name : …`, the
///         tip block is missing, or a coefficient or modulus is not a number.
NanoSuiteMethod read_nanosuite_method(std::istream& in, const std::string& path);

/// read_nanosuite_method on a file. @throws IoError when the file cannot be read.
NanoSuiteMethod read_nanosuite_method_file(const std::string& path);

/// Puts the method's constants into `data.source.properties` (area_c0 … area_c8 in SI,
/// tip_modulus, tip_poisson_ratio, epsilon, beta, poisson_ratio) where the data file does not
/// already give them, and the tip and method names into metadata. A coefficient the data file
/// gives (NanoSuite's Results sheet prints C0–C2 with more digits) is kept; when it disagrees
/// with the method's 5-digit value by more than the printed rounding, or when the data file names
/// another tip, a warning is added to `data.warnings` and returned.
std::vector<std::string> apply_nanosuite_method(const NanoSuiteMethod& method, Dataset& data);

}  // namespace vitrum
