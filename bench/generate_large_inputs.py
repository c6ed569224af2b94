#!/usr/bin/env python3
# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""Writes the large inputs of scripts/bench.sh: 10^6-row NETZSCH, TA Universal, TA TRIOS,
generic-CSV and Hysitron TriboScan exports, a ~1 GB generic CSV and a 1 GB file no reader
recognises (sparse). Deterministic: the same bytes on every machine.

Usage: bench/generate_large_inputs.py OUT_DIR [--rows N] [--no-gigabyte]
"""
import argparse
import math
import os


def rows_of(n, row):
    """`n` lines from row(i), written in blocks so memory stays small."""
    block = []
    for i in range(n):
        block.append(row(i))
        if len(block) == 65536:
            yield "".join(block)
            block = []
    if block:
        yield "".join(block)


def scan(i, n):
    """A synthetic DSC heating scan: temperature [°C], time [min], heat flow [mW/mg]."""
    t_min = i * 50.0 / n  # 50 min at 10 K/min, 25 → 525 °C, whatever the row count
    temp_c = 25.0 + 10.0 * t_min
    step = 0.05 / (1.0 + math.exp(-(temp_c - 300.0) / 3.0))
    peak = 0.8 * math.exp(-(((temp_c - 420.0) / 6.0) ** 2))
    return temp_c, t_min, -0.2 - step + peak


def write(path, header, n, row, encoding="utf-8", newline="\n"):
    with open(path, "w", encoding=encoding, newline=newline) as f:
        f.write(header)
        for chunk in rows_of(n, row):
            f.write(chunk)


def netzsch(path, n):
    header = (
        "#EXPORTTYPE:DATA ALL\n#FORMAT:NETZSCH5\n#FTYPE:ANSI\n#DECIMAL:POINT\n"
        "#SEPARATOR:SEMICOLON\n#MTYPE:DSC\n#INSTRUMENT:NETZSCH DSC 214 Polyma\n"
        "#SAMPLE:bench\n#SAMPLE MASS /mg:10.2\n#EXO:-1\n#SEGMENT:S1/1\n"
        "#SEG. 1:25°C/10.0(K/min)/525°C\n\n##Temp./°C;Time/min;DSC/(mW/mg);Segment\n"
    )

    def row(i):
        temp, t, hf = scan(i, n)
        return f"{temp:10.5f};{t:10.5f};{hf:12.5f};1\n"

    write(path, header, n, row, encoding="cp1252", newline="\r\n")


def ta_universal(path, n):
    header = (
        "CLOSED\nInstrument\tQ2000 V24.11\nSample\tbench\nSize\t10.2000\tmg\nExotherm\tUp\n"
        "Nsig\t3\nSig1\tTime (min)\nSig2\tTemperature (°C)\nSig3\tHeat Flow (mW)\n"
        "OrgMethod\tRamp 10.00 °C/min to 525.00 °C\nStartOfData\n"
    )

    def row(i):
        temp, t, hf = scan(i, n)
        return f"{t:.5f}\t{temp:.5f}\t{hf * 10.2:.6f}\n"

    write(path, header, n, row, encoding="cp1252")


def ta_trios(path, n):
    header = (
        "Filename\tbench\nInstrument name\tDSC2A-00001\nSample name\tbench\n"
        "proceduresegments\tRamp 10.00 °C/min to 525.00 °C\n[Procedure]\n"
        "Sample Mass\t10.2 mg\n[Configuration]\nInstrument Type\tDSC2500\n"
        "Exotherm Direction\tUp\n[step]\nRamp 10.00 °C/min to 525.00 °C\n"
        "Time\tTemperature\tHeat Flow (Normalized)\nmin\t°C\tW/g\n"
    )

    def row(i):
        temp, t, hf = scan(i, n)
        return f"{t:.5f}\t{temp:.5f}\t{hf:.6f}\n"

    write(path, header, n, row)


def generic_csv(path, n):
    header = "Time (s),Temperature (°C),Heat Flow (mW)\n"

    def row(i):
        temp, t, hf = scan(i, n)
        return f"{t * 60:.4f},{temp:.5f},{hf * 10.2:.6f}\n"

    write(path, header, n, row)


def triboscan(path, n):
    header = "Tue Apr 15 16:19:36 2025\n\nNumber of Points = %d\nDepth (nm)\tLoad (µN)\tTime (s)\n" % n

    def row(i):
        # A triangular load-unload cycle repeated; only the bytes matter here.
        phase = (i % 20000) / 20000.0
        h = 200.0 * (phase * 2 if phase < 0.5 else 2 - phase * 2)
        return f"{h:.6f}\t{0.05 * h * h:.6f}\t{i * 0.005:.6f}\n"

    write(path, header, n, row, encoding="latin-1")


def gigabyte_csv(path, target_bytes):
    """A generic CSV of about `target_bytes`: the same 10^5-row block with shifted times."""
    block_rows = 100000
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("Time (s),Temperature (°C),Heat Flow (mW)\n")
        written, k = 0, 0
        while written < target_bytes:
            lines = []
            for i in range(block_rows):
                temp, t, hf = scan(i, block_rows)
                lines.append(f"{(k * block_rows + i) * 0.6:.4f},{temp:.5f},{hf * 10.2:.6f}\n")
            chunk = "".join(lines)
            f.write(chunk)
            written += len(chunk)
            k += 1


def unrecognised(path, size):
    """A sparse file of `size` bytes that starts with text no reader claims."""
    with open(path, "wb") as f:
        f.write(b"not an instrument export\n" * 100)
        f.truncate(size)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--rows", type=int, default=1000000)
    parser.add_argument("--no-gigabyte", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    n = args.rows
    jobs = [
        ("netzsch_1e6.txt", netzsch),
        ("ta_universal_1e6.txt", ta_universal),
        ("ta_trios_1e6.txt", ta_trios),
        ("generic_1e6.csv", generic_csv),
        ("triboscan_1e6.txt", triboscan),
    ]
    for name, make in jobs:
        path = os.path.join(args.out_dir, name)
        if not os.path.exists(path):
            make(path, n)
    if not args.no_gigabyte:
        path = os.path.join(args.out_dir, "generic_1GB.csv")
        if not os.path.exists(path):
            gigabyte_csv(path, 1000 * 1000 * 1000)
        path = os.path.join(args.out_dir, "unrecognised_1GB.bin")
        if not os.path.exists(path):
            unrecognised(path, 1 << 30)


if __name__ == "__main__":
    main()
