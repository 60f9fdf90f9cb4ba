"""How fast this machine runs Python right now, printed beside figures that depend on it."""

from __future__ import annotations

import os
import time


def cpu_reference() -> str:
    """One line: the time of a fixed piece of Python (this VM's speed moves with its host's load)."""
    began = time.perf_counter()
    sum(range(10_000_000))
    return (
        f"cpu_reference {time.perf_counter() - began:.2f} s for sum(range(10**7)) (0.2 s on an idle core); "
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
    )
