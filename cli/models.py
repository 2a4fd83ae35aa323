"""`quotes models status|download|install`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quotes.nlp import models as model_sets

app = typer.Typer(help="Which German Stanza models the pipeline uses; fetch or install the official set.",
                  no_args_is_help=True)

DirOption = Annotated[
    Path | None,
    typer.Option("--dir", help="Stanza resources folder (default: $STANZA_RESOURCES_DIR or Stanza's own)."),
]


def _describe(models: model_sets.ModelSet, label: str) -> list[str]:
    lines = [f"{label}: {models.name}", f"  location: {models.directory}",
             f"  NER: {'yes' if models.has_ner else 'no'}", f"  licence: {models.licence}"]
    if models.accuracy:
        held_out = models.accuracy.get("heldout")
        lines.append("  accuracy" + (f" on {held_out}" if held_out else "") + ":")
        lines.extend(f"    {key}: {value}" for key, value in models.accuracy.items() if key != "heldout")
    if models.speed:
        speed = models.speed
        lines.append(f"  speed (scripts/bench_nlp.py, {speed.get('corpus')}): "
                     f"{speed.get('tokens_per_second')} tokens/s, peak memory {speed.get('peak_rss_mb')} MB")
    return lines


@app.command()
def status() -> None:
    """Say which model set is active, where it lives and its measured accuracy.

    Example: quotes models status
    """
    active = model_sets.active_set()
    typer.echo("\n".join(_describe(active, "active set")))
    if active.name == "official":
        typer.echo("\n".join(_describe(model_sets.bundled_set(), "also available")))
    else:
        typer.echo(f"official set: not installed in {model_sets.resources_dir()} "
                   "(quotes models download, or quotes models install PATH)")


@app.command()
def download(directory: DirOption = None) -> None:
    """Fetch Stanza's official German models (needs a network).

    Example: quotes models download
    """
    installed = model_sets.download(directory)
    typer.echo(f"installed official German models in {installed.directory}")


@app.command()
def install(
    source: Annotated[Path, typer.Argument(help="A Stanza resources folder, .zip or .tar.gz holding de/.")],
    directory: DirOption = None,
) -> None:
    """Install an official model folder or archive without a network.

    Example: quotes models install stanza_resources.zip
    """
    installed = model_sets.install(source, directory)
    typer.echo(f"installed official German models in {installed.directory}"
               + (" (with NER)" if installed.has_ner else ""))
