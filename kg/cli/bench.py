"""``kg bench``: the benchmark runner of a source checkout (``python -m bench``)."""

from __future__ import annotations

import click


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                 "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def bench(args: tuple[str, ...]) -> None:
    """Benchmarks at 1×/10×/100× the sample corpus (same options as `python -m bench`).

    \b
    Example:
      kg bench --quick
      kg bench --scales 1,10,100 --repeat 3 --out bench/out/results.json
      kg bench --help
    """
    try:
        from bench.__main__ import main
    except ImportError:
        raise click.ClickException(
            "kg bench needs a source checkout of kg: the bench/ folder is not installed "
            "with the package; run it from the repository root") from None
    code = main(list(args))
    if code:
        raise SystemExit(code)


def register(cli: click.Group) -> None:
    cli.add_command(bench)
