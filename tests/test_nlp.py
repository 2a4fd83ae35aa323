"""The real Stanza pipeline on the bundled German models."""

import pytest

from quotes.lexicons import quote_marks
from quotes.nlp import to_conllu


def words_of(document):
    return [w for s in document.sentences for w in s.words]


def word_in(engine, text: str, form: str):
    """The first word written `form` in the analysis of `text`."""
    return next(w for w in words_of(engine.analyse(text)) if w.text == form)


def test_lemma_of_sagte_is_sagen(engine) -> None:
    assert word_in(engine, "Der Sprecher sagte am Montag nichts.", "sagte").lemma == "sagen"


def test_konjunktiv_is_mood_sub(engine) -> None:
    assert word_in(engine, "Er sagte, er habe keine Zeit.", "habe").feats.get("Mood") == "Sub"


def test_a_preposition_tagged_as_an_adjective_is_a_preposition_again(engine) -> None:
    gegenueber = word_in(engine, "Nun hat sich gegenüber Wikinews der EU-Kommissar für Kultur geäußert.", "gegenüber")
    assert (gegenueber.upos, gegenueber.deprel) == ("ADP", "case")


def test_an_adjective_that_is_no_preposition_keeps_its_tag(engine) -> None:
    assert word_in(engine, "Die Musik war laut.", "laut").upos != "ADP"


@pytest.mark.parametrize(("text", "form", "upos"), [
    # a word with a dot inside is a name, never a verb
    ("Der Vorsitzende der Gewerkschaft ver.di, Frank Bsirske, würdigte Kluncker.", "ver.di", "PROPN"),
    # a word with an adjective's ending no verb has is an adjective
    ("Merkel hat angekündigt, kurzfristig zurückzutreten als Chefin der CDU.", "kurzfristig", "ADJ"),
    # HanTa's word classes correct the small tagger's
    ("Er darf das nicht sagen.", "darf", "AUX"),
    ("Aufgrund der Lage sagte der Minister die Reise ab.", "Aufgrund", "ADP"),
    # but not against the word's form, nor where UD's conventions differ from TIGER's
    ("Hier sparte der Bundespräsident nicht mit Kritik.", "sparte", "VERB"),
    ("Henk Jaap Meijer sagte das.", "Henk", "PROPN"),
    ("Einer der Putschisten dankte den Menschen.", "Einer", "DET"),
    ("„Muslix64“ erwähnte auch, dass er mehr Quellcode veröffentlichen werde.", "Muslix64", "PROPN"),
    # a surname with an adjective's form after a first name, no noun after it, is no adjective
    ("Das schrieb Alan Posener in der Zeitung.", "Posener", "NOUN"),
])
def test_word_classes_after_the_repairs(engine, text, form, upos) -> None:
    assert word_in(engine, text, form).upos == upos


@pytest.mark.parametrize(("text", "form", "lemma"), [
    ("Der Minister bestritt die Vorwürfe.", "bestritt", "bestreiten"),
    ("Die Polizei hat die Waffe gefunden.", "gefunden", "finden"),
])
def test_a_strong_verb_gets_its_infinitive_as_lemma(engine, text, form, lemma) -> None:
    assert word_in(engine, text, form).lemma == lemma


def test_quotation_marks_are_separate_tokens(engine) -> None:
    text = "„Wir sind bereit“, sagte Orban. »Nein«, so sie. \"Gut\", meinte er."
    document = engine.analyse(text)
    marks = [w.text for w in words_of(document) if w.text in quote_marks().all]
    assert marks == ["„", "“", "»", "«", '"', '"']


def test_subject_of_sagte_is_orban(engine) -> None:
    document = engine.analyse("„Wir sind bereit“, sagte Orban.")
    sentence = document.sentences[0]
    sagte = next(w for w in sentence.words if w.text == "sagte")
    subjects = [w.text for w in sentence.words if w.head == sagte.id and w.deprel.startswith("nsubj")]
    assert subjects == ["Orban"]


def test_offsets_slice_the_original_text(engine) -> None:
    text = "Pe\u00adskow sagte:\r\n„Das ist gut.“  Ende"
    document = engine.analyse(text)
    for word in words_of(document):
        assert text[word.start:word.end] == word.text


def test_many_articles_in_one_batch_keep_their_own_sentences(engine) -> None:
    texts = ["Erster Text. Mit zwei Sätzen.", "Zweiter Text.", "Dritter Text hat einen Satz."]
    documents = engine.analyse_many(texts)
    assert [len(d.sentences) for d in documents] == [2, 1, 1]
    assert documents[1].sentences[0].words[0].text == "Zweiter"


def test_conllu_has_ten_columns_and_offsets(engine) -> None:
    conllu = to_conllu(engine.analyse("Er sagte, er habe keine Zeit."))
    rows = [line.split("\t") for line in conllu.splitlines() if line and not line.startswith("#")]
    assert all(len(row) == 10 for row in rows)
    assert rows[0][1] == "Er" and "start_char=0" in rows[0][9]


def test_parse_selection_parses_only_the_chosen_sentences(engine) -> None:
    texts = ["Der Minister sagte, er habe keine Zeit. Das Wetter war gut. Morgen regnet es.",
             "Ein Satz. Noch ein Satz."]
    full = engine.analyse_many(texts)
    partial = engine.analyse_many(texts, parse=lambda document: {0} if len(document.sentences) == 3 else set())
    assert partial[0].sentences[0] == full[0].sentences[0]
    skipped = [s for d in partial for s in d.sentences if s.index or len(d.sentences) == 2]
    assert len(skipped) == 4 and not any(s.parsed for s in skipped)
    assert all(w.head == 0 and w.deprel == "_" for s in skipped for w in s.words)
    for unparsed, parsed in zip(skipped, [s for d in full for s in d.sentences if s.index or len(d.sentences) == 2],
                                strict=True):
        assert [(w.text, w.lemma, w.upos, w.feats) for w in unparsed.words] == \
            [(w.text, w.lemma, w.upos, w.feats) for w in parsed.words]


def test_fast_paths_give_stanzas_own_results(engine) -> None:
    from stanza.models.common.vocab import BaseVocab

    units = [*"Übergangsregierung sagte: „Nein“ — 😀 ", None]
    for name in ("pos", "lemma", "depparse"):
        vocab = engine.pipeline.processors[name].vocab["char"]
        assert vocab.map(units) == BaseVocab.map(vocab, units)
    feats = engine.pipeline.processors["pos"].vocab["feats"]
    document = engine.analyse("Die Ministerin sagte, sie habe die Gesetze gelesen.")
    for word in (w for s in document.sentences for w in s.words):
        written = "|".join(f"{k}={v}" for k, v in word.feats.items()) or "_"
        ids = feats.unit2id(written)
        assert feats.id2unit(ids) == type(feats).id2unit(feats, ids)


def test_arc_labels_are_stanzas_scores_of_those_arcs(engine) -> None:
    import torch

    from quotes.nlp.mst import ArcLabeller

    scorer = engine.pipeline.processors["depparse"].trainer.model.deprel
    labeller = ArcLabeller(scorer)
    outputs = torch.randn(2, 6, scorer.W1.in_features, generator=torch.Generator().manual_seed(5))
    sentences, dependents, heads = torch.tensor([0, 0, 1, 1]), torch.tensor([1, 2, 3, 5]), torch.tensor([2, 0, 5, 4])
    with torch.no_grad():
        arcs = labeller.arcs(outputs, sentences, dependents, heads)
        for row, (sentence, dependent, head) in enumerate(zip(sentences, dependents, heads, strict=True)):
            every_pair = labeller.every_pair(outputs[sentence])
            assert torch.allclose(arcs[row], every_pair[dependent, head], atol=1e-5)
            stanzas = torch.log_softmax(scorer(outputs[sentence:sentence + 1], outputs[sentence:sentence + 1])[0], -1)
            assert torch.allclose(every_pair, stanzas)


def test_parser_and_lemmatizer_fast_paths_give_stanzas_own_analyses(engine) -> None:
    """Stanza's own LemmaProcessor.process and GraphParser.predict (the class
    methods under our per-instance replacements) on a fresh pipeline."""
    from pathlib import Path

    from quotes.nlp.engine import Engine

    stanzas = Engine.load()
    del stanzas.pipeline.processors["lemma"].process
    del stanzas.pipeline.processors["depparse"].trainer.model.predict
    text = (Path(__file__).parent.parent / "data" / "samples" / "kreml-gespraeche.txt").read_text(encoding="utf-8")
    texts = [text, "Die Übergangsregierung der Quatschländer widersprach den Quatschländern vehement."]

    def analysis(documents):
        return [(w.text, w.lemma, w.upos, w.head, w.deprel) for d in documents for w in words_of(d)]

    assert analysis(engine.analyse_many(texts)) == analysis(stanzas.analyse_many(texts))
