"""Direct quotes: paired quotation marks, told apart from scare quotes,
titles and names by whether the text attributes the words to someone."""

from __future__ import annotations

from quotes.detect.candidates import Candidate
from quotes.detect.cues import (
    Cue,
    find_cues,
    heissen_cue,
    is_speech_noun,
    is_stance_word,
    source_prepositions,
    speaks_for_owner,
    verb_cue,
)
from quotes.detect.marks import QuotedSpan
from quotes.detect.spans import (
    CLAUSE_OPENERS,
    RELATIVE_PRONOUNS,
    clause_opening,
    is_finite_verb,
    is_mark,
    is_outlet_name,
    is_title_noun,
    title_opening,
    words_between,
)
from quotes.document import Document, Sentence, Word
from quotes.language import foreign_phrase
from quotes.lexicons import mapping, word_list

MIN_STANDALONE_WORDS = 4
FOREIGN_TITLE_WORDS = 8  # a foreign phrase this short in quotation marks is a title or a name
TITLE_SMALL_WORD = 5  # lowercase words of a title: "am", "der", "zur", "of", "pour", "eines"


def _content_words(words: list[Word]) -> list[Word]:
    return [w for w in words if w.upos != "PUNCT" and not is_mark(w)]


def _is_sentence_like(words: list[Word]) -> bool:
    """Words that read as a statement: a finite verb and either a few words or
    a sentence end inside the marks („Das ist klar.“)."""
    content = _content_words(words)
    has_verb = any(is_finite_verb(w) for w in content)
    ends = bool(words) and words[-1].text in {".", "!", "?", "…"}
    if len(content) >= MIN_STANDALONE_WORDS:
        return has_verb or ends
    return has_verb and ends and len(content) >= 2


def _looks_like_name_or_title(document: Document, span: QuotedSpan, inside: list[Word]) -> bool:
    """„New York Post“, „The Beast“, die Zeitung „Kommersant“: a name or title."""
    before = document.text[:span.open_mark].rstrip().split()
    previous = before[-1] if before else ""
    if is_title_noun(previous.strip("(")):
        return True
    content = _content_words(inside)
    if not content:
        return False
    if previous.lower() in source_prepositions() or all(is_outlet_name(w) for w in content):
        return True  # laut „tagesschau.de“: the source's name
    sentence = document.sentence_at(span.close_mark)
    after = [w for w in sentence.words if w.start > span.close_mark] if sentence is not None else []
    if previous.lower() == "wie" and after and after[0].upos in {"VERB", "AUX"}:
        return True  # Wie „heise online“ berichtet: the subject of the wie-clause
    if len(content) <= FOREIGN_TITLE_WORDS and foreign_phrase(w.text for w in content):
        return True
    after_article = previous.lower() in word_list("articles_prepositions.txt")
    title_case = content[0].text[:1].isupper() and all(
        w.text[:1].isupper() or not w.text[:1].isalpha() or len(w.text) <= TITLE_SMALL_WORD for w in content)
    if after_article and title_case and len(content) <= 6:
        return True  # für die „BILD am Sonntag“, von der „Aktion Deutschland hilft“ (a verb in a name)
    if any(is_finite_verb(w) for w in content):
        return False
    capitalised = all(w.text[:1].isupper() or not w.text[:1].isalpha() for w in content)
    if capitalised and len(content) <= 5:
        return True
    title_case = title_case and content[-1].text[:1].isupper()
    return title_case and 3 <= len(content) <= 8  # „Piper at the Gates of Dawn“, „Allianz zur Europäischen Integration“


HEADLINE_QUOTE_WORDS = 3  # content words of a quotation before a colon that make it more than a title


def _opens_before_colon(document: Document, sentence: Sentence, span: QuotedSpan, inside: list[Word]) -> bool:
    """„Gefahr für den Frieden“: Baerbock warnt vor …: a quotation of a few
    words that opens its sentence with a colon after it is what the clause
    after the colon attributes, however much it looks like a title (not
    „Tatort“: Kommissar kündigt Abschied an)."""
    first = next((w for w in sentence.words if not is_mark(w)), None)
    return first is not None and first.start >= span.start and len(_content_words(inside)) >= HEADLINE_QUOTE_WORDS \
        and document.text[span.close_mark + 1:].lstrip()[:1] == ":"


_NAMING_WORDS = {"ein", "eine", "einen", "einem", "einer", "als"}


def _named_as(document: Document, span: QuotedSpan) -> bool:
    """„…“ after an indefinite article or "als" in a sentence with a speech
    verb is what someone called something ("nannte den Bericht eine
    „Zeitungsente“", "bezeichnete sie als „Knaller aus Karlsruhe“"), not a
    name ("sagte er dem „Spiegel“")."""
    before = document.text[:span.open_mark].rstrip().split()
    return bool(before) and before[-1].lower() in _NAMING_WORDS


def _cue_after(sentence: Sentence, close_mark: int) -> tuple[Cue, str] | None:
    """„…“, sagte X / „…“, so X / „…“, hieß es: the cue right after the quote;
    after a quote that ends with its own ! ? or . the comma may be missing
    („…!“ rief er)."""
    following = [w for w in sentence.words if w.start > close_mark]
    while following and (is_mark(following[0]) or following[0].text in {"!", "?", "."}):
        following = following[1:]
    inside = [w for w in sentence.words if w.end <= close_mark]
    ends_itself = bool(inside) and inside[-1].text in {"!", "?", ".", ","}  # „…!“ rief er, „…, “ betont sie
    whole_sentence = bool(inside) and inside[-1].text in {".", "!", "?", "…"}  # not „Reporter ohne Grenzen“ (ROG)
    if whole_sentence and (named := _name_in_brackets(following)) is not None:
        return named, "after"
    if following and following[0].text in {",", "–", "—", "-"}:
        following = following[1:]
    elif not (ends_itself and following and following[0].text[:1].islower()) \
            and not (following and heissen_cue(sentence, following[0]) is not None):
        return None  # „Die Zeit“ berichtete: a title as the subject; but „…“ heißt es dazu
    if not following:
        return None
    first = following[0]
    cue = verb_cue(sentence, first) or heissen_cue(sentence, first)
    if cue is not None:
        return cue, "after"
    stance = _stance_after(following)
    if stance is not None:
        return Cue((first, stance), "verb", first.lemma), "after"  # „…“, zeigte sich X zufrieden
    if first.text.lower() == "so" and len(following) > 1:
        cue = verb_cue(sentence, following[1])  # „…“, so urteilte Romney
        if cue is None and is_finite_verb(following[1]) and _statement_follows(following[2:]):
            return Cue((first, following[1]), "so", "so"), "after"  # „…“ – so beginnt ein offener Brief von X
        if cue is None and is_finite_verb(following[1]):
            return None  # „…“, so wurde sein Werk … bewertet": "so" opens a main clause, it names no one
        return (cue, "after") if cue is not None else (Cue((first,), "so", "so"), "after")
    if len(following) > 1 and first.upos in {"PRON", "PROPN", "NOUN", "DET"}:
        for word in following[1:4]:
            cue = verb_cue(sentence, word)
            if cue is not None:
                return cue, "subject"
    return None


def _name_in_brackets(following: list[Word]) -> Cue | None:
    """„…“ (Otto von Bismarck): a full name in brackets that closes the
    sentence after the quotation is its author."""
    if len(following) < 3 or following[0].text != "(":
        return None
    close = next((i for i, w in enumerate(following) if w.text == ")"), None)
    inside = following[1:close] if close is not None else []
    rest = following[close + 1:] if close is not None else []
    particles = mapping("name_particles.tsv")
    name = len(inside) > 1 and inside[0].upos == "PROPN" \
        and all(w.upos == "PROPN" or w.text in particles for w in inside)
    if not name or any(w.upos != "PUNCT" for w in rest):
        return None
    return Cue((following[0],), "bracket", "bracket")


STATEMENT_REACH = 3  # words from the verb after "so" to the noun of the statement that opens with the quote


def _statement_follows(words: list[Word]) -> bool:
    """A statement or document is the subject after "so" and its verb: "„…“ –
    so beginnt ein offener Brief von 50 Verbänden", "so lautet die Erklärung"."""
    return any(speaks_for_owner(w) for w in words[:STATEMENT_REACH] if w.upos in {"NOUN", "PROPN"})


def _stance_after(following: list[Word]) -> Word | None:
    """„…“, zeigte sich Rajevac zufrieden / äußerte sich X besorgt: a finite
    verb with "sich" and a word of stance (data/lexicons/stance_adjectives.txt)
    that closes the clause."""
    if not following or not is_finite_verb(following[0]) or not any(w.text == "sich" for w in following[1:3]):
        return None
    clause = []
    for word in following[1:]:
        if word.text in {".", "!", "?", ";", ":"}:
            break
        clause.append(word)
    return clause[-1] if clause and is_stance_word(clause[-1]) else None


def _cue_before_colon(document: Document, sentence: Sentence,
                      open_mark: int) -> tuple[tuple[Cue, str], Sentence] | None:
    """X sagte: „…“ / Putin kontert: „…“ / Peskow: „…“, with the sentence that
    holds the colon: the quote's own, or the one before when the quote opens
    a sentence (or a paragraph) of its own."""
    if not document.text[:open_mark].rstrip().endswith(":"):
        return None
    before = [w for w in sentence.words if w.end <= open_mark]
    if not before and sentence.index > 0:
        sentence = document.sentences[sentence.index - 1]
        before = list(sentence.words)
    if not before or before[-1].text != ":":
        return None
    clause = tuple(before[:-1])
    reported = None  # a cue inside the reported clause ("Er glaubt, dass das Team … hervorgegangen sei: „…“")
    position = len(clause)
    while position > 0:
        position -= 1
        if is_mark(clause[position]):
            opening = title_opening(clause, position)
            if opening is None:
                break
            position = opening  # past a title: "sagte dem „Handelsblatt“: „…“"
            continue
        cue = verb_cue(sentence, clause[position])
        if cue is None:
            continue
        if reported is None and _opens_with_complementizer(clause, position):
            reported = cue
            continue
        return (cue, "subject"), sentence
    if reported is not None:
        return (reported, "subject"), sentence
    titled = bool(clause) and title_opening(clause, len(clause) - 1) is not None  # "… mit dem „Spiegel“: „…“"
    if clause and (clause[-1].upos in {"PROPN", "NOUN", "PRON"} or titled):
        return (Cue((before[-1],), "colon", ":"), "before"), sentence
    if any(is_finite_verb(word) for word in clause):  # "Die Firma empfindet die Kritik als ungerecht: „…“"
        return (Cue((before[-1],), "colon", ":"), "subject"), sentence
    return None


def _owned_by(sentence: Sentence, span: QuotedSpan) -> Cue | None:
    """A noun that names a quotation right before it, with an owner before
    the noun: "Merkels Satz „Wir schaffen das“", "seine Worte „…“"
    (data/lexicons/quotation_nouns.txt). The noun is the cue; its owner speaks."""
    before = [w for w in sentence.words if w.end <= span.open_mark]
    if not before or before[-1].text not in word_list("quotation_nouns.txt"):
        return None
    noun = before[-1]
    position = len(before) - 2
    while position >= 0 and before[position].upos == "ADJ":
        position -= 1  # "Merkels berühmter Satz"
    owner = before[position] if position >= 0 else None
    possessive = owner is not None and owner.feats.get("Poss") == "Yes"
    genitive = owner is not None and owner.upos == "PROPN" and owner.text.endswith(("s", "'", "’"))
    return Cue((noun,), "predicate", noun.lemma) if possessive or genitive else None


_OBJECT_PREPOSITIONS = {"von", "vor"}  # "sprach von „…“", "warnte vor „…“"


def _object_of_cue(sentence: Sentence, cue: Cue, span: QuotedSpan, inside: list[Word]) -> bool:
    """The quotation stands right after the verb of saying, past adverbs and
    a preposition of its object ("ortet hingegen „Sozialabbau durch die
    Hintertür“", "sprach von „Wortbruch“"): what was said, though German
    capitals make it look like a title; after a verb of saying with an object
    first, past that object (data/lexicons/predicate_verbs.txt). Not a name:
    one that opens with an article or has only capitalised words ("schrieb
    „Die Zeit“", "zitiert „BBC News“"), nor what a verb of naming names
    without a finite verb ("genannt „BRD-Video“")."""
    content = _content_words(inside)
    one_noun = len(content) == 1 and content[0].upos == "NOUN"  # "sprach von „Wortbruch“": a word, no name
    named = not content or content[0].upos == "DET" or (all(w.text[:1].isupper() for w in content) and not one_noun)
    between = [w for w in sentence.words if cue.end <= w.start and w.end <= span.open_mark]
    if cue.lemma in word_list("predicate_verbs.txt"):  # "warf Moskau „Staatsterrorismus“ vor": past the verb
        objects = [w for w in sentence.words if cue.head.end <= w.start and w.end <= span.open_mark]
        return cue.head.end <= span.open_mark and not named and cue.head.is_finite \
            and all(w.upos in {"ADV", "PART", "DET", "ADJ", "NOUN", "PROPN", "PRON"} for w in objects)
    return cue.end <= span.open_mark and not named \
        and all(w.upos in {"ADV", "PART"} or w.text.lower() in _OBJECT_PREPOSITIONS for w in between) \
        and not any(w.text.lower() in _OBJECT_PREPOSITIONS for w in between[:-1])


def _opens_with_complementizer(words: list[Word], index: int) -> bool:
    """The comma-bounded clause holding word `index` opens with "dass" or "ob"."""
    return words[clause_opening(words, index, {","})].text.lower() in CLAUSE_OPENERS


def _cue_in_sentence(sentence: Sentence, span: QuotedSpan, quoted: list[QuotedSpan]) -> tuple[Cue, str] | None:
    """A speech verb outside the quote in the same sentence, and outside every
    other quotation (whose words are someone else's): a partial quote (Trump
    nannte das Gespräch „sehr produktiv“) or an introduced one; the nearest
    before the quote ("Klose nannte es „überzogen“, Löw bezeichnete es als
    „übertrieben“"), else the nearest after it."""
    cues = [cue for cue in find_cues(sentence) if cue.kind == "verb"
            and not any(other.start <= cue.start < other.end for other in quoted)
            and not _in_other_relative_clause(sentence, cue, span)]
    before = [cue for cue in cues if cue.start < span.start]
    if before or cues:
        return (before[-1] if before else cues[0]), "subject"
    return _with_the_words(sentence, span)


def _in_other_relative_clause(sentence: Sentence, cue: Cue, span: QuotedSpan) -> bool:
    """The cue verb closes a relative clause that does not hold the quotation
    ("Der Strom, der von der Sonne ausgeht, wird als „Sonnenwind“ …"): it
    says something of a noun, not who said the quoted words."""
    words = sentence.words
    bounds = {",", "–", "—", "-", "(", ")", ";", ":"}
    start = clause_opening(words, cue.head.id - 1, bounds)
    opener = words[start] if words[start].upos != "ADP" or start + 1 >= len(words) else words[start + 1]
    relative = start > 0 and opener.text.lower() in RELATIVE_PRONOUNS and opener.upos == "PRON"
    end = next((w.end for w in words[cue.head.id:] if w.text in bounds), sentence.end)
    return relative and not (words[start].start <= span.start and span.end <= end)


def _with_the_words(sentence: Sentence, span: QuotedSpan) -> tuple[Cue, str] | None:
    """"Er verabschiedete sich mit den Worten „…“": a noun of saying after
    "mit" right before the quote makes the clause's finite verb its cue,
    whatever the verb, and the verb's subject its speaker."""
    before = [w for w in sentence.words if w.end <= span.open_mark]
    if len(before) < 3 or before[-3].text.lower() != "mit" or not is_speech_noun(before[-1]):
        return None
    verb = next((w for w in reversed(before) if is_finite_verb(w)), None)
    return (Cue((verb,), "verb", verb.lemma.lower()), "subject") if verb is not None else None


def detect_direct(document: Document, quoted: list[QuotedSpan]) -> list[Candidate]:
    """Direct candidates among the paired quotations `quoted` (from find_quoted_spans)."""
    candidates: list[Candidate] = []
    for span in quoted:
        if span.depth > 0:
            continue
        sentence = document.sentence_at(span.open_mark)
        close_sentence = document.sentence_at(span.close_mark) or sentence
        if sentence is None or close_sentence is None:
            continue
        inside = [w for s in document.sentences[sentence.index:close_sentence.index + 1]
                  for w in words_between(s, span.start, span.end)]
        if not _content_words(inside):
            continue
        found = None
        route = "none"
        cue_sentence = sentence
        if span.continues:
            route = "continuation"
        else:
            found = _cue_after(close_sentence, span.close_mark)
            if found is not None and found[1] == "subject" and not _is_sentence_like(inside):
                found = None  # "nannte ihn „überzogen“, Löw bezeichnete …": a new clause, not the fragment's cue
            route = "after" if found else route
            colon = _cue_before_colon(document, sentence, span.open_mark) if found is None else None
            if colon is not None:
                found, cue_sentence = colon
                route = "colon"
            if found is None and not _is_sentence_like(inside):
                found = _cue_in_sentence(sentence, span, quoted)
                route = "partial" if found else route
            if found is None and sentence is close_sentence:
                found = _cue_in_sentence(sentence, span, quoted)
                route = "introduced" if found else route
        if found is None and route != "continuation" and (owned := _owned_by(sentence, span)) is not None:
            found, route = (owned, "before"), "owned"
        if found is None and route != "continuation":
            if not _is_sentence_like(inside) or _looks_like_name_or_title(document, span, inside):
                continue
            route = "standalone"
        verbless_colon = route == "colon" and found is not None and found[0].kind == "colon"
        if verbless_colon and not _is_sentence_like(inside):
            continue  # "Codename: „Maelstrom“"
        if route in {"partial", "introduced"} and not _is_sentence_like(inside) \
                and _looks_like_name_or_title(document, span, inside) and not _named_as(document, span) \
                and not _opens_before_colon(document, sentence, span, inside) \
                and not (found is not None and _object_of_cue(sentence, found[0], span, inside)):
            continue
        cue, side = found if found else (None, "previous")
        if route == "after":
            cue_sentence = close_sentence
        candidates.append(Candidate(
            type="direct", start=span.start, end=span.end, sentence=cue_sentence.index, cue=cue,
            route=route, speaker_side=side, continues=route in {"continuation", "standalone"},
        ))
    return candidates
