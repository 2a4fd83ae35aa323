"""Reading article text files: decode what is decodable, refuse what is not
text, and say which encoding was assumed."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from quotes.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
_CONTROL_OK = {"\n", "\r", "\t", "\f"}
ENCODING_NOTES = {"utf-8-sig": "UTF-8 with a byte order mark (removed)", "utf-16": "read as UTF-16 (byte order mark)",
                  "cp1252": "not UTF-8: read as Windows-1252 (Latin-1)"}


@dataclass(frozen=True)
class TextFile:
    path: Path
    text: str
    encoding: str


def decode(data: bytes, source: str = "input") -> tuple[str, str]:
    """(text, encoding) for raw bytes: UTF-8 (BOM kept as a character, so
    offsets match the file as decoded), UTF-16 with a BOM, else Windows-1252.
    A few stray NUL or control characters in text are kept; more than one in a
    hundred characters means a binary file."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise InputError(f"{source}: broken UTF-16 text ({error.reason})") from None
    try:
        text, encoding = data.decode("utf-8"), "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
        if "\ufffd" in text:
            raise InputError(f"{source}: not text in UTF-8, UTF-16 or Windows-1252") from None
    sample = text[:65536]
    if sum(1 for c in sample if c < " " and c not in _CONTROL_OK) > len(sample) * 0.01:
        kind = "NUL bytes" if "\x00" in sample else "control characters"
        raise InputError(f"{source}: binary file ({kind}), not text")
    return text, encoding


def describe_encoding(encoding: str) -> str | None:
    """A note for a person when the text was not plain UTF-8, else None."""
    return ENCODING_NOTES.get(encoding)


def clean_text(text: str) -> str:
    """The text an article is stored as: NFC, line ends as \\n, invisible
    format characters (soft hyphens, zero-width spaces and joiners, byte order
    marks, direction marks) removed, other control characters made spaces.
    "Pe\\u00adskow" becomes "Peskow", a NUL byte a space (PostgreSQL cannot
    store one), so search, speakers and offsets all work on one visible text."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    table, pattern = _cleaning()
    return text.translate(table) if pattern.search(text) else text


_PLANES_WITH_FORMAT_CHARACTERS = (0, 1, 14)  # the others hold only ideographs and private use


@cache
def _cleaning() -> tuple[dict[int, str | None], re.Pattern[str]]:
    """The translation table of clean_text (format characters dropped,
    controls made spaces) and a pattern that finds any of them."""
    format_chars = [chr(c) for plane in _PLANES_WITH_FORMAT_CHARACTERS for c in range(plane << 16, (plane + 1) << 16)
                    if unicodedata.category(chr(c)) == "Cf"]
    controls = [chr(c) for c in range(32) if chr(c) not in "\n\t"] + [chr(c) for c in range(0x7F, 0xA0)]
    table: dict[int, str | None] = {**dict.fromkeys(map(ord, format_chars)), **{ord(c): " " for c in controls}}
    return table, re.compile("[" + re.escape("".join(format_chars + controls)) + "]")


def read_text_file(path: Path, *, max_bytes: int = MAX_BYTES) -> TextFile:
    """Read one article file; raise InputError with one clear line otherwise."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size / 2**20:.1f} MB is over the {max_bytes / 2**20:.0f} MB limit per file")
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    text, encoding = decode(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return TextFile(path=path, text=text, encoding=encoding)


def text_files(paths: list[Path], suffixes: tuple[str, ...] = (".txt",)) -> list[Path]:
    """Files named directly, plus the files with these suffixes inside folders
    (recursively, symlinked folders not followed), in name order per folder."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file()))
        elif path.exists():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found
