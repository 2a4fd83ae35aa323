"""`quotes eval guidelines|spkatt`: accuracy against gold data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Measure accuracy against gold data.", no_args_is_help=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")]


@app.command()
def guidelines(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file or folder (GUIDELINES.md format).")],
    texts: Annotated[Path, typer.Option("--texts", help="Folder of the articles, DOC.txt per gold doc.")],
    predictions_out: Annotated[Path | None, typer.Option("--predictions-out", help="Write predictions here (JSONL).")]
    = None,
    as_json: JsonOption = False,
) -> None:
    """Score extraction against gold quotes written to GUIDELINES.md.

    Example: quotes eval guidelines ../shared/data/news-dev/gold --texts ../shared/data/news-dev/articles
    """
    from quotes.evaluate import format_guidelines_report
    from quotes.evaluate.runner import run_guidelines
    from quotes.extract import Extractor

    result, predicted = run_guidelines(Extractor.load(), gold, texts)
    if predictions_out is not None:
        predictions_out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in predicted),
                                   encoding="utf-8")
    typer.echo(json.dumps(result) if as_json else format_guidelines_report(result))


@app.command()
def spkatt(
    gold: Annotated[Path, typer.Argument(help="Folder of SpkAtt Task 2 JSON documents.")],
    split: Annotated[str, typer.Option("--split", help="heldout, develop or all (see data/eval).")] = "all",
    predictions_out: Annotated[Path | None, typer.Option("--predictions-out", help="Write predictions here.")]
    = None,
    as_json: JsonOption = False,
    reported: Annotated[bool, typer.Option(
        "--reported/--no-reported", help="Extract speech acts reported without their words and the clauses "
                                         "of verbs of thought too, as SpkAtt annotates them.")] = True,
) -> None:
    """Score extraction on SpkAtt (GermEval 2023 Task 2) documents: Message, Source, Joint.

    SpkAtt annotates speech acts reported without their words ("Die Polizei
    sprach von einer friedlichen Demonstration") and the clauses of verbs of
    thought ("befürchten, dass …"), which GUIDELINES.md does not count as
    quotes: they are extracted here unless --no-reported.

    Example: quotes eval spkatt ../shared/data/wikinews/train --split heldout
    """
    from quotes.evaluate import format_spkatt_report, split_files
    from quotes.evaluate.runner import run_spkatt
    from quotes.extract import Extractor

    files = split_files(gold, split)
    result = run_spkatt(Extractor.load(reported=reported), files, predictions_out)
    typer.echo(json.dumps(result) if as_json else format_spkatt_report(result))
