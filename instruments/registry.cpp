// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <fmt/format.h>

#include <algorithm>
#include <streambuf>
#include <vitrum/core/error.hpp>
#include <vitrum/core/mapped_file.hpp>
#include <vitrum/core/text.hpp>
#include <vitrum/instruments/registry.hpp>

namespace vitrum {

std::string read_stream(std::istream& in, const std::string& path, std::size_t max_bytes) {
    std::string bytes;
    // A seekable stream (file, string) tells its size: one allocation instead of doublings.
    const std::istream::pos_type start = in.tellg();
    if (start != std::istream::pos_type(-1)) {
        in.seekg(0, std::ios::end);
        const std::istream::pos_type end = in.tellg();
        in.clear();
        in.seekg(start);
        if (end != std::istream::pos_type(-1) && end >= start) {
            bytes.reserve(std::min(static_cast<std::size_t>(end - start), max_bytes));
        }
    }
    char buffer[1 << 16];
    while (in) {
        in.read(buffer, sizeof buffer);
        const auto got = static_cast<std::size_t>(in.gcount());
        if (bytes.size() + got > max_bytes) {
            throw IoError(fmt::format("{}: more than the limit of {} bytes", path, max_bytes));
        }
        bytes.append(buffer, got);
    }
    return bytes;
}

namespace {

// A read-only stream buffer over bytes already in memory: the default Reader::read_bytes hands
// a file to a stream-reading parser without copying it. Seeking is supported (read_stream asks
// a seekable stream for its size).
class ViewStreambuf final : public std::streambuf {
public:
    explicit ViewStreambuf(std::string_view bytes) {
        char* begin = const_cast<char*>(bytes.data());  // get area only: never written
        setg(begin, begin, begin + bytes.size());
    }

protected:
    pos_type seekoff(off_type off, std::ios_base::seekdir dir,
                     std::ios_base::openmode which) override {
        if ((which & std::ios_base::in) == 0) return pos_type(off_type(-1));
        const off_type base = dir == std::ios_base::beg   ? 0
                              : dir == std::ios_base::cur ? gptr() - eback()
                                                          : egptr() - eback();
        const off_type to = base + off;
        if (to < 0 || to > egptr() - eback()) return pos_type(off_type(-1));
        setg(eback(), eback() + to, egptr());
        return pos_type(to);
    }
    pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
        return seekoff(off_type(pos), std::ios_base::beg, which);
    }

public:
    /// The unread bytes, which are then consumed.
    std::string_view take_rest() {
        const std::string_view rest(gptr(), static_cast<std::size_t>(egptr() - gptr()));
        setg(eback(), egptr(), egptr());
        return rest;
    }
};

}  // namespace

std::string_view stream_bytes(std::istream& in, const std::string& path, std::size_t max_bytes,
                              std::string& storage) {
    if (auto* view = dynamic_cast<ViewStreambuf*>(in.rdbuf()); view != nullptr && in.good()) {
        const std::string_view rest = view->take_rest();
        if (rest.size() > max_bytes) {
            throw IoError(fmt::format("{}: more than the limit of {} bytes", path, max_bytes));
        }
        in.setstate(std::ios::eofbit);
        return rest;
    }
    storage = read_stream(in, path, max_bytes);
    return storage;
}

Dataset Reader::read_bytes(std::string_view bytes, const std::string& path) const {
    ViewStreambuf buffer(bytes);
    std::istream in(&buffer);
    return read(in, path);
}

void ReaderRegistry::add(std::unique_ptr<Reader> reader) {
    if (find(reader->format_id()) != nullptr) {
        throw InvalidArgument(
            fmt::format("reader '{}' is already registered", std::string(reader->format_id())));
    }
    readers_.push_back(std::move(reader));
}

const Reader* ReaderRegistry::find(std::string_view format_id) const {
    for (const auto& r : readers_) {
        if (r->format_id() == format_id) return r.get();
    }
    return nullptr;
}

const Reader* ReaderRegistry::detect(std::string_view head, std::string_view filename,
                                     std::optional<Technique> technique) const {
    for (const auto& r : readers_) {
        if (technique && r->technique() != *technique) continue;
        if (r->sniff(head, filename)) return r.get();
    }
    return nullptr;
}

Dataset ReaderRegistry::read_file(const std::string& path, const std::string& format_id,
                                  std::optional<Technique> technique) const {
    const Reader* reader = nullptr;
    std::optional<text::MappedFile> file;
    if (!format_id.empty()) {
        file.emplace(path, max_file_bytes);
        if (file->size() == 0) throw FormatError(fmt::format("{}: file is empty", path));
        reader = find(format_id);
        if (reader == nullptr) {
            throw InvalidArgument(fmt::format("unknown format id '{}'", format_id));
        }
    } else {
        // Detection reads the first block only: an unknown file of any size is refused at once.
        const std::string head = text::MappedFile::read_head(path, 1 << 16, max_file_bytes);
        if (head.empty()) throw FormatError(fmt::format("{}: file is empty", path));
        reader = detect(head, path, technique);
        if (reader == nullptr) {
            throw FormatError(fmt::format(
                "{}: no reader recognises this file (run `vitrum formats` for the list; "
                "or name the format id explicitly)",
                path));
        }
        file.emplace(path, max_file_bytes);
        if (file->size() == 0) throw FormatError(fmt::format("{}: file is empty", path));
    }
    Dataset data = reader->read_bytes(file->bytes(), path);
    data.source.path = path;
    data.source.format_id = std::string(reader->format_id());
    return data;
}

void register_builtin_readers(ReaderRegistry& registry) {
    register_dsc_readers(registry);
    register_spreadsheet_readers(registry);
    register_indentation_text_readers(registry);
    register_generic_readers(registry);
}

const ReaderRegistry& builtin_readers() {
    static const ReaderRegistry registry = [] {
        ReaderRegistry r;
        register_builtin_readers(r);
        return r;
    }();
    return registry;
}

}  // namespace vitrum
