// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
// libFuzzer harness for the instrument readers. The reader under test is chosen at start-up
// from the environment variable VITRUM_FUZZ_FORMAT (a format id from `vitrum formats`); when it
// is unset or "detect", the input goes through format detection first, as a user's file would.
// A reader may refuse input only with a vitrum::Error; anything else (another exception, a
// crash, a sanitizer report, a hang) is a finding.
// The pseudo-format "ngb-stream-set" feeds the streams of a NETZSCH Proteus file without their zip
// container (instruments/ngb_stream_set.hpp): libzip's CRC check would refuse nearly every
// mutated .ngb-* file before the record parser sees it.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vitrum/core/error.hpp>
#include <vitrum/instruments/registry.hpp>

#include "ngb_stream_set.hpp"

namespace {
const vitrum::Reader* g_reader = nullptr;
std::string g_format;
constexpr const char* kNgbStreamSet = "ngb-stream-set";

// Every run the stream set can give: the sample run, and for two runs the correction and the
// corrected curve (which interpolates one run onto the other's time base).
void read_ngb_stream_set(std::string_view bytes) {
    for (const vitrum::NgbRun run :
         {vitrum::NgbRun::sample, vitrum::NgbRun::correction, vitrum::NgbRun::corrected}) {
        try {
            (void)vitrum::ngb::read_stream_set(bytes, "fuzz-input", run);
        } catch (const vitrum::Error&) {
            if (run == vitrum::NgbRun::sample) return;  // nothing further to reach
        }
    }
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    const char* format = std::getenv("VITRUM_FUZZ_FORMAT");
    g_format = format != nullptr ? format : "detect";
    if (g_format != "detect" && g_format != kNgbStreamSet) {
        g_reader = vitrum::builtin_readers().find(g_format);
        if (g_reader == nullptr) {
            std::fprintf(stderr, "fuzz_reader: unknown VITRUM_FUZZ_FORMAT '%s'\n",
                         g_format.c_str());
            std::abort();
        }
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The input is parsed where libFuzzer put it, as ReaderRegistry::read_file does, so that
    // AddressSanitizer sees any read past its last byte.
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (g_format == kNgbStreamSet) {
        read_ngb_stream_set(bytes);
        return 0;
    }
    const std::string_view head = bytes.substr(0, 1 << 16);
    const vitrum::Reader* reader = g_reader;
    if (reader == nullptr) {
        reader = vitrum::builtin_readers().detect(head, "fuzz-input.txt");
        if (reader == nullptr) return 0;
    } else if (!reader->sniff(head, "fuzz-input")) {
        // Still feed it: a reader must refuse input it does not recognise, not crash on it.
    }
    try {
        const vitrum::Dataset data = reader->read_bytes(bytes, "fuzz-input");
        (void)data;
    } catch (const vitrum::Error&) {
        // A clean refusal is the expected outcome for most mutated inputs.
    }
    return 0;
}
