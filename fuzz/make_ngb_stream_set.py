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


def main():
    source, output = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(source) as z:
        streams = [shrink(z.read(f"Streams/stream_{n}.table"), n) for n in (1, 2, 3)]
    with open(output, "wb") as out:
        out.write(SEPARATOR.join(streams))


if __name__ == "__main__":
    main()
