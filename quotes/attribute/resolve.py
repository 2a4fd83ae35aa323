"""In-document resolution of a speaker mention to the person or organisation
it means: full name ↔ surname ("Donald Trump" … "Trump", "Putins"), role
nouns bound by apposition ("Kremlsprecher Dmitri Peskow" … "der
Kremlsprecher"), pronouns and descriptions ("er", "der 78-Jährige") to the
most recent compatible person, and unnamed sources in nominative form
("des russischen Außenministeriums" → "russisches Außenministerium")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from quotes.detect.cues import genitive_determiners, has_speaker_ending, is_content_noun, speech_noun_source
from quotes.detect.spans import APPOSITION_REACH, has_name_particle, is_finite_verb, is_mark, is_temporal
from quotes.document import Document, Sentence, Word
from quotes.lexicons import endings, mapping, quote_marks, table, word_list
from quotes.nlp.engine import normalise_token
from quotes.nlp.tokenize import ROMAN_NUMERAL

_NAME_TAGS = {"PROPN", "X"}
_STRONG_ENDINGS = {"Masc": "er", "Fem": "e", "Neut": "es", "Plur": "e"}


@dataclass(frozen=True)
class Resolution:
    name: str | None
    kind: str | None  # person, organisation, role
    how: str  # name, role, pronoun, description, previous, none


@dataclass
class PersonMention:
    name: str
    start: int
    gender: str | None
    sentence: int = 0
    subject: bool = False  # sentence-initial or the subject: preferred by pronouns


@dataclass
class _Index:
    persons: list[PersonMention] = field(default_factory=list)
    full_names: dict[str, list[str]] = field(default_factory=dict)  # surname (folded) -> full names, first seen first
    roles: dict[str, str] = field(default_factory=dict)  # role noun (folded) -> full name
    organisations: dict[str, str] = field(default_factory=dict)  # institution noun (folded) -> its name
    genders: dict[str, str] = field(default_factory=dict)  # full name -> m/f
    named_at: list[tuple[int, str]] = field(default_factory=list)  # (offset, full name) of each full-name mention
    described: list[PersonMention] = field(default_factory=list)  # unnamed subjects by role: "Der Angeklagte …"
    institutions: list[PersonMention] = field(default_factory=list)  # institutions as subjects: "Die Bank rechnet …"

    def add_full_name(self, surname: str, name: str, offset: int) -> None:
        names = self.full_names.setdefault(surname, [])
        if name not in names:
            names.append(name)
        self.named_at.append((offset, name))

    def bind_age(self, age: str, name: str) -> None:
        """"Maria Huber, 54, …" is "die 54-Jährige" later."""
        for ending in ("jährige", "jähriger"):
            self.roles.setdefault(f"{age}{ending}", name)

    def full_name(self, surname: str, first: str | None, offset: int) -> str | None:
        """The full name a surname (folded) stands for, where two people share
        it ("Jeb Bush" and "George W. Bush"): with a first name, the longest
        full name that has it ("George Bush" → "George W. Bush"); alone, the
        one named last before `offset`, else the first named after it."""
        names = self.full_names.get(surname)
        if not names:
            return None
        if first is not None:
            same = [name for name in names if _fold(first) in map(_fold, name.split()[:-1])]  # "Van Gaal"
            return max(same, key=len) if same else None
        if len(names) == 1:
            return names[0]
        before = [name for at, name in self.named_at if at < offset and name in names]
        return before[-1] if before else names[0]


@cache
def _not_names() -> frozenset[str]:
    """Capitalised words a small tagger may call names: sentence starters,
    "Laut", "Jeder", "Frau" before a surname."""
    cues = {row[0].capitalize() for row in table("source_prepositions.tsv")}
    quantifiers = {word.capitalize() for word in word_list("quantifiers.txt")}
    return word_list("sentence_starters.txt") | cues | quantifiers | word_list("honorifics.txt")


def is_role_noun(word: Word) -> bool:
    """A noun of a role or office, as written or by its lemma ("des Generalanwalts")."""
    if word.upos not in {"NOUN", "PROPN", "ADJ"}:
        return False
    roles = endings("role_nouns.txt")
    return word.text.lower().endswith(roles) or (word.lemma[:1].isupper() and word.lemma.lower().endswith(roles))


_MASCULINE_ROLE_ENDINGS = ("mann", "er", "ent", "ant", "ist", "eur", "or", "chef", "at")


def _gender_of(word: Word) -> str | None:
    """A person's gender from the role noun before their name: its ending
    ("Kanzlerin", "Klubobfrau"; "Obmann", "Geschäftsführer"), else the
    tagger's Gender."""
    lower = word.text.lower()
    if is_role_noun(word) and lower.endswith(("in", "frau")):
        return "f"
    if is_role_noun(word) and lower.endswith(_MASCULINE_ROLE_ENDINGS):
        return "m"  # "Geschäftsführer", "Präsident": the feminine ends in -in, whatever the tagger says
    gender = word.feats.get("Gender")
    return "f" if gender == "Fem" else "m" if gender == "Masc" else None


def _gender_by_article(article: Word | None, role: Word) -> str | None:
    """The gender of a noun made from an adjective, which its article alone
    tells: "die 54-Jährige", "der Abgeordnete"."""
    if article is None or not role.text.endswith("e"):
        return None
    return {"die": "f", "der": "m"}.get(article.text.lower())


def _role_before_comma(sentence: Sentence, run: list[Word]) -> Word | None:
    """The role noun of the phrase before the comma that opens a name's
    apposition: "Der Präsident der Kammer, Harald Mahrer" → "Präsident"."""
    comma = sentence.word(run[0].id - 1)
    if comma is None or comma.text != ",":
        return None
    start = comma.id - 1
    while start > 0 and sentence.words[start - 1].text not in {",", ";", ":"} and comma.id - start < APPOSITION_REACH:
        start -= 1
    return next((w for w in sentence.words[start:comma.id - 1] if is_role_noun(w)), None)


def _plural_role(role: Word, determiner: Word | None) -> bool:
    """A role noun in the plural: "-innen", or after "die" unless it ends
    like a woman's role ("die Kanzlerin", "die Abgeordnete"): "die Richter",
    "die Abgeordneten"."""
    lower = role.text.lower()
    if lower.endswith("innen"):
        return True
    return determiner is not None and determiner.text.lower() == "die" and not lower.endswith(("in", "frau", "e"))


def _fold(text: str) -> str:
    return normalise_token(text).lower().replace("-", "")


def display_name(name: str) -> str:
    """A speaker name as stored and shown: NFC, without soft hyphens or
    zero-width characters ("Pe\u00adskow" is "Peskow"); a zero-width space
    between two names counts as a space."""
    return " ".join(normalise_token(part) for part in name.replace("\u200b", " ").replace("\ufeff", " ").split())


def _surname(run: list[Word]) -> Word:
    """The word of a name that its bearer is called by alone: the last, or
    the one before a regnal number ("Benedikt XVI." is "Benedikt")."""
    return run[-2] if len(run) > 1 and _is_regnal(run[-1].text) else run[-1]


def _is_regnal(text: str) -> bool:
    return ROMAN_NUMERAL.fullmatch(text.rstrip(".")) is not None


def _genitive_before_noun(sentence: Sentence | None, word: Word) -> bool:
    """A name in "-s" or with an apostrophe right before the noun it owns
    ("Merkels berühmter Satz", "Habeck' Plan"): a genitive."""
    following = sentence.word(word.id + 1) if sentence is not None else None
    return following is not None and following.upos in {"NOUN", "ADJ"} and word.text.endswith(("s", "'", "’")) \
        and len(word.text) > 3


def _strip_genitive(token: str, known: dict[str, list[str]]) -> str:
    folded = _fold(token)
    if folded not in known and folded.endswith("s") and folded[:-1] in known:
        return token[:-1]
    return token


_NAME_PART_TAGS = {"NOUN", "PROPN", "X", "ADJ"}
OWN_SUBJECT = "self"  # how a mention such as "eigenen Angaben" resolves: to the subject of its clause


def _is_name_word(word: Word) -> bool:
    return word.text[:1].isupper() and word.upos in _NAME_PART_TAGS


def is_name_particle(words: tuple[Word, ...], index: int) -> bool:
    """A particle inside a name: lowercase between two capitalised name words
    ("Thomas de Maizière", "Louis van der Gaal"), or capitalised before the
    surname at the start of a sentence ("Van Gaal sagte")."""
    particles = mapping("name_particles.tsv")
    word = words[index]
    after = index + 1
    while after < len(words) and words[after].text.lower() in particles:
        after += 1
    if after >= len(words) or not _is_name_word(words[after]) or (len(words[after].text) > 1
                                                                   and words[after].text.isupper()):
        return False  # "Merkel von der CDU": an affiliation
    if index == 0:
        return particles.get(word.text.lower()) == "yes"
    before = index - 1
    while before >= 0 and words[before].text in particles:
        before -= 1
    run = {w.text for w in words[before + 1:after]}
    return word.text in particles and before >= 0 and _is_name_word(words[before]) \
        and not run <= articles_among_particles()  # "Teil der Lieferung"


def _after_article(mention: list[Word], index: int) -> bool:
    """The word follows an article that is no name particle: "Angaben der
    Bahn", not "Von der Leyen"."""
    if index == 0 or mention[index - 1].upos != "DET":
        return False
    return index < 2 or mention[index - 2].text.lower() not in mapping("name_particles.tsv")


@cache
def articles_among_particles() -> frozenset[str]:
    """The particles that count only after another one: "der" of "von der Leyen"."""
    return frozenset(row[0] for row in table("name_particles.tsv") if row[2:] == ("after",))


_PLACE_PREPOSITIONS = {"in", "nach", "aus"}  # before a name, a place's: "in Dortmund"


def _name_runs(words: tuple[Word, ...]) -> list[list[Word]]:
    runs: list[list[Word]] = []
    current: list[Word] = []
    previous: Word | None = None
    for index, word in enumerate(words):
        if (current or index == 0) and is_name_particle(words, index):
            current.append(word)  # "Thomas de Maizière", "Van Gaal"
            continue
        capital = word.text[:1].isupper() or has_name_particle(word)
        plausible = capital and not is_role_noun(word) and word.text not in _not_names() \
            and not word.text.lower().endswith(endings("place_named_institutions.txt"))  # "Landesgericht Innsbruck"
        name_tag = word.upos in _NAME_TAGS or word.ner.endswith("PER") or has_name_particle(word)
        opening = index - len(current)  # where the run so far starts
        place = bool(current) and opening > 0 and words[opening - 1].text.lower() in _PLACE_PREPOSITIONS
        surname_after_name = bool(current) and word.upos in {"NOUN", "ADJ"} \
            and not place  # "Karin/PROPN Keller/NOUN", "Neuer"; not "in Dortmund | Fehler eingeräumt"
        after_role = previous is not None and is_role_noun(previous) and word.upos == "NOUN"  # "Bürgermeisterin Petra"
        following = words[index + 1] if index + 1 < len(words) else None
        surname_next = following is not None and ((following.upos == "PROPN" and following.text[:1].isupper())
                                                  or is_name_particle(words, index + 1))  # "Heike van Laak"
        first_name = word.upos == "NOUN" and (previous is None or previous.upos == "PUNCT") and surname_next \
            and word.text in mapping("first_names.tsv")  # not "Torjäger Harry Kane"
        previous = word
        if plausible and (name_tag or surname_after_name or after_role or first_name):
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _outside_brackets(mention: list[Word]) -> tuple[Word, ...]:
    """The mention less what stands in parentheses (a party, an age, an abbreviation)."""
    kept: list[Word] = []
    depth = 0
    for word in mention:
        depth += word.text == "("
        if depth == 0:
            kept.append(word)
        depth -= word.text == ")" and depth > 0
    return tuple(kept)


def _abbreviated(mention: list[Word]) -> bool:
    """The parenthesis abbreviates the words before it, as an organisation's
    short name does: "Deponiesicherheit Region Basel (IGDRB)", "Deutscher
    Fußball-Bund (DFB)"; not a party or an age after a person's name."""
    opening = next((i for i, w in enumerate(mention) if w.text == "("), None)
    if opening is None or opening + 1 >= len(mention):
        return False
    short = mention[opening + 1].text.lower()
    initials = [w.text[0].lower() for w in mention[:opening] if w.text[:1].isupper()]
    letters = iter(short)
    return bool(initials) and short.isalpha() and all(initial in letters for initial in initials[-2:])


def _in_attribute(mention: list[Word], first: Word) -> bool:
    """The name that opens at `first` belongs to a genitive or "von"
    attribute after a role noun ("der Europäischen Union", "von Siemens")."""
    position = mention.index(first)
    opening = position
    while opening > 0 and mention[opening - 1].upos in {"ADJ", "NOUN"} and not is_role_noun(mention[opening - 1]):
        opening -= 1  # "der Europäischen Union"
    before = mention[opening - 1] if opening else None
    attribute = before is not None and before.text.lower() in genitive_determiners() | {"von", "vom"}
    return attribute and any(is_role_noun(w) for w in mention[:opening])


def _owner_before(mention: list[Word], run: list[Word]) -> bool:
    """The name is a genitive before a role noun, perhaps past adjectives:
    "Jelpkes wissenschaftlicher Mitarbeiter", "Merkels Sprecher"."""
    after = mention.index(run[-1]) + 1
    while after < len(mention) and mention[after].upos == "ADJ":
        after += 1
    return run[-1].text.endswith("s") and after < len(mention) and is_role_noun(mention[after])


def _quoted_name(mention: list[Word]) -> str | None:
    """A title in quotation marks names the source: der „New York Post“."""
    marks = quote_marks().all
    inside: list[Word] = []
    opened = False
    for word in mention:
        if word.text in marks:
            if opened:
                break
            opened = True
        elif opened:
            inside.append(word)
    return " ".join(w.text for w in inside) if opened and inside else None


def _is_subject(sentence: Sentence, run: list[Word]) -> bool:
    """The name opens the sentence or is the subject, itself or by the role
    noun before it ("Außenministerin Annalena Baerbock traf …")."""
    role = sentence.word(run[0].id - 1)
    titled = role is not None and is_role_noun(role) and (role.id == 1 or role.deprel.startswith("nsubj"))
    return run[0].id == 1 or titled or any(w.deprel.startswith("nsubj") for w in run)


def _named_institutions(words: tuple[Word, ...]) -> list[tuple[Word, str]]:
    """An institution's noun with the name after it: "Der Autobauer
    Mercedes-Benz", "die Nachrichtenagentur Reuters"."""
    found = []
    for position, noun in enumerate(words[:-1]):
        if noun.upos != "NOUN" or is_role_noun(noun) or not has_speaker_ending(noun.text):
            continue
        end = position + 1
        while end < len(words) and words[end].text[:1].isupper() and (words[end].upos == "PROPN" or (
                words[end].upos == "NOUN" and (words[end].head, words[end].deprel) == (noun.head, noun.deprel))):
            end += 1  # "Der Energieversorger Vattenfall", a name the parse makes a second subject
        if end > position + 1:
            first = position if noun.text.lower().endswith(endings("place_named_institutions.txt")) else position + 1
            found.append((noun, " ".join(w.text for w in words[first:end])))  # "Staatsanwaltschaft Itzehoe"
    return found


def _age_after(sentence: Sentence, run: list[Word]) -> str | None:
    """The age written right after a name: "Josef (61)", "Maria Huber, 54, …"."""
    words = sentence.words[run[-1].id:run[-1].id + 3]
    texts = [w.text for w in words]
    bracketed = len(texts) == 3 and texts[0] == "(" and texts[2] == ")"
    between_commas = len(texts) >= 2 and texts[0] == "," and (len(texts) == 2 or texts[2] in {",", "."})
    age = texts[1] if bracketed or between_commas else ""
    return age if age.isdigit() and 0 < int(age) < 120 else None


def _first_name_gender(run: list[Word]) -> str | None:
    """A person's gender from a common first name (data/lexicons/first_names.tsv)."""
    genders = mapping("first_names.tsv")
    return next((genders[w.text] for w in run[:-1] or run if w.text in genders), None)


def _is_acronym(word: Word) -> bool:
    return len(word.text) > 1 and word.text.isalpha() and word.text.isupper()


def _is_title(sentence: Sentence, run: list[Word]) -> bool:
    """The name stands alone in quotation marks: a work or a name, not a
    person ("die Oper „Don Giovanni“")."""
    before, after = sentence.word(run[0].id - 1), sentence.word(run[-1].id + 1)
    return before is not None and after is not None and is_mark(before) and is_mark(after)


def build_index(document: Document) -> _Index:
    """Every named person in the document, with surnames, roles and genders."""
    index = _Index()
    for sentence in document.sentences:
        for run in _name_runs(sentence.words):
            if run and _is_acronym(run[0]):
                run = run[1:]  # "CDU Frank Mindermann" is Frank Mindermann; "ORF Salzburg" no person
            age = _age_after(sentence, run) if run else None
            if age is not None and len(run) == 1 and _fold(run[0].text) in index.full_names:
                index.bind_age(age, index.full_name(_fold(run[0].text), None, run[0].start) or run[0].text)
                continue  # "Perteck (30)" after "David Perteck"
            if (len(run) < 2 and age is None) or _is_title(sentence, run) or is_temporal(run[:1]) \
                    or any(w.text in word_list("months.txt") for w in run):
                continue  # nor "Anfang Januar": a time; "Josef (61)" is a person
            name = document.text[run[0].start:run[-1].end]
            index.add_full_name(_fold(_surname(run).text), name, run[0].start)
            if age is not None:
                index.bind_age(age, name)
            before = sentence.word(run[0].id - 1)
            gender = None
            if before is not None and is_role_noun(before):
                index.roles.setdefault(_fold(before.text), name)
                index.roles.setdefault(_fold(before.lemma), name)
                gender = _gender_of(before)
                if (apposed := _role_before_comma(sentence, [before, *run])) is not None:
                    index.roles.setdefault(_fold(apposed.text), name)  # "Der Verteidiger des Angeklagten,
                    index.roles.setdefault(_fold(apposed.lemma), name)  # Rechtsanwalt Michael Hofer, …"
            elif (apposed := _role_before_comma(sentence, run)) is not None:
                after = sentence.word(run[-1].id + 1)
                if after is not None and after.text == ",":  # "Der Präsident der Kammer, Harald Mahrer, …"
                    index.roles.setdefault(_fold(apposed.text), name)
                    index.roles.setdefault(_fold(apposed.lemma), name)
                gender = _gender_of(apposed)
            gender = gender or _first_name_gender(run)
            if gender:
                index.genders.setdefault(name, gender)
            index.persons.append(PersonMention(name, run[0].start, gender, sentence.index, _is_subject(sentence, run)))
    for sentence in document.sentences:
        for run in _name_runs(sentence.words):
            surname = _fold(_strip_genitive(_surname(run).text, index.full_names))
            if len(run) == 1 and surname in index.full_names and not _is_title(sentence, run):
                index.persons.append(PersonMention(index.full_name(surname, None, run[0].start) or "", run[0].start,
                                                   None, sentence.index, _is_subject(sentence, run)))
    for sentence in document.sentences:
        for noun, name in _named_institutions(sentence.words):
            index.organisations.setdefault(_fold(noun.text), name)
        described, institutions = _unnamed_subjects(sentence)
        for person in described:
            role = _fold(person.name.split()[-1])
            bound = index.roles.get(role) or _bound_to_compound(index.roles, role)  # "Die Ministerin" after
            if bound is not None and bound in index.genders and index.genders[bound] == person.gender:
                person = PersonMention(bound, person.start, person.gender, person.sentence, person.subject)
            index.described.append(_as_described_before(index.described, person))  # "Außenministerin X"
        index.institutions.extend(institutions)
    index.persons.sort(key=lambda person: person.start)
    for person in index.persons:
        parts = person.name.split()
        if len(parts) > 1 and _is_regnal(parts[-1]):
            parts = parts[:-1]
        person.name = index.full_name(_fold(parts[-1]), parts[0] if len(parts) > 1 else None, person.start) \
            or person.name
        person.gender = person.gender or index.genders.get(person.name)
    return index


_GRAMMATICAL_GENDERS = {"Fem": "f", "Masc": "m", "Neut": "n"}


def _unnamed_subjects(sentence: Sentence) -> tuple[list[PersonMention], list[PersonMention]]:
    """The singular subjects a sentence names by a noun alone: a person by a
    definite role noun ("Der Angeklagte hatte sich nicht schuldig bekannt";
    also where it is no subject),
    and an institution with its noun's gender ("Die Zürcher Kantonalbank
    rechnet …"). A later "er" may be the one, a "sie" no person fits the other."""
    described, institutions = [], []
    words = sentence.words
    for word in words:
        start = word.id - 1
        while start > 0 and words[start - 1].upos == "ADJ":
            start -= 1
        article = words[start - 1] if start > 0 and words[start - 1].upos == "DET" else None
        prefield = article is not None and article.id == 1 and word.id < len(words) \
            and is_finite_verb(words[word.id])  # "Die Staatsanwältin sah das anders", whatever the parse made of it
        subject = word.deprel.startswith("nsubj") or prefield
        singular_article = subject and article is not None and article.text.lower() == "der"  # "Der Angeklagte …"
        if word.feats.get("Number") == "Plur" and not singular_article:
            continue
        if is_role_noun(word):  # "Kritik kam von der Grünen-Kultursprecherin": a person too, if not a subject
            named_after = (word.id < len(words) and words[word.id].upos == "PROPN") or _named_in_apposition(words, word)
            definite = {"der", "die"} if subject else {"der", "die", "dem", "den"}  # "übergab sie dem Bürgermeister"
            if article is not None and article.text.lower() in definite and not named_after \
                    and (name := nominative(list(words[start - 1:word.id]))):
                gender = _gender_of(word) or _gender_by_article(article, word)  # "Der 58-Jährige"
                described.append(PersonMention(name, article.start, gender, sentence.index, subject))
            continue
        if not subject:
            continue
        gender = _GRAMMATICAL_GENDERS.get(word.feats.get("Gender", ""))
        if word.upos != "NOUN" or gender is None or not has_speaker_ending(word.text):
            continue
        first = start - 1 if article is not None else start
        end = word.id
        while end < len(words) and words[end].upos == "PROPN":
            end += 1  # "die Nachrichtenagentur Reuters"
        if name := nominative(list(words[first:end])):
            institutions.append(PersonMention(name, words[first].start, gender, sentence.index, True))
    return described, institutions


AGE_DESCRIPTION = re.compile(r"\d+-[Jj]ährige[rn]?")
DESCRIBED_REACH = 2  # sentences back that an age description may refer to an unnamed person


def _as_described_before(described: list[PersonMention], person: PersonMention) -> PersonMention:
    """An age description goes by the description of the unnamed person just
    before it: "der frühere Geschäftsführer … Der 58-Jährige bestritt …" is
    the former manager."""
    if not AGE_DESCRIPTION.fullmatch(person.name):
        return person
    before = [p for p in described if person.sentence - p.sentence <= DESCRIBED_REACH
              and p.gender in {None, person.gender} and not AGE_DESCRIPTION.fullmatch(p.name)]
    if not before:
        return person
    return PersonMention(before[-1].name, person.start, person.gender, person.sentence, person.subject)


def _named_in_apposition(words: tuple[Word, ...], role: Word) -> bool:
    """A name follows the role's phrase between commas: "Der Vorstandschef des
    Unternehmens, Martin Brudermüller, …" names the person, who is not unnamed."""
    for word in words[role.id:role.id + APPOSITION_REACH]:
        if word.text == ",":
            following = words[word.id:word.id + 2]  # a name, or a role and a name ("…, Rechtsanwalt Michael Hofer")
            return bool(following) and (following[0].upos == "PROPN" or (
                len(following) == 2 and is_role_noun(following[0]) and following[1].upos == "PROPN"))
        if word.upos in {"VERB", "AUX"}:
            return False
    return False


def _bound_to_compound(bindings: dict[str, str], noun: str) -> str | None:
    """The one name bound to a compound of `noun` (folded): "der Kanzler"
    after "Bundeskanzler Karl Nehammer" (not "Vizekanzler …",
    data/lexicons/other_office_prefixes.txt), "die Agentur" after "die
    Nachrichtenagentur Reuters"; None when two names fit."""
    other_office = tuple(word_list("other_office_prefixes.txt"))
    names = {name for key, name in bindings.items()
             if key != noun and key.endswith(noun) and not key.startswith(other_office)}
    return names.pop() if len(names) == 1 else None


@cache
def _institution_kinds() -> dict[str, tuple[str, ...]]:
    return {general: tuple(members.split()) for general, members in table("institution_kinds.tsv")}


def _bound_to_kind(bindings: dict[str, str], noun: str) -> str | None:
    """The one name bound to a noun of the kind a general noun (folded)
    names, data/lexicons/institution_kinds.tsv: "das Unternehmen" after "Der
    Autobauer Mercedes-Benz"; None when two names fit."""
    members = _institution_kinds().get(noun)
    names = {name for key, name in bindings.items() if key.endswith(members)} if members else set()
    return names.pop() if len(names) == 1 else None


class Resolver:
    """Resolves mentions in one document, left to right."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.index = build_index(document)
        self.recent_speakers: list[tuple[int, str, str | None]] = []  # (offset, name, gender)
        self.person_names = {person.name for person in self.index.persons}

    def remember(self, offset: int, name: str | None, mention: list[Word]) -> None:
        """A quote's speaker, for the pronouns after it: a person, an unnamed
        role, or an institution that a person of it speaks for ("Ein Sprecher
        des Außenministeriums …", "…, erklärte er"), with that person's gender."""
        if not name:
            return
        role = next((w for w in mention if is_role_noun(w)), None)
        gender = self.index.genders.get(name) or (_gender_of(role) if role is not None else None)
        if role is not None and role.feats.get("Number") == "Plur":
            gender = "p"  # plural, as in pronouns.tsv: "Ermittler" are not "er", nor "die Ministerin"
        self.recent_speakers.append((offset, name, gender))

    def _recent_person(self, offset: int, gender: str | None, reported: tuple[int, int] | None,
                       role: Word | None = None) -> str | None:
        """The most recent speaker, else the most recent named person, of a
        `gender` the mention allows (the letters of data/lexicons/pronouns.tsv:
        "fp" for "sie"; None for any) before `offset`, not one named in the `reported`
        words themselves ("Kickl sei „ein Brandstifter“, sagte er"); for a
        specific `role` noun, not one the article gave another role in an
        earlier paragraph, nor an unnamed speaker of another role ("der
        Richter" is not "Trainer Vincent Kompany"; "der SPD-Politiker" may be
        "Bundeskanzler Olaf Scholz", data/lexicons/generic_roles.txt)."""
        here = self.document.sentence_at(offset)
        specific = role is not None and not _fold(role.text).endswith(endings("generic_roles.txt"))
        other_role = self._holders_of_other_roles(role) if role is not None and specific else set()
        if here is not None:  # in the same paragraph an office may go by another name ("Regierungschef" …
            other_role -= {p.name for p in self.index.persons if p.start < offset  # … "der Ministerpräsident")
                           and self.document.sentences[p.sentence].paragraph == here.paragraph}
        def compatible(known: str | None, name: str) -> bool:
            unnamed_other = specific and role is not None and name not in self.person_names \
                and _fold(role.lemma) not in _fold(name)
            return (known is None or gender is None or known in gender) and name not in other_role \
                and not unnamed_other  # "der Verteidiger" is not the unnamed "Vorsitzende Richter" before

        seen = [(self._sentence_index(at), True, at, name) for at, name, known in self.recent_speakers
                if at < offset and compatible(known, name)]
        seen += [(p.sentence, p.subject, p.start, p.name) for p in self.index.persons
                 if p.start < offset and compatible(p.gender, p.name)
                 and not (reported is not None and reported[0] <= p.start < reported[1])]
        if not specific:  # "Der Angeklagte hatte sich nicht schuldig bekannt. Er sei …", "…, sagte die 54-Jährige"
            seen += [(p.sentence, p.subject, p.start, p.name) for p in self.index.described
                     if p.start < offset and p.gender is not None and compatible(p.gender, p.name)]
        if here is not None:
            seen = [item for item in seen if item[0] < here.index] or seen
        if not seen:
            return None
        latest = max(item[0] for item in seen)
        nearest = sorted(item for item in seen if item[0] == latest)
        subjects = [item for item in nearest if item[1]]
        return subjects[0][3] if subjects else nearest[-1][3]

    def _recent_institution(self, offset: int, genders: str, *, earlier: bool = False) -> str | None:
        """The institution last named as a subject in this sentence or the one
        before (only that one when `earlier`), of a gender the pronoun allows:
        for a pronoun no person fits."""
        here = self._sentence_index(offset)
        nearest = 1 if earlier else 0  # sentences back
        fitting = [i for i in self.index.institutions if i.start < offset and nearest <= here - i.sentence <= 1
                   and i.gender is not None and i.gender in genders]
        return fitting[-1].name if fitting else None

    def _holders_of_other_roles(self, role: Word) -> set[str]:
        """The persons bound to a role noun that is not this one, nor a
        compound of it or the other way round ("Kanzlerin" and
        "Bundeskanzlerin" are one role)."""
        keys = {_fold(role.text), _fold(role.lemma)}
        same = {name for key, name in self.index.roles.items()
                if any(key.endswith(own) or own.endswith(key) for own in keys)}
        return {name for name in self.index.roles.values() if name not in same}

    def _sentence_index(self, offset: int) -> int:
        sentence = self.document.sentence_at(offset)
        return sentence.index if sentence is not None else 0

    def person_between(self, start: int, end: int, *, subjects: bool = False) -> str | None:
        """The last named person mentioned between two offsets (a heading, a
        ticker entry or the sentence before a quote that stands alone); with
        `subjects`, only one that is a clause's subject."""
        inside = [p for p in self.index.persons if start <= p.start < end and (p.subject or not subjects)]
        return inside[-1].name if inside else None

    def _named_institution(self, mention: list[Word], nouns: list[Word],
                           reported: tuple[int, int] | None) -> str | None:
        """The name the article gave an institution with its noun: "der
        Autobauer" after "Der Autobauer Mercedes-Benz", "die Agentur" after
        "die Nachrichtenagentur Reuters"; not one named in the `reported` words."""
        if len(nouns) != 1 or not mention or mention[0].feats.get("Definite") != "Def":
            return None
        noun = _fold(nouns[0].text)
        return self.index.organisations.get(noun) or self._institution_before(mention[0].start, noun, reported) \
            or _bound_to_compound(self.index.organisations, noun) or _bound_to_kind(self.index.organisations, noun)

    def _institution_before(self, offset: int, noun: str, reported: tuple[int, int] | None) -> str | None:
        """The institution of the general noun's kind (folded `noun`,
        data/lexicons/institution_kinds.tsv) named last before `offset`:
        "die Behörde" after "Die Staatsanwaltschaft ermittelt" or "Die
        EU-Kommission hat …"."""
        members = _institution_kinds().get(noun)
        if not members:
            return None
        named = [word for sentence in self.document.sentences for word in sentence.words
                 if word.end <= offset and word.upos in {"NOUN", "PROPN"} and word.is_capitalised
                 and not (reported is not None and reported[0] <= word.start < reported[1])
                 and _fold(word.text) != noun and _fold(word.lemma).endswith(members)
                 and _fold(word.text) not in self.index.organisations]  # not "der Zulieferer | Bosch": its name is
        if not named:
            return None
        return named[-1].lemma if named[-1].upos == "NOUN" else named[-1].text  # "der Staatsanwaltschaft" → its lemma

    def _issuer_before(self, offset: int, noun: Word) -> str | None:
        """Who issued the statement a definite noun refers back to: the owner
        named with the same noun last before `offset` ("Eine neue Studie der
        Universität Heidelberg zeigt …" for "Laut der Studie")."""
        for sentence in reversed(self.document.sentences[:self._sentence_index(offset) + 1]):
            for word in reversed(sentence.words):
                if word.start < offset and word.lemma == noun.lemma and word is not noun:
                    owner = _genitive_owner(sentence, word)
                    if owner:
                        return nominative(owner)
        return None

    def _slash_name(self, mention: list[Word]) -> str | None:
        """A name of two parts joined by a slash, as written: "CDU/CSU",
        "Bündnis 90/Die Grünen", "CDU/CSU-Fraktion"."""
        slash = next((i for i, w in enumerate(mention) if w.text == "/" and 0 < i < len(mention) - 1
                      and mention[i - 1].text[:1].isalnum() and mention[i + 1].text[:1].isupper()), None)
        if slash is None:
            return None
        start = slash - 1
        while start > 0 and mention[start - 1].upos != "DET" and (mention[start - 1].text[:1].isupper()
                                                                  or mention[start].text[:1].isdigit()):
            start -= 1  # "Bündnis 90/…"
        return self.document.text[mention[start].start:mention[-1].end]

    def _in_dative(self, mention: list[Word]) -> bool:
        """The mention follows or precedes a word that puts it in the dative
        (data/lexicons/dative_prepositions.txt): "von Beobachtern", "Insidern
        zufolge"."""
        sentence = self.document.sentence_at(mention[0].start)
        if sentence is None:
            return False
        before, after = sentence.word(mention[0].id - 1), sentence.word(mention[-1].id + 1)
        return (before is not None and before.text.lower() in word_list("dative_prepositions.txt")) \
            or (after is not None and after.text.lower() == "zufolge")

    def resolve(self, mention: list[Word], reported: tuple[int, int] | None = None) -> Resolution:
        """Who the mention names; `reported` is the span of what they said."""
        if not mention:
            return Resolution(None, None, "none")
        offset = mention[0].start
        content = [w for w in mention if w.upos not in {"DET", "PUNCT"}]
        single = content[0] if len(content) == 1 and content[0].upos == "PRON" else None
        if single is None and len(mention) == 1 and mention[0].text.lower() in mapping("pronouns.tsv"):
            single = mention[0]  # "so schrieb diese": a demonstrative the tagger calls a determiner
        if single is not None:
            pronoun = single.text.lower()
            genders = mapping("pronouns.tsv").get(pronoun)
            if genders is None:
                return Resolution(None, None, "none")
            name = self._recent_person(offset, genders, reported)
            if name is None and (institution := self._recent_institution(offset, genders)) is not None:
                return Resolution(institution, "organisation", "pronoun")  # "Die Bank …, wie sie bestätigte"
            return Resolution(name, "person" if name else None, "pronoun")
        quoted = _quoted_name(mention)
        if quoted:
            return Resolution(quoted, "organisation", "name")
        slashed = self._slash_name(mention)
        if slashed and not any(is_role_noun(w) for w in mention):
            return Resolution(slashed, "organisation", "name")
        runs = [run for run in _name_runs(tuple(mention)) if run]
        outside = [run for run in _name_runs(_outside_brackets(mention)) if run]
        if outside and not _abbreviated(mention):
            runs = outside  # "Eberhard Diepgen (CDU)": the person, not the party
        role_words = [w for w in mention if is_role_noun(w) or w.text in word_list("person_nouns.txt")]
        if role_words:  # "Präsident des Rats der Europäischen Union", "Jelpkes Mitarbeiter": not the person
            runs = [run for run in runs if not _in_attribute(mention, run[0]) and not _owner_before(mention, run)]
        if not runs:  # a known surname the tagger calls a noun here: "De Maizière sagte"; not "der Bahn"
            runs = [[w] for i, w in enumerate(mention) if w.upos in _NAME_PART_TAGS and w.text[:1].isupper()
                    and _fold(w.text) in self.index.full_names and not _after_article(mention, i)]
        if runs:
            run = runs[-1]
            text = self.document.text[run[0].start:run[-1].end]
            surname = _strip_genitive(_surname(run).text, self.index.full_names)
            first = run[0].text if len(run) > 1 else None
            full = self.index.full_name(_fold(surname), first, run[0].start)
            if full:
                return Resolution(full, "person", "name")
            if len(run) > 1:
                return Resolution(text, "person", "name")
            if not role_words and _genitive_before_noun(self.document.sentence_at(run[0].start), run[0]):
                surname = surname.removesuffix("s").rstrip("'’")  # "Merkels berühmter Satz": Merkel
            if role_words or mention[0].upos != "DET":
                return Resolution(surname if not role_words else text, "person" if role_words else None, "name")
        if role_words:
            role = role_words[-1]
            determiner = next((w for w in mention if w.upos == "DET"), None)
            definite = determiner is not None and determiner.feats.get("Definite") == "Def"
            plural = _plural_role(role, determiner)  # "Die Richter urteilten": not one person
            bound = None if plural else self.index.roles.get(_fold(role.text)) \
                or self.index.roles.get(_fold(role.lemma)) \
                or (_bound_to_compound(self.index.roles, _fold(role.text)) if definite else None)  # not "Ihr …"
            if bound:
                return Resolution(bound, "person", "role")
            if definite and not plural:
                gender = _gender_of(role) or _gender_by_article(determiner, role)
                name = self._recent_person(offset, gender, reported, role)
                if name:
                    return Resolution(name, "person", "role")
            spokesperson = not definite and not plural and len(content) == 1 \
                and _fold(role.text).endswith(endings("spokesperson_nouns.txt"))
            if spokesperson and (institution := self._recent_institution(offset, "fmn", earlier=True)) is not None:
                return Resolution(institution, "organisation", "role")  # "Das Amt wies … zurück. …, teilte eine
                # Sprecherin mit": the institution she speaks for
        gender = _demonym_gender(mention[0], content[0]) if len(content) == 1 else None
        if gender is not None:  # "…, schimpfte der Wiener", "sagte die Französin": the one named before
            name = self._recent_person(offset, gender, reported)
            if name:
                return Resolution(name, "person", "description")
        nouns = [w for w in mention if w.upos in {"NOUN", "PROPN"}
                 or (w.upos == "ADJ" and w.is_capitalised)]  # "dpa-Angaben" as an adjective
        named = self._named_institution(mention, nouns, reported)
        if named:
            return Resolution(named, "organisation", "role")
        source = speech_noun_source(nouns[0]) if len(nouns) == 1 and not role_words else None
        if source:
            return Resolution(source, "organisation", "description")  # "nach Polizeiangaben": the police
        if len(nouns) == 1 and is_content_noun(nouns[0]) and not role_words:  # not "Eine Sprecherin"
            owner = _possessive_owner(mention[0])
            if owner == OWN_SUBJECT:
                return Resolution(None, None, OWN_SUBJECT)  # "nach eigenen Angaben": the clause's subject speaks
            if owner is not None and mention[0].feats.get("Poss") == "Yes":  # "seiner Ansicht nach": his, like "er"
                name = self._recent_person(offset, mapping("pronouns.tsv")[owner], reported)
                return Resolution(name, "person" if name else None, "pronoun")
            definite = mention[0].upos == "DET" and mention[0].feats.get("Definite") == "Def"
            issuer = self._issuer_before(offset, nouns[0]) if definite else None
            if issuer is not None:  # "Eine Studie der Universität Heidelberg … Laut der Studie …"
                return Resolution(issuer, "organisation", "description")
            return Resolution(None, None, "none")  # "nach Ansicht" alone: a statement, not who made it
        kind = "organisation" if not role_words else "role"
        return Resolution(nominative(mention, dative=self._in_dative(mention)), kind, "description")


_ADJECTIVE_INFLECTIONS = ("em", "en", "er", "es", "e")  # longest first


def _genitive_owner(sentence: Sentence, noun: Word) -> list[Word]:
    """The phrase after a noun that names its owner: a genitive with an
    article ("der Universität Heidelberg"), or "von" and a name."""
    words = sentence.words[noun.id:]
    if not words or words[0].text.lower() not in {"der", "des", "von", "vom"}:
        return []
    end = 1
    while end < len(words) and (words[end].upos in {"DET", "ADJ"} or (words[end].upos in {"NOUN", "PROPN"}
                                                                      and words[end].text[:1].isupper())):
        end += 1
    owner = list(words[1 if words[0].upos == "ADP" else 0:end])
    return owner if any(w.upos in {"NOUN", "PROPN"} for w in owner) else []


def _possessive_owner(word: Word) -> str | None:
    """Whom a possessive stands for (data/lexicons/possessives.tsv), by its
    lemma or its form less the ending ("Ihrer", which a lemmatizer may leave
    as "ihrer": "ihr", like "sie")."""
    owners = mapping("possessives.tsv")
    for form in (word.lemma.lower(), word.text.lower()):
        for ending in ("", *_ADJECTIVE_INFLECTIONS):
            if form.endswith(ending) and form[:len(form) - len(ending)] in owners:
                return owners[form[:len(form) - len(ending)]]
    return None


def nominative(mention: list[Word], *, dative: bool = False) -> str | None:
    """An unnamed source in nominative form without article: 'des russischen
    Außenministeriums' → 'russisches Außenministerium'. Genitive attributes
    after the head stay as written ('Sprecher des Ministeriums'). With
    `dative`, a preposition before the mention governs the dative, so a bare
    plural drops its -n ("von Beobachtern" → 'Beobachter')."""
    words = [w for w in mention if w.upos != "PUNCT" or w.text in "()"]
    described = bool(words) and words[0].upos == "DET"
    masculine_nominative = described and words[0].text.lower() == "der"
    dative_plural = bool(words) and (words[0].text.lower() == "den" or (dative and not described))
    strong_already = described and words[0].lemma.lower() == "ein" and words[0].feats.get("Case") == "Nom"
    if strong_already:  # "Ein hoher EU-Beamter": after "ein" a nominative's adjective has its strong ending
        return _joined([w.text for w in words[1:]])
    while words and (words[0].upos == "DET" or (words[0].upos == "PRON" and words[0].lemma == "der")):
        words = words[1:]  # "die in Berlin geborene Sängerin": an article a tagger called a pronoun
    if not words:
        return None
    head_index = next((i for i, w in enumerate(words) if w.upos in {"NOUN", "PROPN"}), None)
    if head_index is None:  # "der 58-Jährige" as an adjective: the role is its last word
        last = words[-1].text + ("r" if masculine_nominative and _adjectival_role(words[-1].text) else "")
        return _joined([*(w.text for w in words[:-1]), last])
    head = words[head_index]
    gender = "Plur" if head.feats.get("Number") == "Plur" else _gender_by_suffix(head.text) or head.feats.get("Gender")
    parts = []
    ending = _STRONG_ENDINGS.get(gender or "Masc", "e")
    for word in words[:head_index]:
        lowercase = (word.lemma[:1].islower() and word.text[:1].islower()) \
            or word.id == 1  # capitalised only as the sentence's first word
        if word.upos == "ADJ" and lowercase:  # not "Hans-Jürgen"
            parts.append(_adjective_stem(word) + ending)
        elif word.upos == "ADJ" and gender and word.lemma[:1].islower() and "-" not in word.text \
                and word.text.lower()[len(word.lemma):] in _ADJECTIVE_INFLECTIONS \
                and word.text.lower().startswith(word.lemma):  # "des Deutschen Wetterdienstes", not "Salzburger"
            parts.append(word.lemma.capitalize() + ending)  # a name's adjective: "Deutscher Wetterdienst"
        else:
            parts.append(word.text)
    # a bare noun is a name as written ("Reuters", not "Reuter"), and a plural stays one ("Vereinigten Staaten")
    described = described or head_index > 0
    inflected = described and head.upos == "NOUN" and head.lemma[:1].isupper() and gender != "Plur"
    written = head.text
    umlauted = any(mark in written and mark not in head.lemma for mark in "äöü")  # "Verbände" of "Verband"
    dative_ending = written.endswith(("ern", "eln")) or (umlauted and written.endswith("en"))
    if gender == "Plur" and dative_plural and dative_ending:
        written = written[:-1]  # "von den Bürgern" → "Bürger", "von 50 Verbänden" → "Verbände"
    written = head.lemma if inflected else written
    if masculine_nominative and head_index == len(words) - 1 and _adjectival_role(written):
        written += "r"  # "der Angeklagte" → "Angeklagter", "der 58-Jährige" → "58-Jähriger"
    parts.append(written)
    parts.extend(w.text for w in words[head_index + 1:])
    return _joined(parts)


def _adjectival_role(noun: str) -> bool:
    """A role noun made from an adjective, in its weak form ("Angeklagte",
    "Vorsitzende", "58-Jährige"): role_nouns.txt lists it with and without -r."""
    lower = noun.lower()
    return lower.endswith("e") and lower.endswith(endings("role_nouns.txt")) \
        and (lower + "r").endswith(endings("role_nouns.txt"))


def _demonym_gender(article: Word, word: Word) -> str | None:
    """The gender of one person named by where they are from after a definite
    article ("der Belgier": m, "die Französin": f); None for anything else,
    a plural too ("die Belgier")."""
    if not _demonym(word) or word.feats.get("Number") == "Plur":
        return None
    if article.text.lower() == "der":
        return "m"
    return "f" if article.text.lower() == "die" and word.text.endswith("in") else None


def _demonym(word: Word) -> bool:
    """A person named by where they are from: a capitalised adjective in "-er"
    standing alone ("der Wiener", "der Niederösterreicher") or a noun of a
    nation or region ("der Belgier", "die Französin", data/lexicons/demonyms.txt)."""
    place_adjective = word.upos == "ADJ" and word.text[:1].isupper() and word.text.endswith("er") \
        and "-" not in word.text
    return place_adjective or word.text in word_list("demonyms.txt")


def _adjective_stem(word: Word) -> str:
    """An inflected adjective without its ending, from its form ("russischen"
    → "russisch", "hohen" → "hoh"), as a small tagger's lemma may be wrong
    ("geborene" → "gebor")."""
    text = word.text
    for inflection in _ADJECTIVE_INFLECTIONS:
        if text.endswith(inflection) and len(text) > len(inflection) + 2:
            return text[:-len(inflection)]
    return word.lemma


def _joined(parts: list[str]) -> str:
    """Words with spaces between, none inside parentheses: "Gemeinschaft (IGDRB)"."""
    return " ".join(parts).replace("( ", "(").replace(" )", ")")


def _gender_by_suffix(noun: str) -> str | None:
    """Grammatical gender from a German noun's ending (more reliable than a
    small tagger for these endings); None when no ending is known."""
    lower = noun.lower()
    return next((gender for suffix, gender in _gender_suffixes() if lower.endswith(suffix)), None)


@cache
def _gender_suffixes() -> list[tuple[str, str]]:
    """Noun endings with their gender, longest first."""
    return sorted(((row[0], row[1]) for row in table("noun_gender_suffixes.tsv")), key=lambda row: -len(row[0]))
