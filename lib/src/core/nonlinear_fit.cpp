// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>

#include <cmath>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <vitrum/core/error.hpp>
#include <vitrum/core/nonlinear_fit.hpp>

namespace vitrum {

void NonlinearFitOptions::validate() const {
    if (max_iterations < 1) {
        throw InvalidArgument("NonlinearFitOptions.max_iterations must be >= 1");
    }
    if (!(x_tolerance > 0.0 && x_tolerance < 1.0)) {
        throw InvalidArgument(
            fmt::format("NonlinearFitOptions.x_tolerance = {} is outside the allowed range (0, 1)",
                        x_tolerance));
    }
    if (!(g_tolerance > 0.0 && g_tolerance < 1.0)) {
        throw InvalidArgument(
            fmt::format("NonlinearFitOptions.g_tolerance = {} is outside the allowed range (0, 1)",
                        g_tolerance));
    }
    if (!(f_tolerance >= 0.0 && f_tolerance < 1.0)) {
        throw InvalidArgument(
            fmt::format("NonlinearFitOptions.f_tolerance = {} is outside the allowed range [0, 1)",
                        f_tolerance));
    }
}

namespace {

// A failed trial point must be rejected by the trust region, not abort the driver (GSL returns
// from the driver on any callback error). A huge but finite residual makes the step's actual
// reduction negative, so the radius shrinks and the previous point is kept.
constexpr double kRejectedResidual = 1e100;

struct Problem {
    const ResidualFunction* residuals = nullptr;
    const JacobianFunction* jacobian = nullptr;
    std::size_t n = 0;
    std::size_t p = 0;
    std::vector<double> params;
    std::vector<double> r;
    std::vector<double> jac;
    std::exception_ptr error;
    std::size_t evaluations = 0;
};

int eval_f(const gsl_vector* x, void* data, gsl_vector* f) {
    auto* pr = static_cast<Problem*>(data);
    try {
        for (std::size_t j = 0; j < pr->p; ++j) pr->params[j] = gsl_vector_get(x, j);
        (*pr->residuals)(pr->params, pr->r);
        ++pr->evaluations;
        // Direct strided writes: gsl_vector_set is an out-of-line call per element, which
        // costs as much as a cheap model's residual itself.
        double* out = f->data;
        const double* in = pr->r.data();
        if (f->stride == 1) {
            // Contiguous (GSL's own vectors): a loop the compiler vectorises.
            for (std::size_t i = 0; i < pr->n; ++i)
                out[i] = std::isfinite(in[i]) ? in[i] : kRejectedResidual;
        } else {
            for (std::size_t i = 0; i < pr->n; ++i)
                out[i * f->stride] = std::isfinite(in[i]) ? in[i] : kRejectedResidual;
        }
        return GSL_SUCCESS;
    } catch (...) {
        pr->error = std::current_exception();
        return GSL_EBADFUNC;
    }
}

int eval_df(const gsl_vector* x, void* data, gsl_matrix* J) {
    auto* pr = static_cast<Problem*>(data);
    try {
        for (std::size_t j = 0; j < pr->p; ++j) pr->params[j] = gsl_vector_get(x, j);
        (*pr->jacobian)(pr->params, pr->jac);
        const double* in = pr->jac.data();
        if (J->tda == pr->p) {
            // Rows are contiguous: one flat, vectorisable pass instead of n short row loops.
            for (std::size_t k = 0; k < pr->n * pr->p; ++k)
                J->data[k] = std::isfinite(in[k]) ? in[k] : 0.0;
            return GSL_SUCCESS;
        }
        for (std::size_t i = 0; i < pr->n; ++i) {
            double* row = J->data + i * J->tda;
            for (std::size_t j = 0; j < pr->p; ++j) {
                const double v = pr->jac[i * pr->p + j];
                row[j] = std::isfinite(v) ? v : 0.0;
            }
        }
        return GSL_SUCCESS;
    } catch (...) {
        pr->error = std::current_exception();
        return GSL_EBADFUNC;
    }
}

struct WorkspaceDeleter {
    void operator()(gsl_multifit_nlinear_workspace* w) const { gsl_multifit_nlinear_free(w); }
};
struct MatrixDeleter {
    void operator()(gsl_matrix* m) const { gsl_matrix_free(m); }
};

// One GSL workspace per thread, reused while the problem size and step method stay the same:
// a batch of thousands of unloading fits would otherwise allocate and free it for every fit.
// gsl_multifit_nlinear_init resets all of its state. A nested call (a callback that fits
// again) finds it busy and allocates its own.
struct CachedWorkspace {
    std::unique_ptr<gsl_multifit_nlinear_workspace, WorkspaceDeleter> work;
    std::size_t n = 0, p = 0;
    const gsl_multifit_nlinear_trs* trs = nullptr;
    const gsl_multifit_nlinear_solver* solver = nullptr;
    bool busy = false;
};

class WorkspaceLease {
public:
    WorkspaceLease(const gsl_multifit_nlinear_parameters& params, std::size_t n, std::size_t p) {
        thread_local CachedWorkspace cache;
        if (cache.busy) {
            own_.reset(gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &params, n, p));
            work_ = own_.get();
            return;
        }
        if (!cache.work || cache.n != n || cache.p != p || cache.trs != params.trs ||
            cache.solver != params.solver) {
            cache.work.reset();
            cache.work.reset(gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &params, n, p));
            cache.n = n;
            cache.p = p;
            cache.trs = params.trs;
            cache.solver = params.solver;
        }
        work_ = cache.work.get();
        if (work_ != nullptr) {
            busy_ = &cache.busy;
            *busy_ = true;
        }
    }
    ~WorkspaceLease() {
        if (busy_ != nullptr) *busy_ = false;
    }
    WorkspaceLease(const WorkspaceLease&) = delete;
    WorkspaceLease& operator=(const WorkspaceLease&) = delete;
    gsl_multifit_nlinear_workspace* get() const { return work_; }

private:
    std::unique_ptr<gsl_multifit_nlinear_workspace, WorkspaceDeleter> own_;
    gsl_multifit_nlinear_workspace* work_ = nullptr;
    bool* busy_ = nullptr;
};

double sum_of_squares(const gsl_vector* f) {
    double s = 0.0;
    for (std::size_t i = 0; i < f->size; ++i) {
        const double v = f->data[i * f->stride];  // no out-of-line gsl_vector_get per element
        s += v * v;
    }
    return s;
}

}  // namespace

NonlinearFitSummary fit_nonlinear(const ResidualFunction& residuals, std::size_t residual_count,
                                  const std::vector<double>& initial,
                                  const NonlinearFitOptions& options,
                                  const JacobianFunction& jacobian) {
    options.validate();
    const std::size_t p = initial.size();
    if (p == 0) throw InvalidArgument("fit_nonlinear: no parameters to fit");
    if (residual_count < p) {
        throw InvalidArgument(fmt::format(
            "fit_nonlinear: {} residuals for {} parameters; need at least as many residuals",
            residual_count, p));
    }
    // GSL's default handler aborts the process; vitrum reports through status codes instead.
    static std::once_flag handler_once;
    std::call_once(handler_once, [] { gsl_set_error_handler_off(); });

    Problem pr;
    pr.residuals = &residuals;
    pr.jacobian = jacobian ? &jacobian : nullptr;
    pr.n = residual_count;
    pr.p = p;
    pr.params.assign(p, 0.0);
    pr.r.assign(residual_count, 0.0);
    pr.jac.assign(residual_count * p, 0.0);

    // Reject a non-finite start before handing it to GSL.
    residuals(initial, pr.r);
    for (std::size_t i = 0; i < residual_count; ++i) {
        if (!std::isfinite(pr.r[i])) {
            throw InvalidArgument(fmt::format(
                "fit_nonlinear: residual {} is not finite at the initial parameters", i));
        }
    }

    gsl_multifit_nlinear_parameters params = gsl_multifit_nlinear_default_parameters();
    switch (options.method) {
        case TrustRegionMethod::levenberg_marquardt:
            params.trs = gsl_multifit_nlinear_trs_lm;
            break;
        case TrustRegionMethod::levenberg_marquardt_accelerated:
            params.trs = gsl_multifit_nlinear_trs_lmaccel;
            break;
        case TrustRegionMethod::dogleg:
            params.trs = gsl_multifit_nlinear_trs_dogleg;
            break;
    }
    params.scale = options.scale == ParameterScale::levenberg ? gsl_multifit_nlinear_scale_levenberg
                                                              : gsl_multifit_nlinear_scale_more;
    params.solver = options.linear_solver == LinearSolver::cholesky
                        ? gsl_multifit_nlinear_solver_cholesky
                        : gsl_multifit_nlinear_solver_qr;

    const WorkspaceLease work(params, residual_count, p);
    if (work.get() == nullptr)
        throw AnalysisError("fit_nonlinear: GSL could not allocate its workspace");

    gsl_multifit_nlinear_fdf fdf;
    fdf.f = eval_f;
    fdf.df = pr.jacobian ? eval_df : nullptr;
    fdf.fvv = nullptr;
    fdf.n = residual_count;
    fdf.p = p;
    fdf.params = &pr;

    std::vector<double> x0 = initial;
    gsl_vector_view x0_view = gsl_vector_view_array(x0.data(), p);
    int status = gsl_multifit_nlinear_init(&x0_view.vector, &fdf, work.get());
    if (pr.error) std::rethrow_exception(pr.error);
    if (status != GSL_SUCCESS) {
        throw AnalysisError(
            fmt::format("fit_nonlinear: GSL init failed: {}", gsl_strerror(status)));
    }

    NonlinearFitSummary summary;
    summary.residual_count = residual_count;
    summary.initial_cost = 0.5 * sum_of_squares(gsl_multifit_nlinear_residual(work.get()));

    int info = 0;
    status = gsl_multifit_nlinear_driver(options.max_iterations, options.x_tolerance,
                                         options.g_tolerance, options.f_tolerance, nullptr, nullptr,
                                         &info, work.get());
    if (pr.error) std::rethrow_exception(pr.error);

    summary.iterations = gsl_multifit_nlinear_niter(work.get());
    // GSL returns GSL_EMAXITER when its very first iteration finds no step that lowers the cost,
    // which also happens when the start is already optimal (exact data, good start values).
    // Apply the convergence tests at the current point to tell the two apart.
    if (status == GSL_EMAXITER && summary.iterations < options.max_iterations) {
        int test_info = 0;
        if (gsl_multifit_nlinear_test(options.x_tolerance, options.g_tolerance, options.f_tolerance,
                                      &test_info, work.get()) == GSL_SUCCESS &&
            test_info != 0) {
            status = GSL_SUCCESS;
            info = test_info;
        } else {
            status = GSL_ENOPROG;
        }
    }
    summary.function_evaluations = pr.evaluations;
    if (status == GSL_SUCCESS) {
        summary.converged = true;
        summary.reason = info == 1   ? "small step"
                         : info == 2 ? "small gradient"
                                     : "small cost change";
    } else if (status == GSL_EMAXITER) {
        summary.reason = fmt::format("iteration limit {} reached", options.max_iterations);
    } else if (status == GSL_ENOPROG) {
        summary.reason = "no further progress possible";
    } else {
        summary.reason = fmt::format("GSL: {}", gsl_strerror(status));
    }

    const gsl_vector* x = gsl_multifit_nlinear_position(work.get());
    const gsl_vector* f = gsl_multifit_nlinear_residual(work.get());
    summary.parameters.resize(p);
    for (std::size_t j = 0; j < p; ++j) summary.parameters[j] = gsl_vector_get(x, j);
    const double ss = sum_of_squares(f);
    summary.final_cost = 0.5 * ss;
    summary.residual_rms = std::sqrt(ss / static_cast<double>(residual_count));

    summary.std_errors.assign(p, std::numeric_limits<double>::quiet_NaN());
    if (options.std_errors && residual_count > p) {
        std::unique_ptr<gsl_matrix, MatrixDeleter> covar(gsl_matrix_alloc(p, p));
        gsl_matrix* J = gsl_multifit_nlinear_jac(work.get());
        if (covar && gsl_multifit_nlinear_covar(J, 0.0, covar.get()) == GSL_SUCCESS) {
            const double s2 = ss / static_cast<double>(residual_count - p);
            for (std::size_t j = 0; j < p; ++j) {
                const double c = gsl_matrix_get(covar.get(), j, j);
                if (std::isfinite(c) && c >= 0.0) summary.std_errors[j] = std::sqrt(c * s2);
            }
        }
    }
    return summary;
}

}  // namespace vitrum
