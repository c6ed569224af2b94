// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <Eigen/Dense>
#include <cmath>
#include <vitrum/core/error.hpp>
#include <vitrum/indent/calibration.hpp>

namespace vitrum::indent {

void CalibrationOptions::validate() const {
    oliver_pharr.validate();
    if (!(reference_modulus_Pa > 0.0 && std::isfinite(reference_modulus_Pa))) {
        throw InvalidArgument(fmt::format(
            "CalibrationOptions.reference_modulus_Pa = {} must be > 0 Pa", reference_modulus_Pa));
    }
    if (area_terms < 1 || area_terms > kAreaTerms) {
        throw InvalidArgument(fmt::format(
            "CalibrationOptions.area_terms = {} is outside the allowed range [1, 9]", area_terms));
    }
    if (max_iterations < 1) throw InvalidArgument("CalibrationOptions.max_iterations must be >= 1");
    if (!(tolerance > 0.0)) throw InvalidArgument("CalibrationOptions.tolerance must be > 0");
}

namespace {

bool valid(const CalibrationSample& s) {
    return std::isfinite(s.load_N) && std::isfinite(s.depth_m) &&
           std::isfinite(s.stiffness_N_per_m) && s.load_N > 0.0 && s.stiffness_N_per_m > 0.0;
}

// Total compliance against x (1/√P or 1/√A) over the samples that pass the frame filters.
FrameComplianceResult compliance_line(const std::vector<CalibrationSample>& samples,
                                      const std::vector<double>& x_all,
                                      const CalibrationOptions& o) {
    std::vector<double> x, y;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto& s = samples[i];
        if (!valid(s) || s.depth_m < o.frame_min_depth_m || s.load_N < o.frame_min_load_N ||
            !std::isfinite(x_all[i])) {
            continue;
        }
        x.push_back(x_all[i]);
        y.push_back(1.0 / s.stiffness_N_per_m);
    }
    if (x.size() < 2) {
        throw AnalysisError(fmt::format(
            "frame compliance: {} samples pass depth >= {} nm and load >= {} mN; need at least 2",
            x.size(), o.frame_min_depth_m * 1e9, o.frame_min_load_N * 1e3));
    }
    FrameComplianceResult r;
    r.line = fit_line(x, y);
    r.frame_compliance_m_per_N = r.line.intercept;
    r.samples_used = x.size();
    return r;
}

}  // namespace

FrameComplianceResult calibrate_frame_compliance(const std::vector<CalibrationSample>& samples,
                                                 const CalibrationOptions& options) {
    options.validate();
    std::vector<double> x(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) x[i] = 1.0 / std::sqrt(samples[i].load_N);
    return compliance_line(samples, x, options);
}

AreaCalibrationResult calibrate_area_function(const std::vector<CalibrationSample>& samples,
                                              double cf, const CalibrationOptions& o) {
    o.validate();
    const OliverPharrOptions& op = o.oliver_pharr;
    const double er = reduced_modulus_from_modulus_Pa(o.reference_modulus_Pa, op);
    AreaCalibrationResult r;
    r.frame_compliance_m_per_N = cf;
    for (const auto& s : samples) {
        if (!valid(s)) continue;
        const double inv = 1.0 / s.stiffness_N_per_m - cf;
        if (!(inv > 0.0)) continue;
        const double sc = 1.0 / inv;
        const double hc = s.depth_m - cf * s.load_N - op.epsilon * s.load_N / sc;
        if (!(hc > 0.0)) continue;
        r.contact_depth_m.push_back(hc);
        r.target_area_m2.push_back(area_from_stiffness_m2(sc, er, op));
    }
    const std::size_t n = r.contact_depth_m.size(), k = o.area_terms;
    if (n < k) {
        throw AnalysisError(fmt::format(
            "area calibration: {} usable samples for {} terms (C_f = {} m/N)", n, k, cf));
    }
    // Minimise Σ((A_fit − A)/A)²: rows divided by A; columns scaled to unit norm for QR.
    Eigen::MatrixXd M(n, k);
    Eigen::VectorXd b = Eigen::VectorXd::Ones(static_cast<Eigen::Index>(n));
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            M(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
                std::pow(r.contact_depth_m[i], area_term_exponent(j)) / r.target_area_m2[i];
        }
    }
    Eigen::VectorXd scale = M.colwise().norm().transpose();
    for (Eigen::Index j = 0; j < M.cols(); ++j) {
        if (scale(j) > 0.0)
            M.col(j) /= scale(j);
        else
            scale(j) = 1.0;
    }
    const Eigen::VectorXd c = M.colPivHouseholderQr().solve(b);
    std::vector<double> coefficients(k);
    for (std::size_t j = 0; j < k; ++j)
        coefficients[j] = c(static_cast<Eigen::Index>(j)) / scale(static_cast<Eigen::Index>(j));
    r.area = AreaFunction::polynomial(coefficients);
    double ss = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double e = r.area.area_m2(r.contact_depth_m[i]) / r.target_area_m2[i] - 1.0;
        ss += e * e;
    }
    r.relative_rms = std::sqrt(ss / static_cast<double>(n));
    return r;
}

AreaCalibrationResult calibrate_area_and_frame(const std::vector<CalibrationSample>& samples,
                                               const CalibrationOptions& o) {
    o.validate();
    // Oliver & Pharr 1992 §4: start from the perfect Berkovich area, take C_f as the intercept
    // of C_t vs A(h_c)^(−½) over the deep indents (slope free), fit the area function with
    // that C_f and the reference modulus, and repeat with the new area function.
    AreaFunction area = AreaFunction::berkovich(24.5);
    double cf = 0.0;
    AreaCalibrationResult r;
    bool converged = false;
    std::size_t it = 0;
    while (it < o.max_iterations && !converged) {
        ++it;
        std::vector<double> x(samples.size());
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const auto& s = samples[i];
            const double inv_c = 1.0 / s.stiffness_N_per_m - cf;
            const double hc = s.depth_m - cf * s.load_N - o.oliver_pharr.epsilon * s.load_N * inv_c;
            const double a = valid(s) && inv_c > 0.0 ? area.area_m2(hc) : 0.0;
            x[i] = a > 0.0 ? 1.0 / std::sqrt(a) : std::nan("");
        }
        const double next = compliance_line(samples, x, o).frame_compliance_m_per_N;
        converged = std::abs(next - cf) <= o.tolerance * std::max(std::abs(next), 1e-12);
        cf = next;
        r = calibrate_area_function(samples, cf, o);
        area = r.area;
    }
    r.iterations = it;
    r.converged = converged;
    return r;
}

}  // namespace vitrum::indent
