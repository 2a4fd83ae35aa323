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


class NotFoundError(QuotesError, LookupError):
    """No quote, article or speaker by that name or id."""
