"""The ``kg`` command: a thin Click layer over the library.

Each command parses options, calls one library function and turns library errors into
one clear line (``Error: …``) and a non-zero exit; no traceback reaches the user.
Command groups live in sibling modules and register themselves in :func:`main`.
"""

from __future__ import annotations

from .app import cli, main

__all__ = ["cli", "main"]
