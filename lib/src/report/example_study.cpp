// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <vitrum/core/error.hpp>
#include <vitrum/core/units.hpp>
#include <vitrum/report/atomic_file.hpp>
#include <vitrum/report/example_study.hpp>

namespace vitrum::report {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Deterministic normal deviates: mt19937_64 is bit-exact by the standard, std::normal_distribution
// is not, so Box–Muller is written out.
class Noise {
public:
    Noise(std::uint64_t seed, const std::string& stream) : rng_(seed ^ fnv1a(stream)) {}
    double uniform() { return (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53; }
    double normal() {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        const double r = std::sqrt(-2.0 * std::log(uniform()));
        const double phi = 2.0 * kPi * uniform();
        spare_ = r * std::sin(phi);
        has_spare_ = true;
        return r * std::cos(phi);
    }

private:
    static std::uint64_t fnv1a(const std::string& s) {
        std::uint64_t h = 1469598103934665603ull;
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        return h;
    }
    std::mt19937_64 rng_;
    double spare_ = 0.0;
    bool has_spare_ = false;
};

double gaussian_peak(double T, double centre, double sigma) {
    const double u = (T - centre) / sigma;
    return std::exp(-0.5 * u * u) / (sigma * std::sqrt(2.0 * kPi));
}

double gaussian_cdf(double T, double centre, double sigma) {
    return 0.5 * std::erfc(-(T - centre) / (sigma * std::sqrt(2.0)));
}

// Shapes of the synthetic thermogram [K]. A tanh step of half-width w has its extrapolated
// onset at T_mid − w; a Gaussian exotherm of width σ has its extrapolated onset at T_p − 2σ.
constexpr double kStepHalfWidth_K = 5.0;
constexpr double kExothermSigma_K = 3.0;

}  // namespace

std::vector<ExampleSample> example_samples() {
    // Tg, Tx, H, E after Fig. 1 of the seed paper (RT: +23 K; 556 K = 0.85 Tg_ref: +46 K,
    // Tx 737 K, H 7.997 ± 0.259 GPa, E 135.405 ± 3.412 GPa; ribbon H 7.2 ± 0.244 GPa); values at
    // the other temperatures are interpolated to follow the published trend. MRO sizes after
    // the paper's 1.42 nm (RT) and 2 nm (0.85 Tg) domains.
    struct Row {
        const char* name;
        double dep_K;  // NaN: reference
        double tg, tx, dh_J_per_g, h_GPa, h_sd, e_GPa, e_sd, mass_mg, mro_nm;
        const char* notes;
    };
    const double nan = std::nan("");
    const Row rows[] = {
        {"ribbon", nan, 654.0, 712.0, 50.0, 7.20, 0.24, 120.5, 2.8, 12.40, nan,
         "melt-spun ribbon, the ordinary glass (Tg_ref)"},
        {"film_RT", 298.15, 677.0, 719.0, 47.0, 7.45, 0.25, 124.8, 3.0, 2.85, 1.4,
         "deposited at room temperature"},
        {"film_392K", 392.0, 684.0, 723.0, 48.0, 7.58, 0.24, 127.1, 3.1, 3.10, nan, ""},
        {"film_458K", 458.0, 691.0, 728.0, 50.0, 7.72, 0.25, 130.0, 3.2, 2.60, 1.7, ""},
        {"film_523K", 523.0, 697.0, 734.0, 52.0, 7.90, 0.26, 133.2, 3.3, 3.35, nan, ""},
        {"film_556K", 556.0, 700.0, 737.0, 54.0, 8.00, 0.26, 135.4, 3.4, 3.05, 2.0,
         "0.85 Tg_ref: the ultra-stable glass"},
        {"film_589K", 589.0, 692.0, 730.0, 51.0, 7.76, 0.27, 131.0, 3.2, 2.90, nan,
         "beyond the optimum: stability falls again"},
    };
    std::vector<ExampleSample> out;
    for (const Row& r : rows) {
        ExampleSample s;
        s.name = r.name;
        if (!std::isnan(r.dep_K)) s.deposition_K = r.dep_K;
        s.tg_onset_K = r.tg;
        s.tx_onset_K = r.tx;
        s.crystallisation_J_per_kg = r.dh_J_per_g * 1e3;
        s.delta_cp_J_per_kg_K = s.deposition_K ? 180.0 : 190.0;
        // Enthalpy recovery grows with the stability gained (ΔTg), none for the ribbon; kept
        // small enough that the tangent of the Tg construction stays on the Δcp step.
        s.overshoot_J_per_kg = 12.0 * (r.tg - kExampleTgReference_K) * (s.deposition_K ? 1 : 0);
        s.sample_mass_kg = r.mass_mg * 1e-6;
        s.hardness_Pa = r.h_GPa * 1e9;
        s.hardness_sd_Pa = r.h_sd * 1e9;
        s.modulus_Pa = r.e_GPa * 1e9;
        s.modulus_sd_Pa = r.e_sd * 1e9;
        if (!std::isnan(r.mro_nm)) {
            s.mro_size_m = r.mro_nm * 1e-9;
            s.mro_uncertainty_m = 0.1e-9;
        }
        s.notes = r.notes;
        out.push_back(s);
    }
    return out;
}

double kissinger_shifted_onset_K(double onset_K, double from_K_per_s, double to_K_per_s,
                                 double energy_J_per_mol) {
    // ln(β/T²) + E/(R T) is the same at both rates: solve for T by fixed-point iteration
    // (contracting, since E/(R T) ≫ 2 for any glass).
    constexpr double kGasConstant = 8.314462618;  // J/(mol K), CODATA 2018 exact
    const double c =
        std::log(from_K_per_s / (onset_K * onset_K)) + energy_J_per_mol / (kGasConstant * onset_K);
    double T = onset_K;
    for (int i = 0; i < 100; ++i)
        T = energy_J_per_mol / (kGasConstant * (c - std::log(to_K_per_s / (T * T))));
    return T;
}

std::string example_dsc_file(const ExampleSample& s, const ExampleSettings& cfg) {
    Noise noise(cfg.seed, "dsc/" + s.name);
    const double beta = cfg.heating_rate_K_per_s;
    const double step_mid_K = s.tg_onset_K + kStepHalfWidth_K;
    const double peak1_K = s.tx_onset_K + 2.0 * kExothermSigma_K;
    const double overshoot_K = step_mid_K + 1.6 * kStepHalfWidth_K;
    const double overshoot_sigma_K = 0.6 * kStepHalfWidth_K;
    const double mass_mg = s.sample_mass_kg * 1e6;
    const double start_C = cfg.dsc_start_K - kCelsiusOffset_K;
    const double end_C = cfg.dsc_end_K - kCelsiusOffset_K;
    const double rate_K_per_min = beta * 60.0;

    std::string out;
    out += "#EXPORTTYPE:DATA SINGLE\n";
    out += fmt::format("#FILE:{}.ngb-sdg\n", s.name);
    out += "#FORMAT:NETZSCH5\n#FTYPE:UTF-8\n";
    out += fmt::format("#IDENTITY:{}\n", s.name);
    out += "#DECIMAL:POINT\n#SEPARATOR:SEMICOLON\n#MTYPE:DSC\n";
    out += "#INSTRUMENT:NETZSCH DSC 404F1 Pegasus (synthetic data, vitrum example)\n";
    out += "#PROJECT:vitrum example study Cu50Zr50\n#DATE/TIME:14.04.2026 10:00\n";
    out += "#LABORATORY:none (generated)\n#OPERATOR:vitrum report --generate-example\n";
    out +=
        fmt::format("#SAMPLE:{}\n#SAMPLE MASS /mg:{:.3f}\n#MATERIAL:Cu50Zr50\n", s.name, mass_mg);
    out += "#TYPE OF CRUCIBLE:Al2O3\n#PURGE 1 MFC:ARGON,50,0 ml/min\n#EXO:-1\n";
    out += fmt::format("#RANGE:{:.0f}°C/{:.1f}(K/min)/{:.0f}°C\n#SEGMENT:S1/1\n", start_C,
                       rate_K_per_min, end_C);
    out +=
        fmt::format("#SEG. 1:{:.0f}°C/{:.1f}(K/min)/{:.0f}°C\n\n", start_C, rate_K_per_min, end_C);
    out += "##Temp./°C;Time/min;DSC/(mW/mg);Sensit./(uV/mW)\n";
    const int rows =
        static_cast<int>(std::lround((cfg.dsc_end_K - cfg.dsc_start_K) / cfg.dsc_step_K));
    for (int i = 0; i <= rows; ++i) {
        const double T = cfg.dsc_start_K + i * cfg.dsc_step_K;
        const double t_min = (T - cfg.dsc_start_K) / beta / 60.0;
        const double x = T - 700.0;
        // Endotherm-up specific heat flow [W/kg]: sloped, slightly curved instrument baseline …
        double q = 55.0 + 0.11 * x - 1.5e-4 * x * x;
        // … the Δcp step, lost again as the liquid crystallises …
        const double crystallised = gaussian_cdf(T, peak1_K, kExothermSigma_K);
        q += s.delta_cp_J_per_kg_K * beta * 0.5 *
             (1.0 + std::tanh((T - step_mid_K) / kStepHalfWidth_K)) * (1.0 - crystallised);
        // … the enthalpy-recovery overshoot of stable glasses (∫q dt = area ⇒ ∫q dT = area·β) …
        q += s.overshoot_J_per_kg * beta * gaussian_peak(T, overshoot_K, overshoot_sigma_K);
        // … and the crystallisation exotherm (negative when endotherms point up).
        q -= s.crystallisation_J_per_kg * beta * gaussian_peak(T, peak1_K, kExothermSigma_K);
        q += cfg.dsc_noise_W_per_kg * noise.normal();
        // #EXO:-1: exotherms down, so the endotherm-up signal is written as is, in mW/mg.
        const double sensitivity_uV_per_mW = 2.45 + 0.0004 * x;
        out += fmt::format("{:10.5f};{:10.5f};{:12.5f};{:8.5f}\n", T - kCelsiusOffset_K, t_min,
                           q * 1e-3, sensitivity_uV_per_mW);
    }
    return out;
}

IndentTargets example_indent_targets(const ExampleSample& s, const ExampleSettings& cfg) {
    IndentTargets out;
    const int n = cfg.indents_per_sample;
    auto draws = [&](const std::string& stream, double mean, double sd) {
        Noise noise(cfg.seed, stream);
        std::vector<double> z(static_cast<std::size_t>(n));
        for (double& v : z) v = noise.normal();
        // Rescale so that the drawn set has exactly the stated mean and sample sd.
        const double m = std::accumulate(z.begin(), z.end(), 0.0) / n;
        double ss = 0.0;
        for (double v : z) ss += (v - m) * (v - m);
        const double sdz = n > 1 ? std::sqrt(ss / (n - 1)) : 1.0;
        std::vector<double> values;
        for (double v : z) values.push_back(mean + sd * (n > 1 ? (v - m) / sdz : 0.0));
        return values;
    };
    out.hardness_Pa = draws("H/" + s.name, s.hardness_Pa, s.hardness_sd_Pa);
    out.modulus_Pa = draws("E/" + s.name, s.modulus_Pa, s.modulus_sd_Pa);
    return out;
}

std::string example_indent_file(const ExampleSample& s, int index, const ExampleSettings& cfg) {
    const IndentTargets targets = example_indent_targets(s, cfg);
    if (index < 0 || index >= static_cast<int>(targets.hardness_Pa.size()))
        throw InvalidArgument(fmt::format("example_indent_file: index must be in [0, {}] (got {})",
                                          targets.hardness_Pa.size() - 1, index));
    const double H = targets.hardness_Pa[static_cast<std::size_t>(index)];
    const double E = targets.modulus_Pa[static_cast<std::size_t>(index)];
    const double P = cfg.max_load_N;
    const double m = cfg.unloading_exponent;
    // Oliver & Pharr (1992) run backwards: A from H, S from E_r, h_max from ε, h_f from m.
    const double area_m2 = P / H;
    const double contact_depth_m = std::sqrt(area_m2 / cfg.berkovich_c0);
    const double inverse_Er =
        (1.0 - cfg.sample_poisson_ratio * cfg.sample_poisson_ratio) / E +
        (1.0 - cfg.tip_poisson_ratio * cfg.tip_poisson_ratio) / cfg.tip_modulus_Pa;
    const double stiffness = 2.0 * cfg.beta * std::sqrt(area_m2) / (std::sqrt(kPi) * inverse_Er);
    const double h_max = contact_depth_m + cfg.epsilon * P / stiffness;
    const double h_f = h_max - m * P / stiffness;
    const double B = P / std::pow(h_max - h_f, m);
    const double h_load_end = h_max - cfg.hold_creep_m;

    Noise noise(cfg.seed, fmt::format("indent/{}/{}", s.name, index));
    const double dt = 1.0 / cfg.sample_rate_Hz;
    constexpr double kLoad_s = 5.0, kHold_s = 2.0, kUnload_s = 5.0, kCreepTau_s = 0.2;
    const int n_load = static_cast<int>(std::lround(kLoad_s / dt));
    const int n_hold = static_cast<int>(std::lround(kHold_s / dt));
    const int n_unload = static_cast<int>(std::lround(kUnload_s / dt));
    std::string rows;
    int count = 0;
    auto emit = [&](double t, double h, double load) {
        h += cfg.depth_noise_m * noise.normal();
        load += cfg.load_noise_N * noise.normal();
        rows += fmt::format("{:.6f}\t{:.6f}\t{:.6f}\n", h * 1e9, load * 1e6, t);
        ++count;
    };
    for (int i = 0; i < n_load; ++i) {  // load-controlled ramp, P = C h² (self-similar tip)
        const double t = i * dt, load = P * t / kLoad_s;
        emit(t, h_load_end * std::sqrt(load / P), load);
    }
    for (int i = 0; i < n_hold; ++i) {  // logarithmic creep at P_max
        const double t = i * dt;
        emit(kLoad_s + t,
             h_load_end +
                 cfg.hold_creep_m * std::log1p(t / kCreepTau_s) / std::log1p(kHold_s / kCreepTau_s),
             P);
    }
    for (int i = 0; i <= n_unload; ++i) {  // power-law unloading P = B (h − h_f)^m
        const double t = i * dt, load = P * (1.0 - t / kUnload_s);
        emit(kLoad_s + kHold_s + t, h_f + std::pow(std::max(load, 0.0) / B, 1.0 / m), load);
    }
    // TriboScan header: date line, blank line, point count, column names (ISO-8859-1 µ = 0xB5).
    std::string out =
        fmt::format("Tue Apr 14 {:02d}:{:02d}:00 2026\n\n", 9 + index / 30, (2 * index) % 60);
    out += fmt::format("Number of Points = {}\n", count);
    out += "Depth (nm)\tLoad (\xB5N)\tTime (s)\n";
    return out + rows;
}

}  // namespace vitrum::report
