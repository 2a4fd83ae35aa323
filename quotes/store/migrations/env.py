"""Alembic environment: always run in-process on a connection that
quotes.store.migrate passes in (no alembic.ini, no URL in a file)."""

from alembic import context

from quotes.store.migrate import include_object
from quotes.store.models import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    include_object=include_object,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
