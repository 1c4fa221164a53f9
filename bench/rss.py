"""Run one command and record its peak resident memory: ``python -m bench.rss OUT -- CMD…``.

``getrusage(RUSAGE_CHILDREN).ru_maxrss`` is the peak of the largest child this process
has waited for, so a fresh wrapper process per command gives that command's own peak
(including any worker processes it waited for), with no dependency on GNU time. CPU
seconds (user + system of the command and its children) are recorded too: on a shared
machine they move less with other people's load than wall time does.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m bench.rss OUT.json -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    out, cmd = argv[0], argv[2:]
    start = time.perf_counter()
    rc = subprocess.call(cmd)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kb = usage.ru_maxrss  # KiB on Linux
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"rc": rc, "maxrss_kb": peak_kb, "seconds": round(seconds, 3),
                   "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3)}, f)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
