"""Reading article text files: decode what is decodable, refuse what is not
text, and say which encoding was assumed."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from quotes.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
_CONTROL_OK = {"\n", "\r", "\t", "\f"}


@dataclass(frozen=True)
class TextFile:
    path: Path
    text: str
    encoding: str


def decode(data: bytes, source: str = "input") -> tuple[str, str]:
    """(text, encoding) for raw bytes: UTF-8 (BOM kept as a character, so
    offsets match the file as decoded), UTF-16 with a BOM, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise InputError(f"{source}: broken UTF-16 text ({error.reason})") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{source}: binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for c in text[:65536] if c < " " and c not in _CONTROL_OK)
    if controls > len(text[:65536]) * 0.01 or "\ufffd" in text:
        raise InputError(f"{source}: not text in UTF-8, UTF-16 or Windows-1252")
    return text, "cp1252"


def read_text_file(path: Path, *, max_bytes: int = MAX_BYTES) -> TextFile:
    """Read one article file; raise InputError with one clear line otherwise."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit per article")
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
