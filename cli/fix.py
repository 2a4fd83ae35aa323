"""`quotes fix`: a person's correction of one quote, kept across re-processing."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.options import ByOption, database
from cli.output import fail


def fix(
    ctx: typer.Context,
    quote_id: Annotated[int, typer.Argument(help="The quote id (first column of search and export).")],
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="The right speaker: name, alias, id.")]
    = None,
    new_speaker: Annotated[bool, typer.Option("--new-speaker", help="Create --speaker if no speaker matches it.")]
    = False,
    not_a_quote: Annotated[bool, typer.Option("--not-a-quote", help="Hide it: it is not a quote.")] = False,
    is_a_quote: Annotated[bool, typer.Option("--is-a-quote", help="Undo --not-a-quote.")] = False,
    note: Annotated[str | None, typer.Option("--note", help="Why, for the record.")] = None,
    by: ByOption = None,
) -> None:
    """Correct a quote's speaker, or mark it as not a quote.

    The correction is recorded with who and when, and kept when the article
    is processed again (ingest --reprocess).

    Example: quotes fix 17 --speaker "Dmitri Peskow" --note "Peskow said it, not Putin"
    """
    from quotes.errors import NotFoundError
    from quotes.speakers.lookup import create_speaker, find_speaker
    from quotes.store import corrections

    if sum((speaker is not None, not_a_quote, is_a_quote)) != 1:
        raise fail("give exactly one of --speaker, --not-a-quote or --is-a-quote", 2)
    with database(ctx).writing() as session:
        quote = corrections.get_quote(session, quote_id)
        if speaker is not None:
            try:
                target = find_speaker(session, speaker)
            except NotFoundError:
                if not new_speaker:
                    raise
                target = create_speaker(session, speaker, source="manual", reason=f"created by a fix of quote "
                                        f"{quote_id}")
            corrections.set_speaker(session, quote, target, author=by, note=note)
            message = f"quote {quote_id}: speaker is now {target.name} (#{target.id})"
        else:
            corrections.set_rejected(session, quote, not_a_quote, author=by, note=note)
            message = f"quote {quote_id}: " + ("marked as not a quote" if not_a_quote else "a quote again")
    typer.echo(message)
