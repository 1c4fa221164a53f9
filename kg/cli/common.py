"""Options and output shared by several commands."""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import re
import sys
from collections.abc import Callable
from typing import Any

import click

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
OUTPUT_FORMATS = ("table", "json", "csv")


class KgClickError(click.ClickException):
    """A :class:`kg.errors.KgError` as Click prints it, keeping the error's exit code."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def friendly_errors(fn: Callable) -> Callable:
    """The one place library errors become ``Error: …`` and the error's exit code.

    Every expected failure is a :class:`kg.errors.KgError`; missing or unreadable paths
    and a full disk (``OSError``) get the same one line. Anything else is a bug and keeps
    its traceback.
    """

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from ..errors import KgError

        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:  # `kg … | head`: the reader has what it wanted
            quiet_exit_on_closed_pipe()
        except KgError as e:
            raise KgClickError(str(e), e.exit_code) from None
        except (FileNotFoundError, PermissionError) as e:
            raise KgClickError(str(e)) from None
        except OSError as e:  # disk full, file too large, I/O error: one line, no traceback
            where = f": {e.filename}" if e.filename else ""
            raise KgClickError(f"{e.strerror or e}{where}") from None

    return wrapper


def quiet_exit_on_closed_pipe() -> None:
    """End with exit code 0 and no message, as Unix tools do when their reader is gone;
    stdout points at /dev/null first so the interpreter's last flush cannot fail too."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    raise SystemExit(0)


def graph_option(fn: Callable) -> Callable:
    from ..store import DEFAULT_GRAPH

    return click.option(
        "--graph", "graph_path", type=click.Path(dir_okay=False), default=str(DEFAULT_GRAPH),
        show_default=True, envvar="KG_GRAPH",
        help="Graph file of the embedded (networkx) backend.",
    )(fn)


def backend_options(fn: Callable) -> Callable:
    """``--backend`` plus the Neo4j connection options (also read from NEO4J_* variables)."""
    from ..store import BACKENDS

    opts = [
        click.option("--backend", type=click.Choice(BACKENDS), default="networkx",
                     show_default=True, envvar="KG_BACKEND",
                     help="Where the graph lives: embedded file or a Neo4j server."),
        click.option("--uri", envvar="NEO4J_URI", default=None,
                     help="Neo4j URI [env NEO4J_URI; default: bolt://localhost:"
                          "$KG_NEO4J_BOLT_PORT, else the port of the server `kg neo4j "
                          "start` runs here, else 7687]."),
        click.option("--user", envvar="NEO4J_USERNAME", default="neo4j", show_default=True,
                     help="Neo4j user [env NEO4J_USERNAME]."),
        click.option("--password", envvar="NEO4J_PASSWORD", default=None,
                     help="Neo4j password [env NEO4J_PASSWORD]; never printed."),
        click.option("--database", envvar="NEO4J_DATABASE", default="neo4j", show_default=True,
                     help="Neo4j database [env NEO4J_DATABASE]."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return graph_option(fn)


def open_backend(backend: str, graph_path: str, uri: str, user: str, password: str | None,
                 database: str, *, create: bool = False, write: bool = False):
    """The store of ``--backend``; ``write``: this run will save the embedded graph, so it
    takes the graph's lock (and says so on stderr if it has to wait for another run)."""
    from ..store import open_store

    if backend == "networkx":
        return open_store("networkx", graph=graph_path, create=create, lock=write,
                          on_wait=lambda msg: click.echo(f"{msg}…", err=True))
    if not uri:
        from ..neo4j_server import default_bolt_uri

        uri = default_bolt_uri()
    return open_store("neo4j", uri=uri, user=user, password=password, database=database)


def whole_graph(backend: str, graph_path: str, uri: str | None, user: str,
                password: str | None, database: str):
    """The backend's whole graph as a MultiDiGraph (the connection is closed after)."""
    store = open_backend(backend, graph_path, uri, user, password, database)
    try:
        return store.to_networkx()
    finally:
        store.close()


def parse_params(pairs: tuple[str, ...]) -> dict[str, Any]:
    """``-p key=value`` pairs; values stay text unless they are JSON numbers/booleans."""
    out: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="-p")
        key, value = pair.split("=", 1)
        out[key.strip()] = _coerce(value)
    return out


def _coerce(value: str) -> Any:
    if value in ("true", "false"):
        return value == "true"
    try:
        return int(value)
    except ValueError:
        pass
    try:
        f = float(value)
        if f == f and abs(f) != float("inf"):
            return f
    except ValueError:
        pass
    return value


def _cell(value: Any) -> str:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def _table_cell(value: Any) -> str:
    """A list (evidence sentences, documents) prints one item per line, not as JSON."""
    if isinstance(value, list) and all(not isinstance(v, (list, dict)) for v in value):
        if not any(_cell(v) for v in value):
            return ""
        return "\n".join(f"• {_cell(v)}" for v in value) if len(value) > 1 else _cell(value[0])
    return _cell(value)


SHORT_COLUMN = 28  # columns whose longest line fits here are never wrapped


def fit_columns(natural: list[int], total: int, short: int = SHORT_COLUMN) -> list[int]:
    """Widths for columns whose longest lines are ``natural`` in ``total`` terminal columns.

    When everything fits, natural widths. Otherwise the short columns (names, counts,
    dates) stay whole as long as the long ones (sentences, lists) keep 30 columns each,
    and the long ones wrap in what is left; on a narrower terminal every column shrinks
    in proportion.
    """
    room = max(total - (3 * len(natural) + 1), 4 * len(natural))  # borders and padding
    if sum(natural) <= room:
        return list(natural)
    is_long = [w > short for w in natural]
    long_need = sum(w for w, lg in zip(natural, is_long, strict=True) if lg)
    short_need = sum(natural) - long_need
    long_min = min(long_need, 30 * sum(is_long))
    if room - short_need >= long_min:  # shorts whole, longs share everything else
        short_room, long_room = short_need, room - short_need
    else:
        long_room = min(long_min, room // 2)
        short_room = room - long_room
    widths = []
    for w, lg in zip(natural, is_long, strict=True):
        budget, need = (long_room, long_need) if lg else (short_room, short_need)
        widths.append(max(4, w * budget // need) if need > budget else w)
    while sum(widths) > room and max(widths) > 4:  # rounding: take from the widest
        widths[widths.index(max(widths))] -= 1
    return widths


def _natural_widths(columns: list[str], cells: list[list[str]]) -> list[int]:
    """The longest line of each column, header included."""
    widths = [len(c) for c in columns]
    for row in cells:
        for i, text in enumerate(row):
            widths[i] = max(widths[i], *(len(line) for line in text.split("\n")))
    return widths


def terminal_width() -> int:
    """Columns of the terminal (``COLUMNS`` wins; 100 when output is not a terminal)."""
    import os
    import shutil

    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    if not sys.stdout.isatty():
        return 100
    return shutil.get_terminal_size((100, 24)).columns


# Control characters from article text (ESC sequences can retitle or reprogram a terminal)
# are shown as U+FFFD in tables; JSON escapes them and CSV keeps the data as it is.
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def emit_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    """Print query rows: a rich table, one JSON array (nothing else on stdout), or CSV."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, default=str))
        return
    columns: list[str] = []
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        click.echo(buf.getvalue(), nl=False)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text  # plain text: "[/]" in a name is not markup, escapes are cut

    if not rows:
        click.echo("(no rows)")
        return
    cells = [[_TERMINAL_CONTROL.sub("\ufffd", _table_cell(row.get(c))) for c in columns]
             for row in rows]
    width = terminal_width()
    widths = fit_columns(_natural_widths(columns, cells), width)
    long_text = any("\n" in t for row in cells for t in row)
    table = Table(show_lines=long_text)  # a rule between rows when cells hold evidence lists
    for c, w in zip(columns, widths, strict=True):
        table.add_column(Text(c), width=w, overflow="fold")  # words wrap, long words fold
    for row in cells:
        table.add_row(*(Text(t) for t in row))
    # the table fits the terminal: rich wraps long cells at word boundaries inside it
    Console(file=sys.stdout, width=width, soft_wrap=False).print(table)
    click.echo(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
