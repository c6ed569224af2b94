// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include "hdf5_storage.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <optional>
#include <vector>
#include <vitrum/core/error.hpp>

namespace vitrum::indentation_io {

std::string printable(const std::string& s) {
    std::string out;
    for (const char c : s) out += (c >= 0x20 && c < 0x7F) ? c : '?';
    return out;
}

// The bit layout of a stored integer or float must lie inside its bytes: libhdf5 1.10 converts
// with the layout as given, and a damaged datatype message (precision or offset past the
// size, float fields past the precision) made H5T__bit_copy read outside the buffer (SIGBUS,
// found by fuzzing tiny.hdf5), and an integer of 3983 bits of precision overran a 64-bit
// stack word in H5T__conv_i_f (stack smashing, found by fuzzing an attribute). No stored
// number is wider than 16 bytes.
bool number_layout_ok(hid_t type, std::size_t value_bytes) {
    if (value_bytes == 0 || value_bytes > 16) return false;
    const std::size_t bits = 8 * value_bytes;
    const std::size_t precision = H5Tget_precision(type);
    const int offset = H5Tget_offset(type);
    if (precision == 0 || offset < 0 || static_cast<std::size_t>(offset) + precision > bits) {
        return false;
    }
    if (H5Tget_class(type) != H5T_FLOAT) return true;
    std::size_t sign = 0, exponent = 0, exponent_bits = 0, mantissa = 0, mantissa_bits = 0;
    return H5Tget_fields(type, &sign, &exponent, &exponent_bits, &mantissa, &mantissa_bits) >= 0 &&
           sign < precision && exponent_bits > 0 && exponent_bits <= 32 &&
           exponent + exponent_bits <= precision && mantissa_bits > 0 &&
           mantissa + mantissa_bits <= precision;
}

std::string number_layout(hid_t type, std::size_t value_bytes) {
    return fmt::format("{} bits of precision at bit offset {} in {} bytes", H5Tget_precision(type),
                       H5Tget_offset(type), value_bytes);
}

void check_number_layout(hid_t type, std::size_t value_bytes, const std::string& path,
                         const std::string& dataset) {
    if (!number_layout_ok(type, value_bytes)) {
        throw FormatError(fmt::format("{}: dataset '{}' has a damaged number layout ({})", path,
                                      dataset, number_layout(type, value_bytes)));
    }
}

namespace {

// Size of one stored chunk once its filters are undone in reverse order, as libhdf5 undoes
// them, or nullopt when a filter fails on it or the result would exceed `limit` bytes. Bit k of
// `skipped` set means filter k was not applied to this chunk (HDF5's per-chunk filter mask).
std::optional<std::size_t> unfiltered_size(std::string_view stored,
                                           const std::vector<H5Z_filter_t>& filters,
                                           unsigned skipped, std::size_t limit) {
    std::string_view data = stored;
    std::string inflated;
    for (std::size_t k = filters.size(); k-- > 0;) {
        if (k < 32 && ((skipped >> k) & 1U) != 0) continue;
        if (filters[k] == H5Z_FILTER_FLETCHER32) {
            if (data.size() < 4) return std::nullopt;
            data.remove_suffix(4);  // the checksum
        } else if (filters[k] == H5Z_FILTER_DEFLATE) {
            std::string out(limit + 1, '\0');
            z_stream z{};
            if (inflateInit(&z) != Z_OK) return std::nullopt;
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
            z.avail_in = static_cast<uInt>(data.size());
            z.next_out = reinterpret_cast<Bytef*>(out.data());
            z.avail_out = static_cast<uInt>(out.size());
            const int status = inflate(&z, Z_FINISH);
            const std::size_t produced = z.total_out;
            inflateEnd(&z);
            if (status != Z_STREAM_END || produced > limit) return std::nullopt;
            out.resize(produced);
            inflated = std::move(out);
            data = inflated;
        } else if (filters[k] != H5Z_FILTER_SHUFFLE) {
            return std::nullopt;  // refused earlier; shuffle keeps the size
        }
    }
    return data.size();
}

// No chunk of an indentation export comes near this; the bound keeps every chunk buffer (ours
// and libhdf5's) small [bytes].
constexpr std::size_t kMaxChunkBytes = std::size_t{64} << 20;

// A chunk must fit the dataset's maximum extent, as libhdf5 requires when it creates one, and
// a chunk buffer must be one that the file could fill: libhdf5 1.10 sizes the buffer from the
// chunk dimensions but copies out of what the filters returned (heap over-read in
// H5VM_memcpyvv for a chunk of 79 values in a 24-value dataset, found by fuzzing
// tiny-chunked.hdf5). Deflate expands at most ~1032:1.
void check_chunked_storage(hid_t dataset, hid_t plist, std::size_t value_bytes, hid_t file,
                           std::string_view image, const std::string& path,
                           const std::string& name) {
    hsize_t chunk = 0, n = 0, most = 0, file_size = 0;
    const Handle space(H5Dget_space(dataset), H5Sclose);
    const bool read = H5Pget_chunk(plist, 1, &chunk) == 1 && space.valid() &&
                      H5Sget_simple_extent_dims(space.get(), &n, &most) == 1 &&
                      H5Fget_filesize(file, &file_size) >= 0;
    // A file indexes each stored chunk with at least a 32-byte B-tree entry.
    const bool fits = read && chunk > 0 && (most == H5S_UNLIMITED || chunk <= most) &&
                      chunk <= 1032 * file_size / value_bytes &&
                      chunk <= kMaxChunkBytes / value_bytes && n / chunk <= file_size / 32 + 1;
    if (!fits) {
        throw FormatError(fmt::format(
            "{}: dataset '{}' has chunks of {} values for at most {} values in a {}-byte file "
            "(damaged layout)",
            path, name, chunk,
            most == H5S_UNLIMITED ? std::string("unlimited") : std::to_string(most), file_size));
    }
    // Deflate, shuffle and Fletcher-32 are what h5py and the HDF5 tools write for numbers. The
    // others decode parameters from the file in code not checked here (N-bit, scale-offset,
    // SZIP), and an unregistered ID would have libhdf5 look for a plugin library to load.
    const int filters = H5Pget_nfilters(plist);
    std::vector<H5Z_filter_t> pipeline;
    for (int k = 0; k < filters; ++k) {
        unsigned flags = 0, config = 0;
        std::size_t values = 0;
        char filter_name[64] = {0};
        const H5Z_filter_t id = H5Pget_filter2(plist, static_cast<unsigned>(k), &flags, &values,
                                               nullptr, sizeof filter_name, filter_name, &config);
        if (id != H5Z_FILTER_DEFLATE && id != H5Z_FILTER_SHUFFLE && id != H5Z_FILTER_FLETCHER32) {
            throw FormatError(fmt::format(
                "{}: dataset '{}' is stored through HDF5 filter {} ('{}'); vitrum reads deflate "
                "(gzip), shuffle and Fletcher-32 only",
                path, name, static_cast<int>(id), printable(filter_name)));
        }
        pipeline.push_back(id);
    }
    // Every stored chunk must lie inside the file and undo its filters to exactly one chunk:
    // libhdf5 1.10 copies a whole chunk out of whatever the filters returned (heap over-read in
    // H5VM_memcpyvv for a deflate stream of half a chunk).
    const std::size_t chunk_bytes = static_cast<std::size_t>(chunk) * value_bytes;
    for (hsize_t offset = 0; offset < n; offset += chunk) {
        unsigned skipped = 0;
        haddr_t at = HADDR_UNDEF;
        hsize_t size = 0;
        if (H5Dget_chunk_info_by_coord(dataset, &offset, &skipped, &at, &size) < 0) {
            throw FormatError(
                fmt::format("{}: dataset '{}': the chunk index has no entry for "
                            "value {} (damaged index)",
                            path, name, offset));
        }
        if (at == HADDR_UNDEF) continue;  // never written: libhdf5 supplies the fill value
        if (at > image.size() || size > image.size() - at) {
            throw FormatError(
                fmt::format("{}: dataset '{}': chunk of {} bytes at byte {} runs past the end of "
                            "the {}-byte file",
                            path, name, size, at, image.size()));
        }
        const auto unfiltered =
            unfiltered_size(image.substr(at, size), pipeline, skipped, chunk_bytes);
        if (!unfiltered) {
            throw FormatError(
                fmt::format("{}: dataset '{}': chunk at byte {} cannot be unpacked (damaged data)",
                            path, name, at));
        }
        if (*unfiltered != chunk_bytes) {
            throw FormatError(fmt::format(
                "{}: dataset '{}': chunk at byte {} unpacks to {} bytes instead of {} bytes "
                "(damaged data)",
                path, name, at, *unfiltered, chunk_bytes));
        }
    }
}

}  // namespace

// A contiguous or compact dataset must store all its values, and a contiguous one inside the
// file: libhdf5 1.10 reads n × size bytes from the layout's address (or its compact buffer)
// without comparing them with the stored size or the end of an in-memory file image (memcpy
// from NULL in H5VM_memcpyvv for a compact layout of 0 bytes, found by fuzzing tiny.hdf5).
void check_storage_extent(hid_t dataset, hsize_t n, std::size_t value_bytes, hid_t file,
                          std::string_view image, const std::string& path,
                          const std::string& name) {
    const Handle plist(H5Dget_create_plist(dataset), H5Pclose);
    if (!plist.valid()) return;
    const H5D_layout_t layout = H5Pget_layout(plist.get());
    if (layout == H5D_CHUNKED) {
        check_chunked_storage(dataset, plist.get(), value_bytes, file, image, path, name);
        return;
    }
    if ((layout != H5D_CONTIGUOUS && layout != H5D_COMPACT) || n == 0) return;
    const hsize_t stored = H5Dget_storage_size(dataset);
    bool fits = n <= stored / value_bytes;
    haddr_t at = HADDR_UNDEF;
    hsize_t file_size = 0;
    if (fits && layout == H5D_CONTIGUOUS) {
        at = H5Dget_offset(dataset);
        fits = at != HADDR_UNDEF && H5Fget_filesize(file, &file_size) >= 0 && at <= file_size &&
               n * value_bytes <= file_size - at;
    }
    if (!fits) {
        throw FormatError(fmt::format(
            "{}: dataset '{}' claims {} values of {} bytes but its {} storage holds {} bytes{}",
            path, name, n, value_bytes, layout == H5D_COMPACT ? "compact" : "contiguous", stored,
            at == HADDR_UNDEF ? std::string()
                              : fmt::format(" at byte {} of a {}-byte file", at, file_size)));
    }
}

}  // namespace vitrum::indentation_io
