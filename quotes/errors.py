"""One base class for every error a user can cause; each subclass also
inherits the matching builtin so library callers can catch either."""


class QuotesError(Exception):
    """Base class: the CLI prints the message as one line and exits 1."""


class InputError(QuotesError, ValueError):
    """Input the pipeline cannot read: wrong encoding, empty, binary, malformed."""


class ModelsNotFoundError(QuotesError, FileNotFoundError):
    """No usable Stanza model set; the message names the fix."""


class ModelsDownloadError(QuotesError, OSError):
    """The official models could not be fetched (no network, say)."""


class StoreError(QuotesError, RuntimeError):
    """The database cannot be opened, read or written (bad URL, locked, not
    a quotes database, schema too old); the message names the fix."""


class DatabaseLocked(StoreError):
    """Another process holds the database's write lock (SQLite)."""


class NotFoundError(QuotesError, LookupError):
    """No quote, article or speaker by that name or id."""


class WorkflowError(QuotesError, ValueError):
    """A fact-check change the workflow refuses (publishing without a rating,
    editing a published verdict); the message says what to do first."""


class ConfigError(QuotesError, ValueError):
    """A configuration file or variable that cannot be used (a broken rating
    scale, no checking organisation for ClaimReview); the message names it."""


class WorkerError(QuotesError, RuntimeError):
    """A worker process of a parallel or distributed ingest failed as a whole
    (died, or its cluster is unreachable); what was stored is kept."""
