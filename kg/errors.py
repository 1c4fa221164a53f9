"""The one root of kg's expected failures, so callers catch one class and the CLI maps it once.

Every error kg raises on purpose (bad input, unknown query, unreachable server, a name
that is not in the graph) is a :class:`KgError`. Each subclass also keeps the built-in
base it always had (``ValueError``, ``RuntimeError``, ``FileNotFoundError``), so code that
caught those keeps working. ``exit_code`` is what the ``kg`` command exits with:

==  =====================================================================
1   the work failed (bad file, unknown query, server problem)
2   usage mistake (Click's own code: unknown option, missing argument)
3   a name given to a query is not in the graph (see :class:`NameNotInGraph`)
==  =====================================================================

Anything that is not a KgError (or an ``OSError`` such as a full disk) is a bug and
keeps its traceback.
"""

from __future__ import annotations

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_NOT_IN_GRAPH = 3


class KgError(Exception):
    """An expected failure; its message is one line that says what to do next."""

    exit_code = EXIT_FAILURE


class NameNotInGraph(KgError, LookupError):
    """A name given to a query resolves to no entity of the graph (exit code 3)."""

    exit_code = EXIT_NOT_IN_GRAPH

    def __init__(self, message: str, *, name: str = "", suggestions: tuple[str, ...] = ()):
        super().__init__(message)
        self.name = name
        self.suggestions = suggestions
