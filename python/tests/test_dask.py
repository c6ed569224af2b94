# vitrum — C++17 toolkit for glass-stability analysis.
# SPDX-License-Identifier: MIT (see LICENSE).
"""vitrum.batch on a dask.distributed LocalCluster of 2 worker processes."""

import pandas as pd
import pytest

import vitrum
from conftest import EXAMPLE_DIR, data_files

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, scheduler_port=0)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_two_worker_processes_give_the_serial_table(client, tmp_path):
    paths = data_files(EXAMPLE_DIR)[:50]
    corrupted = tmp_path / "corrupted.txt"
    corrupted.write_text("#FORMAT:NETZSCH5\n##Temp./°C;Time/min;DSC/(mW/mg)\n1;2;x\n",
                         encoding="utf-8")
    paths.append(corrupted)
    on_cluster = vitrum.batch(paths, client=client)
    serial = vitrum.batch(paths, workers=1)
    pd.testing.assert_frame_equal(on_cluster, serial)
    assert len(on_cluster) == 51
    assert on_cluster["error"].notna().sum() == 1
    assert on_cluster["file"].iloc[-1] == str(corrupted)
    assert len(client.scheduler_info()["workers"]) == 2  # both worker processes still up
