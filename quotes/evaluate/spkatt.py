"""GermEval 2023 SpkAtt Task 2 documents: read them, turn their tokens into
text, turn predicted quotes into annotations, and score them with the
"Subtask 2 (simplified)" metric (same numbers as eval/spkatt_score.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from math import fsum
from pathlib import Path
from typing import Any

from scipy.optimize import linear_sum_assignment

from quotes.document import Quote
from quotes.errors import InputError
from quotes.lexicons import data_dir as default_data_dir

Offsets = list[list[tuple[int, int]]]
Token = tuple[int, int]
SPLITS = ("heldout", "develop", "all")
HELDOUT_FILE = Path("eval") / "wikinews-heldout.txt"
_SPANS = ("message", "source")
_FORMS = {"direct": "Direct", "reported": "Reported"}  # SpkAtt's Form of each quote type; the rest is Indirect

# Tokens never preceded by a space (closing quotation marks are decided in context).
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "]", "}"})
_OPEN_BRACKETS = frozenset({"(", "[", "{"})
QUOTE_MARKS = frozenset({"„", "“", "”", "‚", "‘", "’", "«", "»", "‹", "›", '"', "'", "''", "``"})


class ScoreError(InputError):
    """A SpkAtt document or annotation that cannot be read or scored."""


@dataclass
class SpkAttDocument:
    """One SpkAtt Task 2 file: `sentences` are token lists, `annotations` the
    raw annotation dicts with "sentence:token" ids, `raw` the whole JSON."""

    name: str
    sentences: list[list[str]]
    annotations: list[dict[str, Any]]
    raw: dict[str, Any] = field(repr=False)
    file_name: str = ""

    @property
    def lengths(self) -> list[int]:
        return [len(tokens) for tokens in self.sentences]


def load_document(path: Path | str) -> SpkAttDocument:
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        sentences = [list(sentence["Tokens"]) for sentence in raw["Sentences"]]
        annotations = list(raw.get("Annotations", []))
        name = str(raw.get("DocumentName", path.stem))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ScoreError(f"{path}: invalid SpkAtt document ({type(error).__name__}: {error})") from error
    return SpkAttDocument(name, sentences, annotations, raw, path.name)


# --- tokens to text -------------------------------------------------------------------------


class _QuoteState:
    """Which quotation marks are open, to tell opening from closing marks."""

    def __init__(self) -> None:
        self.german_double = 0  # „ … “ (depth: „ may nest inside „ … “)
        self.english_double = False  # “ … ”
        self.german_single = 0  # ‚ … ‘
        self.english_single = False  # ‘ … ’
        self.guillemet: str | None = None  # the mark that opened: » … « or « … »
        self.single_guillemet: str | None = None
        self.straight_double = False  # " … " (and '' … '')
        self.latex = False  # `` … ''
        self.straight_single = False  # ' … '

    def kind(self, token: str) -> str:
        """'open', 'close', 'join' (no space either side) or 'plain' for a token; updates the state."""
        if token == "„":
            self.german_double += 1
            return "open"
        if token == "``":
            self.latex = True
            return "open"
        if token == "''" and self.latex:
            self.latex = False
            return "close"
        if token == "“":
            if self.german_double:
                self.german_double -= 1
                return "close"
            self.english_double = True
            return "open"
        if token == "”":
            if self.english_double:
                self.english_double = False
            else:
                self.german_double = max(0, self.german_double - 1)
            return "close"
        if token == "‚":
            self.german_single += 1
            return "open"
        if token == "‘":
            if self.german_single:
                self.german_single -= 1
                return "close"
            self.english_single = True
            return "open"
        if token == "’":
            if self.english_single:
                self.english_single = False
            else:
                self.german_single = max(0, self.german_single - 1)
            return "close"
        if token in ("«", "»"):
            return self._guillemet(token, "double")
        if token in ("‹", "›"):
            return self._guillemet(token, "single")
        if token in ('"', "''"):
            self.straight_double = not self.straight_double
            return "open" if self.straight_double else "close"
        if token == "'":
            self.straight_single = not self.straight_single
            return "open" if self.straight_single else "close"
        if token in _OPEN_BRACKETS:
            return "open"
        if token == "/":
            return "join"
        if token in _NO_SPACE_BEFORE:
            return "close"
        return "plain"

    def _guillemet(self, token: str, width: str) -> str:
        opened = self.guillemet if width == "double" else self.single_guillemet
        closing = opened is not None and token != opened
        new = None if closing else token
        if width == "double":
            self.guillemet = new
        else:
            self.single_guillemet = new
        return "close" if closing else "open"


def detokenize(sentences: Sequence[Sequence[str]]) -> tuple[str, Offsets]:
    """Natural text from token lists, and each token's (start, end) in it.

    One space between tokens, none before , . : ; ! ? ) ] } or a closing
    quotation mark, none after an opening mark or bracket, none around "/";
    the same rules hold across sentence boundaries, otherwise sentences are
    joined by one space.
    „ and ‚ always open, “ and ‘ close after them (else they open, English
    style), ” and ’ close, » « pair either way round, straight quotes alternate
    within the document."""
    state = _QuoteState()
    parts: list[str] = []
    offsets: Offsets = []
    position = 0
    glue_next = True  # no space before the very first token
    for sentence in sentences:
        sentence_offsets: list[tuple[int, int]] = []
        for token in sentence:
            kind = state.kind(token)
            if not glue_next and kind not in ("close", "join"):
                parts.append(" ")
                position += 1
            parts.append(token)
            sentence_offsets.append((position, position + len(token)))
            position += len(token)
            glue_next = kind in ("open", "join")
        offsets.append(sentence_offsets)
    return "".join(parts), offsets


# --- predictions to annotations --------------------------------------------------------------


def spans_to_token_ids(offsets: Offsets, start: int, end: int) -> list[str]:
    """The "sentence:token" ids of all tokens that overlap the characters [start, end)."""
    if start >= end:
        return []
    return [
        f"{si}:{ti}"
        for si, sentence in enumerate(offsets)
        for ti, (token_start, token_end) in enumerate(sentence)
        if token_start < end and token_end > start
    ]


_SENTENCE_ENDS = {".", "!", "?"}
_CONTINUATIONS = {"continuation", "hearsay"}  # the routes of sentences that go on with reported speech


def _marks(offsets: Offsets, text: str) -> list[tuple[str, int, int, str]]:
    """(id, start, end, kind) per token in document order; kind is 'open' or
    'close' for quotation marks (as `detokenize` decides), else ''."""
    state = _QuoteState()
    tokens = []
    for si, sentence in enumerate(offsets):
        for ti, (start, end) in enumerate(sentence):
            token = text[start:end]
            kind = state.kind(token)
            tokens.append((f"{si}:{ti}", start, end, kind if token in QUOTE_MARKS else ""))
    return tokens


def join_continuations(quotes: Iterable[Quote], text: str) -> list[Quote]:
    """One record for a run of reported sentences that go on without a cue of
    their own, one after the other with the same speaker and in the same
    mood ("Die Gefahr sei real. Aktuell bestehe sie noch nicht, …"): SpkAtt
    annotates such free indirect speech as one Message, where GUIDELINES make
    each sentence a record; a hearsay "soll" after Konjunktiv is a Message of
    its own (SpkAtt's FreeIndirect, not IndirectFreeIndirect)."""
    joined: list[Quote] = []
    for quote in quotes:
        previous = joined[-1] if joined else None
        if previous is not None and quote.type != "direct" and quote.route == previous.route in _CONTINUATIONS \
                and quote.speaker == previous.speaker and _only_punctuation(text[previous.end:quote.start]):
            joined[-1] = replace(previous, end=quote.end, text=text[previous.start:quote.end])
        else:
            joined.append(quote)
    return joined


def _inserted_clause(text: str, start: int, cue_end: int) -> tuple[int, int]:
    """The characters of a wie-clause inside a reported clause that starts at
    `start`, with the commas around it ("…, wie ein Sprecher sagte, …")."""
    opening = text.rfind(", wie ", start, cue_end)
    closing = text.find(",", cue_end)
    return opening, closing + 1 if closing >= 0 else cue_end


def _same_speech_act(quote: Quote, other: Quote) -> bool:
    """Two partial quotes one cue attributes in one sentence ("nannte Shultz
    einen „wahren Patrioten“ … und einen „großen Staatsmann“"): SpkAtt
    annotates the speech act as one Message with the quoted words nested in
    it, where GUIDELINES make each quoted fragment a record."""
    return quote.route == other.route == "partial" and quote.cue == other.cue \
        and quote.sentence == other.sentence and quote.speaker == other.speaker


def _only_punctuation(gap: str) -> bool:
    """Nothing but the end of a sentence between two records."""
    return len(gap) <= 3 and not any(character.isalnum() for character in gap)


def predictions_to_annotations(quotes: Iterable[Quote], offsets: Offsets, text: str) -> list[dict[str, Any]]:
    """SpkAtt annotations for quotes found in `text` (the output of `detokenize`).

    A direct quote's Message also takes the opening quotation mark right before
    it and the closing one right after it, and a sentence that goes on with
    reported speech without a cue of its own takes its full stop, as the
    Wikinews gold does. A source
    phrase inside the clause ("Das sei laut TASS geplant") is Cue and Source,
    not Message, and so is a wie-clause inside it ("X bekomme, wie es hieß,
    Geld"). Adjacent continuation records of one speaker are one Message
    (`join_continuations`), as are the partial quotes of one speech act
    (`_same_speech_act`). Quotes that cover no token are left out."""
    tokens = _marks(offsets, text)
    index = {token[0]: i for i, token in enumerate(tokens)}
    annotations: list[dict[str, Any]] = []
    previous: Quote | None = None
    for quote in join_continuations(quotes, text):
        message = spans_to_token_ids(offsets, quote.start, quote.end)
        if not message:
            continue
        if quote.type == "direct":
            first, last = index[message[0]], index[message[-1]]
            if first > 0:
                token_id, _, end, kind = tokens[first - 1]
                if kind == "open" and not text[end : quote.start].strip():
                    message.insert(0, token_id)
            if last + 1 < len(tokens):
                token_id, start, _, kind = tokens[last + 1]
                if kind == "close" and not text[quote.end : start].strip():
                    message.append(token_id)
        elif quote.route in _CONTINUATIONS:
            last = index[message[-1]]
            if last + 1 < len(tokens) and text[tokens[last + 1][1]:tokens[last + 1][2]] in _SENTENCE_ENDS \
                    and not text[quote.end:tokens[last + 1][1]].strip():
                message.append(tokens[last + 1][0])
        cue = spans_to_token_ids(offsets, quote.cue.start, quote.cue.end) if quote.cue else []
        named = quote.cited or quote.mention  # "sagte Raab laut Spiegel Online": SpkAtt's source is the outlet
        source = spans_to_token_ids(offsets, named.start, named.end) if named else []
        if quote.route == "source-phrase":
            attribution = set(cue) | set(source)
            message = [token for token in message if token not in attribution] or message
        elif quote.route in {"wie", "heissen"} and quote.cue is not None and quote.start < quote.cue.start < quote.end:
            inserted = set(spans_to_token_ids(offsets, *_inserted_clause(text, quote.start, quote.cue.end)))
            message = [token for token in message if token not in inserted] or message
        if previous is not None and _same_speech_act(previous, quote):
            annotations[-1]["Message"] += message
            continue
        previous = quote
        annotations.append({
            "Cue": cue,
            "Message": message,
            "Source": source,
            "Form": _FORMS.get(quote.type, "Indirect"),
            "IsNested": False,
        })
    return annotations


def write_prediction(doc: SpkAttDocument, annotations: list[dict[str, Any]], out_dir: Path | str) -> Path:
    """Write DocumentName, Sentences and the predicted Annotations under the
    input's file name in `out_dir`; returns the path written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    file_name = doc.file_name or f"{doc.name.split(' - ')[0]}.json"
    sentences = doc.raw.get("Sentences") or [
        {"SentenceId": i, "Tokens": tokens} for i, tokens in enumerate(doc.sentences)
    ]
    payload = {"DocumentName": doc.name, "Sentences": sentences, "Annotations": annotations}
    path = out_dir / file_name
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


# --- splits ----------------------------------------------------------------------------------


def heldout_names(data_dir: Path | str | None = None) -> list[str]:
    """File names of the held-out Wikinews documents (data/eval/wikinews-heldout.txt)."""
    path = Path(data_dir or default_data_dir()) / HELDOUT_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def split_files(gold_dir: Path | str, split: str, data_dir: Path | str | None = None) -> list[Path]:
    """The gold .json files of one split: "heldout", "develop" (all but held out) or "all"."""
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: not a folder")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(f"{gold_dir}: no .json gold documents")
    if split == "all":
        return files
    heldout = set(heldout_names(data_dir))
    return [f for f in files if (f.name in heldout) == (split == "heldout")]


# --- the metric ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Annotation:
    message: frozenset[Token]
    source: frozenset[Token]
    form: str | None
    stwr: str | None


def _parse_span(ids: Iterable[str], lengths: Sequence[int] | None) -> frozenset[Token]:
    tokens = set()
    for token_id in ids:
        sentence, token = (int(part) for part in token_id.split(":"))
        if lengths is not None and not (0 <= sentence < len(lengths) and 0 <= token < lengths[sentence]):
            raise ValueError(f"token id {token_id!r} is outside the document")
        tokens.add((sentence, token))
    return frozenset(tokens)


def _top_level(
    name: str, raws: Sequence[Mapping[str, Any]], lengths: Sequence[int] | None
) -> tuple[list[_Annotation], int]:
    try:
        kept = [
            _Annotation(
                message=_parse_span(raw["Message"], lengths),
                source=_parse_span(raw.get("Source", []), lengths),
                form=raw.get("Form"),
                stwr=raw.get("STWR"),
            )
            for raw in raws
            if not raw.get("IsNested", False)
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ScoreError(f"{name}: invalid SpkAtt annotation ({type(error).__name__}: {error})") from error
    return kept, len(raws) - len(kept)


def _token_f1(gold: frozenset[Token], pred: frozenset[Token]) -> float:
    common = len(gold & pred)
    return 2 * common / (len(gold) + len(pred)) if common else 0.0


def _pair_weight(gold: _Annotation, pred: _Annotation) -> float:
    overlap = _token_f1(gold.message, pred.message)
    if not overlap:
        return 0.0
    return overlap + (0.01 if gold.form == pred.form else 0.0) + (0.001 if gold.stwr == pred.stwr else 0.0)


def _align(
    gold: list[_Annotation], pred: list[_Annotation]
) -> list[tuple[_Annotation | None, _Annotation | None]]:
    if not gold or not pred:
        return [(g, None) for g in gold] + [(None, p) for p in pred]
    rows, cols = linear_sum_assignment([[_pair_weight(g, p) for p in pred] for g in gold], maximize=True)
    paired_gold, paired_pred = set(rows), set(cols)
    return (
        [(gold[r], pred[c]) for r, c in zip(rows, cols, strict=True)]
        + [(None, p) for i, p in enumerate(pred) if i not in paired_pred]
        + [(g, None) for i, g in enumerate(gold) if i not in paired_gold]
    )


def _mean(values: list[float]) -> float:
    return fsum(values) / len(values) if values else 0.0


def _prf(precisions: list[float], recalls: list[float]) -> dict[str, float]:
    p, r = _mean(precisions), _mean(recalls)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _evaluate(documents: list[tuple[list[_Annotation], list[_Annotation]]]) -> dict[str, Any]:
    precisions: dict[str, list[float]] = {span: [] for span in _SPANS}
    recalls: dict[str, list[float]] = {span: [] for span in _SPANS}
    for gold, pred in documents:
        for g, p in _align(gold, pred):
            for span in _SPANS:
                gold_tokens: frozenset[Token] = getattr(g, span) if g else frozenset()
                pred_tokens: frozenset[Token] = getattr(p, span) if p else frozenset()
                hits = len(gold_tokens & pred_tokens)
                if pred_tokens:
                    precisions[span].append(hits / len(pred_tokens))
                if gold_tokens:
                    recalls[span].append(hits / len(gold_tokens))
    return {
        "gold": sum(len(gold) for gold, _ in documents),
        "predicted": sum(len(pred) for _, pred in documents),
        "message": _prf(precisions["message"], recalls["message"]),
        "source": _prf(precisions["source"], recalls["source"]),
        "joint": _prf(
            precisions["message"] + precisions["source"], recalls["message"] + recalls["source"]
        ),
    }


def score_documents(
    gold: Mapping[str, Sequence[Mapping[str, Any]]],
    pred: Mapping[str, Sequence[Mapping[str, Any]]],
    lengths: Mapping[str, Sequence[int]] | None = None,
) -> dict[str, Any]:
    """The simplified SpkAtt metric, in fractions, over documents keyed by name.

    A gold document missing from `pred` predicts nothing; predictions for names
    not in `gold` are ignored and counted. `lengths` (sentence lengths per
    name), when given, checks every token id. The result has the keys of
    spkatt_score.py --json: documents, prediction_files_without_gold,
    nested_ignored {gold, predicted}, simplified and direct (each: gold,
    predicted, and message/source/joint {precision, recall, f1})."""
    documents: list[tuple[list[_Annotation], list[_Annotation]]] = []
    nested_gold = nested_pred = 0
    for name in sorted(gold):
        doc_lengths = lengths.get(name) if lengths is not None else None
        gold_kept, nested = _top_level(f"{name} (gold)", gold[name], doc_lengths)
        nested_gold += nested
        pred_kept, nested = _top_level(f"{name} (prediction)", pred.get(name, []), doc_lengths)
        nested_pred += nested
        documents.append((gold_kept, pred_kept))
    direct = [
        ([g for g in g_doc if g.form == "Direct"], [p for p in p_doc if p.form == "Direct"])
        for g_doc, p_doc in documents
    ]
    return {
        "documents": len(documents),
        "prediction_files_without_gold": sum(name not in gold for name in pred),
        "nested_ignored": {"gold": nested_gold, "predicted": nested_pred},
        "simplified": _evaluate(documents),
        "direct": _evaluate(direct),
    }


def score_folders(
    gold_files: Iterable[Path | str], pred_dir: Path | str
) -> dict[str, Any]:
    """`score_documents` over gold files and the same-named files in `pred_dir`
    (what spkatt_score.py GOLD_DIR PRED_DIR does for all of GOLD_DIR's files)."""
    pred_dir = Path(pred_dir)
    gold: dict[str, list[dict[str, Any]]] = {}
    pred: dict[str, list[dict[str, Any]]] = {}
    lengths: dict[str, list[int]] = {}
    for gold_file in map(Path, gold_files):
        doc = load_document(gold_file)
        gold[gold_file.name] = doc.annotations
        lengths[gold_file.name] = doc.lengths
        if (pred_dir / gold_file.name).is_file():
            pred[gold_file.name] = load_document(pred_dir / gold_file.name).annotations
    result = score_documents(gold, pred, lengths)
    result["prediction_files_without_gold"] = sum(f.name not in gold for f in pred_dir.glob("*.json"))
    return result


def format_report(result: Mapping[str, Any]) -> str:
    """The score table in percentages, as spkatt_score.py prints it."""
    nested = result["nested_ignored"]
    lines = [
        f"{result['documents']} documents; IsNested annotations ignored: "
        f"gold {nested['gold']}, predicted {nested['predicted']}"
    ]
    if unpaired := result["prediction_files_without_gold"]:
        lines.append(f"ignored {unpaired} prediction files without a gold document")
    for title, key in (("Subtask 2 (simplified)", "simplified"), ("Direct", "direct")):
        block = result[key]
        lines += ["", f"{title}: gold {block['gold']}, predicted {block['predicted']}"]
        lines.append(f"{'':10}{'P':>8}{'R':>8}{'F1':>8}")
        for span in ("message", "source", "joint"):
            figures = [100 * block[span][k] for k in ("precision", "recall", "f1")]
            lines.append(f"{span.capitalize():10}" + "".join(f"{x:8.2f}" for x in figures))
    return "\n".join(lines)
