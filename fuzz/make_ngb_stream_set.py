#!/usr/bin/env python3
# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
# Writes share/testdata/fuzz-seeds/tiny.ngb-stream-set: the streams 1–3 of a real NETZSCH
# Proteus .ngb-ds3 file (../shared/dsc-files/netzsch-ngb, MIT, see its PROVENANCE.md) with every
# value array cut to its first KEEP elements and the section directories fixed up, joined by the
# separator of instruments/ngb_stream_set.hpp. Small enough for libFuzzer to run thousands of
# inputs per second through the record parser (libzip's CRC check hides it in a zipped file).
# Usage: fuzz/make_ngb_stream_set.py FILE.ngb-ds3 OUTPUT
import struct
import sys
import zipfile

KEEP = 3
SEPARATOR = b"\n--vitrum-ngb-stream-set--\n"
RECORD = b"\x18\xfc\xff\xff\x03\x80\x01"
ARRAY = b"\xa0\x01"
ITEM = {0x02: 2, 0x03: 4, 0x04: 4, 0x05: 8, 0x10: 1, 0x14: 8, 0x48: 16}
# Stream 1 (metadata, ~150 KB of small records) keeps only the tables that instruments/
# ngb_metadata.cpp reads (measurement, run, instrument, carrier, furnace, crucibles with the table
# before each, sample and program stages, calibration, application) so that libFuzzer runs
# ~20× more inputs per second.
KEPT_CATEGORIES = {0x1770, 0x1772, 0x1775, 0x1779, 0x177A, 0x177E, 0x0300}
CRUCIBLE = 0x177E
# Sample and program tables (categories 0x7530 + ordinal) and calibration tables (0x01F5) are
# kept only when they hold a field the reader uses; of a program stage only its first complete
# table (the reader takes that one).
SAMPLE_FIELDS = {0x083F, 0x0840, 0x0898, 0x0962, 0x0C9E}
SENSITIVITY_FIELDS = {0x044F, 0x0450, 0x0451, 0x0452, 0x0453, 0x04C3}


def kept(category, fields, seen):
    if category in KEPT_CATEGORIES:
        return True
    if category == 0x01F5:
        return bool(fields & SENSITIVITY_FIELDS)
    stage = {0x083F, 0x0E17, 0x0E13, 0x0E14, 0x0E15}
    if 0x7530 <= category < 0x7630 and fields & SAMPLE_FIELDS:
        if not stage <= fields:
            return True
        first = category not in seen
        seen.add(category)
        return first
    return False


def sections(b):
    p, out = 0x50, []
    while p + 14 <= len(b) and b[p:p + 2] == b"\xff\xff":
        sid, begin, size = struct.unpack_from("<HII", b, p + 2)
        if sid == 0 and begin == 0 and size == 0:
            break
        out.append((p, sid, begin, size))
        p += 14
    return out


def shrink(b, number):
    b = bytearray(b)
    entry = next(e for e in sections(b) if e[1] == number)
    _, _, begin, size = entry
    hi, p, cut = begin + size, begin, 0
    while True:
        at = b.find(RECORD, p, hi - cut)
        if at < 0:
            break
        q = at + len(RECORD) + 2 + 12
        dtype, mode = b[q], bytes(b[q + 1:q + 3])
        q += 3
        if mode == ARRAY and dtype in (0x04, 0x05):
            count = struct.unpack_from("<I", b, q)[0]
            item = ITEM[dtype]
            if count > KEEP:
                struct.pack_into("<I", b, q, KEEP)
                del b[q + 4 + KEEP * item:q + 4 + count * item]
                cut += (count - KEEP) * item
                count = KEEP
            p = q + 4 + count * item
        else:
            p = at + len(RECORD)
    for pos, sid, s_begin, s_size in sections(b):
        if sid == number:
            struct.pack_into("<I", b, pos + 8, s_size - cut)
        elif s_begin > begin:
            struct.pack_into("<I", b, pos + 4, s_begin - cut)
    return bytes(b)


def record_end(b, at, hi):
    """End of the record at `at` (its payload; the end marker is skipped by the next find)."""
    q = at + len(RECORD) + 2 + 12
    dtype, mode = b[q], bytes(b[q + 1:q + 3])
    q += 3
    if mode == ARRAY:
        count = struct.unpack_from("<I", b, q)[0]
        return q + 4 + count * ITEM.get(dtype, 0)
    if dtype == 0x1F:
        if b[q:q + 3] == b"\xff\xfe\xff":
            return q + 4 + 2 * b[q + 3]
        return q + 4 + struct.unpack_from("<I", b, q)[0]
    if dtype == 0x1A:
        size = 6 + struct.unpack_from("<H", b, q + 4)[0] if b[q:q + 2] == b"\xff\xff" else 2
        if b[q + size:q + size + 4] == b"\x02\x00\x00\x80":
            size += 8
        return q + size
    return q + {0x00: 0}.get(dtype, ITEM.get(dtype, 0))


def truncate_metadata(b):
    pos, sid, begin, size = next(e for e in sections(b) if e[1] == 1)
    hi = begin + size
    # Tables: (category, start of the opening record); a table runs to the next one's start.
    tables, fields, p = [], [], begin
    while True:
        at = b.find(RECORD, p, hi)
        if at < 0:
            break
        q = at + len(RECORD) + 2 + 12
        field = struct.unpack_from("<H", b, at + len(RECORD))[0]
        if b[q] == 0x1A and b[q + 1:q + 3] == b"\x80\x01":
            tables.append((field, at))
            fields.append(set())
        elif fields:
            fields[-1].add(field)
        p = record_end(b, at, hi)
    seen = set()
    keep = [kept(c, f, seen) for (c, _), f in zip(tables, fields)]
    for k, (c, _) in enumerate(tables):
        if c == CRUCIBLE and k > 0:
            keep[k - 1] = True
    body = bytearray(b[begin:tables[0][1]])
    for k, (c, at) in enumerate(tables):
        if keep[k]:
            body += b[at:tables[k + 1][1] if k + 1 < len(tables) else hi]
    b = bytearray(b[:begin]) + body + bytearray(b[hi:])
    removed = size - len(body)
    for e_pos, e_sid, e_begin, e_size in sections(b):
        if e_sid == 1:
            struct.pack_into("<I", b, e_pos + 8, len(body))
        elif e_begin > begin:
            struct.pack_into("<I", b, e_pos + 4, e_begin - removed)
    return bytes(b)


def main():
    source, output = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(source) as z:
        streams = [shrink(z.read(f"Streams/stream_{n}.table"), n) for n in (1, 2, 3)]
    streams[0] = truncate_metadata(streams[0])
    with open(output, "wb") as out:
        out.write(SEPARATOR.join(streams))


if __name__ == "__main__":
    main()
