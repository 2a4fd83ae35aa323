"""Importing a curated speaker registry from CSV, and the starter registry
shipped in data/registry/.

Two kinds of file, told apart by their header:
- speakers: name, aliases (separated by ";" or "|"), kind, description,
  party, wikidata_qid;
- roles: name or wikidata_qid, label (variants separated by "|"),
  organisation, start_date, end_date (ISO dates; end exclusive, empty = open).
Rows update the speaker with the same Wikidata id, else the same name, so an
import can be run again after editing the file."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from quotes.errors import InputError
from quotes.lexicons import data_dir
from quotes.speakers.lookup import add_alias, by_key, create_speaker
from quotes.speakers.names import fold, role_key
from quotes.store.models import Speaker, SpeakerEvent, SpeakerRole, utcnow
from quotes.textfile import read_text_file

KINDS = ("person", "organisation", "role")
QID = re.compile(r"Q[1-9][0-9]*")
SPEAKER_COLUMNS = ("name", "aliases", "kind", "description", "party", "wikidata_qid")
ROLE_COLUMNS = ("name", "wikidata_qid", "label", "organisation", "start_date", "end_date")


@dataclass
class ImportReport:
    speakers_new: int = 0
    speakers_updated: int = 0
    aliases_added: int = 0
    roles_added: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.speakers_new} speakers new, {self.speakers_updated} updated, "
                f"{self.aliases_added} aliases and {self.roles_added} roles added"
                + (f", {len(self.errors)} rows refused" if self.errors else ""))


def starter_files() -> list[Path]:
    folder = data_dir() / "registry"
    return [folder / "speakers.csv", folder / "roles.csv"]


def import_starter(session: Session) -> ImportReport:
    """Seed a new database with the registry written for this project."""
    report = ImportReport()
    for path in starter_files():
        import_file(session, path, source="starter", report=report)
    return report


def import_file(session: Session, path: Path, *, source: str = "registry", author: str | None = None,
                report: ImportReport | None = None) -> ImportReport:
    """Import one speakers or roles CSV; bad rows are listed, good rows kept."""
    report = report or ImportReport()
    rows = _read_rows(path)
    header = set(rows.fieldnames or ())
    if {"label"} <= header and header & {"name", "wikidata_qid"}:
        importer = _import_role
    elif "name" in header:
        importer = _import_speaker
    else:
        raise InputError(f"{path}: no 'name' column; a registry CSV needs name, aliases, kind, description, "
                         "party, wikidata_qid (or name/wikidata_qid, label, organisation, start_date, end_date)")
    before = (report.speakers_new, report.speakers_updated, report.aliases_added, report.roles_added)
    for line, row in enumerate(rows, start=2):
        clean = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        try:
            importer(session, clean, source, report)
        except InputError as error:
            report.errors.append(f"{path.name}:{line}: {error}")
    after = (report.speakers_new, report.speakers_updated, report.aliases_added, report.roles_added)
    counts = [a - b for a, b in zip(after, before, strict=True)]
    session.add(SpeakerEvent(action="import", summary=f"imported {path.name}", author=author,
                             details={"file": str(path), "speakers_new": counts[0], "speakers_updated": counts[1],
                                      "aliases_added": counts[2], "roles_added": counts[3]}))
    session.flush()
    return report


def _read_rows(path: Path) -> csv.DictReader[str]:
    text = read_text_file(path).text.removeprefix("\ufeff")
    return csv.DictReader(io.StringIO(text))


def _speaker_for(session: Session, row: dict[str, str]) -> Speaker | None:
    qid = row.get("wikidata_qid", "")
    if qid:
        found = session.exec(select(Speaker).where(Speaker.wikidata_qid == qid)).first()
        if found is not None:
            return found
    name = row.get("name", "")
    exact = [s for s in by_key(session, fold(name)) if fold(s.name) == fold(name)]
    return exact[0] if len(exact) == 1 else None


def _import_speaker(session: Session, row: dict[str, str], source: str, report: ImportReport) -> None:
    name, kind, qid = row.get("name", ""), row.get("kind") or "person", row.get("wikidata_qid", "")
    if not name:
        raise InputError("empty name")
    if kind not in KINDS:
        raise InputError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if qid and not QID.fullmatch(qid):
        raise InputError(f"{qid!r} is not a Wikidata id (Q followed by digits)")
    fields = {key: row.get(key) or None for key in ("description", "party")}
    speaker = _speaker_for(session, row)
    if speaker is None:
        speaker = create_speaker(session, name, kind=kind, source=source, reason=f"{source} registry",
                                 wikidata_qid=qid or None, **fields)
        report.speakers_new += 1
    else:
        if qid and speaker.wikidata_qid and speaker.wikidata_qid != qid:
            raise InputError(f"{name}: registry says {qid}, the database {speaker.wikidata_qid}")
        speaker.kind = kind
        speaker.wikidata_qid = qid or speaker.wikidata_qid
        for key, value in fields.items():
            if value:
                setattr(speaker, key, value)
        speaker.updated_at = utcnow()
        session.add(speaker)
        report.speakers_updated += 1
        if add_alias(session, speaker, name, source=source, reason=f"{source} registry"):
            report.aliases_added += 1
    for alias in re.split(r"[;|]", row.get("aliases", "")):
        if alias.strip() and add_alias(session, speaker, alias.strip(), source=source, reason=f"{source} registry"):
            report.aliases_added += 1


def parse_date(value: str, what: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date (YYYY-MM-DD)") from None


def _import_role(session: Session, row: dict[str, str], source: str, report: ImportReport) -> None:
    speaker = _speaker_for(session, row)
    if speaker is None:
        who = row.get("wikidata_qid") or row.get("name") or "(no name)"
        raise InputError(f"no speaker {who} (import the speakers file first)")
    start, end = parse_date(row.get("start_date", ""), "start_date"), parse_date(row.get("end_date", ""), "end_date")
    if start and end and end <= start:
        raise InputError(f"end_date {end} is not after start_date {start}")
    for label in filter(None, (part.strip() for part in row.get("label", "").split("|"))):
        if add_role(session, speaker, label, organisation=row.get("organisation") or None, start=start, end=end,
                    source=source):
            report.roles_added += 1


def add_role(session: Session, speaker: Speaker, label: str, *, organisation: str | None, start: date | None,
             end: date | None, source: str, evidence: str | None = None) -> SpeakerRole | None:
    """A dated role, unless the speaker already has it with the same dates."""
    key = role_key(label)
    if not key:
        raise InputError(f"role label {label!r} has no words")
    same = session.exec(select(SpeakerRole).where(
        SpeakerRole.speaker_id == speaker.id, SpeakerRole.key == key,
        col(SpeakerRole.start_date).is_not_distinct_from(start), col(SpeakerRole.end_date).is_not_distinct_from(end),
        SpeakerRole.source != "article")).first()
    if same is not None:
        return None
    role = SpeakerRole(speaker_id=speaker.id, label=label, key=key, organisation=organisation, start_date=start,
                       end_date=end, source=source, evidence=evidence)
    session.add(role)
    session.flush()
    return role
