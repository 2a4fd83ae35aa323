"""The `quotes` command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.exceptions import TyperException

from cli import db as db_commands
from cli import evaluate, factcheck, models, speakers
from cli.export import export
from cli.extract import extract
from cli.fix import fix
from cli.ingest import ingest
from cli.options import DbOption, Settings
from cli.output import fail
from cli.provenance import conflicts, trace
from cli.search import search, show
from quotes.errors import QuotesError

app = typer.Typer(
    help="Find who said what in German news, and keep it in a searchable database.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(models.app, name="models")
app.add_typer(evaluate.app, name="eval")
app.add_typer(db_commands.app, name="db")
app.add_typer(speakers.app, name="speakers")
app.add_typer(factcheck.app, name="factcheck")
app.command()(extract)
app.command()(ingest)
app.command()(search)
app.command()(show)
app.command()(export)
app.command()(fix)
app.command()(trace)
app.command()(conflicts)


@app.callback()
def root(ctx: typer.Context, db: DbOption = None) -> None:
    """Find who said what in German news, and keep it in a searchable database."""
    ctx.obj = Settings(db=db)


@app.command()
def nlp(
    file: Annotated[Path, typer.Argument(help="A UTF-8 text file (a news article).")],
    format: Annotated[str, typer.Option("--format", help="Output format: conllu.")] = "conllu",
) -> None:
    """Print the pipeline's analysis of FILE (lemma, UPOS, features, head, relation).

    Example: quotes nlp data/samples/kreml-gespraeche.txt
    """
    from quotes.nlp import Engine, to_conllu
    from quotes.textfile import read_text_file

    if format != "conllu":
        raise fail(f"unknown format {format!r}; use conllu", 2)
    article = read_text_file(file)
    engine = Engine.load()
    typer.echo(to_conllu(engine.analyse(article.text, file.stem)), nl=False)


def main() -> None:
    """Console entry point: bad input becomes one `Error:` line and exit 1, a
    usage error (an unknown option, a bad value) one line and exit 2."""
    try:
        code = app(standalone_mode=False)
    except TyperException as error:  # usage errors; with no arguments the help was shown instead
        message = " ".join(error.format_message().split())
        if message:
            context = getattr(error, "ctx", None)
            hint = f" (see {context.command_path} --help)" if context is not None else ""
            typer.echo(f"Error: {message}{hint}", err=True)
        sys.exit(error.exit_code)
    except typer.Abort:
        typer.echo("Error: interrupted", err=True)
        sys.exit(130)
    except QuotesError as error:
        typer.echo(f"Error: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("Error: interrupted", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
