"""The NLP stage: rule-based tokenization and the German Stanza pipeline."""

from quotes.nlp.engine import Engine, normalise_token, to_conllu
from quotes.nlp.tokenize import Token, TokenizedSentence, tokenize

__all__ = ["Engine", "Token", "TokenizedSentence", "normalise_token", "to_conllu", "tokenize"]
