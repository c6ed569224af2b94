# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""The GIL is released while vitrum reads and analyses: another Python thread runs meanwhile."""

import threading
import time

import numpy as np
import pytest

import vitrum


@pytest.fixture(scope="module")
def long_run(tmp_path_factory):
    """film_RT.txt resampled 250× finer (300 001 rows): a read + analysis of a few 100 ms."""
    from conftest import EXAMPLE_DIR

    src = EXAMPLE_DIR / "dsc" / "film_RT.txt"
    text = src.read_text(encoding="utf-8").splitlines()
    header = [l for l in text if l.startswith("#")]
    rows = np.array([[float(v) for v in l.split(";")] for l in text if l and not l.startswith("#")])
    T = np.linspace(rows[0, 0], rows[-1, 0], 300001)
    cols = [T] + [np.interp(T, rows[:, 0], rows[:, k]) for k in range(1, rows.shape[1])]
    path = tmp_path_factory.mktemp("gil") / "long_run.txt"
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(header) + "\n")
        np.savetxt(out, np.column_stack(cols), fmt="%.6f", delimiter=";")
    return path


def python_runs_during(call):
    """True when a pure-Python thread made progress in the middle half of `call()`."""
    stamps, stop = [], threading.Event()

    def ticker():
        while not stop.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0.0005)  # every wake-up needs the GIL

    t = threading.Thread(target=ticker)
    t.start()
    time.sleep(0.02)
    t0 = time.perf_counter()
    call()
    t1 = time.perf_counter()
    stop.set()
    t.join()
    lo, hi = t0 + 0.25 * (t1 - t0), t0 + 0.75 * (t1 - t0)
    return any(lo <= s <= hi for s in stamps), t1 - t0


def released(call, attempts=3):
    """With the GIL held the ticker never runs inside the call, however often it is tried;
    with it released a loaded machine may still not schedule the ticker once in the middle
    half of one call, so up to `attempts` calls are made."""
    for _ in range(attempts):
        ran, seconds = python_runs_during(call)
        assert seconds > 0.02  # long enough for the ticker to wake up many times
        if ran:
            return True
    return False


def test_reading_releases_the_gil(long_run):
    assert released(lambda: vitrum.read(long_run))


def test_analysing_releases_the_gil(long_run):
    ds = vitrum.read(long_run)
    assert released(lambda: vitrum.dsc.analyse(ds))


def test_the_check_sees_a_call_that_holds_the_gil():
    # list.sort of floats runs in C without releasing the GIL: the ticker must not run.
    import random

    values = [random.random() for _ in range(1_000_000)]
    assert not released(lambda: sorted(values), attempts=1)


def test_two_threads_analyse_at_once_with_the_serial_results(film_rt, indent_file):
    serial = [vitrum.dsc.analyse(film_rt).scans[0].to_dict(),
              vitrum.indent.analyse(indent_file).indents[0].to_dict()]
    out = [None, None]

    def dsc():
        out[0] = vitrum.dsc.analyse(film_rt).scans[0].to_dict()

    def ind():
        out[1] = vitrum.indent.analyse(indent_file).indents[0].to_dict()

    threads = [threading.Thread(target=dsc), threading.Thread(target=ind)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == serial
