// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// A zip of Micro Materials NanoTest indent files (e.g. multipleIndentations.zip): every member is
// one headerless "time depth load" text file and becomes one curve named after the member.
// The archive is opened from memory with libzip.

#include <fmt/format.h>
#include <zip.h>

#include <memory>

#include "indentation_text_readers.hpp"
#include "indentation_text_support.hpp"
#include "zip_member.hpp"

namespace vitrum::indentation_io {
namespace {

struct ArchiveCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct MemberCloser {
    void operator()(zip_file_t* member) const { zip_fclose(member); }
};

class MicroMaterialsZipReader final : public Reader {
public:
    std::string_view format_id() const override { return "micromaterials-zip"; }
    std::string_view description() const override {
        return "zip of Micro Materials NanoTest indent text files (one curve per member)";
    }
    Technique technique() const override { return Technique::indentation; }
    std::string_view extensions() const override { return ".zip"; }

    bool sniff(std::string_view head, std::string_view filename) const noexcept override {
        // Local file header: signature, …, name length at offset 26, name at offset 30.
        if (!ends_with_nocase(filename, ".zip") || head.size() < 30 ||
            head.substr(0, 4) != std::string_view("PK\x03\x04", 4)) {
            return false;
        }
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(head[k]); };
        const std::size_t name_length = byte(26) | (byte(27) << 8);
        if (name_length == 0 || 30 + name_length > head.size()) return false;
        const std::string_view name = head.substr(30, name_length);
        return name.find('/') == std::string_view::npos && ends_with_nocase(name, ".txt");
    }

    Dataset read(std::istream& in, const std::string& path) const override {
        return read_guarded(path, [&] { return parse(in, path); });
    }

private:
    Dataset parse(std::istream& in, const std::string& path) const {
        std::string storage;
        const std::string_view bytes = stream_bytes(in, path, text::kDefaultMaxFileBytes, storage);
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source == nullptr) {
            const std::string reason = zip_error_strerror(&error);
            zip_error_fini(&error);
            throw FormatError(fmt::format("{}: cannot read as zip: {}", path, reason));
        }
        std::unique_ptr<zip_t, ArchiveCloser> archive(
            zip_open_from_source(source, ZIP_RDONLY, &error));
        if (!archive) {
            const std::string reason = zip_error_strerror(&error);
            zip_source_free(source);
            zip_error_fini(&error);
            throw FormatError(fmt::format("{}: not a readable zip archive: {}", path, reason));
        }
        zip_error_fini(&error);

        Dataset data;
        data.source.encoding = "binary";
        data.source.instrument = "Micro Materials NanoTest";
        const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
        for (zip_int64_t k = 0; k < entries; ++k) {
            zip_stat_t stat;
            zip_stat_init(&stat);
            if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(k), 0, &stat) != 0) {
                throw FormatError(fmt::format("{}: cannot read zip entry {}: {}", path, k,
                                              zip_strerror(archive.get())));
            }
            const std::string name = stat.name != nullptr ? stat.name : "";
            if (!name.empty() && name.back() == '/') continue;  // directory entry
            if (!ends_with_nocase(name, ".txt")) {
                throw FormatError(fmt::format(
                    "{}: member '{}' is not a .txt indent file (a Micro Materials zip holds only "
                    ".txt files)",
                    path, name));
            }
            if (const std::string why =
                    zip_member::implausible_size(stat, bytes.size(), text::kDefaultMaxFileBytes);
                !why.empty()) {
                throw FormatError(fmt::format("{}: member '{}': {}", path, name, why));
            }
            std::unique_ptr<zip_file_t, MemberCloser> member(
                zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(k), 0));
            if (!member) {
                throw FormatError(fmt::format("{}: cannot open member '{}': {}", path, name,
                                              zip_strerror(archive.get())));
            }
            std::string content(static_cast<std::size_t>(stat.size), '\0');
            const zip_int64_t got = zip_fread(member.get(), content.data(), content.size());
            if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
                throw FormatError(fmt::format("{}: member '{}' is truncated or corrupt ({})", path,
                                              name, zip_file_strerror(member.get())));
            }
            const std::string curve_name = name.substr(0, name.size() - 4);
            data.curves.push_back(
                parse_micromaterials_indent(content, fmt::format("{}/{}", path, name), curve_name));
        }
        if (data.curves.empty())
            throw FormatError(fmt::format("{}: the zip holds no indent files", path));
        return data;
    }
};

}  // namespace

std::unique_ptr<Reader> make_micromaterials_zip_reader() {
    return std::make_unique<MicroMaterialsZipReader>();
}

}  // namespace vitrum::indentation_io
