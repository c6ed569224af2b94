// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "ole2_container.hpp"

#include <fmt/format.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-utils.h>

#include <memory>
#include <mutex>
#include <vitrum/core/error.hpp>

namespace vitrum::ole2 {

namespace {

constexpr unsigned char kSignature[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

struct GObjectUnref {
    void operator()(void* object) const {
        if (object != nullptr) g_object_unref(object);
    }
};
template <class T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

void init_gsf_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        gsf_init();
        // libgsf reports damaged containers through g_critical on stderr as well as through
        // its GError; the library must not print, so those messages are dropped here and the
        // GError becomes our ParseError.
        const auto quiet = [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {};
        for (const char* domain : {"libgsf:msole", "libgsf"}) {
            g_log_set_handler(
                domain, static_cast<GLogLevelFlags>(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING),
                quiet, nullptr);
        }
    });
}

}  // namespace

bool has_signature(std::string_view bytes) noexcept {
    if (bytes.size() < sizeof kSignature) return false;
    for (std::size_t i = 0; i < sizeof kSignature; ++i) {
        if (static_cast<unsigned char>(bytes[i]) != kSignature[i]) return false;
    }
    return true;
}

std::string read_stream(std::string_view bytes, const std::vector<std::string>& names,
                        const std::string& path) {
    Location where;
    where.file = path;
    if (!has_signature(bytes)) {
        throw ParseError(where, "the OLE2 signature D0 CF 11 E0 A1 B1 1A E1",
                         std::string(bytes.substr(0, 8)));
    }
    init_gsf_once();
    // The memory input does not copy and must not free: `bytes` outlives it here.
    GPtr<GsfInput> input(gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                              static_cast<gsf_off_t>(bytes.size()), FALSE));
    if (!input) throw ParseError(where, "libgsf could not wrap the file in memory");
    GError* error = nullptr;
    GPtr<GsfInfile> container(gsf_infile_msole_new(input.get(), &error));
    if (!container) {
        const std::string reason = error != nullptr ? error->message : "unknown reason";
        if (error != nullptr) g_error_free(error);
        throw ParseError(where, fmt::format("not a readable OLE2 compound file ({}); the file "
                                            "may be truncated or corrupted",
                                            reason));
    }
    for (const std::string& name : names) {
        GPtr<GsfInput> child(gsf_infile_child_by_name(container.get(), name.c_str()));
        if (!child) continue;
        const gsf_off_t size = gsf_input_size(child.get());
        if (size < 0 || static_cast<std::size_t>(size) > bytes.size()) {
            throw ParseError(where, fmt::format("OLE2 stream '{}' claims {} bytes in a file of "
                                                "{} bytes",
                                                name, static_cast<long long>(size), bytes.size()));
        }
        std::string out(static_cast<std::size_t>(size), '\0');
        if (size > 0 && gsf_input_read(child.get(), static_cast<std::size_t>(size),
                                       reinterpret_cast<guint8*>(out.data())) == nullptr) {
            throw ParseError(where, fmt::format("OLE2 stream '{}' cannot be read to its end "
                                                "({} bytes); the file may be truncated",
                                                name, static_cast<long long>(size)));
        }
        return out;
    }
    std::string listed;
    for (const std::string& name : names) listed += (listed.empty() ? "" : ", ") + name;
    throw FormatError(
        fmt::format("{}: the OLE2 file has no stream named {} (not an Excel "
                    "workbook)",
                    path, listed));
}

}  // namespace vitrum::ole2
