"""Full-text search on quote text, diacritics folded, filled from existing quotes.

SQLite: an FTS5 table over quote.text (external content, tokenizer
`unicode61 remove_diacritics 2`) kept in step by triggers. PostgreSQL: a
stored generated tsvector column (configuration 'simple', no stemming) over
quotes_fold(text), a lower-casing accent fold in plain SQL so that no
extension (unaccent) and no superuser rights are needed; a GIN index on it.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Lower-case Latin letters with diacritics and their base letters, one to one.
FOLD_FROM = "àáâãäåçèéêëìíîïðñòóôõöøùúûüýÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňōŏőŕŗřśŝşšţťŧũūŭůűųŵŷźżžſ"
FOLD_TO = "aaaaaaceeeeiiiidnoooooouuuuyyaaaccccddeeeeegggghhiiiiijklllllnnnooorrrsssstttuuuuuuwyzzzs"

SQLITE_UPGRADE = (
    "CREATE VIRTUAL TABLE quote_fts USING fts5(text, content='quote', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN "
    "INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN "
    "INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER quote_fts_update AFTER UPDATE OF text ON quote BEGIN "
    "INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')",
)
SQLITE_DOWNGRADE = (
    "DROP TRIGGER quote_fts_update",
    "DROP TRIGGER quote_fts_delete",
    "DROP TRIGGER quote_fts_insert",
    "DROP TABLE quote_fts",
)
POSTGRESQL_UPGRADE = (
    "CREATE FUNCTION quotes_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    f"AS $$ SELECT translate(lower(value), '{FOLD_FROM}', '{FOLD_TO}') $$",
    "ALTER TABLE quote ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple'::regconfig, quotes_fold(text))) STORED",
    "CREATE INDEX ix_quote_search_vector ON quote USING gin (search_vector)",
)
POSTGRESQL_DOWNGRADE = (
    "DROP INDEX ix_quote_search_vector",
    "ALTER TABLE quote DROP COLUMN search_vector",
    "DROP FUNCTION quotes_fold(text)",
)


def _run(statements: dict[str, tuple[str, ...]]) -> None:
    dialect = op.get_context().dialect.name
    if dialect not in statements:
        raise NotImplementedError(f"full-text search is implemented for SQLite and PostgreSQL, not {dialect}")
    for statement in statements[dialect]:
        op.execute(statement)


def upgrade() -> None:
    _run({"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRESQL_UPGRADE})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRESQL_DOWNGRADE})
