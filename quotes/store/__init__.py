"""The quote database: tables (models), engine and schema (engine, database,
migrate), writes (repository, corrections), search and export. Import the
modules themselves; this package re-exports nothing, so that quotes.speakers
can use quotes.store.models without an import cycle."""
