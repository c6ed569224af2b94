// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
//
// Pre-validation of HDF5 files before libhdf5 sees them. Debian's libhdf5 1.10.8 trusts several
// on-disk fields of the old (v1) group structure — node entry counts, heap offsets of link names,
// child addresses — and reads past its buffers when they are damaged (found by fuzzing, see
// fuzz/known-issues/README.md). Everything here follows the HDF5 File Format Specification 2.0:
// superblock (II.A), v1 B-tree nodes (III.A.1), symbol table nodes (III.B), symbol table entries
// (III.C), local heaps (III.D), version-1 object headers with continuation and symbol table
// messages (IV.A.1.a, IV.A.2.q, IV.A.2.r); the other messages of those headers are checked in
// hdf5_datatype.cpp and hdf5_messages.cpp.
// Version-2 structures carry checksums that libhdf5 verifies itself; they are only bounds-checked
// where the superblock points at them.

#include "hdf5_validate.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <set>
#include <utility>
#include <vector>

#include "hdf5_messages.hpp"

namespace vitrum::indentation_io {
namespace {

constexpr std::size_t kMaxGroupDepth = 32;      // nested groups below the root
constexpr std::size_t kMaxBtreeLevel = 16;      // a v1 B-tree of 2K≥2 fan-out never needs more
constexpr std::size_t kMaxObjects = 200000;     // object headers visited
constexpr std::size_t kMaxNodes = 200000;       // B-tree and symbol nodes visited
constexpr std::size_t kMaxHeaderChunks = 4096;  // continuation chunks per object header

/// A group's local heap data segment: link names are NUL-terminated strings inside it.
struct Heap {
    std::uint64_t data_address = 0;
    std::uint64_t data_size = 0;
};

class Validator : private Hdf5Bytes {
public:
    Validator(std::string_view bytes, const std::string& path)
        : Hdf5Bytes(bytes, path), bytes_(bytes) {}

    void run() {
        if (bytes_.size() < 9 || bytes_.compare(0, 8, std::string_view("\x89HDF\r\n\x1a\n", 8)))
            fail(0, "superblock", "no HDF5 signature");
        const unsigned version = byte(8);
        if (version > 3) fail(8, "superblock", fmt::format("unknown version {}", version));
        if (version >= 2) {
            check_sizes(9, 10);
            // Signature, version, sizes, flags, then base, extension, end-of-file, root addresses.
            const std::uint64_t at = 12;
            check_base(at);
            check_end_of_file(at + 2 * offset_size_);
            const std::uint64_t root = address(at + 3 * offset_size_);
            require_inside(root, 1, at + 3 * offset_size_, "superblock", "root object header");
            return;
        }
        for (const std::uint64_t at : {9, 10, 12}) {
            if (byte(at) != 0)
                fail(at, "superblock", fmt::format("sub-format version {} (expected 0)", byte(at)));
        }
        check_sizes(13, 14);
        leaf_k_ = uint_at(16, 2);
        internal_k_ = uint_at(18, 2);
        if (leaf_k_ == 0) fail(16, "superblock", "group leaf node K is 0");
        if (internal_k_ == 0) fail(18, "superblock", "group internal node K is 0");
        if (version == 1) {  // otherwise the default of 32
            istore_k_ = uint_at(24, 2);
            if (istore_k_ == 0) fail(24, "superblock", "indexed storage node K is 0");
        }
        const std::uint64_t at = version == 0 ? 24 : 28;
        check_base(at);
        check_end_of_file(at + 2 * offset_size_);
        // Free-space info: undefined or inside the file.
        if (!undefined(address(at + offset_size_))) {
            require_inside(address(at + offset_size_), 1, at + offset_size_, "superblock",
                           "free-space block");
        }
        // A driver information block comes only from the family, multi and split drivers,
        // whose files are not single files; libhdf5 sizes a buffer from the block's own claim
        // (808 MB for a damaged tiny.hdf5, found by fuzzing).
        if (const std::uint64_t driver = address(at + 3 * offset_size_); !undefined(driver)) {
            fail(at + 3 * offset_size_, "superblock",
                 fmt::format("driver information block at byte {} (a family, multi or split "
                             "file; vitrum reads single-file HDF5 only)",
                             driver));
        }
        const std::uint64_t root_entry = at + 4 * offset_size_;
        const Heap none{0, 0};
        symbol_entry(root_entry, none, 0, /*root=*/true);
    }

private:
    std::uint64_t address(std::uint64_t at) const { return uint_at(at, offset_size_); }
    std::uint64_t length(std::uint64_t at) const { return uint_at(at, length_size_); }
    bool undefined(std::uint64_t address) const {
        return offset_size_ == 8 ? address == ~std::uint64_t{0}
                                 : address == (std::uint64_t{1} << (8 * offset_size_)) - 1;
    }

    /// [address, address + size) must lie inside both the file and its end-of-file address.
    void require_inside(std::uint64_t address, std::uint64_t size, std::uint64_t field_at,
                        const char* structure, const char* what) const {
        if (undefined(address) || address > limit_ || size > limit_ - address) {
            fail(field_at, structure,
                 fmt::format("{} address {} (+{} bytes) outside the file ({} bytes)", what, address,
                             size, limit_));
        }
    }

    void check_sizes(std::uint64_t offsets_at, std::uint64_t lengths_at) {
        offset_size_ = byte(offsets_at);
        length_size_ = byte(lengths_at);
        for (const auto& [at, size] :
             {std::pair{offsets_at, offset_size_}, std::pair{lengths_at, length_size_}}) {
            if (size != 2 && size != 4 && size != 8)
                fail(at, "superblock", fmt::format("field size {} (expected 2, 4 or 8)", size));
        }
    }

    void check_base(std::uint64_t at) const {
        // vitrum only accepts the signature at offset 0, so addresses are file offsets.
        if (const std::uint64_t base = address(at); base != 0)
            fail(at, "superblock", fmt::format("base address {} (expected 0)", base));
    }

    void check_end_of_file(std::uint64_t at) {
        const std::uint64_t eof = address(at);
        if (undefined(eof) || eof > bytes_.size()) {
            fail(at, "superblock",
                 fmt::format("end-of-file address {} beyond the actual size {} (truncated file)",
                             eof, bytes_.size()));
        }
        limit_ = eof;
    }

    /// Offset of a NUL-terminated name inside the heap; returns nothing, throws when it is not.
    void heap_string(const Heap& heap, std::uint64_t name_offset, std::uint64_t field_at,
                     const char* structure) const {
        if (name_offset >= heap.data_size) {
            fail(field_at, structure,
                 fmt::format("name offset {} outside the local heap ({} bytes)", name_offset,
                             heap.data_size));
        }
        const char* first = bytes_.data() + heap.data_address + name_offset;
        const std::size_t room = static_cast<std::size_t>(heap.data_size - name_offset);
        if (std::memchr(first, '\0', room) == nullptr) {
            fail(field_at, structure,
                 fmt::format("name at heap offset {} not NUL-terminated inside the heap",
                             name_offset));
        }
    }

    /// Symbol table entry (III.C): name offset, object header address, cache type, scratch-pad.
    void symbol_entry(std::uint64_t at, const Heap& heap, std::size_t depth, bool root = false) {
        const std::uint64_t name_offset = length(at);
        const std::uint64_t header = address(at + offset_size_);
        const std::uint64_t cache_at = at + offset_size_ + length_size_;
        const std::uint64_t cache_type = uint_at(cache_at, 4);
        const std::uint64_t scratch = cache_at + 8;
        if (!root) heap_string(heap, name_offset, at, "symbol table entry");
        if (cache_type > 2)
            fail(cache_at, "symbol table entry", fmt::format("cache type {}", cache_type));
        if (cache_type == 2) {  // soft link: the scratch-pad holds the link value's heap offset
            heap_string(heap, uint_at(scratch, 4), scratch, "soft link");
            return;
        }
        require_inside(header, 16, at + offset_size_, "symbol table entry", "object header");
        if (cache_type == 1) {
            group(address(scratch), address(scratch + offset_size_), scratch, depth);
        }
        object_header(header, depth);
    }

    /// Version-1 object header (IV.A.1.a): its chunks' messages, following continuations, and
    /// the group it describes when it holds a symbol table message.
    void object_header(std::uint64_t at, std::size_t depth) {
        if (!objects_.insert(at).second) return;  // hard links may share an object
        if (objects_.size() > kMaxObjects)
            fail(at, "object header", fmt::format("more than {} objects", kMaxObjects));
        if (bytes_.compare(at, 4, "OHDR") == 0) return;  // version 2: checksummed by libhdf5
        if (byte(at) != 1)
            fail(at, "object header", fmt::format("version {} (expected 1)", byte(at)));
        std::vector<std::pair<std::uint64_t, std::uint64_t>> chunks{
            {at + 16, uint_at(at + 8, 4)}};  // 12-byte prefix padded to 16
        std::set<std::uint64_t> seen_chunks;
        for (std::size_t c = 0; c < chunks.size(); ++c) {
            const auto [start, size] = chunks[c];
            require_inside(start, size, c == 0 ? at + 8 : start, "object header", "chunk");
            if (chunks.size() > kMaxHeaderChunks)
                fail(start, "object header", "too many continuation chunks");
            const std::uint64_t end = start + size;
            for (std::uint64_t p = start; p + 8 <= end;) {
                const std::uint64_t type = uint_at(p, 2);
                const std::uint64_t data_size = uint_at(p + 2, 2);
                const std::uint64_t data = p + 8;
                if (data_size > end - data) {
                    fail(p, "object header message",
                         fmt::format("type {:#x} with {} bytes overruns its chunk", type,
                                     data_size));
                }
                if ((byte(p + 4) & 0x02) != 0) shared_message(data, data_size);
                if (type == kMsgContinuation) {
                    if (data_size < offset_size_ + length_size_)
                        fail(p, "continuation message", "too short");
                    const std::uint64_t next = address(data);
                    const std::uint64_t next_size = length(data + offset_size_);
                    require_inside(next, next_size, data, "continuation message", "chunk");
                    if (seen_chunks.insert(next).second) chunks.emplace_back(next, next_size);
                } else if (type == kMsgSymbolTable) {
                    if (data_size < 2u * offset_size_) fail(p, "symbol table message", "too short");
                    group(address(data), address(data + offset_size_), data, depth);
                } else if (type == kMsgAttribute && (byte(p + 4) & 0x02) == 0) {
                    attribute(data, data_size);
                } else if ((byte(p + 4) & 0x02) == 0) {
                    if (type == kMsgLayout) layout(data, data_size);
                    if (type == kMsgDataspace)
                        check_hdf5_dataspace(*this, data, data_size, length_size_);
                    if (type == kMsgDatatype) check_hdf5_datatype(*this, data, data + data_size);
                    if (type == kMsgFillOld || type == kMsgFill)
                        check_hdf5_fill_value(*this, type, data, data_size);
                    if (type == kMsgFilters) check_hdf5_filter_pipeline(*this, data, data_size);
                }
                p = data + data_size;
            }
        }
    }

    /// Data layout message (IV.A.2.i) of a version-1 object header: versions 1–3 only (libhdf5
    /// writes version 4 in checksummed version-2 headers), and a chunked layout's dimensions,
    /// element size included, must fit the message and be nonzero: libhdf5 1.10 divides by them
    /// when it opens the dataset (SIGFPE in H5D__chunk_set_info, found by fuzzing
    /// tiny-chunked.hdf5).
    void layout(std::uint64_t at, std::uint64_t size) {
        const unsigned version = size >= 2 ? byte(at) : 0;
        if (version < 1 || version > 3)
            fail(at, "layout message", fmt::format("version {} (expected 1 to 3)", version));
        const unsigned kind = version == 3 ? byte(at + 1) : byte(at + 2);
        if (kind != 2) return;  // compact and contiguous: checked by the reader
        std::uint64_t dims = 0, first = 0;
        if (version == 3) {
            dims = byte(at + 2);
            first = at + 3 + offset_size_;
        } else {
            dims = std::uint64_t{byte(at + 1)} + 1;  // the element size follows the dimensions
            first = at + 8 + offset_size_;
        }
        const std::uint64_t index = version == 3 ? at + 3 : at + 8;  // the chunk B-tree
        if (dims < 2 || dims > 33 || first + 4 * dims > at + size)
            fail(at, "layout message",
                 fmt::format("chunked layout with {} dimension fields in a {}-byte message", dims,
                             size));
        for (std::uint64_t k = 0; k < dims; ++k) {
            if (uint_at(first + 4 * k, 4) == 0)
                fail(first + 4 * k, "layout message", "chunk dimension of 0");
        }
        chunk_dims_.clear();
        for (std::uint64_t k = 0; k < dims; ++k) chunk_dims_.push_back(uint_at(first + 4 * k, 4));
        last_chunk_.clear();
        if (!undefined(address(index))) chunk_node(address(index), dims, index, kNoLevel, 0);
    }

    static constexpr std::uint64_t kNoLevel = ~std::uint64_t{0};

    /// Header of a v1 B-tree node (III.A.1) of `type` (0 group, 1 chunk), checked before
    /// anything else of it: libhdf5 reads the node whole, sized for 2K entries of `key_bytes`
    /// keys and child addresses, so the whole node must lie in the file; signature "TREE", the
    /// type, and at most 2K entries. Counts the node against kMaxNodes.
    /// @return the node's level and number of entries
    std::pair<std::uint64_t, std::uint64_t> btree_header(std::uint64_t at, unsigned type,
                                                         std::uint64_t key_bytes, std::uint64_t k,
                                                         std::uint64_t field_at, const char* what) {
        if (++nodes_ > kMaxNodes) fail(at, "B-tree", fmt::format("more than {} nodes", kMaxNodes));
        const std::uint64_t entries_max = 2 * k;
        require_inside(
            at, 8 + 2 * offset_size_ + (entries_max + 1) * key_bytes + entries_max * offset_size_,
            field_at, what, "node");
        if (bytes_.compare(at, 4, "TREE") != 0) fail(at, what, "no \"TREE\" signature");
        if (byte(at + 4) != type)
            fail(at + 4, what,
                 fmt::format("node type {} (expected {}, {})", byte(at + 4), type,
                             type == 0 ? "group" : "chunk"));
        const std::uint64_t entries = uint_at(at + 6, 2);
        if (entries > entries_max)
            fail(at + 6, what, fmt::format("{} entries, more than 2K = {}", entries, entries_max));
        return {byte(at + 5), entries};
    }

    /// Chunk B-tree node "TREE" of type 1 (III.A.1): libhdf5 sizes the node from the dataset's
    /// dimensionality and the superblock's K and then reads `entries` keys and children from
    /// it, so a layout pointing at a group node (type 0, other key sizes) made it copy past the
    /// node (heap over-read under H5D__chunk_allocated, found by fuzzing tiny-chunked.hdf5).
    /// Keys: chunk size (4), filter mask (4), `dims` offsets of 8 bytes; children follow keys.
    void chunk_node(std::uint64_t at, std::uint64_t dims, std::uint64_t field_at,
                    std::uint64_t expected_level, std::size_t depth) {
        if (depth > 64) fail(at, "chunk B-tree", "deeper than 64 levels");
        const std::uint64_t key = 8 + 8 * dims;
        const std::uint64_t first_key = at + 8 + 2 * offset_size_;
        const auto [level, entries] = btree_header(at, 1, key, istore_k_, field_at, "chunk B-tree");
        if (expected_level != kNoLevel && level != expected_level)
            fail(at + 5, "chunk B-tree",
                 fmt::format("level {} (expected {})", level, expected_level));
        for (std::uint64_t k = 0; k < entries; ++k) {
            const std::uint64_t left_key = first_key + k * (key + offset_size_);
            const std::uint64_t child_at = left_key + key;
            const std::uint64_t child = address(child_at);
            if (level > 0) {
                chunk_node(child, dims, child_at, level - 1, depth + 1);
            } else {
                chunk_key(left_key, dims);
                require_inside(child, uint_at(left_key, 4), child_at, "chunk B-tree", "chunk");
            }
        }
    }

    /// Key of a stored chunk: offsets on the chunk grid, and in strictly increasing order along
    /// the in-order walk of the whole B-tree. libhdf5 1.10 finds a chunk by a binary search that
    /// can land on a second entry for the same chunk, one that H5Dget_chunk_info_by_coord does
    /// not report (heap over-read in H5VM_memcpyvv for an unfiltered 22-byte duplicate of a
    /// deflated chunk, found by fuzzing tiny-chunked.hdf5).
    void chunk_key(std::uint64_t key, std::uint64_t dims) {
        std::vector<std::uint64_t> offset(dims);
        for (std::uint64_t d = 0; d < dims; ++d) {
            offset[d] = uint_at(key + 8 + 8 * d, 8);
            if (offset[d] % chunk_dims_[d] != 0)
                fail(key + 8 + 8 * d, "chunk B-tree",
                     fmt::format("chunk offset {} is not a multiple of the chunk dimension {}",
                                 offset[d], chunk_dims_[d]));
        }
        if (!last_chunk_.empty() && !(last_chunk_ < offset))
            fail(key + 8, "chunk B-tree",
                 fmt::format("chunk at offset {} listed after the one at {} (out of order or "
                             "twice)",
                             offset[0], last_chunk_[0]));
        last_chunk_ = std::move(offset);
    }

    /// A message flagged as shared (IV.A.2, "Shared Message" encoding). Only v0/v1 superblocks
    /// are walked here, and they have no shared-message table, so a version-3 reference into its
    /// heap (types 1 and 3) is damage: libhdf5 1.10 reads the table at an undefined address
    /// (memcpy from NULL in H5SM_get_fheap_addr, found by fuzzing tiny.hdf5). A reference to
    /// another object header must point inside the file.
    void shared_message(std::uint64_t at, std::uint64_t size) {
        const unsigned version = size >= 2 ? byte(at) : 0;
        const unsigned kind = size >= 2 ? byte(at + 1) : 0;
        if (version < 1 || version > 3)
            fail(at, "shared message", fmt::format("unknown version {}", version));
        if (version == 3 && kind != 2)
            fail(
                at, "shared message",
                fmt::format("type {} refers to a shared-message heap this file cannot have", kind));
        const std::uint64_t field = at + (version == 1 ? 8 : 2);
        if (field + offset_size_ > at + size) fail(at, "shared message", "too short");
        require_inside(address(field), 1, field, "shared message", "object header");
    }

    /// Attribute message (IV.A.2.m) of a variable-length type: each element is a global heap ID
    /// (length, collection address, object index) that libhdf5 1.10 follows without checking
    /// the index (found by fuzzing: SEGV in H5HG_read). Fixed-size attributes: their data must
    /// fit the message.
    void attribute(std::uint64_t at, std::uint64_t size) {
        const unsigned version = byte(at);
        if (version < 1 || version > 3) fail(at, "attribute message", "unknown version");
        const std::uint64_t name_size = uint_at(at + 2, 2), type_size = uint_at(at + 4, 2);
        const std::uint64_t space_size = uint_at(at + 6, 2);
        const auto pad = [&](std::uint64_t n) { return version == 1 ? (n + 7) / 8 * 8 : n; };
        const std::uint64_t type_at = at + (version == 3 ? 9 : 8) + pad(name_size);
        const std::uint64_t space_at = type_at + pad(type_size);
        const std::uint64_t data_at = space_at + pad(space_size);
        if (data_at > at + size || type_size < 8 || space_size < 2)
            fail(at, "attribute message", "name, datatype and dataspace overrun the message");
        // Versions 2 and 3 flag a shared datatype in bit 0 of byte 1: a reference, not a type.
        if (version == 1 || (byte(at + 1) & 0x01) == 0)
            check_hdf5_datatype(*this, type_at, type_at + type_size);
        // Dataspace (IV.A.2.b): its dimensions must lie inside it; a v2 dataspace of type 2
        // ("null") holds no element.
        const unsigned space_version = byte(space_at);
        const unsigned rank = byte(space_at + 1);
        const std::uint64_t dims_at = space_at + (space_version == 1 ? 8 : 4);
        if (rank > 32 || dims_at + std::uint64_t{rank} * length_size_ > space_at + space_size)
            fail(space_at, "attribute dataspace", fmt::format("rank {} overruns it", rank));
        std::uint64_t elements = space_version >= 2 && byte(space_at + 3) == 2 ? 0 : 1;
        for (unsigned k = 0; k < rank; ++k) {
            elements *= length(dims_at + k * length_size_);
            if (elements > size) fail(space_at, "attribute dataspace", "more elements than bytes");
        }
        if ((byte(type_at) & 0x0F) != 9) {
            // libhdf5 1.10 copies elements × element size bytes of data without comparing them
            // with the message (heap over-read in H5O_attr_decode, found by fuzzing tiny.hdf5).
            const std::uint64_t element_size = uint_at(type_at + 4, 4);
            if (element_size == 0 || elements > (at + size - data_at) / element_size)
                fail(data_at, "attribute data",
                     fmt::format("{} elements of {} bytes overrun the message", elements,
                                 element_size));
            return;
        }
        const bool is_string = (byte(type_at + 1) & 0x0F) == 1;
        const std::uint64_t id_size = 8 + offset_size_;
        if (elements * id_size > at + size - data_at)
            fail(data_at, "attribute data", "fewer bytes than its elements need");
        for (std::uint64_t e = 0; e < elements; ++e) {
            const std::uint64_t id = data_at + e * id_size;
            const std::uint64_t bytes = uint_at(id, 4);
            const std::uint64_t collection = address(id + 4);
            const std::uint64_t index = uint_at(id + 4 + offset_size_, 4);
            if (bytes == 0 && (collection == 0 || undefined(collection))) continue;
            // The length counts bytes only for strings (class bit field type 1).
            global_heap_object(collection, index, is_string ? bytes : 0, id);
        }
    }

    /// Global heap collection "GCOL" (III.E): object `index` must exist and hold `bytes`.
    void global_heap_object(std::uint64_t at, std::uint64_t index, std::uint64_t bytes,
                            std::uint64_t field_at) {
        require_inside(at, 8 + length_size_, field_at, "global heap ID", "collection");
        if (bytes_.compare(at, 4, "GCOL") != 0 || byte(at + 4) != 1)
            fail(at, "global heap collection", "no \"GCOL\" version-1 signature");
        const std::uint64_t size = length(at + 8);
        require_inside(at, size, at + 8, "global heap collection", "end");
        for (std::uint64_t p = at + 8 + length_size_; p + 8 + length_size_ <= at + size;) {
            const std::uint64_t object = uint_at(p, 2);
            const std::uint64_t object_size = length(p + 8);
            const std::uint64_t data = p + 8 + length_size_;
            if (object == 0) break;  // free space: the rest of the collection
            if (object_size > at + size - data)
                fail(p, "global heap object", fmt::format("size {} overruns", object_size));
            if (object == index) {
                if (bytes > object_size)
                    fail(field_at, "global heap ID",
                         fmt::format("{} bytes from an object of {}", bytes, object_size));
                return;
            }
            p = data + (object_size + 7) / 8 * 8;
        }
        fail(field_at, "global heap ID", fmt::format("object {} not in its collection", index));
    }

    /// A v1 group: its local heap (III.D) and the B-tree of symbol nodes that names its links.
    void group(std::uint64_t btree, std::uint64_t heap_at, std::uint64_t field_at,
               std::size_t depth) {
        if (depth > kMaxGroupDepth)
            fail(field_at, "group", fmt::format("nested deeper than {} levels", kMaxGroupDepth));
        if (!groups_.insert({btree, heap_at}).second) return;
        require_inside(heap_at, 8 + 2 * length_size_ + offset_size_, field_at, "group",
                       "local heap");
        if (bytes_.compare(heap_at, 4, "HEAP") != 0)
            fail(heap_at, "local heap", "no \"HEAP\" signature");
        if (byte(heap_at + 4) != 0)
            fail(heap_at + 4, "local heap", fmt::format("version {}", byte(heap_at + 4)));
        Heap heap;
        heap.data_size = length(heap_at + 8);
        const std::uint64_t free_at = heap_at + 8 + length_size_;
        const std::uint64_t free_list = length(free_at);
        heap.data_address = address(free_at + length_size_);
        require_inside(heap.data_address, heap.data_size, free_at + length_size_, "local heap",
                       "data segment");
        // Free list: offsets inside the segment; 1 (libhdf5's "none") or all bits set ends it.
        std::uint64_t block = free_list;
        // Free blocks cannot overlap, so a list longer than the heap can hold has a loop (which
        // would keep libhdf5 allocating forever).
        const std::uint64_t blocks_max = heap.data_size / (2u * length_size_);
        for (std::uint64_t n = 0; block != 1 && !undefined(block); ++n) {
            if (n >= blocks_max)
                fail(free_at, "local heap", "free list longer than the heap can hold (a loop)");
            if (block >= heap.data_size || 2u * length_size_ > heap.data_size - block)
                fail(free_at, "local heap", fmt::format("free block at offset {}", block));
            const std::uint64_t next = length(heap.data_address + block);
            const std::uint64_t size = length(heap.data_address + block + length_size_);
            if (size > heap.data_size - block)
                fail(heap.data_address + block, "local heap free block",
                     fmt::format("size {} overruns the heap", size));
            block = next;
        }
        btree_node(btree, heap, field_at, kMaxBtreeLevel + 1, depth);
    }

    /// v1 B-tree node of a group (III.A.1): keys are heap offsets of names, children are lower
    /// nodes or, at level 0, symbol nodes. libhdf5 reads the whole node sized for 2K entries.
    void btree_node(std::uint64_t at, const Heap& heap, std::uint64_t field_at,
                    std::size_t parent_level, std::size_t depth) {
        const auto [level, entries] =
            btree_header(at, 0, length_size_, internal_k_, field_at, "group B-tree");
        if (level >= parent_level)
            fail(at + 5, "group B-tree",
                 fmt::format("level {} not below its parent's level {}", level, parent_level));
        for (const std::uint64_t sibling_at : {at + 8, at + 8 + offset_size_}) {
            const std::uint64_t sibling = address(sibling_at);
            if (!undefined(sibling))
                require_inside(sibling, 8, sibling_at, "group B-tree", "sibling");
        }
        std::uint64_t p = at + 8 + 2 * offset_size_;
        for (std::uint64_t k = 0; k <= entries; ++k) {
            heap_string(heap, length(p), p, "B-tree key");
            p += length_size_;
            if (k == entries) break;
            const std::uint64_t child = address(p);
            if (level > 0)
                btree_node(child, heap, p, level, depth);
            else
                symbol_node(child, heap, p, depth);
            p += offset_size_;
        }
    }

    /// Symbol table node "SNOD" (III.B): up to 2·(leaf K) entries, read whole by libhdf5.
    void symbol_node(std::uint64_t at, const Heap& heap, std::uint64_t field_at,
                     std::size_t depth) {
        if (++nodes_ > kMaxNodes) fail(at, "B-tree", fmt::format("more than {} nodes", kMaxNodes));
        const std::uint64_t entry_size = 2 * offset_size_ + 24;
        const std::uint64_t entries_max = 2 * leaf_k_;
        require_inside(at, 8 + entries_max * entry_size, field_at, "B-tree", "symbol node");
        if (bytes_.compare(at, 4, "SNOD") != 0) fail(at, "symbol node", "no \"SNOD\" signature");
        if (byte(at + 4) != 1)
            fail(at + 4, "symbol node", fmt::format("version {} (expected 1)", byte(at + 4)));
        const std::uint64_t symbols = uint_at(at + 6, 2);
        if (symbols > entries_max)
            fail(at + 6, "symbol node",
                 fmt::format("{} symbols, more than 2K = {}", symbols, entries_max));
        for (std::uint64_t k = 0; k < symbols; ++k)
            symbol_entry(at + 8 + k * entry_size, heap, depth + 1);
    }

    std::string_view bytes_;
    unsigned offset_size_ = 8;
    unsigned length_size_ = 8;
    std::uint64_t leaf_k_ = 4;
    std::uint64_t internal_k_ = 16;
    std::uint64_t istore_k_ = 32;            ///< entries of a chunk B-tree node: up to 2·K
    std::vector<std::uint64_t> chunk_dims_;  ///< chunk dimensions of the layout being walked
    std::vector<std::uint64_t> last_chunk_;  ///< offsets of the last chunk key seen in it
    std::uint64_t limit_ = 0;
    std::set<std::uint64_t> objects_;
    std::set<std::pair<std::uint64_t, std::uint64_t>> groups_;
    std::size_t nodes_ = 0;
};

}  // namespace

void validate_hdf5_structure(std::string_view bytes, const std::string& path) {
    Validator(bytes, path).run();
}

}  // namespace vitrum::indentation_io
