"""The echo stages' percentiles are numpy's default ("linear") ones, without loading numpy.ma."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from assistant.audio.percentile import percentiles


@pytest.mark.parametrize("size", [1, 2, 3, 10, 99, 100, 300])
def test_they_are_numpys_linear_percentiles(size):
    values = np.random.default_rng(size).normal(-20, 8, size).tolist()
    wanted = (0, 5, 50, 80, 95, 99.5, 100)
    assert percentiles(values, *wanted) == pytest.approx(np.percentile(values, wanted).tolist(),
                                                         abs=1e-9)


def test_the_median_of_an_even_count_is_the_mean_of_the_middle_two():
    assert percentiles([4.0, 1.0, 3.0, 2.0], 50) == [2.5]


def test_the_echo_stages_load_neither_numpy_ma_nor_statistics():
    probe = ("import sys, numpy as np\n"
             "from assistant.audio.echo_guard import EchoGuard\n"
             "from assistant.audio.echo_canceller import EchoCanceller\n"
             "guard = EchoGuard()\n"
             "guard.note_playback_level(0.0, -20.0)\n"
             "for level in range(200):\n"
             "    guard.filter(np.full(480, 100 + level, np.int16))\n"
             "assert guard.coupling_db() != 0.0, 'nothing learned'\n"
             "print(sorted(m for m in ('numpy.ma', 'statistics') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.split() == ["[]"]
