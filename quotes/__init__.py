"""quotes: find who said what in German news.

    >>> from quotes import extract
    >>> for quote in extract(text):
    ...     print(quote.speaker, quote.type, quote.text)
"""

from quotes.document import Document, Quote, Span
from quotes.errors import InputError, QuotesError
from quotes.extract import EXTRACTOR_VERSION, Extractor, extract, quotes_in

__all__ = ["EXTRACTOR_VERSION", "Document", "Extractor", "InputError", "Quote", "QuotesError", "Span",
           "extract", "quotes_in"]
