// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/tools/minima.hpp>
#include <cmath>
#include <limits>
#include <vitrum/core/channels.hpp>
#include <vitrum/core/error.hpp>
#include <vitrum/core/record.hpp>
#include <vitrum/indent/joint_calibration.hpp>

namespace vitrum::indent {

void JointCalibrationOptions::validate() const {
    calibration.validate();
    if (!(max_frame_compliance_m_per_N > 0.0 && std::isfinite(max_frame_compliance_m_per_N)))
        throw InvalidArgument(
            fmt::format("JointCalibrationOptions.max_frame_compliance_m_per_N = {} must be > 0",
                        max_frame_compliance_m_per_N));
    if (!(ideal_c0 > 0.0))
        throw InvalidArgument(
            fmt::format("JointCalibrationOptions.ideal_c0 = {} must be > 0", ideal_c0));
    if (!(max_c0_deviation > 0.0))
        throw InvalidArgument(fmt::format(
            "JointCalibrationOptions.max_c0_deviation = {} must be > 0", max_c0_deviation));
    if (fixed_frame_compliance_m_per_N &&
        !(*fixed_frame_compliance_m_per_N >= 0.0 && std::isfinite(*fixed_frame_compliance_m_per_N)))
        throw InvalidArgument(
            fmt::format("JointCalibrationOptions.fixed_frame_compliance_m_per_N = {} must be >= 0",
                        *fixed_frame_compliance_m_per_N));
    if (!(negative_frame_sigmas >= 0.0))
        throw InvalidArgument(
            fmt::format("JointCalibrationOptions.negative_frame_sigmas = {} must be >= 0",
                        negative_frame_sigmas));
}

std::vector<CalibrationSample> csm_calibration_samples(const Series& data, double min_depth_m) {
    for (const char* ch : {channel::depth, channel::load, channel::harmonic_stiffness})
        if (!data.has(ch))
            throw InvalidArgument(fmt::format("CSM calibration needs a '{}' column", ch));
    const auto& h = data.values(channel::depth);
    const auto& p = data.values(channel::load);
    const auto& s = data.values(channel::harmonic_stiffness);
    // The loading only: up to the deepest row (the unload has no harmonic contact).
    const std::size_t end =
        h.empty() ? 0
                  : static_cast<std::size_t>(std::max_element(h.begin(), h.end()) - h.begin()) + 1;
    std::vector<CalibrationSample> out;
    for (std::size_t i = 0; i < end; ++i) {
        if (!(std::isfinite(h[i]) && std::isfinite(p[i]) && std::isfinite(s[i]))) continue;
        if (h[i] < min_depth_m || !(h[i] > 0.0) || !(p[i] > 0.0) || !(s[i] > 0.0)) continue;
        out.push_back({p[i], h[i], s[i]});
    }
    return out;
}

namespace {

// h_c at C_f = 0 must be positive for a sample to enter; the set is then fixed, and a C_f
// that would drop one of them (1/S − C_f ≤ 0 or h_c ≤ 0) is outside the feasible range.
std::vector<CalibrationSample> usable(const std::vector<CalibrationSample>& samples,
                                      double epsilon) {
    std::vector<CalibrationSample> out;
    for (const auto& s : samples) {
        if (!(std::isfinite(s.load_N) && std::isfinite(s.depth_m) &&
              std::isfinite(s.stiffness_N_per_m) && s.load_N > 0.0 && s.stiffness_N_per_m > 0.0))
            continue;
        if (s.depth_m - epsilon * s.load_N / s.stiffness_N_per_m > 0.0) out.push_back(s);
    }
    return out;
}

double mean_square(const std::vector<CalibrationSample>& samples, double cf,
                   const CalibrationOptions& o) {
    try {
        const AreaCalibrationResult r = calibrate_area_function(samples, cf, o);
        if (r.contact_depth_m.size() < samples.size())
            return std::numeric_limits<double>::infinity();
        return r.relative_rms * r.relative_rms;
    } catch (const AnalysisError&) {
        return std::numeric_limits<double>::infinity();
    }
}

// Standard errors from s²(JᵀJ)⁻¹ of r_i = A(h_c,i)/A_S,i − 1 in (C_f, C0 … C(k−1)).
void standard_errors(JointCalibrationResult& r, const std::vector<CalibrationSample>& samples,
                     const CalibrationOptions& o, bool with_frame) {
    const OliverPharrOptions& op = o.oliver_pharr;
    const std::size_t n = samples.size(), k = r.coefficients_si.size();
    const std::size_t p = k + (with_frame ? 1 : 0);
    Eigen::MatrixXd J(n, p);
    double ss = 0.0;
    const double cf = r.frame_compliance_m_per_N;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& s = samples[i];
        const double sc = 1.0 / (1.0 / s.stiffness_N_per_m - cf);
        const double hc = s.depth_m - cf * s.load_N - op.epsilon * s.load_N / sc;
        const double at = r.target_area_m2[i];
        const double a = r.area.area_m2(hc);
        ss += (a / at - 1.0) * (a / at - 1.0);
        const auto row = static_cast<Eigen::Index>(i);
        for (std::size_t j = 0; j < k; ++j)
            J(row, static_cast<Eigen::Index>(j)) = std::pow(hc, area_term_exponent(j)) / at;
        if (with_frame) {
            // dS_c/dC_f = S_c², dA_S/dC_f = 2 A_S S_c, dh_c/dC_f = −P(1 − ε).
            const double dhc = -s.load_N * (1.0 - op.epsilon);
            J(row, static_cast<Eigen::Index>(k)) =
                (r.area.derivative_m(hc) * dhc - 2.0 * a * sc) / at;
        }
    }
    // Column scaling keeps JᵀJ well conditioned (C0 ~ 1, C2 ~ 1e-13 m^1.5).
    Eigen::VectorXd scale = J.colwise().norm().transpose();
    for (Eigen::Index j = 0; j < J.cols(); ++j) {
        if (!(scale(j) > 0.0)) scale(j) = 1.0;
        J.col(j) /= scale(j);
    }
    const double s2 = ss / static_cast<double>(n - p);
    const Eigen::MatrixXd cov = s2 * (J.transpose() * J).inverse();
    r.coefficients_stderr_si.assign(k, 0.0);
    for (std::size_t j = 0; j < k; ++j) {
        const auto jj = static_cast<Eigen::Index>(j);
        r.coefficients_stderr_si[j] = std::sqrt(cov(jj, jj)) / scale(jj);
    }
    const auto f = static_cast<Eigen::Index>(k);
    r.frame_compliance_stderr_m_per_N = with_frame ? std::sqrt(cov(f, f)) / scale(f) : 0.0;
}

JointCalibrationResult result_at(const std::vector<CalibrationSample>& samples, double cf,
                                 const CalibrationOptions& o) {
    const AreaCalibrationResult a = calibrate_area_function(samples, cf, o);
    JointCalibrationResult r;
    r.area = a.area;
    r.frame_compliance_m_per_N = cf;
    r.contact_depth_m = a.contact_depth_m;
    r.target_area_m2 = a.target_area_m2;
    r.relative_rms = a.relative_rms;
    r.coefficients_si.assign(a.area.coefficients_si().begin(),
                             a.area.coefficients_si().begin() + o.area_terms);
    r.min_contact_depth_m = *std::min_element(a.contact_depth_m.begin(), a.contact_depth_m.end());
    r.max_contact_depth_m = *std::max_element(a.contact_depth_m.begin(), a.contact_depth_m.end());
    return r;
}

// The physical constraints: C0 near the ideal tip, A increasing over the calibrated range.
void check_constraints(const JointCalibrationResult& r, const JointCalibrationOptions& options) {
    const double c0 = r.coefficients_si[0];
    if (!(std::abs(c0 - options.ideal_c0) <= options.max_c0_deviation * options.ideal_c0))
        throw AnalysisError(fmt::format(
            "calibration refused: C0 = {:.4g} is further than {:g} % from the ideal tip's {:g}", c0,
            100.0 * options.max_c0_deviation, options.ideal_c0));
    constexpr int kChecks = 200;
    for (int g = 0; g <= kChecks; ++g) {
        const double hc =
            r.min_contact_depth_m + (r.max_contact_depth_m - r.min_contact_depth_m) * g / kChecks;
        if (!(r.area.derivative_m(hc) > 0.0))
            throw AnalysisError(fmt::format(
                "calibration refused: the fitted area function decreases at h_c = {:.4g} nm "
                "(calibrated range {:.4g}–{:.4g} nm)",
                hc * 1e9, r.min_contact_depth_m * 1e9, r.max_contact_depth_m * 1e9));
    }
}

}  // namespace

JointCalibrationResult calibrate_jointly(const std::vector<CalibrationSample>& all,
                                         const JointCalibrationOptions& options) {
    options.validate();
    const CalibrationOptions& o = options.calibration;
    const std::vector<CalibrationSample> samples = usable(all, o.oliver_pharr.epsilon);
    const std::size_t p = o.area_terms + 1;
    if (samples.size() < p + 2)
        throw AnalysisError(
            fmt::format("calibration refused: {} usable samples for {} area terms and the frame "
                        "compliance; need at least {}",
                        samples.size(), o.area_terms, p + 2));
    JointCalibrationResult r;
    if (options.fixed_frame_compliance_m_per_N) {
        r = result_at(samples, *options.fixed_frame_compliance_m_per_N, o);
        if (r.contact_depth_m.size() < samples.size())
            throw AnalysisError(fmt::format(
                "calibration refused: the given frame compliance {:g} nm/mN exceeds the measured "
                "compliance 1/S of some samples",
                *options.fixed_frame_compliance_m_per_N * 1e6));
        standard_errors(r, samples, o, false);
        r.frame_fixed = true;
        check_constraints(r, options);
        return r;
    }
    // Feasible C_f: below every measured compliance 1/S (the sample stiffness stays positive).
    double upper = options.max_frame_compliance_m_per_N;
    for (const auto& s : samples) upper = std::min(upper, 0.999 / s.stiffness_N_per_m);
    const double lower = -options.max_frame_compliance_m_per_N;
    // Coarse grid first (the profile can have a shallow second minimum), then Brent between
    // the neighbours of the best grid point, on C_f scaled by the search half-width.
    const double width = options.max_frame_compliance_m_per_N;
    const auto cost = [&](double x) { return mean_square(samples, x * width, o); };
    constexpr int kGrid = 200;
    int best = -1;
    double best_cost = std::numeric_limits<double>::infinity();
    for (int g = 0; g <= kGrid; ++g) {
        const double x = (lower + (upper - lower) * g / kGrid) / width;
        const double c = cost(x);
        if (c < best_cost) {
            best_cost = c;
            best = g;
        }
    }
    if (best < 0)
        throw AnalysisError("calibration refused: no frame compliance gives a usable area fit");
    if (best == 0)
        throw AnalysisError(fmt::format(
            "calibration refused: the best frame compliance lies at the search limit {:g} nm/mN "
            "(the data do not follow the Oliver–Pharr contact model with this reference)",
            lower * 1e6));
    const double a = (lower + (upper - lower) * (best - 1) / kGrid) / width;
    const double b = (lower + (upper - lower) * std::min(best + 1, kGrid) / kGrid) / width;
    constexpr std::uintmax_t kMaxBrent = 200;  // Brent needs ~30 steps for 26 bits
    std::uintmax_t iterations = kMaxBrent;
    const auto [x_min, c_min] = boost::math::tools::brent_find_minima(
        cost, a, b, std::numeric_limits<double>::digits / 2, iterations);
    (void)c_min;
    if (iterations >= kMaxBrent)
        throw AnalysisError(fmt::format(
            "calibration refused: the frame-compliance search did not converge in {} iterations",
            kMaxBrent));
    double cf = x_min * width;
    r = result_at(samples, cf, o);
    standard_errors(r, samples, o, true);
    if (cf < 0.0) {
        if (-cf > options.negative_frame_sigmas * r.frame_compliance_stderr_m_per_N)
            throw AnalysisError(fmt::format(
                "calibration refused: frame compliance C_f = {:.4g} ± {:.2g} nm/mN is negative "
                "(a frame cannot be stiffer than rigid); check the reference modulus, ν and the "
                "data",
                cf * 1e6, r.frame_compliance_stderr_m_per_N * 1e6));
        cf = 0.0;  // within its error of the bound: hold it there and fit the area alone
        r = result_at(samples, cf, o);
        standard_errors(r, samples, o, false);
        r.frame_at_bound = true;
    }
    r.iterations = static_cast<std::size_t>(iterations);
    check_constraints(r, options);
    return r;
}

}  // namespace vitrum::indent

namespace vitrum::indent {

void write_calibrated_tip(std::ostream& out, const JointCalibrationResult& r, std::size_t points) {
    if (points < 2) throw InvalidArgument("write_calibrated_tip: points must be >= 2");
    out << "# vitrum indent calibrate: area function A(h_c), fitted jointly with the frame\n";
    out << "# C_f = " << shortest_double(r.frame_compliance_m_per_N * 1e6) << " +- "
        << shortest_double(r.frame_compliance_stderr_m_per_N * 1e6) << " nm/mN"
        << (r.frame_fixed      ? " (given)"
            : r.frame_at_bound ? " (held at the bound 0)"
                               : "")
        << '\n';
    for (std::size_t j = 0; j < r.coefficients_si.size(); ++j) {
        const double to_nm = std::pow(1e9, 2.0 - area_term_exponent(j));
        out << "# C" << j << " = " << shortest_double(r.coefficients_si[j] * to_nm) << " +- "
            << shortest_double(r.coefficients_stderr_si[j] * to_nm) << " nm^"
            << shortest_double(2.0 - area_term_exponent(j)) << '\n';
    }
    out << "h_c_nm,area_nm2\n";
    // Geometric spacing: equal relative interpolation error over the range.
    const double h0 = r.min_contact_depth_m, h1 = r.max_contact_depth_m;
    for (std::size_t i = 0; i < points; ++i) {
        const double t = static_cast<double>(i) / static_cast<double>(points - 1);
        const double h = h0 * std::pow(h1 / h0, t);
        out << shortest_double(h * 1e9) << ',' << shortest_double(r.area.area_m2(h) * 1e18) << '\n';
    }
}

}  // namespace vitrum::indent
