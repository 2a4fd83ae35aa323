"""Fact-checks (with linked quotes and an audit trail) and the canonical form
of quote text for provenance, filled in for the quotes already stored.

The new quote columns are added NOT NULL with an empty default, which both
SQLite and PostgreSQL can do in place: rebuilding the quote table on SQLite
would drop the full-text triggers of 0002.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from quotes.store.normal import normal_columns

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def _backfill() -> None:
    connection = op.get_bind()
    quote = sa.table("quote", sa.column("id", sa.Integer), sa.column("text", sa.Text),
                     sa.column("normal", sa.Text), sa.column("normal_key", sa.String))
    update = (sa.update(quote).where(quote.c.id == sa.bindparam("quote_id"))
              .values(normal=sa.bindparam("normal"), normal_key=sa.bindparam("normal_key")))
    last = 0
    while True:
        rows = connection.execute(sa.select(quote.c.id, quote.c.text).where(quote.c.id > last)
                                  .order_by(quote.c.id).limit(BATCH)).all()
        if not rows:
            return
        connection.execute(update, [{"quote_id": row.id, **normal_columns(row.text)} for row in rows])
        last = rows[-1].id


def upgrade() -> None:
    op.add_column("quote", sa.Column("normal", sa.Text(), nullable=False, server_default=""))
    op.add_column("quote", sa.Column("normal_key", sa.String(length=20), nullable=False, server_default=""))
    _backfill()
    op.create_index("ix_quote_normal_key", "quote", ["normal_key"])

    op.create_table(
        "fact_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("rating", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("reviewer", sa.String(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_fact_check_rating", "fact_check", ["rating"])
    op.create_index("ix_fact_check_status", "fact_check", ["status"])

    op.create_table(
        "fact_check_quote",
        sa.Column("fact_check_id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("attached_by", sa.String(), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["fact_check_id"], ["fact_check.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["quote_id"], ["quote.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("fact_check_id", "quote_id"),
    )
    op.create_index("ix_fact_check_quote_quote_id", "fact_check_quote", ["quote_id"])

    op.create_table(
        "fact_check_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fact_check_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("field", sa.String(), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["fact_check_id"], ["fact_check.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_fact_check_event_fact_check_id", "fact_check_event", ["fact_check_id"])


def downgrade() -> None:
    op.drop_index("ix_fact_check_event_fact_check_id", table_name="fact_check_event")
    op.drop_table("fact_check_event")
    op.drop_index("ix_fact_check_quote_quote_id", table_name="fact_check_quote")
    op.drop_table("fact_check_quote")
    op.drop_index("ix_fact_check_status", table_name="fact_check")
    op.drop_index("ix_fact_check_rating", table_name="fact_check")
    op.drop_table("fact_check")
    op.drop_index("ix_quote_normal_key", table_name="quote")
    with op.batch_alter_table("quote", recreate="never") as batch:
        batch.drop_column("normal_key")
        batch.drop_column("normal")
