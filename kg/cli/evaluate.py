"""``kg eval``: precision, recall and F1 of extracted triples against a gold file."""

from __future__ import annotations

import json

import click

from .common import friendly_errors


@click.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--pred", "pred_path", type=click.Path(exists=True, dir_okay=False),
              help="A triples file (JSONL) to score, instead of extracting from PATHs.")
@click.option("--show", type=int, default=0, show_default=True, metavar="N",
              help="List up to N misses and N false positives, with their sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
@click.option("--model", default=None, envvar="KG_SPACY_MODEL",
              help="English spaCy pipeline with a parser for extraction from PATHs "
                   "(default: blank English).")
@click.option("--min-confidence", type=float, default=0.0, show_default=True,
              help="Leave out predicted triples below this confidence.")
@friendly_errors
def eval_(gold, paths, pred_path, show, as_json, model, min_confidence):
    """Score triples against GOLD (JSONL, the format of the ontology spec).

    Give either --pred with a triples file, or document PATHs to extract from first.
    Scoring: micro P/R/F1 over unique triples per document, names normalised, aliases
    and symmetric relations honoured, negated triples left out, only gold documents.

    \b
    Example:
      kg extract seeds/ -o triples.jsonl
      kg eval gold.jsonl --pred triples.jsonl --show 10
      kg eval gold.jsonl seeds/            # extract and score in one go
    """
    from ..evaluate import format_report, load_gold, load_predictions, score

    if bool(pred_path) == bool(paths):
        raise click.UsageError("give either --pred TRIPLES.jsonl or document PATHs, not both "
                               "and not neither")
    gold_triples = load_gold(gold)
    if pred_path:
        predictions = load_predictions(pred_path)
    else:
        from ..pipeline import extract

        predictions = [t.to_dict() for t in extract(paths, model=model)]
    if min_confidence > 0:
        predictions = [p for p in predictions
                       if float(p.get("confidence", 1.0) or 0.0) >= min_confidence]
    result = score(gold_triples, predictions)
    if as_json:
        click.echo(json.dumps(result.to_dict(show), ensure_ascii=False))
    else:
        click.echo(format_report(result, show))


def register(cli: click.Group) -> None:
    cli.add_command(eval_)
