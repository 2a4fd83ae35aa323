"""The `quotes` command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cli import evaluate, models
from cli.extract import extract
from cli.output import fail
from quotes.errors import QuotesError

app = typer.Typer(
    help="Find who said what in German news, and keep it in a searchable database.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(models.app, name="models")
app.add_typer(evaluate.app, name="eval")
app.command()(extract)


@app.command()
def nlp(
    file: Annotated[Path, typer.Argument(help="A UTF-8 text file (a news article).")],
    format: Annotated[str, typer.Option("--format", help="Output format: conllu.")] = "conllu",
) -> None:
    """Print the pipeline's analysis of FILE (lemma, UPOS, features, head, relation).

    Example: quotes nlp data/samples/kreml.txt
    """
    from quotes.nlp import Engine, to_conllu
    from quotes.textfile import read_text_file

    if format != "conllu":
        raise fail(f"unknown format {format!r}; use conllu", 2)
    article = read_text_file(file)
    engine = Engine.load()
    typer.echo(to_conllu(engine.analyse(article.text, file.stem)), nl=False)


def main() -> None:
    """Console entry point: bad input becomes one `Error:` line and exit 1."""
    try:
        app()
    except QuotesError as error:
        typer.echo(f"Error: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("Error: interrupted", err=True)
        sys.exit(130)
