"""`make bench`: run every benchmark script in turn; each prints its own figures.

The scripts are separate processes so that one's memory peak does not colour the next one's.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

SCRIPTS = ("extraction_throughput", "sweep", "calendar_feeds", "email_throughput")


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    failed = []
    for name in SCRIPTS:
        print(f"== benchmarks.{name}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], cwd=root)
        print(f"== benchmarks.{name} took {time.perf_counter() - started:.1f} s (exit {result.returncode})",
              flush=True)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
