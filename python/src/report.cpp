// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// vitrum.report: the calls `vitrum report MANIFEST -o DIR` makes, without the GIL.
#include <pybind11/stl.h>

#include <vitrum/instruments/registry.hpp>
#include <vitrum/report/manifest.hpp>
#include <vitrum/report/report_writer.hpp>
#include <vitrum/report/study.hpp>

#include "bindings.hpp"

namespace vitrum::python {

void bind_report(py::module_& m) {
    m.def(
        "report",
        [](py::object manifest_path, py::object outdir, unsigned threads) {
            const std::string manifest_file = path_from(manifest_path, "manifest");
            const std::string folder = path_from(outdir, "outdir");
            py::dict out;
            std::vector<std::string> failed, problems;
            report::ReportFiles files;
            bool complete = false;
            {
                py::gil_scoped_release release;
                const report::Manifest manifest = report::read_manifest(manifest_file);
                const report::DatasetLoader load = [](const std::string& path,
                                                      const std::string& format,
                                                      const std::string& technique) {
                    return builtin_readers().read_file(
                        path, format, technique == "dsc" ? Technique::dsc : Technique::indentation);
                };
                report::StudyRunOptions run;
                run.threads = threads;
                const report::StudyResult study = report::analyse_study(manifest, load, run);
                files = report::write_report(study, folder);
                for (const auto& s : study.samples)
                    for (const auto& f : s.files)
                        if (!f.ok) failed.push_back(s.spec.name + ": " + f.file + ": " + f.error);
                for (const auto& p : study.failures) failed.push_back(p);
                complete = study.complete();
            }
            out["written"] = files.written;
            out["problems"] = files.problems;
            out["failures"] = failed;
            out["complete"] = complete && files.problems.empty();
            return out;
        },
        py::arg("manifest"), py::arg("outdir"), py::arg("threads") = 0u);
}

}  // namespace vitrum::python
