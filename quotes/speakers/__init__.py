"""Canonical speakers across articles: name keys (names), lookup, matching
of extracted speakers (resolve), human edits (manage) and curated registries
(registry)."""
