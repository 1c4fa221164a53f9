"""One context manager: pause Python's cyclic garbage collector around bulk building.

Why: building a gazetteer's tables or reading and writing a graph file makes millions of
small containers that all stay alive and hold no cycles; the collector would scan the
growing heap again and again (it tripled the gazetteer's compile time and made reading a
1,000x graph take 12x the 100x time). Collection resumes at the end.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
