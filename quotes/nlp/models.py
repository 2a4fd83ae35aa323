"""Which German Stanza model set the pipeline uses, and where it lives.

Two sets can serve the same pipeline:
- `bundled`: the compact models in data/models/de, trained by
  scripts/train_models.py from UD German (CC BY-SA 4.0); always present, so a
  fresh install works offline.
- `official`: Stanza's own German models (with NER), used instead when they
  are installed in the Stanza resources folder ($STANZA_RESOURCES_DIR or
  Stanza's default), by `quotes models download` or `quotes models install`.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from quotes.errors import InputError, ModelsDownloadError, ModelsNotFoundError
from quotes.lexicons import data_dir

LANG = "de"
OFFICIAL_PROCESSORS = ("pos", "lemma", "depparse")


@dataclass(frozen=True)
class ModelSet:
    name: str
    directory: Path
    has_ner: bool
    licence: str
    accuracy: dict[str, object] = field(default_factory=dict)
    speed: dict[str, object] = field(default_factory=dict)


def bundled_dir() -> Path:
    return data_dir() / "models"


def resources_dir() -> Path:
    """Stanza's resources folder, where the official models are installed."""
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(os.environ.get("STANZA_RESOURCES_DIR") or DEFAULT_MODEL_DIR)


def bundled_set() -> ModelSet:
    directory = bundled_dir()
    for name in ("pos.pt", "lemma.pt", "depparse.pt"):
        if not (directory / LANG / name).is_file():
            raise ModelsNotFoundError(
                f"bundled model {directory / LANG / name} is missing; "
                "run `python scripts/train_models.py all` or reinstall quotes"
            )
    accuracy = _read_json(directory / LANG / "accuracy.json")
    speed = _read_json(directory / LANG / "speed.json")
    return ModelSet(
        name="bundled",
        directory=directory,
        has_ner=False,
        licence="CC BY-SA 4.0 (trained on UD German GSD and PUD; see data/models/LICENSE)",
        accuracy=accuracy,
        speed=speed,
    )


def _read_json(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def official_set(directory: Path | None = None) -> ModelSet | None:
    """The official German set if it is installed in `directory`, else None."""
    directory = directory or resources_dir()
    lang_dir = directory / LANG
    if not (directory / "resources.json").is_file():
        return None
    if not all(any((lang_dir / proc).glob("*.pt")) for proc in OFFICIAL_PROCESSORS):
        return None
    return ModelSet(
        name="official",
        directory=directory,
        has_ner=any((lang_dir / "ner").glob("*.pt")),
        licence="Stanza's German models (see the Stanza model licences)",
        accuracy={"note": "published by Stanza; not measured by quotes"},
    )


def active_set(prefer_official: bool = True) -> ModelSet:
    """The set the pipeline will load: official when installed and preferred."""
    if prefer_official and os.environ.get("QUOTES_MODELS", "") != "bundled":
        official = official_set()
        if official is not None:
            return official
    return bundled_set()


def download(directory: Path | None = None) -> ModelSet:
    """Fetch Stanza's official German models (needs a network)."""
    import stanza

    directory = directory or resources_dir()
    try:
        stanza.download(LANG, model_dir=str(directory), processors="tokenize,pos,lemma,depparse,ner",
                        logging_level="WARN")
    except Exception as error:  # stanza raises requests' and its own errors alike
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ModelsDownloadError(
            f"could not download Stanza's German models into {directory} ({reason[:160]}); "
            "without a network, use `quotes models install PATH` with a copied folder or archive"
        ) from None
    found = official_set(directory)
    if found is None:
        raise ModelsDownloadError(f"download finished but no German models were found in {directory}")
    return found


def _find_resources_root(folder: Path) -> Path | None:
    for candidate in [folder, *sorted(p for p in folder.rglob("resources.json"))]:
        root = candidate if candidate.is_dir() else candidate.parent
        if (root / "resources.json").is_file() and (root / LANG).is_dir():
            return root
    return None


def install(source: Path, directory: Path | None = None) -> ModelSet:
    """Install an official model folder or archive (.zip, .tar.gz) offline.

    The source must hold a Stanza resources folder: resources.json and de/.
    """
    directory = directory or resources_dir()
    if not source.exists():
        raise InputError(f"{source}: no such file or folder")
    with tempfile.TemporaryDirectory() as scratch:
        if source.is_dir():
            unpacked = source
        elif zipfile.is_zipfile(source):
            with zipfile.ZipFile(source) as archive:
                archive.extractall(scratch)
            unpacked = Path(scratch)
        elif tarfile.is_tarfile(source):
            with tarfile.open(source) as archive:
                archive.extractall(scratch, filter="data")
            unpacked = Path(scratch)
        else:
            raise InputError(f"{source}: not a folder, zip or tar archive")
        root = _find_resources_root(unpacked)
        if root is None:
            raise InputError(f"{source}: holds no Stanza resources folder (resources.json and {LANG}/)")
        directory.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / "resources.json", directory / "resources.json")
        shutil.copytree(root / LANG, directory / LANG, dirs_exist_ok=True)
    found = official_set(directory)
    if found is None:
        raise InputError(
            f"{source}: installed, but it lacks one of the German {', '.join(OFFICIAL_PROCESSORS)} models"
        )
    return found
