"""The `quotes` command line: thin Typer commands over the quotes library."""
