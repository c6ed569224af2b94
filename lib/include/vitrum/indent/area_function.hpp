// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>
#include <vitrum/core/series.hpp>

namespace vitrum::indent {

/// Number of polynomial terms in the NanoSuite/Hysitron area function (C0 … C8).
inline constexpr std::size_t kAreaTerms = 9;

/// Projected contact area A(h_c) of an indenter tip [m²].
///
/// Kinds:
/// - polynomial: A = C0·h² + C1·h + C2·h^(1/2) + C3·h^(1/4) + … + C8·h^(1/128) (+ constant),
///   in SI (C0 [1], C1 [m], C2 [m^1.5], …): the NanoSuite "TipArea" / Hysitron `.ara` form
///   (Oliver & Pharr, J. Mater. Res. 7, 1564 (1992), eq. 7 of JMR 19, 3 (2004));
/// - berkovich (perfect, C0 = 24.5 by default; 24.494 = 3√3·tan²65.27° is the exact value),
///   cube corner (C0 = 2.598), sphere (A = π(2Rh − h²) for h ≤ R), sphere + cone (sphere
///   up to the tangent depth, then a cone of half-angle θ), tabulated (linear in h_c).
class AreaFunction {
public:
    enum class Kind { polynomial, sphere, sphere_cone, tabulated };

    /// Polynomial from SI coefficients C0 … C(k−1), k ≤ 9, plus a constant [m²].
    /// @throws InvalidArgument when more than 9 coefficients or a non-finite one is given.
    static AreaFunction polynomial(const std::vector<double>& coefficients_si,
                                   double constant_m2 = 0.0);
    /// Polynomial from coefficients in nanometre units (C0 [1], C1 [nm], C2 [nm^1.5] …), the way
    /// NanoSuite, Hysitron and micromechanics print them.
    static AreaFunction polynomial_nm(const std::vector<double>& coefficients_nm);
    /// Perfect Berkovich A = c0·h² (default 24.5, as Hysitron; use 24.494 for the exact angle).
    static AreaFunction berkovich(double c0 = 24.5);
    /// Perfect cube corner A = 2.598·h² (3√3·tan²35.26°).
    static AreaFunction cube_corner();
    /// Perfect Vickers (square pyramid, 136° between faces): projected A_p = 24.50·h_c², the
    /// value ISO 14577-1 tabulates (4·tan²68° = 24.504) and WIN-HCU (Fischerscope) uses [m²].
    static AreaFunction vickers(double c0 = 24.5);
    /// Sphere of radius R [m]: A = π(2Rh − h²), h clipped at R.
    /// @throws InvalidArgument when R ≤ 0.
    static AreaFunction sphere(double radius_m);
    /// Sphere of radius R [m] blending into a cone of half-angle θ [rad] at the tangent depth
    /// h_t = R(1 − sin θ); beyond it A = π((h − h_t)·tan θ + R cos θ)².
    /// @throws InvalidArgument when R ≤ 0 or θ outside (0, π/2).
    static AreaFunction sphere_cone(double radius_m, double half_angle_rad);
    /// Table of (h_c [m], A [m²]) pairs, strictly increasing in h_c, linear in between and
    /// extrapolated linearly beyond the ends.
    /// @throws InvalidArgument when fewer than 2 points or not increasing.
    static AreaFunction tabulated(std::vector<double> depth_m, std::vector<double> area_m2);

    /// The area function of a file: polynomial from `area_c0` … `area_c8` when present, else
    /// the shape the file states (`tip_shape`: a sphere of `tip_radius`, an ideal Berkovich,
    /// Vickers or cube corner); nullopt when the file says neither.
    static std::optional<AreaFunction> from_dataset(const Dataset& dataset, const Curve& curve);

    /// Parses a CLI tip description: "berkovich", "vickers", "cube-corner", "sphere:R" (R with
    /// unit, e.g. "sphere:5um"), "sphere-cone:R:angle_deg", or a comma list of nm coefficients
    /// "C0,C1,…".
    /// @throws InvalidArgument naming the text and the accepted forms.
    static AreaFunction parse(const std::string& text);

    /// Contact area at contact depth h_c [m²]; 0 for h_c ≤ 0.
    double area_m2(double contact_depth_m) const;
    /// dA/dh_c [m].
    double derivative_m(double contact_depth_m) const;
    /// Contact depth with A(h_c) = area (Newton with bisection) [m].
    /// @throws AnalysisError when the area is not reached below 1 mm.
    double contact_depth_for_area_m(double area_m2) const;

    Kind kind() const { return kind_; }
    /// Polynomial coefficients in SI (empty for other kinds).
    const std::array<double, kAreaTerms>& coefficients_si() const { return c_; }
    /// One line for reports: "polynomial C0=24.5 C1=… (nm units)", "sphere R=5 µm".
    std::string describe() const;

private:
    Kind kind_ = Kind::polynomial;
    std::array<double, kAreaTerms> c_{};
    double constant_m2_ = 0.0;
    double radius_m_ = 0.0;
    double half_angle_rad_ = 0.0;
    std::vector<double> table_h_, table_a_;
};

/// Exponent of term n in the polynomial area function: 2, 1, 1/2, 1/4, … [1].
double area_term_exponent(std::size_t n);

}  // namespace vitrum::indent
