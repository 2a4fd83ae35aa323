"""The evaluation library on small hand-made records (no model, no shared data)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.document import Quote, Span
from quotes.evaluate import (
    ScoreError,
    SpkAttDocument,
    detokenize,
    format_guidelines_report,
    format_spkatt_report,
    heldout_names,
    load_document,
    predictions_to_annotations,
    read_records,
    same_name,
    score_documents,
    score_folders,
    score_guidelines,
    spans_to_token_ids,
    split_files,
    write_prediction,
)

REPO = Path(__file__).resolve().parent.parent


def assert_round_trip(sentences: list[list[str]]) -> str:
    text, offsets = detokenize(sentences)
    assert len(offsets) == len(sentences)
    for tokens, spans in zip(sentences, offsets, strict=True):
        assert len(spans) == len(tokens)
        for token, (start, end) in zip(tokens, spans, strict=True):
            assert text[start:end] == token
    return text


# --- detokenize ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentences", "expected"), [
    ([["Er", "sagte", ":", "„", "Wir", "kommen", "(", "morgen", ")", ".", "“"]],
     "Er sagte: „Wir kommen (morgen).“"),
    ([["A", "."], ["B", "!"], ["C", "?"]], "A. B! C?"),
    ([["Das", "ist", '"', "gut", '"', ",", "sagt", "er", ";", "dann", "[", "…", "]", "."]],
     'Das ist "gut", sagt er; dann […].'),
    ([['"', "Erst", "."], ["Dann", '"', "sagte", "sie", "."], ['"', "Nein", '"', "."]],
     '"Erst. Dann" sagte sie. "Nein".'),
    ([["Sie", "sagte", "'", "ja", "'", "und", "'", "nein", "'", "."]], "Sie sagte 'ja' und 'nein'."),
    ([["„", "Gut", ".", "“"], ["Dann", "ging", "er", "."]], "„Gut.“ Dann ging er."),
    ([["„", "Gut", "."], ["“", "sagte", "er", "."]], "„Gut.“ sagte er."),
    ([["“", "Hi", "”", ",", "said", "he"]], "“Hi”, said he"),
    ([["„", "Ein", "‚", "Name", "‘", "ist", "das", "“"]], "„Ein ‚Name‘ ist das“"),
    ([["»", "Nein", "«", ",", "so", "die", "Ministerin", "."], ["«", "Ja", "»", ",", "sagte", "er", "."]],
     "»Nein«, so die Ministerin. «Ja», sagte er."),
    ([["CDU", "/", "CSU", "und", "Bündnis", "90", "/", "Die", "Grünen"]],
     "CDU/CSU und Bündnis 90/Die Grünen"),
    ([["(", "„", "Zitat", "“", ")"]], "(„Zitat“)"),
    ([], ""),
    ([[], ["A"]], "A"),
])
def test_detokenize_spacing(sentences: list[list[str]], expected: str) -> None:
    assert assert_round_trip(sentences) == expected


def test_detokenize_offsets() -> None:
    text, offsets = detokenize([["„", "Ja", "“", ",", "sagte", "er", "."], ["Gut", "."]])
    assert text == "„Ja“, sagte er. Gut."
    assert offsets == [[(0, 1), (1, 3), (3, 4), (4, 5), (6, 11), (12, 14), (14, 15)], [(16, 19), (19, 20)]]


_TOKENS = st.sampled_from(["„", "“", "”", "‚", "‘", "’", "«", "»", '"', "'", "''", "(", ")", "[", "]",
                           ",", ".", ":", "/", "Wort", "er", "5.", "US-Präsident"])


@given(st.lists(st.lists(_TOKENS, max_size=12), max_size=5))
def test_detokenize_round_trip(sentences: list[list[str]]) -> None:
    text = assert_round_trip(sentences)
    assert "  " not in text
    assert text == text.strip()


# --- token ids and annotations -------------------------------------------------------------------

SENTENCES = [
    ["Peskow", "sagte", ":", "„", "Wir", "kommen", "morgen", ".", "“"],
    ["Laut", "TASS", "sei", "das", "geplant", "."],
]
TEXT = "Peskow sagte: „Wir kommen morgen.“ Laut TASS sei das geplant."


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_spans_to_token_ids() -> None:
    text, offsets = detokenize(SENTENCES)
    assert text == TEXT
    assert spans_to_token_ids(offsets, *span(text, "Wir kommen morgen.")) == ["0:4", "0:5", "0:6", "0:7"]
    assert spans_to_token_ids(offsets, *span(text, "morgen.“ Laut")) == ["0:6", "0:7", "0:8", "1:0"]
    assert spans_to_token_ids(offsets, *span(text, "omm")) == ["0:5"]  # a partial token counts
    assert spans_to_token_ids(offsets, 6, 7) == []  # only the space between tokens
    assert spans_to_token_ids(offsets, 3, 3) == []


def test_predictions_to_annotations() -> None:
    text, offsets = detokenize(SENTENCES)
    direct_start, direct_end = span(text, "Wir kommen morgen.")
    indirect_start, indirect_end = span(text, "sei das geplant")
    quotes = [
        Quote("direct", "Wir kommen morgen.", direct_start, direct_end, speaker="Dmitri Peskow",
              mention=Span(0, 6, "Peskow"), cue=Span(12, 13, ":")),
        Quote("indirect", "sei das geplant", indirect_start, indirect_end, speaker="TASS",
              mention=Span(*span(text, "TASS"), "TASS"), cue=Span(*span(text, "Laut"), "Laut")),
        Quote("mixed", "das", *span(text, "das")),
        Quote("indirect", "", 6, 7),  # covers no token: left out
    ]
    assert predictions_to_annotations(quotes, offsets, text) == [
        {"Cue": ["0:2"], "Message": ["0:3", "0:4", "0:5", "0:6", "0:7", "0:8"], "Source": ["0:0"],
         "Form": "Direct", "IsNested": False},
        {"Cue": ["1:0"], "Message": ["1:2", "1:3", "1:4"], "Source": ["1:1"],
         "Form": "Indirect", "IsNested": False},
        {"Cue": [], "Message": ["1:3"], "Source": [], "Form": "Indirect", "IsNested": False},
    ]


def test_direct_quote_takes_only_adjacent_marks() -> None:
    sentences = [["Er", "nannte", "es", "„", "sehr", "gut", "“", "und", "ging", "."]]
    text, offsets = detokenize(sentences)
    quotes = [
        Quote("direct", "sehr gut", *span(text, "sehr gut")),
        Quote("direct", "gut", *span(text, "gut")),  # only the closing mark is next to it
        Quote("direct", "nannte es", *span(text, "nannte es")),  # no mark next to it
        Quote("indirect", "sehr gut", *span(text, "sehr gut")),  # indirect: never extended
    ]
    messages = [a["Message"] for a in predictions_to_annotations(quotes, offsets, text)]
    assert messages == [["0:3", "0:4", "0:5", "0:6"], ["0:5", "0:6"], ["0:1", "0:2"], ["0:4", "0:5"]]


def test_source_phrase_inside_the_clause_is_not_message() -> None:
    sentences = [["Das", "sei", "laut", "TASS", "geplant", "."]]
    text, offsets = detokenize(sentences)
    quote = Quote("indirect", "Das sei laut TASS geplant", *span(text, "Das sei laut TASS geplant"),
                  mention=Span(*span(text, "TASS"), "TASS"), cue=Span(*span(text, "laut"), "laut"),
                  route="source-phrase")
    [annotation] = predictions_to_annotations([quote], offsets, text)
    assert (annotation["Message"], annotation["Cue"], annotation["Source"]) == (
        ["0:0", "0:1", "0:4"], ["0:2"], ["0:3"])


def test_wie_clause_inside_the_clause_is_not_message() -> None:
    sentences = [["Die", "Firma", "bekomme", ",", "wie", "ein", "Sprecher", "sagte", ",", "Geld", "."]]
    text, offsets = detokenize(sentences)
    whole = "Die Firma bekomme, wie ein Sprecher sagte, Geld"
    quote = Quote("indirect", whole, *span(text, whole), mention=Span(*span(text, "ein Sprecher"), "ein Sprecher"),
                  cue=Span(*span(text, "sagte"), "sagte"), route="wie")
    [annotation] = predictions_to_annotations([quote], offsets, text)
    assert (annotation["Message"], annotation["Cue"], annotation["Source"]) == (
        ["0:0", "0:1", "0:2", "0:9"], ["0:7"], ["0:5", "0:6"])


def test_a_cited_outlet_is_the_source() -> None:
    sentences = [["„", "Wir", "gehen", "“", ",", "sagte", "Raab", "laut", "Spiegel", "Online", "."]]
    text, offsets = detokenize(sentences)
    quote = Quote("direct", "Wir gehen", *span(text, "Wir gehen"), speaker="Raab",
                  mention=Span(*span(text, "Raab"), "Raab"), cue=Span(*span(text, "sagte"), "sagte"),
                  cited=Span(*span(text, "Spiegel Online"), "Spiegel Online"))
    [annotation] = predictions_to_annotations([quote], offsets, text)
    assert (annotation["Cue"], annotation["Source"]) == (["0:5"], ["0:8", "0:9"])


def test_adjacent_continuations_of_one_speaker_are_one_message() -> None:
    sentences = [["Er", "sagte", ",", "es", "sei", "ernst", "."], ["Die", "Lage", "sei", "schlimm", "."],
                 ["Man", "werde", "helfen", "."], ["Sie", "lachte", "."], ["Es", "sei", "gut", "."]]
    text, offsets = detokenize(sentences)

    def quote(part: str, route: str, speaker: str | None = "Karl Weber") -> Quote:
        return Quote("indirect", part, *span(text, part), speaker=speaker, route=route)

    quotes = [
        quote("es sei ernst", "complement"),  # a cue of its own: stays apart
        quote("Die Lage sei schlimm", "continuation"),
        quote("Man werde helfen", "continuation"),  # joined to the sentence before
        quote("Es sei gut", "continuation"),  # another sentence between: apart
    ]
    messages = [a["Message"] for a in predictions_to_annotations(quotes, offsets, text)]
    # a sentence that goes on with reported speech takes its full stop; a clause after its cue does not
    assert messages == [["0:3", "0:4", "0:5"], ["1:0", "1:1", "1:2", "1:3", "1:4", "2:0", "2:1", "2:2", "2:3"],
                        ["4:0", "4:1", "4:2", "4:3"]]
    other_speaker = [quotes[1], replace(quotes[2], speaker="Anna Berg")]
    assert len(predictions_to_annotations(other_speaker, offsets, text)) == 2
    hearsay = [quotes[1], replace(quotes[2], route="hearsay")]  # "soll" after Konjunktiv: SpkAtt's FreeIndirect
    assert len(predictions_to_annotations(hearsay, offsets, text)) == 2
    both_hearsay = [replace(quotes[1], route="hearsay"), replace(quotes[2], route="hearsay")]
    assert len(predictions_to_annotations(both_hearsay, offsets, text)) == 1


def test_partial_quotes_of_one_speech_act_are_one_message() -> None:
    sentences = [["Sie", "nannte", "ihn", "„", "klug", "“", "und", "„", "treu", "“", "."],
                 ["Er", "nannte", "es", "„", "gut", "“", "."]]
    text, offsets = detokenize(sentences)
    nannte = Span(*span(text, "nannte"), "nannte")

    def partial(part: str, sentence: str, cue: Span = nannte) -> Quote:
        return Quote("direct", part, *span(text, part), speaker="Anna Berg", cue=cue, route="partial",
                     sentence=sentence)

    first, second = text.split(". ", 1)
    second_cue = Span(text.rindex("nannte"), text.rindex("nannte") + len("nannte"), "nannte")
    quotes = [partial("klug", first), partial("treu", first), partial("gut", second, second_cue)]
    messages = [a["Message"] for a in predictions_to_annotations(quotes, offsets, text)]
    assert messages == [["0:3", "0:4", "0:5", "0:7", "0:8", "0:9"], ["1:3", "1:4", "1:5"]]


def test_load_and_write_prediction(tmp_path: Path) -> None:
    raw = {
        "DocumentName": "4711 - Ein Test (2005-08-05)",
        "Sentences": [{"SentenceId": i, "Tokens": tokens} for i, tokens in enumerate(SENTENCES)],
        "Annotations": [{"Cue": ["0:1"], "Message": ["0:4"], "Source": ["0:0"], "Form": "Direct",
                         "STWR": "Speech", "IsNested": False}],
        "OriginalText": TEXT,
    }
    gold = tmp_path / "gold" / "4711.json"
    gold.parent.mkdir()
    gold.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    doc = load_document(gold)
    assert isinstance(doc, SpkAttDocument)
    assert (doc.name, doc.sentences, doc.annotations, doc.file_name) == (
        raw["DocumentName"], SENTENCES, raw["Annotations"], "4711.json")
    assert doc.lengths == [9, 6]
    annotations = [{"Cue": [], "Message": ["1:2"], "Source": [], "Form": "Indirect", "IsNested": False}]
    path = write_prediction(doc, annotations, tmp_path / "pred")
    assert path == tmp_path / "pred" / "4711.json"
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == {"DocumentName": raw["DocumentName"], "Sentences": raw["Sentences"],
                       "Annotations": annotations}
    result = score_folders([gold], tmp_path / "pred")
    assert result["documents"] == 1
    assert result["simplified"]["message"]["precision"] == 0.0


def test_load_document_rejects_bad_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"Sentences": 3}', encoding="utf-8")
    with pytest.raises(ScoreError):
        load_document(bad)


# --- splits -------------------------------------------------------------------------------------


def test_heldout_names_and_splits(tmp_path: Path) -> None:
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "wikinews-heldout.txt").write_text("# comment\n# more\n2.json\n\n3.json\n")
    assert heldout_names(tmp_path) == ["2.json", "3.json"]
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("1.json", "2.json", "3.json", "4.json", "notes.txt"):
        (gold / name).write_text("{}")
    names = {split: [p.name for p in split_files(gold, split, tmp_path)]
             for split in ("heldout", "develop", "all")}
    assert names == {"heldout": ["2.json", "3.json"], "develop": ["1.json", "4.json"],
                     "all": ["1.json", "2.json", "3.json", "4.json"]}
    with pytest.raises(ValueError, match="split"):
        split_files(gold, "test", tmp_path)


def test_bundled_heldout_list() -> None:
    names = heldout_names(REPO / "data")
    assert len(names) == len(set(names)) == 140
    assert all(name.endswith(".json") for name in names)


# --- the SpkAtt metric --------------------------------------------------------------------------


def ids(sentence: int, *tokens: int) -> list[str]:
    return [f"{sentence}:{t}" for t in tokens]


def ann(message: list[str], source: list[str], form: str = "Direct", **extra: object) -> dict:
    return {"Cue": [], "Message": message, "Source": source, "Form": form, "STWR": "Speech",
            "IsNested": False, **extra}


GOLD = {
    "a.json": [
        ann(ids(0, 0, 1, 2, 3), ids(0, 5)),
        ann(ids(0, 6, 7, 8, 9), ids(0, 4), form="Indirect"),
        ann(ids(0, 1, 2), ids(0, 4), IsNested=True),  # ignored
    ],
    "b.json": [ann(ids(0, 0, 1), [], form="Indirect")],
}
LENGTHS = {"a.json": [10], "b.json": [3]}


def figures(result: dict, block: str = "simplified") -> dict[str, tuple[float, float, float]]:
    return {span: tuple(pytest.approx(result[block][span][k]) for k in ("precision", "recall", "f1"))
            for span in ("message", "source", "joint")}


def test_spkatt_perfect() -> None:
    result = score_documents(GOLD, GOLD, LENGTHS)
    assert result["documents"] == 2
    assert result["nested_ignored"] == {"gold": 1, "predicted": 1}
    assert result["simplified"]["gold"] == result["simplified"]["predicted"] == 3
    for block in ("simplified", "direct"):
        assert figures(result, block) == {span: (1.0, 1.0, 1.0) for span in ("message", "source", "joint")}


def test_spkatt_empty() -> None:
    result = score_documents(GOLD, {}, LENGTHS)
    assert result["simplified"]["predicted"] == 0
    for block in ("simplified", "direct"):
        assert figures(result, block) == {span: (0.0, 0.0, 0.0) for span in ("message", "source", "joint")}


def test_spkatt_partial_by_hand() -> None:
    pred = {
        "a.json": [
            ann(ids(0, 0, 1), ids(0, 5)),  # half of the first gold message, the right source
            ann(ids(0, 7), ids(0, 4), IsNested=True),  # dropped
        ],
        "b.json": [ann(ids(0, 2), ids(0, 0))],  # no overlap, but min(1, 1) pairs are made
        "zzz.json": [ann(ids(0, 0), [])],  # no gold document
    }
    result = score_documents(GOLD, pred, LENGTHS)
    assert result["prediction_files_without_gold"] == 1
    assert result["nested_ignored"] == {"gold": 1, "predicted": 1}
    assert (result["simplified"]["gold"], result["simplified"]["predicted"]) == (3, 2)
    # units: (g1, p1), (g2, -), (gb, pb)
    # message P [2/2, 0/1] = 0.5, R [2/4, 0/4, 0/2] = 1/6
    # source  P [1/1, 0/1] = 0.5, R [1/1, 0/1] = 0.5   (gb has no source)
    # joint   P 2/4 = 0.5,         R (0.5 + 1) / 5 = 0.3
    assert figures(result) == {
        "message": (0.5, 1 / 6, 2 * 0.5 * (1 / 6) / (0.5 + 1 / 6)),
        "source": (0.5, 0.5, 0.5),
        "joint": (0.5, 0.3, 2 * 0.5 * 0.3 / 0.8),
    }
    # Direct only: gold g1 (doc a), pred p1 (doc a) and pb (doc b, no Direct gold)
    # message P [1, 0] = 0.5, R [0.5]; source P [1, 0] = 0.5, R [1]; joint P 0.5, R 0.75
    assert figures(result, "direct") == {
        "message": (0.5, 0.5, 0.5),
        "source": (0.5, 1.0, 2 / 3),
        "joint": (0.5, 0.75, 0.6),
    }
    assert "Subtask 2 (simplified): gold 3, predicted 2" in format_spkatt_report(result)
    assert "Message      50.00   16.67   25.00" in format_spkatt_report(result)


def test_spkatt_assignment_is_optimal() -> None:
    gold = {"d": [ann(ids(0, 0, 1, 2), []), ann(ids(0, 2, 3), [])]}
    # pairing in order would give the first gold the first prediction (F1 0.8) and
    # the second gold nothing (0.0); the optimal pairing is 0.8 + 0.5
    pred = {"d": [ann(ids(0, 1, 2), []), ann(ids(0, 0, 1), [])]}
    result = score_documents(gold, pred)
    assert result["simplified"]["message"]["precision"] == pytest.approx((1 / 2 + 2 / 2) / 2)
    assert result["simplified"]["message"]["recall"] == pytest.approx((1 / 2 + 2 / 3) / 2)


def test_spkatt_checks_token_ids() -> None:
    with pytest.raises(ScoreError, match="outside the document"):
        score_documents(GOLD, {"b.json": [ann(ids(0, 3), [])]}, LENGTHS)
    assert score_documents(GOLD, {"b.json": [ann(ids(0, 3), [])]})["simplified"]["predicted"] == 1


# --- the guidelines metric ----------------------------------------------------------------------


def test_quote_record() -> None:
    quote = Quote("direct", "Wir kommen.", 15, 26, speaker="Dmitri Peskow", mention=Span(0, 6, "Peskow"),
                  cue=Span(7, 12, "sagte"), confidence=0.87654)
    assert quote.as_record("doc1") == {
        "doc": "doc1", "type": "direct", "quote": "Wir kommen.", "start": 15, "end": 26,
        "speaker": "Dmitri Peskow", "speaker_mention": "Peskow", "speaker_start": 0, "speaker_end": 6,
        "cue": "sagte", "cue_start": 7, "cue_end": 12, "confidence": 0.877,
    }
    bare = Quote("indirect", "es gehe", 0, 7).as_record("doc1")
    assert bare["speaker"] is None
    assert all(bare[key] is None for key in ("speaker_mention", "speaker_start", "speaker_end",
                                             "cue", "cue_start", "cue_end"))


@pytest.mark.parametrize(("gold", "pred", "same"), [
    ("Dmitri Peskow", "Peskow", True),
    ("Peskow", "Dmitri Peskow", True),
    ("Dmitri Peskow", "dmitri  peskow", True),
    ("Dmitri Peskow", "Dmitri", False),
    ("Ivanka Trump", "Donald Trump", False),
    ("Jean-Claude Juncker", "Jean Claude Juncker", True),
    ("Müller", "Muller", True),
    ("Dmitri Peskow", None, False),
    (None, "Peskow", False),
])
def test_same_name(gold: str | None, pred: str | None, same: bool) -> None:
    assert same_name(gold, pred) is same


def record(doc: str, quote: str, type_: str, speaker: str | None, **extra: object) -> dict:
    return {"doc": doc, "quote": quote, "type": type_, "speaker": speaker, **extra}


def test_guidelines_score_by_hand() -> None:
    gold = [
        record("d1", "Wir werden gewinnen, das ist sicher", "direct", "Dmitri Peskow"),
        record("d1", "es gebe keine Pläne", "indirect", "Europäische Fußball-Union",
               speaker_aliases=["UEFA"]),
        record("d1", "Das war ein Fehler", "direct", None),
        record("d2", "Wir bleiben hier", "direct", "Olaf Scholz"),
    ]
    pred = [
        record("d1", "Wir werden gewinnen", "direct", "Peskow"),  # 3 of 6 tokens: just matches
        record("d1", "es gebe keine Pläne mehr", "indirect", "uefa"),  # alias
        record("d1", "Das war ein Fehler", "direct", "Jemand"),  # gold speaker null: not judged
        record("d1", "Ganz etwas anderes", "direct", "X"),  # no gold
        record("d2", "Wir gehen", "direct", "Olaf Scholz"),  # 1 of 3 tokens: no match
        record("d3", "Kein Gold-Dokument", "direct", "X"),  # ignored
    ]
    result = score_guidelines(gold, pred, {"d1", "d2"})
    assert (result["documents"], result["gold"], result["predicted"]) == (2, 4, 5)
    assert result["detection"] == {"precision": 0.6, "recall": 0.75, "f1": 0.6667}
    assert result["detection_direct"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    assert result["detection_indirect"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert result["attribution_accuracy"] == 1.0
    # right 2; predictions judged 5 - 1 (matched to a null speaker); gold with a speaker 3
    assert result["end_to_end"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    report = format_guidelines_report(result)
    assert "documents 2  gold 4  predicted 5" in report
    assert "attribution" in report


def test_guidelines_wrong_speaker_and_best_overlap_first() -> None:
    gold = [record("d", "eins zwei drei vier", "direct", "Anna Berg"),
            record("d", "eins zwei", "direct", "Carl Dorn")]
    pred = [record("d", "eins zwei", "direct", "Berg"), record("d", "eins zwei drei vier", "direct", "Dorn")]
    result = score_guidelines(gold, pred, {"d"})
    # exact pairs win (overlap 1.0 each): both speakers are swapped, so both wrong
    assert result["detection"]["f1"] == 1.0
    assert result["attribution_accuracy"] == 0.0
    assert result["end_to_end"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_read_records(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps(record("a", "Ja", "direct", "X")) + "\n\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("", encoding="utf-8")  # a document without quotes
    records, docs = read_records(tmp_path)
    assert records == [record("a", "Ja", "direct", "X")]
    assert docs == {"a", "b"}
    records, docs = read_records(tmp_path / "a.jsonl")
    assert docs == {"a"}
    result = score_guidelines(records, [], docs)
    assert result["detection"]["recall"] == 0.0
