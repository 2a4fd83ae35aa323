"""Initial schema: articles, quotes, speakers with aliases and dated roles,
corrections and the speaker history.

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column("processed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash")
    )
    op.create_index("ix_article_outlet", "article", ["outlet"])
    op.create_index("ix_article_published_at", "article", ["published_at"])
    op.create_index("ix_article_url", "article", ["url"])

    op.create_table(
        "speaker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=True),
        sa.Column("party", sa.String(), nullable=True),
        sa.Column("wikidata_qid", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("wikidata_qid")
    )
    op.create_index("ix_speaker_name", "speaker", ["name"])

    op.create_table(
        "quote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("speaker_name", sa.String(), nullable=True),
        sa.Column("speaker_kind", sa.String(), nullable=True),
        sa.Column("mention_text", sa.String(), nullable=True),
        sa.Column("mention_start", sa.Integer(), nullable=True),
        sa.Column("mention_end", sa.Integer(), nullable=True),
        sa.Column("cue_text", sa.String(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("resolution", sa.String(), nullable=False),
        sa.Column("speaker_match", sa.String(), nullable=True),
        sa.Column("rejected", sa.Boolean(), nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id")
    )
    op.create_index("ix_quote_article_id", "quote", ["article_id"])
    op.create_index("ix_quote_speaker_id", "quote", ["speaker_id"])

    op.create_table(
        "speaker_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("skeleton", sa.String(), nullable=False),
        sa.Column("surname", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("speaker_id", "key")
    )
    op.create_index("ix_speaker_alias_key", "speaker_alias", ["key"])
    op.create_index("ix_speaker_alias_skeleton", "speaker_alias", ["skeleton"])
    op.create_index("ix_speaker_alias_speaker_id", "speaker_alias", ["speaker_id"])
    op.create_index("ix_speaker_alias_surname", "speaker_alias", ["surname"])

    op.create_table(
        "speaker_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("other_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("author", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id")
    )
    op.create_index("ix_speaker_event_speaker_id", "speaker_event", ["speaker_id"])

    op.create_table(
        "speaker_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("organisation", sa.String(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("evidence", sa.String(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("last_seen", sa.Date(), nullable=True),
        sa.Column("seen_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id")
    )
    op.create_index("ix_speaker_role_key", "speaker_role", ["key"])
    op.create_index("ix_speaker_role_speaker_id", "speaker_role", ["speaker_id"])

    op.create_table(
        "correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("old_value", sa.String(), nullable=True),
        sa.Column("new_value", sa.String(), nullable=True),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["quote_id"], ["quote.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id")
    )
    op.create_index("ix_correction_quote_id", "correction", ["quote_id"])


def downgrade() -> None:
    op.drop_index("ix_correction_quote_id", table_name="correction")
    op.drop_table("correction")
    op.drop_index("ix_speaker_role_speaker_id", table_name="speaker_role")
    op.drop_index("ix_speaker_role_key", table_name="speaker_role")
    op.drop_table("speaker_role")
    op.drop_index("ix_speaker_event_speaker_id", table_name="speaker_event")
    op.drop_table("speaker_event")
    op.drop_index("ix_speaker_alias_surname", table_name="speaker_alias")
    op.drop_index("ix_speaker_alias_speaker_id", table_name="speaker_alias")
    op.drop_index("ix_speaker_alias_skeleton", table_name="speaker_alias")
    op.drop_index("ix_speaker_alias_key", table_name="speaker_alias")
    op.drop_table("speaker_alias")
    op.drop_index("ix_quote_speaker_id", table_name="quote")
    op.drop_index("ix_quote_article_id", table_name="quote")
    op.drop_table("quote")
    op.drop_index("ix_speaker_name", table_name="speaker")
    op.drop_table("speaker")
    op.drop_index("ix_article_url", table_name="article")
    op.drop_index("ix_article_published_at", table_name="article")
    op.drop_index("ix_article_outlet", table_name="article")
    op.drop_table("article")
