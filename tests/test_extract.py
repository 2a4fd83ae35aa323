"""Detection and attribution on real text through the real pipeline."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.attribute import Resolver
from quotes.detect.marks import find_quoted_spans
from quotes.extract import batches
from quotes.nlp.engine import konjunktiv_one_form


def found(extractor, text: str) -> list[tuple[str, str | None, str]]:
    return [(q.type, q.speaker, q.text) for q in extractor.extract(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # direct quote, cue and inverted subject after it
    ("„Für ein Treffen ist es zu früh“, sagte Kremlsprecher Dmitri Peskow am Dienstag.",
     [("direct", "Dmitri Peskow", "Für ein Treffen ist es zu früh")]),
    # speaker before a colon, with a verb of saying
    ("Der Minister Olaf Berger erklärte: „Wir handeln entschlossen.“",
     [("direct", "Olaf Berger", "Wir handeln entschlossen.")]),
    # a headline's quotation before a colon belongs to the clause after it; a title there does not
    ("„Gefahr für den Frieden“: Baerbock warnt vor Eskalation in Nahost\nAußenministerin Annalena Baerbock rief "
     "zur Zurückhaltung auf.", [("direct", "Annalena Baerbock", "Gefahr für den Frieden")]),
    ("„Tatort“: Kommissar kündigt Abschied an\nDer Schauspieler verlässt die Serie.", []),
    # guillemets, Swiss style, and "so X"
    ("«Das ist inakzeptabel», so die Ministerin Karin Keller.",
     [("direct", "Karin Keller", "Das ist inakzeptabel")]),
    # straight quotes
    ('"Wir sind bereit", sagte Viktor Orban.', [("direct", "Viktor Orban", "Wir sind bereit")]),
    # indirect speech: V2 Konjunktiv clause after the cue
    ("Peter Müller sagte, er habe keine Zeit gehabt.",
     [("indirect", "Peter Müller", "er habe keine Zeit gehabt")]),
    # dass-clause
    ("Die Kanzlerin Angela Merkel betonte, dass Deutschland helfen werde.",
     [("indirect", "Angela Merkel", "dass Deutschland helfen werde")]),
    # laut X at the start
    ("Laut dem ukrainischen Generalstab griffen russische Truppen erneut an.",
     [("indirect", "ukrainischer Generalstab", "griffen russische Truppen erneut an")]),
    # X zufolge
    ("Dem Bericht der Polizei zufolge wurden drei Menschen verletzt.",
     [("indirect", None, "wurden drei Menschen verletzt")]),
    # a verb of learning in a wie-clause: what an outlet was told, or what could be learned from a place
    ("Wie der SPIEGEL aus Sicherheitskreisen erfuhr, wurden die Kontrollen verschärft.",
     [("indirect", "SPIEGEL", "wurden die Kontrollen verschärft")]),
    ("Wie aus dem Ministerium zu erfahren war, wird das Kabinett im Mai entscheiden.",
     [("indirect", "Ministerium", "wird das Kabinett im Mai entscheiden")]),
    ("Er erfuhr, dass seine Frau krank ist. Er versuchte zu erfahren, wie es ihr geht.", []),
    # a verb of saying with an object before the words said about it
    ("Außenminister Andrij Sybiha warf Moskau „Staatsterrorismus“ vor.",
     [("direct", "Andrij Sybiha", "Staatsterrorismus")]),
    ("Sybiha nannte den Angriff „feige“.", [("direct", "Sybiha", "feige")]),
    ("Ein Video, genannt „BRD-Video“, kursiert im Netz.", []),
    # "so" and a verb with a statement after it: the statement's owner speaks; a dash with a lowercase word
    # after it goes on with the sentence
    ("„Das Gesetz ist ein Bürokratiemonster…“ – so beginnt ein offener Brief von 50 Wirtschaftsverbänden.",
     [("direct", "50 Wirtschaftsverbände", "Das Gesetz ist ein Bürokratiemonster…")]),
    ("„Wir halten Kurs“, so lautet die Botschaft der Regierung.", [("direct", "Regierung", "Wir halten Kurs")]),
    # a name in brackets that closes the line after a quotation is its author
    ("Zitat des Tages: „Politik ist die Kunst des Möglichen.“ (Otto von Bismarck)\nDie Lage ist ernst.",
     [("direct", "Otto von Bismarck", "Politik ist die Kunst des Möglichen.")]),
    # "hält … für" gives a view, its words quoted or a dass-clause; a clause of reason after it is no content
    ("Gemeinderat Hans Bauer hält den geplanten Bau für „überdimensioniert“.",
     [("direct", "Hans Bauer", "überdimensioniert")]),
    ("Er hält diese für eine Verräterin, da sie eine Beziehung mit einem Polizisten hat.", []),
    # the narrator's remark after a dash ends the reported clause; a cue that opens a fronted report is no part
    # of it
    ("Trump behauptete, dass er den Krieg in 24 Stunden beenden könne – ohne anzugeben, wie.",
     [("indirect", "Trump", "dass er den Krieg in 24 Stunden beenden könne")]),
    ("Aus dem Kreml hieß es, Putin habe seine Bereitschaft erklärt, sagte Kremlsprecher Dmitri Peskow.",
     [("indirect", "Dmitri Peskow", "Putin habe seine Bereitschaft erklärt")]),
    # examples after a source in the plural belong to the source, not to what it says
    ("Nach Ansicht von Experten wie dem Ökonomen Clemens Fuest ist das Paket zu klein.",
     [("indirect", "Experten", "ist das Paket zu klein")]),
    # a wie-clause that asks how something is done attributes nothing
    ("Die Schüler lernten, wie man einen Brief schreibt.", []),
    # "Für X ist klar:" gives X's view
    ("Für Finanzminister Magnus Brunner ist klar: „Wir müssen sparen.“",
     [("direct", "Magnus Brunner", "Wir müssen sparen.")]),
    # a clause before "wie X formulierte" keeps the closing mark of the words quoted in it
    ("Die Bundeswehr ist noch immer „blank“, wie es Heeresinspekteur Alfons Mais formulierte.",
     [("mixed", "Alfons Mais", "Die Bundeswehr ist noch immer „blank“")]),
])
def test_quote_forms(extractor, text, expected) -> None:
    result = found(extractor, text)
    assert [(t, q) for t, _, q in result] == [(t, q) for t, _, q in expected]
    for (_, speaker, _), (_, want, _) in zip(result, expected, strict=True):
        if want is not None:
            assert speaker == want


@pytest.mark.parametrize(("text", "expected"), [
    # 'nach' + a compound noun of saying: the source is the compound's first part
    ("Nach Polizeiangaben wurden bei dem Unfall zwei Menschen leicht verletzt.",
     [("indirect", "Polizei", "wurden bei dem Unfall zwei Menschen leicht verletzt")]),
    # 'nach Ansicht' + a genitive owner, inside the clause: the clause stays whole
    ("Der Brand brach nach Ansicht einiger Gutachter in der Küche aus.",
     [("indirect", "einige Gutachter", "Der Brand brach nach Ansicht einiger Gutachter in der Küche aus")]),
    # a noun of deciding with a zu-infinitive; the speaker is the subject of its verb
    ("Der Stadtrat fasste den Beschluss, das Hallenbad zu schließen.",
     [("indirect", "Stadtrat", "das Hallenbad zu schließen")]),
    # a noun of saying whose verb's particle stands before the comma
    ("Wissenschaftler stellten vor 20 Jahren die Theorie auf, dass der Handel auf Gegenseitigkeit beruht.",
     [("indirect", "Wissenschaftler", "dass der Handel auf Gegenseitigkeit beruht")]),
    # a regular participle in "-et" the tagger called an adjective is still its verb ("gemeldet": "melden")
    ("Aus Hamburg wird gemeldet, dass dort im Laufe des Jahres mit rund 600 Übertritten zu rechnen ist.",
     [("indirect", None, "dass dort im Laufe des Jahres mit rund 600 Übertritten zu rechnen ist")]),
    # a quotation after a colon is what a trailing cue reports, not the clause before the colon
    ("Zuvor hatte Gaddafi mit Gewalt gedroht: „Alle Schiffe im Mittelmeer werden zu Zielen der Vergeltung“, "
     "sagte Gaddafi.", [("direct", "Gaddafi", "Alle Schiffe im Mittelmeer werden zu Zielen der Vergeltung")]),
    # a clause of reason in Konjunktiv under an indicative main clause reports its subject's claim too
    ("Die Opposition boykottierte die Sitzung, weil die Regierung wichtige Akten zurückhalte.",
     [("indirect", "Opposition", "weil die Regierung wichtige Akten zurückhalte")]),
    # a reported clause whose subject a relative clause follows
    ("Der Musikdirektor Zhang Wei meinte weiter, Yang Peiyi, die gesungen hatte, wäre die Beste gewesen.",
     [("indirect", "Zhang Wei", "Yang Peiyi, die gesungen hatte, wäre die Beste gewesen")]),
    # a relative clause in Konjunktiv under an indicative main clause reports its subject's claim
    ("Als Gründe führt die Organisation schwere Mängel im Rechtssystem an, für die ein unzulänglicher "
     "Gesetzesrahmen verantwortlich sei.",
     [("indirect", "Organisation", "für die ein unzulänglicher Gesetzesrahmen verantwortlich sei")]),
    # a parenthetical "so X" in a sentence whose Konjunktiv stands before it
    ("Die Regierung habe, so Oppositionsführerin Pamela Rendi-Wagner, völlig versagt.",
     [("indirect", "Pamela Rendi-Wagner",
       "Die Regierung habe, so Oppositionsführerin Pamela Rendi-Wagner, völlig versagt")]),
    # a Konjunktiv I clause after a colon reports whoever the clause before it names
    ("Der Bürgermeister zeigte sich erleichtert: Die Schäden seien geringer als befürchtet.",
     [("indirect", "Bürgermeister", "Die Schäden seien geringer als befürchtet")]),
    ("Die Bilanz des Jahres: Drei Tote und zehn Verletzte.", []),
    # "ließ X verlautbaren": "lassen" carries the trailing cue; a nominalised participle names a speaker;
    # "nach dem Spiel" is the verb's, not the source's
    ("Man werde die Lage genau prüfen, ließ der Minister verlautbaren.",
     [("indirect", "Minister", "Man werde die Lage genau prüfen")]),
    ("Er habe nichts falsch gemacht, beteuerte der Angeklagte.",
     [("indirect", "Angeklagter", "Er habe nichts falsch gemacht")]),
    ("„Wir sind bereit“, so der Trainer nach dem Spiel.", [("direct", "Trainer", "Wir sind bereit")]),
    # a passive names no speaker unless it has an agent; "wird sagen" is the future, not a passive
    ("Die Männer werden beschuldigt, Mitglieder einer terroristischen Vereinigung zu sein.",
     [("indirect", None, "Mitglieder einer terroristischen Vereinigung zu sein")]),
    ("Der Minister wird morgen sagen, dass alles gut sei.", [("indirect", "Minister", "dass alles gut sei")]),
    # but not a counterfactual, nor a first person's indicative
    ("Der Mann kaufte ein Haus, das ihm gefallen hätte.", []),
    ("Er besuchte die Orte, die ich bisher gesehen habe.", []),
    # "und" and another speaker's speech verb in the indicative end the message
    ("Fritz Tack kritisierte, die EU-Kommission habe sich den Interessen von BASF untergeordnet und die "
     "Fraktion der Grünen forderte vom Minister einen Anbaustopp.",
     [("indirect", "Fritz Tack", "die EU-Kommission habe sich den Interessen von BASF untergeordnet")]),
    # "Das/Dies + verb of saying" points back to the sentence before
    ("Die Mieten steigen im kommenden Jahr um zehn Prozent. Das erklärte am Montag ein Sprecher des Mieterbundes.",
     [("indirect", "Mieterbund", "Die Mieten steigen im kommenden Jahr um zehn Prozent")]),
    # "Demnach": the source is what was named before; the mention is the adverb as written
    ("Der Bericht wurde am Freitag veröffentlicht. Demnach sei die Zahl der Einbrüche deutlich gesunken.",
     [("indirect", None, "sei die Zahl der Einbrüche deutlich gesunken")]),
    # a parenthetical "so X" inside a Konjunktiv sentence
    ("Dennoch, so der Bürgermeister Karl Huber, sei die Lage unter Kontrolle.",
     [("indirect", "Karl Huber", "Dennoch, so der Bürgermeister Karl Huber, sei die Lage unter Kontrolle")]),
    # the subject after the verb when an adverbial fills the prefield; a verb the tagger left unmarked
    ("In einem Interview sagte der Gewerkschaftschef Frank Weber, die Streiks gingen weiter.",
     [("indirect", "Frank Weber", "die Streiks gingen weiter")]),
    # an unmistakable Konjunktiv I sentence reports the person named before it
    ("Die Ministerin Sabine Roth stellte am Dienstag den Haushalt vor. Der Schuldenstand sinke im nächsten Jahr.",
     [("indirect", "Sabine Roth", "Der Schuldenstand sinke im nächsten Jahr")]),
    # a Konjunktiv I sentence after a sentence that names someone, with no speech before: its subject
    ("Am Montag will die Bürgermeisterin Petra Vogt einen Plan vorlegen. Der Kreistag werde im Juni darüber beraten.",
     [("indirect", "Petra Vogt", "Der Kreistag werde im Juni darüber beraten")]),
    # an adjective of stance with a dass-clause
    ("Der Trainer Hans Kurz zeigte sich zuversichtlich, dass die Mannschaft den Klassenerhalt schaffe.",
     [("indirect", "Hans Kurz", "dass die Mannschaft den Klassenerhalt schaffe")]),
    # the report ends where the speaker's next action is told in the indicative
    ("Die Ministerin Lena Hoff sagte, die Länder müssten mehr investieren und verließ danach den Saal.",
     [("indirect", "Lena Hoff", "die Länder müssten mehr investieren")]),
    # news made known without a source
    ("Im April wurde dann bekannt, dass der Konzern Stellen abbauen werde.",
     [("indirect", None, "dass der Konzern Stellen abbauen werde")]),
    # "nach" after its noun; a statement named without its author has no speaker
    ("Die Steuer ist seiner Ansicht nach ungerecht.",
     [("indirect", None, "Die Steuer ist seiner Ansicht nach ungerecht")]),
    # a relative "nach denen" after a noun of saying
    ("Die Regierung verweist auf Umfragen, nach denen zwei Drittel der Bürger die Reform ablehnen.",
     [("indirect", None, "zwei Drittel der Bürger die Reform ablehnen")]),
    # "so X weiter" as a parenthesis; "so X, Sprecher des …" closing the sentence
    ("Der Vorschlag, so der Abgeordnete Max Ebert weiter, werde scheitern.",
     [("indirect", "Max Ebert", "Der Vorschlag, so der Abgeordnete Max Ebert weiter, werde scheitern")]),
    ("Die Ausgaben würden steigen, so Klaus Brenner, Sprecher des Finanzministeriums.",
     [("indirect", "Klaus Brenner", "Die Ausgaben würden steigen")]),
    # "Danach" reports only after a sentence that names a report; otherwise it is "afterwards"
    ("Die Universität hat eine neue Studie vorgelegt. Danach schlafen Jugendliche immer weniger.",
     [("indirect", None, "schlafen Jugendliche immer weniger")]),
    ("Das Spiel endete spät. Danach gingen die Fans nach Hause.", []),
    # a relative clause after a noun of saying is not what was said
    ("Die Erklärung, die der Verein am Montag veröffentlichte, blieb ohne Folgen.", []),
    # a separable particle written apart before the verb at the end of a "wie" clause
    ("Wie die Notenbank in Rom bekannt gab, soll der Gouverneur allein entschieden haben.",
     [("indirect", "Notenbank", "soll der Gouverneur allein entschieden haben")]),
    # a speech verb in a relative clause takes a zu-infinitive (its speaker is the antecedent), not the main clause
    ("Ein neuer Vorschlag kam von Ägypten, das vorschlug, im Nahen Osten eine atomwaffenfreie Zone einzurichten.",
     [("indirect", "Ägypten", "im Nahen Osten eine atomwaffenfreie Zone einzurichten")]),
    ("Der Mann, der das sagte, ging danach nach Hause.", []),
    # a wie-clause closing the sentence reports the clause before it
    ("Die Vergabe wird die letzte sein, wie der Verband am Montag bekannt gab.",
     [("indirect", "Verband", "Die Vergabe wird die letzte sein")]),
    # "als" before a noun opens a phrase, not a subordinate clause, when the verb comes second
    ("Als Begründung gaben die Behörden an, in der Maschine seien zwei verdächtige Passagiere.",
     [("indirect", "Behörden", "in der Maschine seien zwei verdächtige Passagiere")]),
    # a clause opening with an article is no relative clause when its verb comes second
    ("Die Kommission wird positiv gesehen, die Organisation bezweifelt aber, dass es dadurch zu Verbesserungen "
     "kommt.", [("indirect", "Organisation", "dass es dadurch zu Verbesserungen kommt")]),
    # "heißt es" with a content clause after it: the clause, not the source phrase before
    ("In der Resolution, die am Montag angenommen wurde, heißt es, dass die Rechte der Kinder verletzt würden.",
     [("indirect", "Resolution", "dass die Rechte der Kinder verletzt würden")]),
    # a content noun in a support-verb construction
    ("Die Gutachter kamen zu dem Ergebnis, dass die Brücke sicher sei.",
     [("indirect", "Gutachter", "dass die Brücke sicher sei")]),
    # a time before the verb is not its speaker
    ("Ende Januar hatte der Verband angekündigt, den Vertrag zu kündigen.",
     [("indirect", "Verband", "den Vertrag zu kündigen")]),
    # a clause with any verb before a colon introduces its subject's words; a list after a colon is no quote
    ("Die Firma Euryza hält die Kritik für ungerechtfertigt: „Wir müssen die Ware irgendwo zwischenlagern.“",
     [("direct", "Firma Euryza", "Wir müssen die Ware irgendwo zwischenlagern.")]),
    ("Die Zutaten sind einfach: „Mehl“, „Zucker“ und „Eier“.", []),
    # a reported clause with its own verb around a long quoted part is one mixed quote
    ("Er habe „nicht den Eindruck, dass sie es kann“, sagte Müller.",
     [("mixed", "Müller", "Er habe „nicht den Eindruck, dass sie es kann“")]),
    # what someone called something, after an indefinite article, is a partial quote; a paper after "dem" is not
    ("SPD-Innenexperte Dieter Wiefelspütz nannte den Bericht eine „Zeitungsente“.",
     [("direct", "Dieter Wiefelspütz", "Zeitungsente")]),
    ("Die Lage sei ernst, sagte der Minister dem „Spiegel“.", [("indirect", "Minister", "Die Lage sei ernst")]),
    # a name in quotation marks after an article, even with a verb in it, is no quote
    ("Moritz Wohlrab von der „Aktion Deutschland hilft“ sagte, die Hilfe komme an.",
     [("indirect", "Moritz Wohlrab", "die Hilfe komme an")]),
    # a foreign phrase in quotation marks is a title or a name unless the text attributes it
    ("Am Abend spielte die Band ihren Hit „Here it goes again“ vor 20.000 Fans.", []),
    ("„We will win this election“, sagte Trump am Montag.", [("direct", "Trump", "We will win this election")]),
    # a zu-infinitive opening with an article is what was said, not a relative clause
    ("Die Gewerkschaft drohte, die Verhandlungen abzubrechen.",
     [("indirect", "Gewerkschaft", "die Verhandlungen abzubrechen")]),
    # a cue names its own speaker: without one found, it borrows none from the quote before
    ("Der Minister Karl Weber sagte, die Lage sei ernst. Es wurde bekannt gegeben, dass die Schulen schließen.",
     [("indirect", "Karl Weber", "die Lage sei ernst"), ("indirect", None, "dass die Schulen schließen")]),
    # the subject of the sentence before reports a Konjunktiv sentence only when it can speak
    ("Der Verband legte am Montag eine Bilanz vor. Die Umsätze seien im vergangenen Jahr gesunken.",
     [("indirect", "Verband", "Die Umsätze seien im vergangenen Jahr gesunken")]),
    ("Die Entwicklung der Preise überraschte viele. Die Umsätze seien im vergangenen Jahr gesunken.",
     [("indirect", None, "Die Umsätze seien im vergangenen Jahr gesunken")]),
    # a relative clause after a preposition is what was said only in Konjunktiv
    ("Die Regierung veröffentlichte eine Erklärung, in der es heißt, man verurteile den Angriff.",
     [("indirect", None, "man verurteile den Angriff")]),
    ("Der Minister verwies auf die Länder, aus denen die meisten Einwanderer kämen.",
     [("indirect", "Minister", "aus denen die meisten Einwanderer kämen")]),
    # nor the patient of a passive, nor what a copula describes
    ("Zwölf Mitglieder der Reisegruppe wurden verletzt. Die Verletzten seien zehn deutsche Touristen.",
     [("indirect", None, "Die Verletzten seien zehn deutsche Touristen")]),
    ("Der Attentäter war am Steuer eines Busses. Die Toten seien Flüchtlinge aus den belagerten Städten.",
     [("indirect", None, "Die Toten seien Flüchtlinge aus den belagerten Städten")]),
    # a direct quote that fills a source phrase's clause takes its cue; "seiner" is the person named before
    # after a quote that ends with its own "!" the comma before the verb may be missing
    ("„Komm sofort her!“ rief der Trainer Hans Kurz.", [("direct", "Hans Kurz", "Komm sofort her!")]),
    # a passive speech verb: the "von" agent speaks, the subject is addressed; "zitiert" keeps its speaker
    ("Die Einwohner wurden von den Behörden angewiesen, sich in geschützten Bereichen aufzuhalten.",
     [("indirect", "Behörden", "sich in geschützten Bereichen aufzuhalten")]),
    ("Israel wurde aufgefordert, die Grenzübergänge dauerhaft zu öffnen.",
     [("indirect", None, "die Grenzübergänge dauerhaft zu öffnen")]),
    ("„Wir werden helfen“, wird der Minister Leon Panetta zitiert.",
     [("direct", "Leon Panetta", "Wir werden helfen")]),
    ("Es wird angenommen, dass die Explosion ferngezündet war.",
     [("indirect", None, "dass die Explosion ferngezündet war")]),
    # a report ends where another speaker's clause begins
    ("Der Präsident René Préval sagte, Annabi sei tot, doch UN-Sprecher Nicholas Birnback erklärte, den Tod "
     "nicht bestätigen zu können.", [("indirect", "René Préval", "Annabi sei tot"),
                                     ("indirect", "Nicholas Birnback", "den Tod nicht bestätigen zu können")]),
    # an outlet named by its web address, in quotation marks after "laut": a source, not a quote
    ("Der Rebellenführer Abdul Malik sprach von Krieg. Außerdem hatte er laut „tagesschau.de“ kritisiert, dass "
     "sein Stamm benachteiligt werde.", [("indirect", "Abdul Malik", "dass sein Stamm benachteiligt werde")]),
    ("Laut „tagesschau.de“ gehören auch neue Wahlen zu den Forderungen der Rebellen.",
     [("indirect", "tagesschau.de", "gehören auch neue Wahlen zu den Forderungen der Rebellen")]),
    # "so heißt es" after the clause it reports; a source in a prepositional object ("aus … hervorgehen")
    ("Die Kosten sollen sinken, so heißt es in einer Erklärung des Betriebsrates.",
     [("indirect", "Betriebsrat", "Die Kosten sollen sinken")]),
    ("Wie aus einer Mitteilung der Polizei hervorgeht, wurden fünf Menschen verletzt.",
     [("indirect", "Polizei", "wurden fünf Menschen verletzt")]),
    ("Aus dem Dorf gingen viele Sportler hervor.", []),
    # a separable verb's participle ("vorgeworfen", "nachgesagt"); a participle fronted before its auxiliary
    ("Dem Trainer wurde vorgeworfen, an der Schlägerei beteiligt gewesen zu sein.",
     [("indirect", None, "an der Schlägerei beteiligt gewesen zu sein")]),
    ("Kritisiert wird vor allem, dass das Werbeverbot nicht eingehalten wird.",
     [("indirect", None, "dass das Werbeverbot nicht eingehalten wird")]),
    ("Laut bildblog.de veröffentlichte das Ministerium kürzlich einen Bericht.",
     [("indirect", "bildblog.de", "veröffentlichte das Ministerium kürzlich einen Bericht")]),
    # "X zufolge" with a title in marks or an abbreviation in brackets before it
    ("Einer Erklärung des Verbandes Deutscher Realschullehrer (VDR) zufolge nahmen tausend Lehrer teil.",
     [("indirect", "Verband Deutscher Realschullehrer (VDR)", "nahmen tausend Lehrer teil")]),
    # right after reported speech, a sentence with "soll" goes on reporting; not after a plain sentence
    ("Der Betriebsrat Karl Weber sagte, das Werk werde verkleinert. Bis Neujahr sollen 90 Stellen wegfallen.",
     [("indirect", "Karl Weber", "das Werk werde verkleinert"),
      ("indirect", "Karl Weber", "Bis Neujahr sollen 90 Stellen wegfallen")]),
    ("Das Werk wird verkleinert. Bis Neujahr sollen 90 Stellen wegfallen.", []),
    # a participle that names or compares, and an adjective in a noun phrase: nobody speaks
    ("Das neue Profil, auch „Bonus View“ genannt, umfasst einen größeren Speicher.", []),
    ("Vor 60 Millionen Jahren war es heißer als angenommen.", []),
    ("Die erste bekannte Tat ereignete sich im September, die letzte im April.", []),
    # the speaker's next act after a comma ends the report
    ("Der Angeklagte Karl Weber hatte erklärt, er sei unschuldig, verweigerte aber jede weitere Aussage.",
     [("indirect", "Karl Weber", "er sei unschuldig")]),
    # "so" before the verb after a quote; the subject after the auxiliary of a participle
    ("Ein „außerordentlicher Sieg“, so urteilte Mitt Romney über seinen Erfolg.",
     [("direct", "Mitt Romney", "außerordentlicher Sieg")]),
    ("Unterdessen haben einige Abgeordnete der Koalition angekündigt, sie würden klagen.",
     [("indirect", "Abgeordnete der Koalition", "sie würden klagen")]),
    ("Einige britische Muslime haben Premierminister Tony Blair in einem Brief geschrieben, dass die Politik sich "
     "ändern müsse.", [("indirect", "britische Muslime", "dass die Politik sich ändern müsse")]),
    ("Peskow sagte, dass es informiert werden würde, sobald es Informationen über einen Austausch gibt.",
     [("indirect", "Peskow", "dass es informiert werden würde, sobald es Informationen über einen Austausch gibt")]),
    # a name opening the clause before a colon without a verb
    ("Die Sängerin Nina Hagen zur neuen Heimat: „Die meisten Sachen sind schon umgezogen.“",
     [("direct", "Nina Hagen", "Die meisten Sachen sind schon umgezogen.")]),
    # a zu-infinitive after the cue without the comma
    ("Am Montag hat die Abgeordnete Petra Hinz angekündigt ihr Mandat niederzulegen.",
     [("indirect", "Petra Hinz", "ihr Mandat niederzulegen")]),
    ("Der Minister sagte am Montag nichts zu den Plänen.", []),
    # a quote without a cue keeps the last speaker, unless another person was named since
    ("„Die Lage ist ernst“, sagte der Minister Karl Weber. Die Kanzlerin Anna Berg widersprach am Abend. „Wir "
     "haben alles im Griff.“", [("direct", "Karl Weber", "Die Lage ist ernst"),
                                ("direct", "Anna Berg", "Wir haben alles im Griff.")]),
    ("„Die Lage ist ernst“, sagte der Minister Karl Weber. Er fuhr danach nach Hause. „Wir haben alles im Griff.“",
     [("direct", "Karl Weber", "Die Lage ist ernst"), ("direct", "Karl Weber", "Wir haben alles im Griff.")]),
    # "diese" after the verb is its object, not a speaker; a participle at the start is no name
    ("Der Minister Karl Weber bezeichnete diese als eine „souveräne Entscheidung“.",
     [("direct", "Karl Weber", "souveräne Entscheidung")]),
    # a relative clause after a speech verb is reported only in Konjunktiv I
    ("Die Agentur Sana sprach von einem Attentäter, der sich in die Luft gesprengt habe.",
     [("indirect", "Agentur Sana", "der sich in die Luft gesprengt habe")]),
    ("Die Agentur Sana berichtete über den Anschlag, der viele Opfer forderte.", []),
    ("UNICEF schätzt die Zahl der Kinder, die missbraucht werden, auf 150 Millionen.", []),
    ("Wettervorhersagen kündigen Regenfälle an, die heftiger sein werden als üblich.", []),
    # the report ends where the text's own voice goes on: after a semicolon, ", was …" or ", doch …" in the indicative
    ("Die Staatsanwältin Anna Berg sagte, dass der Vater sie geschlagen hatte; es wird geprüft, ob dies verjährt ist.",
     [("indirect", "Anna Berg", "dass der Vater sie geschlagen hatte")]),
    ("Die Opposition wirft ihm vor, den Putsch verantwortet zu haben, was dieser jedoch zurückweist.",
     [("indirect", "Opposition", "den Putsch verantwortet zu haben")]),
    ("Die Verteidigerin Anna Berg sagte, der Angeklagte sei nicht gefährlich, doch die Richterin ließ sich auf keinen "
     "Kompromiss ein.", [("indirect", "Anna Berg", "der Angeklagte sei nicht gefährlich")]),
    # a cue in the subordinate clause that opens another cue's message reports what follows it
    ("Der Premier John Key warb für die Partnerschaft, indem er sagte, eine engere Zusammenarbeit würde helfen.",
     [("indirect", "John Key", "eine engere Zusammenarbeit würde helfen")]),
    ("Putin habe seine Bereitschaft erklärt, die Gespräche fortzusetzen, sagte Kremlsprecher Dmitri Peskow.",
     [("indirect", "Dmitri Peskow", "Putin habe seine Bereitschaft erklärt, die Gespräche fortzusetzen")]),
    # not inside a quotation
    ("Die Sängerin Anna Berg sagte, sie könne den Auftritt kaum erwarten, um „zu zeigen, was wir tun können“.",
     [("mixed", "Anna Berg", "sie könne den Auftritt kaum erwarten, um „zu zeigen, was wir tun können“")]),
    # a state, a reason or the subject's next act is not what was said
    ("Da Brauereien auf die Versorgung mit Trinkwasser angewiesen sind, warnte der Hauptgeschäftsführer des "
     "Brauerbundes vor der Gasförderung.", []),
    ("Magnitski hatte Beamte der Korruption beschuldigt, wurde dann wegen Beihilfe zur Steuerhinterziehung "
     "festgenommen.", []),
    ("Wenn es regnet, bleiben wir zu Hause, sagte die Ministerin Anna Berg.",
     [("indirect", "Anna Berg", "Wenn es regnet, bleiben wir zu Hause")]),
    # the prefield of a main clause joined by ", und"
    ("Der Präsidentenrat stufte das Gesetz als verfassungswidrig ein, und das UN-Kinderhilfswerk UNICEF rief "
     "Russland auf, das Adoptionsverbot zurückzunehmen.",
     [("indirect", "UN-Kinderhilfswerk UNICEF", "das Adoptionsverbot zurückzunehmen")]),
    ("PETA ist allgemein bekannt dafür, durch Aktionen gegen das Tragen von Pelz zu demonstrieren.", []),
    ("Es ist bekannt geworden, dass der Minister zurücktritt.",
     [("indirect", None, "dass der Minister zurücktritt")]),
    # a purpose is not what was said
    ("Die Sprecherin Elizabeth Byrs forderte einen Luftkorridor, um Hilfe ins Land zu bringen.", []),
    # a clause opening with "und" after the cue's clause is the sentence going on
    ("Die Vorwürfe wurden zurückgewiesen, und die Sitzung ging weiter.", []),
    # "Und weiter:" names nobody: the words go on being the last speaker's
    ("Der Minister Karl Weber betonte: „Wir halten Wort.“ Und weiter: „Wir werden liefern.“",
     [("direct", "Karl Weber", "Wir halten Wort."), ("direct", "Karl Weber", "Wir werden liefern.")]),
    ("Der Premier John Key sprach von einer Katastrophe. Seiner Ansicht nach „sind wir Zeugen eines schwarzen "
     "Tages“.", [("direct", "John Key", "sind wir Zeugen eines schwarzen Tages")]),
    # a Konjunktiv sentence that goes on with a quoted fragment inside is one mixed record
    ("Der Senator Karl Weber sprach von einer Krise. Allerdings sei das derzeitige System „kaputt“, denn es könne "
     "unterwandert werden.", [("mixed", "Karl Weber", "Allerdings sei das derzeitige System „kaputt“, denn es "
                               "könne unterwandert werden")]),
    # a name the tagger calls a verb still ends a source phrase
    ("Dem Sender al-Dschasira zufolge wird das Schiff in den Hafen Aschdot gefahren.",
     [("indirect", "Sender al-Dschasira", "wird das Schiff in den Hafen Aschdot gefahren")]),
    # Konjunktiv II goes on with reported speech right after it; a listed Konjunktiv form is the clause's verb
    # even where the tagger takes a word before it for a verb
    ("Wie der Sprecher Steve Marshall mitteilte, hat die Regierung lediglich sechs Hubschrauber im Einsatz. Diese "
     "könnten täglich nur 24 Tonnen Hilfsgüter transportieren.",
     [("indirect", "Steve Marshall", "hat die Regierung lediglich sechs Hubschrauber im Einsatz"),
      ("indirect", "Steve Marshall", "Diese könnten täglich nur 24 Tonnen Hilfsgüter transportieren")]),
    ("Sein Rivale McCain, so Obama weiter, würde massiv Spenden erhalten. Er selber wolle aber unabhängig bleiben.",
     [("indirect", "Obama", "Sein Rivale McCain, so Obama weiter, würde massiv Spenden erhalten"),
      ("indirect", "Obama", "Er selber wolle aber unabhängig bleiben")]),
    # "nach denen" after a noun of saying: the clause after it is what the noun says, not the verb's complement
    ("Er verwies auf Studien der Charité, nach denen Homöopathie der Schulmedizin oft ebenbürtig sei.",
     [("indirect", "Charité", "Homöopathie der Schulmedizin oft ebenbürtig sei")]),
    ("Der Trainer Rob Mueller sagte, nach dem Spiel hätten alle Spieler dem Schiedsrichter die Hand gegeben.",
     [("indirect", "Rob Mueller", "nach dem Spiel hätten alle Spieler dem Schiedsrichter die Hand gegeben")]),
    # a compound's first part is its source only where it can speak
    ("Nach dpa-Angaben wurden zwei Menschen verletzt.", [("indirect", "dpa", "wurden zwei Menschen verletzt")]),
    ("Nach Reuters-Informationen wurden zwei Menschen verletzt.",
     [("indirect", "Reuters", "wurden zwei Menschen verletzt")]),
    # a genitive after a title, right before the finite verb, is part of the fronted source phrase
    ("Laut dem jüngsten „Deutschlandtrend“ der ARD halten 45 Prozent der Befragten die Koalition für denkbar.",
     [("indirect", "Deutschlandtrend", "halten 45 Prozent der Befragten die Koalition für denkbar")]),
    ("Laut Meinungsumfragen lehnen 72 Prozent der Briten die Verfassung ab.",
     [("indirect", None, "lehnen 72 Prozent der Briten die Verfassung ab")]),
    # a source noun of calculation
    ("Nach Berechnungen eines US-Forschers sind nur 300 Jäger über die Beringstraße eingewandert.",
     [("indirect", "US-Forscher", "sind nur 300 Jäger über die Beringstraße eingewandert")]),
    # a speech act without words of its own: the Konjunktiv sentence after it reports them
    ("Der Iran streitet dies ab. Das Programm sei ausschließlich friedlich.",
     [("indirect", "Iran", "Das Programm sei ausschließlich friedlich")]),
    # the subject of the sentence before names the speaker of a Konjunktiv sentence only if its head can speak
    ("Die Fusion der beiden Hersteller wurde verschoben. Bis 2011 solle sie erreicht sein.",
     [("indirect", None, "Bis 2011 solle sie erreicht sein")]),
    # a name the tagger knows in one sentence is a name where it opens the next
    ("Der Anwalt Rainer Wittner sprach mit Journalisten. Wittner sagte weiter, dass die Ärzte der Frau abgeraten "
     "hätten.", [("indirect", "Rainer Wittner", "dass die Ärzte der Frau abgeraten hätten")]),
    ("Der Trainer Louis van Gaal sagte, man sei zufrieden. Van Gaal betonte, man habe gut gespielt.",
     [("indirect", "Louis van Gaal", "man sei zufrieden"), ("indirect", "Louis van Gaal", "man habe gut gespielt")]),
    ("Die Journalisten beschweren sich über die Behinderungen, nur die Reporter des Staatsfernsehens seien "
     "zugelassen.", [("indirect", "Journalisten", "nur die Reporter des Staatsfernsehens seien zugelassen")]),
    # an apposition between commas after the cue's subject is not the message
    ("Ende Januar verkündete der „Deutsche Fußball-Bund“, kurz „DFB“, dann offiziell, dass man sich bewerben werde.",
     [("indirect", "Deutsche Fußball-Bund", "dass man sich bewerben werde")]),
    # "so X" followed by the addressee; a long clause before a trailing cue
    ("Der Gesang soll nur Playback gewesen sein, so der Mitarbeiter einer Produktionsfirma gegenüber der Zeitung "
     "„Beijing Shibao“.",
     [("indirect", "Mitarbeiter einer Produktionsfirma", "Der Gesang soll nur Playback gewesen sein")]),
    ("Bei ihrem Vormarsch im Rahmen der Operation Muschtarak in der Provinz Helmand trafen US-Truppen auf "
     "erheblichen Widerstand durch Aufständische, berichtet Reuters.",
     [("indirect", "Reuters", "Bei ihrem Vormarsch im Rahmen der Operation Muschtarak in der Provinz Helmand "
       "trafen US-Truppen auf erheblichen Widerstand durch Aufständische")]),
    # "so X" closing the sentence reports the clause with the cue inside it, from the last colon on
    ("Ägypten wird bereits aufgefordert, die Grenze zu öffnen, so Hisbollah-Chef Hassan Nasrallah.",
     [("indirect", "Hassan Nasrallah", "Ägypten wird bereits aufgefordert, die Grenze zu öffnen")]),
    ("Die Richterin ließ sich auf keinen Kompromiss ein: Eine Bewährungsstrafe sei nicht vermittelbar, „wenn "
     "jemand mit 1,9 Promille einen Radfahrer zusammenfährt“, so Ute Bader.",
     [("mixed", "Ute Bader", "Eine Bewährungsstrafe sei nicht vermittelbar, „wenn jemand mit 1,9 Promille einen "
       "Radfahrer zusammenfährt“")]),
    # outlets that write their names in lowercase
    ("Laut dpa wurden drei Menschen verletzt.", [("indirect", "dpa", "wurden drei Menschen verletzt")]),
    ("Das Gesetz sei laut taz gescheitert.", [("indirect", "taz", "Das Gesetz sei laut taz gescheitert")]),
    # an extended attribute inside the source phrase; the speaker is the statement's owner
    ("Laut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden 2.000 Menschen versorgt.",
     [("indirect", "WFP", "wurden 2.000 Menschen versorgt")]),
    # "Als" opening a phrase before V2, not a clause; a passive participle after a particle
    ("Als Begründung wurde auch angegeben, es werde ein neuer Partner für die Studie gesucht.",
     [("indirect", None, "es werde ein neuer Partner für die Studie gesucht")]),
    # an infinitive clause opening with an article is not a relative clause
    ("Colomer empfahl dem Gericht, der Klage der EU-Kommission stattzugeben.",
     [("indirect", "Colomer", "der Klage der EU-Kommission stattzugeben")]),
    # a condition with its own subject between the cue and its message
    ("Die Niederlande haben angekündigt, sollte Bouterse die Macht übernehmen, ihre Hilfe auszusetzen.",
     [("indirect", "Niederlande", "sollte Bouterse die Macht übernehmen, ihre Hilfe auszusetzen")]),
    # a comparative the tagger took for a verb does not end the cue's clause before its particle
    ("Vor dem Absturz wurde kein Notsignal gesendet, teilte später der Direktor der Behörde, Bagus Puruhito, mit.",
     [("indirect", "Bagus Puruhito", "Vor dem Absturz wurde kein Notsignal gesendet")]),
    # a finite verb in "-e" is a subjunctive, whatever lemma the lemmatizer gives it
    ("Der Minister weist auf die neuen Risiken hin. Dazu gehöre die Gesichtserkennung.",
     [("indirect", "Minister", "Dazu gehöre die Gesichtserkennung")]),
    # a source phrase that opens the sentence reports it, past a relative clause on its noun
    ("Nach der Einschätzung eines Experten, der vom Sender befragt wurde, würde dies für einen Anschlag sprechen.",
     [("indirect", "Experte", "würde dies für einen Anschlag sprechen")]),
    ("Ein Sprecher der Polizei, Lars Beringer, sagte, nach neuesten Erkenntnissen habe ein Unbekannter den Namen "
     "verwendet.", [("indirect", "Lars Beringer", "nach neuesten Erkenntnissen habe ein Unbekannter den Namen "
                     "verwendet")]),
    # a relative clause whose verbs are joined by "und" still ends with its verb: no speech in the indicative
    ("Ein DNA-Test bestätigte die Identität des Mannes, der 1963 untertauchte und 1993 zum Anführer aufstieg.", []),
    # the subject with its relative clause before a cue is not what was said; a sentence with one still is
    ("Hubert Primus, der bei Stiftung Warentest für die Publikation verantwortlich ist, wies den Vorwurf zurück.", []),
    # a clause before a trailing cue opens after a colon in it; a closing wie-clause with its own verb of
    # saying attributes the clause before it, it is not what a verb before it ("begrüßen") reports
    ("Auch die Grünen üben Kritik: Die Pläne kämen viel zu spät, sagte Landessprecherin Sandra Krautwaschl.",
     [("indirect", "Sandra Krautwaschl", "Die Pläne kämen viel zu spät")]),
    ("Die Gemeinden begrüßen das Vorhaben grundsätzlich, wie Gemeindebund-Präsident Erwin Dirnberger sagte.",
     [("indirect", "Erwin Dirnberger", "Die Gemeinden begrüßen das Vorhaben grundsätzlich")]),
    ("Der Preis, den die Firma zahlen müsse, sei zu hoch, sagte der Sprecher.",
     [("indirect", "Sprecher", "Der Preis, den die Firma zahlen müsse, sei zu hoch")]),
    # a cue with its prepositional object before the comma reports a Konjunktiv clause after it, not an
    # indicative one: the sentence goes on
    ("Der Verband warnte vor neuen Unruhen, die Polizei sperrte daraufhin die Straße.", []),
    ("Der Verband warnte vor neuen Unruhen, die Lage sei angespannt.",
     [("indirect", "Verband", "die Lage sei angespannt")]),
    # a zu-infinitive on a noun of saying closes at its comma; a particle taken for a verb is no Konjunktiv
    ("Der Vorschlag des Ministers, die Flaggen zu wechseln, findet nun auch Unterstützung.",
     [("indirect", "Minister", "die Flaggen zu wechseln")]),
    ("Der Beschluss, der auf Initiative Frankreichs zustande kam, erhielt die Zustimmung von zehn Staaten.", []),
    # the particle of another verb before the cue is not the cue's ("stimmte … zu, teilte … mit")
    ("Die Regierung stimmte dem Gesetz zu, teilte die Länderkammer mit.",
     [("indirect", "Länderkammer", "Die Regierung stimmte dem Gesetz zu")]),
    # Swiss and Austrian titles are roles before a name
    ("«Das ist ein guter Tag für die Schweiz», sagte Bundesrat Alain Berset vor den Medien.",
     [("direct", "Alain Berset", "Das ist ein guter Tag für die Schweiz")]),
    # verbs of judging take what was said as a partial quote after "als", and a dass-clause
    ("Die Bundesregierung verurteilte den Angriff als „hinterhältigen Anschlag“.",
     [("direct", "Bundesregierung", "hinterhältigen Anschlag")]),
    ("Der Verband begrüßte, dass die Regierung einlenke.", [("indirect", "Verband", "dass die Regierung einlenke")]),
    ("Das Gericht verurteilte den Mann zu drei Jahren Haft.", []),
    # a weak verb's preterite is the narrator's past, not a Konjunktiv that goes on with speech
    ("„Wir sind bereit“, sagte der Minister. Seine Bemerkung löste im Netz erneut Spekulationen aus.",
     [("direct", "Minister", "Wir sind bereit")]),
    # a source phrase speaks for its own main clause, not for a main clause before it
    ("Die Mutter soll einige Übergriffe mitbekommen haben, diese Taten seien aber laut der Staatsanwältin Antje "
     "Gabriels schon verjährt.", [("indirect", "Antje Gabriels", "diese Taten seien aber laut der Staatsanwältin "
                                  "Antje Gabriels schon verjährt")]),
    ("Weil die Behörden keine Statistiken führten, sei es laut Amnesty International schwer, Aussagen zu machen.",
     [("indirect", "Amnesty International", "Weil die Behörden keine Statistiken führten, sei es laut Amnesty "
                                            "International schwer, Aussagen zu machen")]),
    # a year before a finite verb does not make it an attribute ("Im Juli 2008 vermeldete Wikinews, …");
    # a zu-infinitive with its particle, whatever its tag, after a word no verb can be ("kurzfristig")
    ("Bereits im Juli 2008 vermeldete Wikinews, dass die Firma als Partner im Gespräch sei.",
     [("indirect", "Wikinews", "dass die Firma als Partner im Gespräch sei")]),
    ("Die 64-jährige deutsche Bundeskanzlerin Angela Merkel hat in Berlin angekündigt, kurzfristig zurückzutreten als "
     "Chefin der CDU.", [("indirect", "Angela Merkel", "kurzfristig zurückzutreten als Chefin der CDU")]),
    # a noun of saying whose clause closes with a prepositional phrase and the verb before the comma
    ("Damals hatte das Bundesverfassungsgericht eine deutliche Mahnung an die Politik ausgesprochen, dieses "
     "Instrument nicht zu missbrauchen.",
     [("indirect", "Bundesverfassungsgericht", "dieses Instrument nicht zu missbrauchen")]),
    # "Äußerungen" is a noun of saying that makes a source phrase
    ("Nach Äußerungen des Ministers sei die Lage ernst.", [("indirect", "Minister", "sei die Lage ernst")]),
    # a party named by a nominalised adjective speaks; a stance word may stand in quotation marks
    ("Die Grünen kritisieren, dass das Budget zu wenig für den Klimaschutz vorsehe.",
     [("indirect", "Grünen", "dass das Budget zu wenig für den Klimaschutz vorsehe")]),
    ("Der Gesundheitsminister zeigte sich „zuversichtlich“, dass die Impfquote steigen werde.",
     [("indirect", "Gesundheitsminister", "dass die Impfquote steigen werde")]),
    # "ist zu hören" reports like "heißt es", from the place it names; a thing that can be heard does not
    ("Aus der Regierung ist zu hören, der Milliardär habe die Filme in Auftrag gegeben.",
     [("indirect", "Regierung", "der Milliardär habe die Filme in Auftrag gegeben")]),
    ("Die Musik ist bis auf die Straße zu hören.", []),
    # "In dem Bericht steht, …" names its document like "heißt es"; "Die Chancen stehen gut" reports nothing
    ("In einem Jahresbericht des Ministeriums steht, dass 42 Prozent aller Fälle gelöst worden seien.",
     [("indirect", "Ministerium", "dass 42 Prozent aller Fälle gelöst worden seien")]),
    ("Die Chancen stehen gut, dass die Firma überlebt.", []),
    # a wie-clause closed by an auxiliary ("berichtet wird,"), whose passive names its speaker with "von";
    # a conclusion drawn is a noun of saying
    ("Wie der Zeitung „Hürriyet“ von der Gruppe berichtet wird, muss die Sperre nicht bestätigt werden.",
     [("indirect", "Gruppe", "muss die Sperre nicht bestätigt werden")]),
    ("Die Befragten ziehen die Schlussfolgerung, bei der nächsten Wahl nicht zur Wahl zu gehen.",
     [("indirect", "Befragten", "bei der nächsten Wahl nicht zur Wahl zu gehen")]),
    # "davon ausgegangen waren" is a perfect with "sein", not a state
    ("Die Soldaten waren fälschlicherweise davon ausgegangen, die Personen seien Terroristen.",
     [("indirect", "Soldaten", "die Personen seien Terroristen")]),
    # a source phrase ends before a plural noun that opens the next phrase
    ("Grund für den Brand waren laut Ministerium Arbeiten an der Stromübergabestelle.",
     [("indirect", "Ministerium", "Grund für den Brand waren laut Ministerium Arbeiten an der Stromübergabestelle")]),
    # two sources joined by "und" fill the prefield together
    ("Laut Polizei und Feuerwehr wurden drei Menschen verletzt.",
     [("indirect", "Polizei", "wurden drei Menschen verletzt")]),
    # "so X" with a phrase or a relative clause of its own after the source
    ("Doch sei es, so der Schriftsteller Musa Okwanga in einem Blogeintrag, ein Fehler gewesen, der sich nicht "
     "wiederholen dürfe.", [("indirect", "Musa Okwanga", "Doch sei es, so der Schriftsteller Musa Okwanga in einem "
                                                        "Blogeintrag, ein Fehler gewesen, der sich nicht wiederholen "
                                                        "dürfe")]),
    ("Zwei Drittel der Methoden sind unwirksam, so eine Studie der Stiftung Warentest, in der Vera Herbst 50 "
     "Methoden untersucht hat.", [("indirect", "Stiftung Warentest", "Zwei Drittel der Methoden sind unwirksam")]),
    # a genitive between two nouns names nobody ("Teil der Lieferung" is no "van der Gaal"): the report goes on
    ("Das Auswärtige Amt meldete gestern, der erste Hilfsflug sei in Rangun eingetroffen. Teil der Lieferung waren "
     "sechs Anlagen. Weitere sechs Anlagen seien mit einem Flug des Roten Kreuzes unterwegs.",
     [("indirect", "Auswärtiges Amt", "der erste Hilfsflug sei in Rangun eingetroffen"),
      ("indirect", "Auswärtiges Amt", "Weitere sechs Anlagen seien mit einem Flug des Roten Kreuzes unterwegs")]),
    # a quotation after a colon that closes a dass-clause: the cue is the main clause's verb, not the clause's own
    ("Michael Schumacher glaubt weiterhin, dass das Team gestärkt aus der Saison hervorgegangen sei: „Wir haben "
     "gelernt, bescheidener zu sein.“",
     [("indirect", "Michael Schumacher", "dass das Team gestärkt aus der Saison hervorgegangen sei"),
      ("direct", "Michael Schumacher", "Wir haben gelernt, bescheidener zu sein.")]),
    # a Konjunktiv sentence after a statement with its owner goes on reporting it; a noun of no saying names nobody
    ("Die Entscheidung fiel auf einem Treffen. Im weiteren Verlauf der Pressemitteilung der NASA wird deutlich, dass "
     "dies nicht der einzige Grund war. Auch eine Reparatur am Roboterarm sei nötig.",
     [("indirect", "NASA", "Auch eine Reparatur am Roboterarm sei nötig")]),
    ("Die Entscheidung fiel auf einem Treffen. Im weiteren Verlauf des Abends wurde gefeiert. Auch eine Reparatur am "
     "Roboterarm sei nötig.", [("indirect", None, "Auch eine Reparatur am Roboterarm sei nötig")]),
    # "während" before a noun phrase is a preposition: the Konjunktiv sentence goes on with the report
    ("Der Gouverneur teilte mit, dass während der Feier Musik spielte. Während des Überfalls sollen auch Schüsse "
     "gefallen sein.", [("indirect", "Gouverneur", "dass während der Feier Musik spielte"),
                        ("indirect", "Gouverneur", "Während des Überfalls sollen auch Schüsse gefallen sein")]),
    # a wie-clause set off by commas inside a main clause reports it, which stays whole
    ("Das Unternehmen bekommt, wie ein Sprecher sagte, vier Millionen Euro.",
     [("indirect", "Sprecher", "Das Unternehmen bekommt, wie ein Sprecher sagte, vier Millionen Euro")]),
    ("Das Unternehmen bekomme, wie es in einer Mitteilung des Landes hieß, vier Millionen Euro.",
     [("indirect", "Land", "Das Unternehmen bekomme, wie es in einer Mitteilung des Landes hieß, vier Millionen "
                           "Euro")]),
    # a question with "wie", and a verb of naming, report nothing
    ("Auf die Frage, wie oft er mit Putin gesprochen habe, antwortete Trump: „Ich sage das besser nicht.“",
     [("direct", "Trump", "Ich sage das besser nicht.")]),
    ("Syd Barrett, wie er sich selbst gerne nannte, ist tot.", []),
    # "aus Sicht" with its owner is a source phrase; a point of view without one is not
    ("Aus Sicht der Opposition ist der Plan gescheitert.", [("indirect", "Opposition", "ist der Plan gescheitert")]),
    ("Aus juristischer Sicht ist der Plan gescheitert.", []),
    # "zu" inside a separable verb: nobody is said to speak; "hieß es" reports the clause
    ("Es sei nicht auszuschließen, dass weitere Schritte folgten, hieß es in Sicherheitskreisen.",
     [("indirect", "Sicherheitskreisen", "Es sei nicht auszuschließen, dass weitere Schritte folgten")]),
    ("Auf die Frage, wie es weitergehe, sagte Anna Berger, man werde sehen.",
     [("indirect", "Anna Berger", "man werde sehen")]),
    ("„Uncle Ted“, wie der Senator genannt wurde, war bekannt für sein Geschick.", []),
])
def test_source_phrases_clauses_and_references(extractor, text, expected) -> None:
    assert found(extractor, text) == expected


@pytest.mark.parametrize(("text", "mention", "speaker"), [
    # the statement stays in the mention as written; its owner is the speaker
    ("Nach Angaben der Polizei wurden zwei Menschen verletzt.", "Angaben der Polizei", "Polizei"),
    # an apposition belongs to the mention: a role after a name, a name after a role (particle past it)
    ("Olli Rehn, EU-Erweiterungskommissar, sagte, die Verhandlungen würden fortgesetzt.",
     "Olli Rehn, EU-Erweiterungskommissar", "Olli Rehn"),
    ("Jetzt gab der Leiter der Kriminalpolizei, Andreas Huber, bekannt, dass das Handy eingeloggt war.",
     "der Leiter der Kriminalpolizei, Andreas Huber", None),
    # "wonach" reports what the noun before it says, not the subject of the verb
    ("Das Ministerium wies Berichte der Zeitung zurück, wonach der Minister zurücktreten wolle.",
     "Berichte der Zeitung", "Zeitung"),
    # a particle the tagger takes for a verb of its own ("bekannt" as "bekennen") is still the particle
    ("Die Gemeinschaft (IGDRB), die von der Industrie gegründet wurde, hat nun bekannt gegeben, dass keine Gefahr "
     "bestehe.", "Die Gemeinschaft (IGDRB)", "Gemeinschaft (IGDRB)"),
    # after a quotation or a fronted report, the noun phrase after the verb and its adverbials is the subject
    ("„Die Lage ist ernst“, sagte am Montag der Minister.", "der Minister", "Minister"),
    ("Die Maschine sei abgestürzt, teilte die Flugsicherung mit.", "die Flugsicherung", "Flugsicherung"),
    # the subject of an auxiliary's verb before a colon, with a genitive owner before its role and the name after
    ("Merkels früherer Sprecher Ulrich Wilhelm hat keine Zweifel: „Das war die richtige Entscheidung.“",
     "Merkels früherer Sprecher Ulrich Wilhelm", "Ulrich Wilhelm"),
    # an expectation stated ("rechnet damit, dass …"); "-Boss" is a role before a name
    ("Die Nationalbank rechnet damit, dass die Inflation im kommenden Jahr sinkt.", "Die Nationalbank",
     "Nationalbank"),
    ("Bayern-Boss Jan-Christian Dreesen bedankte sich: „Wir wünschen ihm alles Gute.“",
     "Bayern-Boss Jan-Christian Dreesen", "Jan-Christian Dreesen"),
    # "der APA" after a speaker's noun is whom it was told; "aus X verlautete" names the source
    ("Wie ein Polizeisprecher der APA sagte, wurde der Mann festgenommen.", "ein Polizeisprecher",
     "Polizeisprecher"),
    ("Aus dem Ministerium verlautete, man sei mit dem Ergebnis zufrieden.", "dem Ministerium", "Ministerium"),
    ("Der Minister ließ verlauten, er sei mit dem Ergebnis zufrieden.", "Der Minister", "Minister"),
    # a verb of feeling after a quotation says it ("freute sich", "empörte sich")
    ("„Das ist ein großer Erfolg“, freute sich die Bürgermeisterin.", "die Bürgermeisterin", "Bürgermeisterin"),
    # "mit den Worten" before a quotation makes any verb its cue
    ("Die Ministerin verabschiedete sich mit den Worten „Wir sehen uns bald wieder“.", "Die Ministerin",
     "Ministerin"),
    # "Wie es in … hieß": the phrase between "es" and the verb is the source
    ("Wie es in einer Mitteilung des Konzerns hieß, sollen 500 Stellen wegfallen.",
     "einer Mitteilung des Konzerns", "Konzern"),
    # a relative clause after a preposition is no content clause; "in der es heißt" reports for its antecedent
    ("Die Regierung veröffentlichte eine Erklärung, in der es heißt, man verurteile den Angriff.",
     "eine Erklärung", None),
    # a relative clause after the name is no apposition
    ("Todor Kolarow, dessen Behörde dafür zuständig ist, sagte, dass fünf Millionen Euro beschlagnahmt wurden.",
     "Todor Kolarow", "Todor Kolarow"),
    # with "man" as the subject, the institution where it is said speaks
    ("Im Ministerium betont man, es gebe keinen Grund zur Sorge.", "Ministerium", "Ministerium"),
    ("Bei der Polizei geht man davon aus, dass der Täter aus der Region stammt.", "der Polizei", "Polizei"),
    # two subjects before the verb are one mention; the first is the speaker
    ("Die Weltbank und der Währungsfonds gaben bekannt, dass sie neue Programme entwickeln wollen.",
     "Die Weltbank und der Währungsfonds", "Weltbank"),
    # attributes the parse hangs on the nouns belong to the mention, not to the speaker (a spokesman
    # speaks for his office)
    ("Ein Sprecher der Botschaft in Berlin sagte am Montag, die Gespräche würden fortgesetzt.",
     "Ein Sprecher der Botschaft in Berlin", "Botschaft"),
    ("Nach Angaben einer russischen Quelle soll der Sprengsatz mit Metallteilen versehen gewesen sein.",
     "Angaben einer russischen Quelle", "russische Quelle"),
    # an apposition to a name the tagger did not tag as one
    ("Günther Platter, der Verteidigungsminister Österreichs, sagte, man sei zufrieden.",
     "Günther Platter, der Verteidigungsminister Österreichs", "Günther Platter"),
    # a title in quotation marks keeps its marks and article; a medium's noun keeps the title after it
    ("Die „Süddeutsche Zeitung“ berichtete, dass der Minister zurücktreten wolle.",
     "Die „Süddeutsche Zeitung“", "Süddeutsche Zeitung"),
    ("Die Wochenzeitung „Die Zeit“ berichtete, dass der Minister zurücktreten wolle.",
     "Die Wochenzeitung „Die Zeit“", "Die Zeit"),
    ("Zudem hob Sarkozy dem „Figaro“ zufolge die Wichtigkeit Englands hervor.", "dem „Figaro“", "Figaro"),
    # a demonstrative standing for the person named before
    ("Der Minister Karl Weber wurde befragt. Die Lage, so betonte dieser, sei ernst.", "dieser", "Karl Weber"),
    # a name the tagger took for an adverb; a web address as a source
    ("Merkel hob dabei auch hervor, dass dies Arbeitsplätze sichern könnte.", "Merkel", "Merkel"),
    ("Wie t-online.de berichtet, ist der erste Trailer im Internet veröffentlicht worden.",
     "t-online.de", "t-online.de"),
    # "hat … bekanntgegeben" is active even where the parse calls its subject passive
    ("Wie der Weltverband FIFA in der Nacht bekanntgegeben hat, wird die Weltmeisterschaft nicht in Deutschland "
     "stattfinden.", "der Weltverband FIFA", "Weltverband FIFA"),
    # a passive speech verb: the statement it stands in is the source
    ("In einem Bericht der Salzburger Nachrichten wurde vermutet, dass keine der Personen überlebt hat.",
     "einem Bericht der Salzburger Nachrichten", "Salzburger Nachrichten"),
    ("So wird in einer Pressemitteilung der Organisation gefordert, dass die Regierung die Ermittlungen aufnimmt.",
     "einer Pressemitteilung der Organisation", "Organisation"),
    # the prefield's subject past an insertion between commas; not where a pronoun after the verb is the subject
    ("Die Unterstützer der Vorlage, darunter auch die Bürgerfraktion, verwiesen darauf, dass man Verantwortung "
     "trage.", "Die Unterstützer der Vorlage", None),
    ("Die Anhänger, die sich anschickten, an der Kundgebung teilzunehmen, warnte er, die Organisatoren verfolgten "
     "eigene Ziele.", "er", None),
    # "heißt es" before a colon: the source it names; a colon after a subordinate clause: the main clause's subject
    ("In dem Antrag heißt es wörtlich: „Die Aufhebung der Einstufung wäre ein weiterer Beitrag.“", "dem Antrag",
     "Antrag"),
    ("Der Innenminister Karl Weber warnte vor den Fehden, die ins Ausland getragen wurden: „Das hat es noch nicht "
     "gegeben.“", "Der Innenminister Karl Weber", "Karl Weber"),
    # a participle the tagger calls an adverb is still a cue
    ("Der Weltmarktführer im Segment Energiesparlampen Philips hat angekündigt die Preise ab 1. Oktober zu erhöhen.",
     "Der Weltmarktführer im Segment Energiesparlampen Philips", None),
    # particles inside names, and a surname alone that opens with its particle
    ("Am Freitag hat der Bundesinnenminister Thomas de Maizière bekanntgegeben, dass die Paketbombe eine Attrappe "
     "gewesen sei.", "der Bundesinnenminister Thomas de Maizière", "Thomas de Maizière"),
    ("Der Sprecher Ahmed al-Hassan sagte, die Lage sei ruhig.", "Der Sprecher Ahmed al-Hassan", "Ahmed al-Hassan"),
    # agent nouns of foreign origin can speak; a colon's clause reaches past an apposition
    ("Einer der Putschisten, Harouna Djibrilla Adamou, dankte den Menschen und ergänzte, der Staatsstreich sei im "
     "Interesse des Landes.", "Einer der Putschisten, Harouna Djibrilla Adamou", None),
    ("Den Unmut der Partei brachte die Sprecherin der Fraktion, Annette Widmann-Mauz, zum Ausdruck: „Das ist nicht "
     "hilfreich.“", "die Sprecherin der Fraktion, Annette Widmann-Mauz", "Annette Widmann-Mauz"),
    # a party in parentheses after a name is no part of it; an organisation's abbreviation is
    ("Berlins früherer Regierender Bürgermeister Eberhard Diepgen (CDU) wies Vorwürfe zurück: Der Senat habe "
     "sich bewusst entschieden.", "Berlins früherer Regierender Bürgermeister Eberhard Diepgen (CDU)",
     "Eberhard Diepgen"),
    ("Die Interessengemeinschaft Deponiesicherheit Region Basel (IGDRB) hat bekannt gegeben, dass keine Gefahr "
     "bestehe.", "Die Interessengemeinschaft Deponiesicherheit Region Basel (IGDRB)",
     "Interessengemeinschaft Deponiesicherheit Region Basel (IGDRB)"),
    # the phrase of an extended attribute is no part of the speaker's name
    ("Die am Montag entlassene Ministerin sagte, sie sei enttäuscht.", "Die am Montag entlassene Ministerin",
     "entlassene Ministerin"),
    # an apposition after a source phrase is part of the source, not of the message
    ("Laut dem Chefankläger des Strafgerichts, Luis Moreno Ocampo, habe die Regierung die Taten geplant.",
     "dem Chefankläger des Strafgerichts, Luis Moreno Ocampo", "Luis Moreno Ocampo"),
    ("Nach Ansicht des Generalanwalts des Gerichtshofes, Damazo Ruiz-Jarabo Colomer, verstößt das Gesetz gegen "
     "EU-Recht.", "Ansicht des Generalanwalts des Gerichtshofes, Damazo Ruiz-Jarabo Colomer",
     "Damazo Ruiz-Jarabo Colomer"),
    # a name in quotation marks inside a source phrase; an affiliation after a name, not a particle of it
    ("Das Gesetz verstoße gegen EU-Recht, so Moritz Wohlrab von der „Aktion Deutschland hilft“.",
     "Moritz Wohlrab von der „Aktion Deutschland hilft“", "Moritz Wohlrab"),
    ("Laut dem Magazin „Der Spiegel“ habe die Regierung gelogen.", "dem Magazin „Der Spiegel“", "Der Spiegel"),
    ("Ursula von der Leyen sagte, man werde helfen.", "Ursula von der Leyen", "Ursula von der Leyen"),
    ("Angela Merkel von der CDU sagte, man werde helfen.", "Angela Merkel von der CDU", "Angela Merkel"),
    # the phrase after "Wie" is the subject of the cue that closes the clause, whatever its words
    ("Wie der Focus in seiner Onlineausgabe berichtet, ist HL Tau b möglicherweise gar kein Planet.",
     "der Focus in seiner Onlineausgabe", "Focus"),
    ("Wie die „Aktion Deutschland hilft“ heute mitteilte, werde vor allem Reis verteilt.",
     "die „Aktion Deutschland hilft“", "Aktion Deutschland hilft"),
    ("Wie aus einer Verlautbarung der Schutztruppe (ISAF) hervorgeht, wurden drei Menschen getötet.",
     "einer Verlautbarung der Schutztruppe (ISAF)", "Schutztruppe (ISAF)"),
    # an abstract noun in the prefield is no speaker, whatever persons its attributes name
    ("Die praktische Anwendung der Richtlinienkompetenz des Bundeskanzlers stellte der SPD-Vorsitzende Franz "
     "Müntefering ebenfalls in Frage: „Die Anwendung ist nicht lebenswirklich.“",
     "der SPD-Vorsitzende Franz Müntefering", "Franz Müntefering"),
    # one person's two offices, then the name; the noun phrase before the cue is its subject, not its message
    ("Der frühere Bürgermeister und Justizsenator, Henning Scherf (SPD), warnte die CDU vor einem "
     "„populistischen Wahlkampf“.", "Der frühere Bürgermeister und Justizsenator, Henning Scherf (SPD)",
     "Henning Scherf"),
    # a verb with "sich" and a word of stance after a quote is its cue
    ("„Wir brauchen nur noch ein Unentschieden“, zeigte sich Milovan Rajevac, der Trainer Ghanas, zufrieden.",
     "Milovan Rajevac, der Trainer Ghanas", "Milovan Rajevac"),
    # a direct quote standing alone after a sentence that reports a speech act: its speaker
    ("Der „Chaos Computer Club“ (CCC) fordert Nummernschilder für Polizisten. „Werden Straftaten nicht verfolgt, "
     "leidet das Vertrauen.“", "Der „Chaos Computer Club“ (CCC)", "Chaos Computer Club"),
    # a demonstrative standing alone is a pronoun
    ("Diese baten ihn um Zigaretten und drohten dem Mann an, ihn zu durchsuchen.", "Diese", None),
    # an institution after the finite verb is its subject; an apposition does not hide the auxiliary
    ("In einer Stellungnahme bestätigte die Staatsanwaltschaft, dass gegen den Mann ermittelt werde.",
     "die Staatsanwaltschaft", None),
    ("Erst vor zwei Tagen hatte der Investor für den Neubau, Larry A. Silverstein, zugesagt, nicht weiter "
     "über den Turm bestimmen zu wollen.", "der Investor für den Neubau, Larry A. Silverstein",
     "Larry A. Silverstein"),
    # the head of a phrase is past its extended attribute and past a name in the genitive
    ("Der für die Region zuständige Koordinator für Naturkatastrophen, Deftalgne Tessema, sagte, die Lage "
     "sei ernst.", "Der für die Region zuständige Koordinator für Naturkatastrophen, Deftalgne Tessema",
     "Deftalgne Tessema"),
    ("Auch Winfried Hassemer, Papiers Stellvertreter, glaubt, dass ein weiteres Verfahren möglich sei.",
     "Winfried Hassemer, Papiers Stellvertreter", "Winfried Hassemer"),
    # a claim that the subject answers is the claim's, not the subject's; the next sentence is the answer
    ("Der Präsident der Region, Qiangba Puncog, wies die Darstellung zurück, die Ausländer seien gezwungen "
     "worden.", "die Darstellung", None),
    ("Der Experte wandte sich gegen die Behauptung der Firma, die Sorte werde nicht in die Nahrung gelangen.",
     "die Behauptung der Firma", "Firma"),
    # a name with an apposition and a relative clause before the verb is its subject, not its message
    ("Sadiq Khan, einer der Abgeordneten, die den Brief unterschrieben, verurteilte die Politik. „Diese Regierung "
     "hat große Erfolge zu verzeichnen.“", "Sadiq Khan, einer der Abgeordneten", "Sadiq Khan"),
    # appositions: a description set off by commas after a name, two roles, a name with a particle,
    # a role after the owner of a statement
    ("Elon Musk, der Milliardär hinter der Firma, erklärte, der Start sei ein Erfolg.",
     "Elon Musk, der Milliardär hinter der Firma", "Elon Musk"),
    ("Charles Bouchard, kanadischer General und Kommandeur des Einsatzes, sagte, die Lage sei ruhig.",
     "Charles Bouchard, kanadischer General und Kommandeur", "Charles Bouchard"),
    ("Die Sprecherin der Stiftung Warentest, Heike van Laak, sagte dazu: „Wir bleiben bei unseren Ergebnissen.“",
     "Die Sprecherin der Stiftung Warentest, Heike van Laak", "Heike van Laak"),
    ("Laut Angaben von Peter Beck, dem Dekan, wurden drei Menschen verletzt.", "Angaben von Peter Beck, dem Dekan",
     "Peter Beck"),
    # a name before a role and a colon; an institution in the role's attribute is not the person;
    # a compound's first part shared across "und"
    ("Erkki Tuomioja, Präsident des Rats der Europäischen Union: „Das Gesetz ist ein Fehler.“",
     "Erkki Tuomioja, Präsident des Rats der Europäischen Union", "Erkki Tuomioja"),
    ("Der stellvertretende Direktor der Such- und Rettungsagentur, Bambang Suryo Aji, sagte, das Flugzeug sei "
     "abgestürzt.", "Der stellvertretende Direktor der Such- und Rettungsagentur, Bambang Suryo Aji",
     "Bambang Suryo Aji"),
    # a title in quotation marks after "Wie" is the wie-clause's subject, not a partial quote
    ("Wie „heise online“ berichtet, sperrten die Behörden den Zugang zu „YouTube“.", "„heise online“", None),
    # "als" opening a clause with its verb last is a subordinator, not "als Sprecher"
    ("Als Regierungschef John Lee am Sonntag sagte, dass die Proteste keine Revolution seien, protestierten viele.",
     "Regierungschef John Lee", "John Lee"),
    # a participle before its noun describes it ("nicht weiter bezeichnete Quellen"): the cue is "gab … an",
    # whose subject is not inside the prepositional phrase; "Das sagte Merkel" keeps its cue
    ("Unter Berufung auf nicht weiter bezeichnete Quellen gab die Zeitung an, dem Generalsekretär sei das Amt "
     "angeboten worden.", "die Zeitung", "Zeitung"),
    ("Das sagte Merkel am Montag in Berlin: „Wir schaffen das.“", "Merkel", "Merkel"),
    # a source phrase keeps its apposition and a second source joined by "und", even inside the message
    ("Dem Chefankläger des Strafgerichts, Luis Moreno Ocampo, zufolge wurden 300 Menschen getötet.",
     "Dem Chefankläger des Strafgerichts, Luis Moreno Ocampo", "Luis Moreno Ocampo"),
    ("Die Zahl der Toten ist laut Polizei und Feuerwehr gestiegen.", "Polizei und Feuerwehr", "Polizei"),
    # "heißt es": the place named before it or right after it, never a phrase inside the message
    ("In der Vorabversion des Berichts, der ins Netz gestellt wurde, heißt es, im Bereich seien 15.361 Straftaten "
     "begangen worden.", "der Vorabversion des Berichts", None),
    ("Mit dem Preis werden Politiker ausgezeichnet, die sich in besonderer Weise verdient gemacht hätten, heißt es "
     "auf der Webseite des Preises.", "der Webseite des Preises", None),
    # two adjectives joined by "und" describe one noun: one speaker
    ("Die afghanischen und ausländischen Soldaten waren davon ausgegangen, die Personen seien Terroristen.",
     "Die afghanischen und ausländischen Soldaten", "afghanische und ausländische Soldaten"),
    # an adverb of an adjective stays inside the phrase
    ("„Die Anlage ist sicher“, sagte ein nicht genannter Vertreter der Firma.",
     "ein nicht genannter Vertreter der Firma", None),
    # a year after a month, a number after "Nr." belong to the phrase
    ("Nach einem Bericht des Innenministeriums vom November 2011 wurden 40 Prozent der Fälle aufgeklärt.",
     "einem Bericht des Innenministeriums vom November 2011", None),
    # an adjective in "-er" between two nouns is a genitive plural attribute
    ("Nach Angaben libanesischer Sicherheitskreise wurden drei Menschen getötet.",
     "Angaben libanesischer Sicherheitskreise", None),
    # a plural right after a singular noun opens the next phrase, but not after a place's adjective
    ("Grund für den Brand waren laut Ministerium Arbeiten an der Stromübergabestelle.", "Ministerium", None),
    ("Laut Wiener Linien sollen die Türen sicherer werden.", "Wiener Linien", None),
    # "er" before the verb is the subject; "diese" after it need not be
    ("Der Minister Hans Müller lobte den Plan. Er bezeichnete diese als eine „souveräne Entscheidung“.", "Er",
     "Hans Müller"),
    # "zum", "zur", "mit", "unter" open the verb's phrases, not the speaker's attributes, except inside a title
    ("Die SPD-Landtagsfraktion zum Rücktritt Hartmanns: „Der Schritt war überfällig.“", "Die SPD-Landtagsfraktion",
     None),
    ("Nach Ansicht des neuen „Obersten Rates zur Wiederherstellung der Demokratie“ sei die Lage unter Kontrolle.",
     "Ansicht des neuen „Obersten Rates zur Wiederherstellung der Demokratie“", None),
    # "Wie X, Name, … mitteilte": the subject with its apposition; "von Seiten X" is a passive's agent
    ("Wie der Bevollmächtigte der EU-Kommission, Gerald Braun, in Luxemburg mitteilte, sieht der Konzern darin "
     "einen Nachteil.", "der Bevollmächtigte der EU-Kommission, Gerald Braun", "Gerald Braun"),
    ("Von Seiten der deutschen Verhandlungsdelegation war den USA vorgeworfen worden, das Dokument verwässert zu "
     "haben.", "der deutschen Verhandlungsdelegation", None),
    # in a relative clause the relative pronoun is the mention as written; the speaker is its antecedent
    ("Ein neuer Vorschlag kam von Ägypten, das vorschlug, im Nahen Osten eine atomwaffenfreie Zone einzurichten.",
     "das", "Ägypten"),
    # after a genitive article an adjective ends in "-en": "der ursprüngliche" opens the subject
    ("Im Jahr 1998 soll nach einer weiteren Nachricht der ursprüngliche Bote gestorben sein.",
     "einer weiteren Nachricht", None),
    # "eigenen Angaben": the statement of the clause's own subject
    ("Nach eigenen Angaben hat die Firma 100 Mitarbeiter entlassen.", "eigenen Angaben", "Firma"),
    ("Georg Ratzinger war nach eigenem Bekunden seit langem eingeweiht.", "eigenem Bekunden", "Georg Ratzinger"),
    # a noun of saying hung on another noun: the subject of the verb above both
    ("Danach erteilten sie den Menschen an Bord den Befehl, das Flugzeug zu verlassen.", "sie", None),
    # a second verb shares the subject of the verb it is coordinated with, wherever the parser hung it
    ("Einer der Putschisten, Harouna Djibrilla Adamou, dankte den Menschen für ihre Unterstützung und ergänzte, "
     "der Staatsstreich sei im besten Interesse des Landes.", "Einer der Putschisten, Harouna Djibrilla Adamou",
     "Harouna Djibrilla Adamou"),
    # a passive without its agent: the source phrase in its clause names who reports it
    ("Die Einwohner wurden laut Polizei aufgefordert, ihre Häuser zu verlassen.", "Polizei", "Polizei"),
    ("Ausländer wurden gestern nach Angaben eines Mitarbeiters einer Hilfsorganisation angewiesen, das Land zu "
     "verlassen.", "Angaben eines Mitarbeiters einer Hilfsorganisation", None),
    # a demonstrative standing alone is the subject, whatever the parse hangs it on
    ("Peter Ertel meldete sich am Montag. Dieser behauptete belegen zu können, dass der Minister gelogen hat.",
     "Dieser", "Peter Ertel"),
    # two offices, the second with its adjective, in the apposition after a name
    ("Kurt von Figura, Präsident der Universität Göttingen und derzeitiger Vorsitzender der "
     "Landeshochschulkonferenz, sagte, der Beschluss sei ein wesentlicher Schritt.",
     "Kurt von Figura, Präsident der Universität Göttingen und derzeitiger Vorsitzender der "
     "Landeshochschulkonferenz", "Kurt von Figura"),
    # a bare noun with its attribute between commas describes the name before it
    ("Hugo Salcedo, Kopf einer Gruppe von Inspektoren, sagte, Brasilien werde seine Zusagen erfüllen.",
     "Hugo Salcedo, Kopf einer Gruppe von Inspektoren", "Hugo Salcedo"),
    # a statement's noun and its owner are the mention, as with "Angaben der Polizei"; the owner speaks
    ("Die Partei reagierte auf die Forderung des CSU-Vorsitzenden Edmund Stoiber, auf die SPD zuzugehen.",
     "die Forderung des CSU-Vorsitzenden Edmund Stoiber", "Edmund Stoiber"),
    # an unnamed role speaks as its noun; "für …" belongs to an institution's name; a name's adjective in
    # its nominative form
    ("Eine Sprecherin sagte auf Anfrage, man prüfe die Folgen.", "Eine Sprecherin", "Sprecherin"),
    ("Nach Angaben des Bundesamts für Statistik stiegen die Preise im November um 0,7 Prozent.",
     "Angaben des Bundesamts für Statistik", "Bundesamt für Statistik"),
    ("Der Deutsche Wetterdienst warnte, es werde Sturm geben.", "Der Deutsche Wetterdienst", "Deutscher Wetterdienst"),
    ("Ein hoher EU-Beamter sagte, man sei vorsichtig optimistisch.", "Ein hoher EU-Beamter", "hoher EU-Beamter"),
    # an article keeps a known surname a noun
    ("Der Fahrgastverband Pro Bahn protestierte. Nach Angaben der Bahn war nur jeder zweite Zug pünktlich.",
     "Angaben der Bahn", "Bahn"),
    # a surname the tagger reads as an adjective ("Neuer"), an office before the name ("Sportvorstand")
    ("Kapitän Manuel Neuer schrieb auf Instagram: „Danke für alles!“", "Kapitän Manuel Neuer", "Manuel Neuer"),
    ("„Wir suchen einen Nachfolger“, sagte Sportvorstand Max Eberl.", "Sportvorstand Max Eberl", "Max Eberl"),
    # the statement a verb like "hervorgehen" names its source with, in the dative
    ("Aus dem Bericht des Rechnungshofs geht hervor, dass die Kosten gestiegen sind.",
     "dem Bericht des Rechnungshofs", "Rechnungshof"),
    # an active verb of quoting: its object speaks, not the medium that quotes
    ("Die „Bild“-Zeitung zitiert einen Parteifreund mit den Worten: „Sie hat keine Zukunft mehr.“",
     "einen Parteifreund", "Parteifreund"),
    ("Die Lieferungen würden „nichts am Ausgang der militärischen Spezialoperation ändern“, zitierte die "
     "Staatsagentur Tass den Sprecher.", "den Sprecher", "Sprecher"),
    # the agent of a passive verb of saying speaks, whatever noun heads it
    ("Von deutscher Seite wurde gefordert, alle Beiträge sollten innerhalb von 24 Stunden geprüft werden.",
     "deutscher Seite", None),
    # a fronted source phrase is all of the prefield before the finite verb; a date after a name is no
    # part of it
    ("Nach Ansicht der Oppositionsparteien im Berliner Abgeordnetenhaus sei der Plan gescheitert.",
     "Ansicht der Oppositionsparteien im Berliner Abgeordnetenhaus", "Oppositionspartei"),
    ("Laut einem Bericht des Spiegel vom Montag plant die Regierung neue Steuern.",
     "einem Bericht des Spiegel vom Montag", "Spiegel"),
    # an apposition of a role and its holder's name names the speaker; a quoted name keeps its words
    ("Das Staatsoberhaupt Neuseelands, die britische Königin Elisabeth II., erklärte, sie sei erfreut.",
     "Das Staatsoberhaupt Neuseelands, die britische Königin Elisabeth II.", "Elisabeth II."),
    ("„Ärzte ohne Grenzen“ sowie das Rote Kreuz kündigten an, die Zahl der Helfer zu erhöhen.",
     "„Ärzte ohne Grenzen“ sowie das Rote Kreuz", "Ärzte ohne Grenzen"),
    # a noun of saying as the object: the subject of its clause speaks, by its place in German V2
    ("So fassten die Hamburger Grünen am Donnerstag bei ihrer Versammlung den Beschluss, Koalitionsgespräche "
     "mit der CDU zu führen.", "die Hamburger Grünen", "Hamburger Grünen"),
    # an extended attribute before the noun, its article tagged as a pronoun; its participle, not an
    # adjective inside it, carries it
    ("„Jetzt ist es noch außergewöhnlicher“, schrieb die in Berlin geborene Sängerin.",
     "die in Berlin geborene Sängerin", "geborene Sängerin"),
    ("„Das ist gut“, sagte die zur kalifornischen Stanford University gehörende Hoover Institution.",
     "die zur kalifornischen Stanford University gehörende Hoover Institution", None),
    # an office's field joined by "und" belongs to the title, and the name after it to the mention
    ("Bundesminister für Arbeit und Soziales Hubertus Heil sagte, die Rente sei sicher.",
     "Bundesminister für Arbeit und Soziales Hubertus Heil", "Hubertus Heil"),
    ("Der Bundesminister für Arbeit und Soziales, Hubertus Heil, sagte, die Rente sei sicher.",
     "Der Bundesminister für Arbeit und Soziales, Hubertus Heil", "Hubertus Heil"),
    # a name joined by a slash is one name
    ("Die Fraktionschefin von Bündnis 90/Die Grünen, Katharina Dröge, sagte, das sei falsch.",
     "Die Fraktionschefin von Bündnis 90/Die Grünen, Katharina Dröge", "Katharina Dröge"),
    ("Laut CDU/CSU ist der Entwurf verfassungswidrig.", "CDU/CSU", "CDU/CSU"),
    # a quoted name after "von"; an office's field with a shared compound part, back from the verb
    ("Nach Angaben eines Sprechers von „Ärzte ohne Grenzen“ seien 20 Menschen gestorben.",
     "Angaben eines Sprechers von „Ärzte ohne Grenzen“", None),
    ("Es gebe keine Zensur, heißt es in einer Erklärung der Behörde für Informations- und "
     "Kommunikationstechnologie.", "einer Erklärung der Behörde für Informations- und Kommunikationstechnologie",
     None),
    # after a noun of saying, "einer"/"der" opens its genitive attribute, whatever case the tagger says
    ("Nach Angaben einer Sprecherin der Polizei wurde niemand verletzt.",
     "Angaben einer Sprecherin der Polizei", None),
    # a noun of saying that is the genitive of another belongs to its phrase
    ("Der Auswertung der Einzelstudien zufolge werde in Kliniken unhygienisch gearbeitet.",
     "Der Auswertung der Einzelstudien", None),
    # a lowercase adjective after a noun is the verb's particle, not an attribute
    ("Die Bank in Rom gab bekannt, die Zinsen würden steigen.", "Die Bank in Rom", "Bank"),
    # a particle joined to a name by an apostrophe
    ("Laut der Banca d'Italia würden die Zinsen steigen.", "der Banca d'Italia", "Banca d'Italia"),
    # a topic after a noun of saying is no part of the mention
    ("Zum dritten Mal kam es in Italien nach Angaben der Luftfahrtbehörde Enac zu einer Notlandung.",
     "Angaben der Luftfahrtbehörde Enac", "Luftfahrtbehörde Enac"),
    # a second subject after the verb
    ("„Das ist ungenügend“, meinen die Mitglieder Jan Giesel und David Perteck in einer Erklärung.",
     "die Mitglieder Jan Giesel und David Perteck", "Jan Giesel"),
    # a time after the phrase is no attribute of it, whatever the parse hangs on it
    ("Die Zahl der Fluggäste betrug nach Angaben des Flughafens im Juni 2007 220.853 Passagiere.",
     "Angaben des Flughafens", "Flughafen"),
    # a bare plural after a preposition of the dative is named in the nominative
    ("Nach Angaben von Beobachtern sei die Lage ruhig.", "Angaben von Beobachtern", "Beobachter"),
    ("Politischen Beobachtern zufolge ist die Koalition am Ende.", "Politischen Beobachtern",
     "Politische Beobachter"),
    # "der" after a name opens whom the words were told, not the name's genitive
    ("„Es gibt keine solchen Pläne“, sagte Friedrich Merz der Deutschen Presse-Agentur.", "Friedrich Merz",
     "Friedrich Merz"),
    # a noun with its content clause before the cue is no report of the cue's subject
    ("Den Bericht, wonach er zurücktreten wolle, kommentierte er nicht.", "Den Bericht", None),
    # a genitive plural without article after a noun of saying: "politischer Beobachter"
    ("Nach Einschätzung politischer Beobachter ist die Koalition am Ende.",
     "Einschätzung politischer Beobachter", "politische Beobachter"),
    # a name between commas after a source phrase is its apposition, not the start of a list
    ("Im Krieg sollen laut dem Chefankläger des Strafgerichts, Luis Moreno Ocampo, Folterungen und "
     "Vergewaltigungen begangen worden sein.", "dem Chefankläger des Strafgerichts, Luis Moreno Ocampo",
     "Luis Moreno Ocampo"),
    # in a wie-clause, where the subject spoke stands between it and its verb
    ("Wie die Ärztezeitung in ihrer Onlineausgabe berichtet, ist auch Brasilien von der Epidemie betroffen.",
     "die Ärztezeitung in ihrer Onlineausgabe", "Ärztezeitung"),
    # two subjects joined by "sowohl … als auch", "weder … noch": the mention holds both, the speaker is the first
    ("Sowohl die Regierung als auch die Opposition erklärten, man wolle verhandeln.",
     "Sowohl die Regierung als auch die Opposition", "Regierung"),
    ("Weder die Regierung noch die Opposition wollten sagen, wann verhandelt werde.",
     "Weder die Regierung noch die Opposition", "Regierung"),
    # an amount qualified before the subject ("Mehr als", "Über") is part of the mention, not of the speaker
    ("Mehr als 100 Ärzte sagten, sie seien erschöpft.", "Mehr als 100 Ärzte", "100 Ärzte"),
    ("Über 200 Wissenschaftler forderten, die Förderung zu erhöhen.", "Über 200 Wissenschaftler",
     "200 Wissenschaftler"),
])
def test_mention_as_written_and_speaker(extractor, text, mention, speaker) -> None:
    [quote] = extractor.extract(text)
    assert quote.mention is not None and quote.mention.text == mention
    assert text[quote.mention.start:quote.mention.end] == mention
    if speaker is not None:
        assert quote.speaker == speaker


@pytest.mark.parametrize(("written", "name"), [
    ("Kremlsprecher Dmitri Pe\u00adskow", "Dmitri Peskow"),  # soft hyphen
    ("Ju\u0308rgen Mu\u0308ller", "Jürgen Müller"),  # NFD umlauts
    ("Anna\u200bBerger", "Anna Berger"),  # zero-width space
])
def test_invisible_characters_do_not_split_names(extractor, written, name) -> None:
    text = f"{written} sagte, die Gespräche seien gut verlaufen."
    [quote] = extractor.extract(text)
    assert quote.speaker == name
    assert text[quote.start:quote.end] == quote.text == "die Gespräche seien gut verlaufen"


@pytest.mark.parametrize(("text", "cue"), [
    ("Der Sprecher Hans Weber teilte mit, die Gespräche seien beendet.", "teilte mit"),
    # a verb that a fixed phrase makes a verb of saying, the phrase after it or before it
    ("Der Sprecher Hans Weber gab zu bedenken, dass die Gespräche beendet seien.", "gab zu bedenken"),
    ("Der Sprecher Hans Weber hat zu verstehen gegeben, dass die Gespräche beendet seien.",
     "zu verstehen gegeben"),
    ("Der Sprecher Hans Weber stellte in Aussicht, dass die Gespräche bald beendet würden.",
     "stellte in Aussicht"),
])
def test_separable_and_phrase_cue_verbs(extractor, text, cue) -> None:
    quotes = extractor.extract(text)
    assert [q.cue.text for q in quotes] == [cue]
    assert quotes[0].speaker == "Hans Weber"


def test_pronoun_and_role_noun_resolve_to_the_person(extractor) -> None:
    text = ("Kremlsprecher Dmitri Peskow äußerte sich am Montag. „Wir warten ab“, sagte der Kremlsprecher. "
            "Er betonte, dass Moskau bereit sei.")
    quotes = extractor.extract(text)
    assert [q.speaker for q in quotes] == ["Dmitri Peskow", "Dmitri Peskow"]
    assert [q.resolution for q in quotes] == ["role", "pronoun"]
    assert quotes[0].mention.text == "der Kremlsprecher"


def test_a_role_noun_resolves_to_the_holder_of_its_compound(extractor) -> None:
    text = ("„Wir werden verhandeln“, sagte Bundeskanzler Karl Nehammer. „Das ist gut“, meinte Vizekanzler Werner "
            "Kogler. „Es reicht nicht“, sagte Klubobfrau Sigrid Maurer. Dem Kanzler zufolge soll das Gesetz im "
            "Herbst beschlossen werden.")
    quotes = extractor.extract(text)
    assert [q.speaker for q in quotes] == ["Karl Nehammer", "Werner Kogler", "Sigrid Maurer", "Karl Nehammer"]
    assert quotes[-1].resolution == "role"


@pytest.mark.parametrize(("text", "speakers"), [
    # a pronoun after a spokesman refers to the institution he speaks for
    ("US-Präsident Joe Biden hat China gewarnt. Ein Sprecher des chinesischen Außenministeriums nannte die "
     "Äußerungen „unverantwortlich“. Die USA mischten sich in innere Angelegenheiten ein, erklärte er.",
     ["chinesisches Außenministerium", "chinesisches Außenministerium"]),
    # an age description refers to the unnamed speaker before it
    ("Bundeskanzler Olaf Scholz besuchte das Flutgebiet. Ein Anwohner sagte der Deutschen Presse-Agentur: "
     "„Ich habe alles verloren.“ „Niemand hat uns gewarnt“, fügte der 58-Jährige hinzu.", ["Anwohner", "Anwohner"]),
    # a singular role noun does not refer to a plural speaker
    ("Ermittler wollten sich nicht dazu äußern, ob es weitere Verdächtige gebe. Die Ministerin ist der "
     "Meinung, dass die Regeln verschärft werden müssen.", ["Ermittler", "Ministerin"]),
    # a name's gender from the role before the comma of its apposition: no woman's role refers to him
    ("Der Präsident der Kammer, Harald Mahrer, warnte vor einer Rezession. Die Ministerin sagte, die Lage sei "
     "ernst.", ["Ministerin"]),
    # a speaker named by a bare surname is the antecedent of a pronoun after it
    ("Trump sagte, die Wahl sei gestohlen worden. Er fügte hinzu, er werde weiter kämpfen.", ["Trump", "Trump"]),
    # a pronoun does not refer to a person named in what was said
    ("Innenminister Gerhard Karner wies die Kritik zurück. Herbert Kickl sei „ein Brandstifter“, sagte er über "
     "den FPÖ-Chef.", ["Gerhard Karner"]),
    # a plural role noun refers to no one person named before
    ("Der Präsident der Kammer, Harald Mahrer, warnte vor einer Rezession. Die Richter urteilten, die Kündigung "
     "sei rechtens.", ["Richter"]),
    # a role noun with a possessive is the Linke's, unnamed; not "CDU-Fraktionschef Dennis Thering"
    ("CDU-Fraktionschef Dennis Thering kritisierte den Senat. Auch die Linke lehnt den Deal ab. Ihr "
     "Fraktionschef sprach von einem „schwarzen Tag für den Hafen“.", ["Fraktionschef"]),
    # reported speech takes the speaker the next sentence names while pointing back
    ("Die Reserven reichten bis zum Frühjahr, erklärte ein Sprecher des Ministeriums. Man sei auf alle "
     "Szenarien vorbereitet. Das sagte Energieminister Robert Habeck am Dienstag in Berlin.",
     ["Ministerium", "Robert Habeck"]),
    # a specific role is not a person the article gave another role, nor an unnamed speaker of another
    # role; a party or age description may be anyone named before
    ("Trainer Vincent Kompany bleibt.\nDie Tat sei grausam gewesen, sagte der Vorsitzende Richter. Der "
     "Verteidiger kündigte an, in Revision zu gehen.", ["Vorsitzende Richter", "Verteidiger"]),
    # a role in an apposition binds the name; a title in quotation marks before the colon is no end
    ("Der Chef der Lufthansa, Carsten Spohr, sagte dem „Handelsblatt“: „Die Lage ist ernst.“\n"
     "„Wir kommen durch“, sagte der Chef.", ["Carsten Spohr", "Carsten Spohr"]),
    # a man named by where he is from refers back to the man named before; "ließ … ausrichten" is a cue
    ("Rapid-Coach Peter Stöger haderte. Der Elfmeter sei „ein Witz“ gewesen, schimpfte der Wiener.",
     ["Peter Stöger"]),
    # with no person to refer to, a pronoun refers to the institution just named as a subject, in its gender
    ("Die Zürcher Kantonalbank (ZKB) rechnet mit einem Zins von null Prozent, wie sie auf Anfrage bestätigte. "
     "Der Konzern meldete Verluste. Er rechne mit Besserung, sagte er.", ["Zürcher Kantonalbank", "Konzern"]),
    # an unnamed spokesperson speaks for the institution the sentence before names as its subject
    ("Das Landratsamt wies die Vorwürfe zurück. Alle Vorgaben seien erfüllt worden, teilte eine Sprecherin mit.",
     ["Landratsamt"]),
    # a pronoun may refer to a subject that a role noun names without a name
    ("Der Angeklagte hatte sich nicht schuldig bekannt. Er sei selbst Opfer geworden, beteuerte er.",
     ["Angeklagter"]),
    # so does a noun of a nation, in the gender of its article; a plural one names a group; "in Dortmund" is a
    # place, the noun after it no surname
    ("Bayern-Trainer Vincent Kompany hat in Dortmund Fehler eingeräumt. „Wir waren nicht gut genug“, sagte der "
     "Belgier.", ["Vincent Kompany"]),
    ("Ministerin Catherine Vautrin reiste nach Berlin. „Wir sind Partner“, sagte die Französin. Die Belgier "
     "sagten, sie seien skeptisch.", ["Catherine Vautrin", "Belgier"]),
    # an adjective as a noun after "so" is the source; a role noun before a name is no part of it
    ("BVB-Coach Nuri Sahin lobte sein Team. Es sei „eine Leistung voller Leidenschaft“ gewesen, so der "
     "36-Jährige. Torschütze Serhou Guirassy meinte: „Heute hat alles gepasst.“", ["Nuri Sahin", "Serhou Guirassy"]),
    ("Die Sängerin Helene Fischer sagte ihre Tournee ab. Sie müsse sich schonen, ließ die 40-Jährige über ihr "
     "Management ausrichten.", ["Helene Fischer"]),
    # in one paragraph an office may go by another name
    ("Ungarns Regierungschef Viktor Orbán drohte mit einem Veto. Er werde „keinesfalls zustimmen“, sagte der "
     "Ministerpräsident im Rundfunk.", ["Viktor Orbán"]),
    ("Bundeskanzler Olaf Scholz besuchte Paris. Der SPD-Politiker sagte, er sei zufrieden.", ["Olaf Scholz"]),
    # a role noun with its article before the finite verb is the clause's subject, whatever the parse; an
    # institution named with its place is no person a pronoun could refer to
    ("Das Landesgericht Innsbruck verhandelte den Fall. Die Staatsanwältin sah das anders. Der Angeklagte habe "
     "gezielt zugestochen, sagte sie in ihrem Schlussplädoyer.", ["Staatsanwältin"]),
    # a quotation standing alone whose speaker the next sentence names with a noun pointing back to it
    ("„Wir stehen hinter dem Trainer.“ Diese Botschaft sendete Präsident Herbert Hainer am Sonntag.",
     ["Herbert Hainer"]),
    # a seat of power speaks for its government
    ("Der Élysée-Palast teilte am Abend mit, der Präsident werde nach Berlin reisen.", ["Élysée-Palast"]),
    # an age after a name binds the age description; a first name gives the gender "er" needs
    ("„Das ist zu teuer“, sagt Maria Huber, 54, aus Linz. Ihr Mann Josef (61) ist arbeitslos. „Wir sparen“, "
     "erzählt der 61-Jährige. Es werde schon gehen, sagte er.", ["Maria Huber", "Josef", "Josef"]),
    ("„Das ist falsch“, sagt Maria Huber. Ihr Nachbar ist skeptisch. Es werde schon gehen, sagte er.",
     ["Maria Huber", None]),
    # "sie" is a woman or a group, never a man; a role noun names a person where it is no subject too; a name
    # in quotation marks is a work
    ("Intendant Markus Hinterhäuser lobte die Oper „Don Giovanni“. Kritik kam von der Grünen-Kultursprecherin. "
     "Die Festspiele seien „ein Fest für die Reichen“, sagte sie.", ["Grünen-Kultursprecherin"]),
    # a general institution noun is not one named in the words reported
    ("Die Zürcher Kantonalbank senkt die Zinsen. Man reagiere damit auf den Entscheid der Nationalbank, teilte "
     "die Bank mit.", ["Kantonalbank"]),
    # a role noun of sport before a name is no part of it
    ("Torjäger Harry Kane traf dreimal. „Ich bin stolz“, sagte der Engländer.", ["Harry Kane"]),
    # a definite statement noun refers back to the statement named with its issuer
    ("Eine neue Studie der Universität Heidelberg zeigt, dass Kinder weniger schlafen. Laut der Studie schlafen "
     "Grundschüler 45 Minuten weniger.", ["Universität Heidelberg", "Universität Heidelberg"]),
    # a name after a role noun that is the subject is the subject; an unnamed role is the person its compound
    # names ("Die Ministerin" after "Außenministerin Annalena Baerbock")
    ("Außenministerin Annalena Baerbock traf ihren Amtskollegen Wang Yi. Sie forderte China auf, Russland nicht "
     "zu unterstützen. Wang wies die Kritik zurück. Die Ministerin zeigte sich enttäuscht. „Wir haben keine "
     "Annäherung erreicht“, sagte sie.", ["Annalena Baerbock", "Annalena Baerbock"]),
    # an unnamed role made from an adjective is named in its strong nominative form; a feminine one stays
    ("„Ich bereue nichts“, sagte der 58-Jährige.", ["58-Jähriger"]),
    ("Die Angeklagte schwieg. Sie sei unschuldig, sagte die Angeklagte.", ["Angeklagte"]),
    # a form of address is no part of the name
    ("Die SPD-Abgeordnete Petra Hinz trat zurück. „Ich bedaure das“, sagte Frau Hinz. Herr Müller erklärte, er "
     "sei zufrieden.", ["Petra Hinz", "Müller"]),
    # "der Mann" refers back to the man just described; a surname ending in -mann is no such noun
    ("Der Angeklagte hatte einen Landsmann verletzt. Er bekannte sich teilweise schuldig. „Ich wollte ihn nicht "
     "töten“, beteuerte der Mann. Thomas Hoffmann sagte, die Lage sei ernst.", ["Angeklagter", "Thomas Hoffmann"]),
    # a role noun as an object names a person too ("dem Bürgermeister")
    ("Die Sprecherin Petra Lange übergab die Unterschriften dem Bürgermeister. Dieser versprach, das Anliegen zu "
     "prüfen.", ["Bürgermeister"]),
    # an age description goes by the unnamed person described just before it; a role before the comma of an
    # apposition that opens with another role binds the name
    ("Im Prozess hat der frühere Geschäftsführer ausgesagt. Der 58-Jährige bestritt alle Vorwürfe. „Ich habe "
     "nie Geld abgezweigt“, sagte er.", ["früherer Geschäftsführer"]),
    ("Der Verteidiger des Angeklagten, Rechtsanwalt Michael Hofer, hielt dagegen. Sein Mandant sei ein "
     "„Bauernopfer“, erklärte er.", ["Michael Hofer"]),
    # a party's acronym before a name is no part of it
    ("Der Abgeordnete der CDU Frank Mindermann sprach im Landtag. „Das ist falsch“, sagte Mindermann.",
     ["Frank Mindermann"]),
])
def test_speaker_across_sentences(extractor, text, speakers) -> None:
    assert [q.speaker for q in extractor.extract(text)] == speakers


@pytest.mark.parametrize(("text", "mentions"), [
    # the subject before a colon speaks, and a pronoun after it refers to it
    ("Der Politologe sagte der Zeitung: „Putin spielt auf Zeit.“ Er fügte hinzu, die Europäer müssten handeln.",
     [("Der Politologe", "Politologe"), ("Er", "Politologe")]),
    # a possessive the lemmatizer leaves inflected stands for its person
    ("„Die Lage ist angespannt“, sagte die Sicherheitsexpertin Bonnie Glaser. Ihrer Einschätzung nach sei ein "
     "Konflikt aber unwahrscheinlich.",
     [("die Sicherheitsexpertin Bonnie Glaser", "Bonnie Glaser"), ("Ihrer Einschätzung", "Bonnie Glaser")]),
    # a quotation standing alone takes the speaker the next sentence names
    ("„Das ist ein schwarzer Tag für die Demokratie.“ Mit diesen Worten reagierte Grünen-Chefin Ricarda Lang "
     "auf das Wahlergebnis.", [("Grünen-Chefin Ricarda Lang", "Ricarda Lang")]),
    # a name whose particles open the sentence, where the article writes it in full; not "Von der Regierung"
    ("Kommissionspräsidentin Ursula von der Leyen reiste nach Kiew. Von der Leyen betonte: „Wir werden nicht "
     "nachgeben.“ Von der Regierung hieß es, man prüfe das.",
     [("Von der Leyen", "Ursula von der Leyen"), ("der Regierung", "Regierung")]),
])
def test_mention_and_speaker_across_sentences(extractor, text, mentions) -> None:
    assert [(q.mention.text, q.speaker) for q in extractor.extract(text)] == mentions


def test_hiess_es_without_a_source_goes_on_with_the_speech_act_before(extractor) -> None:
    text = "Die Gewerkschaft Verdi kündigte Proteste an. Man werde nicht tatenlos zusehen, hieß es."
    [quote] = extractor.extract(text)
    assert (quote.text, quote.speaker) == ("Man werde nicht tatenlos zusehen", "Gewerkschaft Verdi")


def test_an_institution_noun_resolves_to_the_name_the_article_gave_it(extractor) -> None:
    text = ("Der Autobauer Mercedes-Benz streicht Stellen. Wie der Autobauer mitteilte, sollen 3.000 Stellen "
            "wegfallen. Die Nachrichtenagentur Reuters meldete Verluste. Die Zahlen seien schlecht, berichtete die "
            "Agentur. Die Polizei teilte mit, der Täter sei geflohen.")
    quotes = extractor.extract(text)
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("Mercedes-Benz", "organisation"), ("Reuters", "organisation"), ("Polizei", "organisation")]


@pytest.mark.parametrize(("text", "speaker"), [
    # a general noun resolves to the one name given with a noun of its kind
    ("Der Autobauer Mercedes-Benz legte Zahlen vor. Das Unternehmen erklärte, der Umsatz sei gestiegen.",
     "Mercedes-Benz"),
    # two companies: the general noun stays itself
    ("Der Autobauer Mercedes-Benz und der Zulieferer Bosch verhandeln. Das Unternehmen erklärte, der Umsatz sei "
     "gestiegen.", "Unternehmen"),
    # an institution whose noun is its name: the last one of the kind named before
    ("Die EU-Kommission hat Apple bestraft. Der Konzern habe gegen Regeln verstoßen, teilte die Behörde mit.",
     "EU-Kommission"),
    ("Die Staatsanwaltschaft ermittelt gegen einen Mann. Wie ein Sprecher der Behörde sagte, geht es um Betrug.",
     "Staatsanwaltschaft"),
    # the institution of the kind named last, before one named with a compound of the noun earlier
    ("Die Commerzbank prüft eine Fusion mit der Großbank Unicredit. Die Commerzbank schwieg. Man kommentiere "
     "keine Gerüchte, sagte ein Sprecher der Bank.", "Commerzbank"),
    # a name the parse makes a second subject after the institution's noun
    ("Der Energieversorger Vattenfall erhöht die Preise. Die Kosten seien gestiegen, teilte das Unternehmen mit.",
     "Vattenfall"),
    # a party named by its short name or adjective is of the kind "Partei"
    ("Die SPD lehnte den Antrag ab. Die Partei erklärte, das sei falsch.", "SPD"),
    # a public body named with its place: the place is part of its name
    ("Die Staatsanwaltschaft Itzehoe erhob Anklage. Der Mann sei schuldig, teilte ein Sprecher der Behörde mit.",
     "Staatsanwaltschaft Itzehoe"),
])
def test_a_general_institution_noun_resolves_to_the_one_name_of_its_kind(extractor, text, speaker) -> None:
    [quote] = extractor.extract(text)
    assert quote.speaker == speaker


def test_a_quantifier_the_tagger_calls_a_name_is_no_person(extractor) -> None:
    [document] = extractor.analyse_many(["„Jeder Tag ohne Patriot-Systeme kostet Leben“, schrieb er auf Telegram."])
    assert document.sentences[0].words[1].upos == "PROPN"  # the small tagger's reading this test guards against
    assert Resolver(document).index.persons == []


def test_surname_resolves_to_the_full_name(extractor) -> None:
    text = "US-Präsident Donald Trump reiste nach Paris. „Es war ein guter Tag“, sagte Trump."
    assert [q.speaker for q in extractor.extract(text)] == ["Donald Trump"]


def test_two_people_with_one_surname_stay_apart(extractor) -> None:
    text = ("Jeb Bush sagte, er werde kandidieren. Sein Bruder George W. Bush sagte, er unterstütze ihn. "
            "Bush sagte, das sei eine gute Nachricht. George Bush erklärte, er sei stolz.")
    assert [q.speaker for q in extractor.extract(text)] == ["Jeb Bush", "George W. Bush", "George W. Bush",
                                                            "George W. Bush"]


@pytest.mark.parametrize(("text", "cue", "mention"), [
    ("Wie eine Studie der Universität Bonn ergab, schlafen viele Kinder zu wenig.", "ergab",
     "eine Studie der Universität Bonn"),
    ("Die Analyse legt nahe, dass die Preise weiter steigen.", "legt nahe", "Die Analyse"),
])
def test_a_verb_of_showing_reports_a_statement(extractor, text, cue, mention) -> None:
    [quote] = extractor.extract(text)
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.mention is not None and quote.mention.text == mention


@pytest.mark.parametrize("text", [
    "Das zeigt, dass die Regierung versagt hat.",  # a verb of showing without a statement as its subject
    "In der Studie zeigte sich, dass viele Kinder zu wenig schlafen.",
    "Er fragte nach den Angaben der Polizei.",  # what he asked for, no source phrase
    "Das Ergebnis einer Untersuchung nach dem Tod des Anwalts war eindeutig.",  # "nach" opens a phrase
])
def test_no_report_without_a_speaking_subject(extractor, text) -> None:
    assert extractor.extract(text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Angela Merkel sprach 2015 in Berlin. Merkels berühmter Satz „Wir schaffen das“ wurde zum Symbol.",
     "Angela Merkel"),
    ("Angela Merkel sprach 2015 in Berlin. Ihr Satz „Wir schaffen das“ wurde zum Symbol.", "Angela Merkel"),
    # a genitive name whose full name the article never gives loses its genitive ending
    ("Merkels berühmter Satz „Wir schaffen das“ wurde zum Symbol.", "Merkel"),
])
def test_a_quotation_after_its_owners_noun_is_theirs(extractor, text, speaker) -> None:
    [quote] = extractor.extract(text)
    assert (quote.type, quote.text, quote.speaker) == ("direct", "Wir schaffen das", speaker)


@pytest.mark.parametrize(("text", "speaker", "cited"), [
    ("„Wir gehen raus“, sagte Raab laut Spiegel Online.", "Raab", "Spiegel Online"),
    ("Laut CNN hat Verteidigungsminister Leon Panetta verkündet, die Truppen blieben im Land.", "Leon Panetta",
     "CNN"),
    ("Die Kanzlerin sagte einigen Teilnehmern zufolge, die Lage sei ernst.", "Kanzlerin", "einigen Teilnehmern"),
    ("Die Kanzlerin sagte, die Lage sei ernst.", "Kanzlerin", None),
])
def test_a_source_cited_for_the_words_is_kept_apart_from_the_speaker(extractor, text, speaker, cited) -> None:
    quote = next(q for q in extractor.extract(text) if q.route != "source-phrase")
    assert quote.speaker == speaker
    assert (quote.cited.text if quote.cited else None) == cited


def test_a_participle_the_tagger_takes_for_a_present_form_keeps_its_auxiliary(extractor) -> None:
    text = ("Dies ist eine echte Chance für Video, im Web ein „Bürger erster Klasse zu werden“, "
            "wird Mike Downey, Technical Product Manager für Flash Authoring, zitiert.")
    [quote] = extractor.extract(text)
    assert quote.text.endswith("zu werden“") and quote.speaker == "Mike Downey"


@pytest.mark.parametrize("text", [
    "War die Lage im Sommer noch ruhig, kritisierte die Opposition die Regierung im Herbst scharf.",
    "Intendant Markus Hinterhäuser zeigte sich zufrieden, mahnte jedoch mehr Unterstützung durch den Staat an.",
    "Schutzklauseln, wie sie das VW-Gesetz enthält, hat das Gericht nur selten für zulässig erklärt.",
])
def test_a_condition_or_a_noun_with_a_wie_clause_before_the_verb_is_no_report(extractor, text) -> None:
    assert extractor.extract(text) == []


def test_so_before_a_verb_after_a_quotation_names_no_one(extractor) -> None:
    assert extractor.extract("„Wir schaffen das“, so begann damals die Geschichte einer neuen Politik.") == []


def test_a_plural_modal_the_tagger_takes_for_an_infinitive_is_reported(extractor) -> None:
    text = "Die „Süddeutsche Zeitung“ hatte gestern berichtet, 200 feste Mitarbeiter sollen entlassen werden."
    [quote] = extractor.extract(text)
    assert (quote.text, quote.speaker) == ("200 feste Mitarbeiter sollen entlassen werden", "Süddeutsche Zeitung")


def test_own_statements_go_on_with_the_subject(extractor) -> None:
    text = ("Der ältere Bruder des Papstes, Georg Ratzinger, war nach eigenem Bekunden in die Absicht eingeweiht. "
            "Der Rücktritt sei ein „natürlicher Vorgang“.")
    first, second = extractor.extract(text)
    assert first.mention is not None and first.mention.text == "eigenem Bekunden"
    assert (first.speaker, second.speaker) == ("Georg Ratzinger", "Georg Ratzinger")
    assert second.mention is not None and second.mention.text == "Der ältere Bruder des Papstes, Georg Ratzinger"


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    ("Die Stadt Düsseldorf erwog, vom Vertrag zurückzutreten.", "erwog", "Stadt Düsseldorf"),
    ("Jónsdóttir hatte mit anderen darüber diskutiert, ob Island ihm Asyl gewähren sollte.", "diskutiert",
     "Jónsdóttir"),
    ("Die Partei vertritt die Auffassung, dass die Steuern sinken müssten.", "vertritt", "Partei"),
])
def test_verbs_of_deliberating_and_holding_a_view_report(extractor, text, cue, speaker) -> None:
    [quote] = extractor.extract(text)
    assert quote.cue is not None and quote.cue.text == cue and quote.speaker == speaker


def test_a_fear_is_not_a_quote(extractor) -> None:
    assert extractor.extract("Selenskyj befürchtet, dass die Unterstützung für sein Land verringert wird.") == []


@pytest.mark.parametrize(("text", "mention"), [
    ("„Der Achtung vor dem Staat wird ein Bärendienst erwiesen“ heißt es in einer Mitteilung des CCC.",
     "einer Mitteilung des CCC"),
    # a name in quotation marks after "von" is the owner, whatever the parse makes of its words
    ("So heißt es in der Meldung auf der Homepage von „con energy“ wörtlich: „Ziel ist eine Vernetzung.“",
     "der Meldung auf der Homepage von „con energy“"),
])
def test_heisst_es_names_its_statement_around_a_quotation(extractor, text, mention) -> None:
    [quote] = extractor.extract(text)
    assert quote.type == "direct" and quote.mention is not None and quote.mention.text == mention


def test_each_partial_quote_takes_the_nearest_cue_before_it(extractor) -> None:
    text = ("Miroslav Klose nannte seinen Platzverweis „überzogen“, Bundestrainer Joachim Löw bezeichnete "
            "acht Gelbe Karten in einem Spiel als „übertrieben“.")
    assert [(q.text, q.speaker) for q in extractor.extract(text)] == [
        ("überzogen", "Miroslav Klose"), ("übertrieben", "Joachim Löw")]


def test_a_subordinator_that_looks_like_a_preposition_keeps_its_subject(extractor) -> None:
    text = "Während Shakira erklärte, wahnsinnig aufgeregt zu sein, räumte Jennifer Lopez ein, davon geträumt zu haben."
    assert [q.speaker for q in extractor.extract(text)] == ["Shakira", "Jennifer Lopez"]


def test_a_reason_after_a_noun_of_saying_is_not_what_it_says(extractor) -> None:
    text = "Die Verbände erwarten keine schnelle Entscheidung, weil die Abgeordneten keinen Eilantrag gestellt hätten."
    assert all(q.cue is None or q.cue.text != "Entscheidung" for q in extractor.extract(text))


@pytest.mark.parametrize(("text", "quoted"), [
    ("Regierungssprecher Steffen Seibert schrieb bei Twitter: „Das sind furchtbare Nachrichten“, weiter hieß es, "
     "dass „unser Mitgefühl allen Betroffenen gelte“.",
     ["Das sind furchtbare Nachrichten", "unser Mitgefühl allen Betroffenen gelte"]),
    ("Die EU-Kommission kritisierte das Gesetz scharf. So sagte Olli Rehn, EU-Erweiterungskommissar:\n"
     "„Man kann nicht jede Diskussion beenden.“", ["Man kann nicht jede Diskussion beenden."]),
    ("Im letzten Satz der Anordnung, die Twitter zugestellt wurde, heißt es: „Twitter darf nichts enthüllen.“",
     ["Twitter darf nichts enthüllen."]),
])
def test_a_quotation_after_a_colon_is_what_the_cue_reports(extractor, text, quoted) -> None:
    assert [q.text for q in extractor.extract(text)] == quoted


def test_a_second_verb_without_a_subject_is_no_reported_clause(extractor) -> None:
    text = ("Auch der Europapolitiker Daniel Caspary begrüßte die Entscheidung, mahnte aber zugleich zur Eile: "
            "Die Kommission habe viel zu lange gezögert.")
    [quote] = extractor.extract(text)
    assert (quote.text, quote.cue.text if quote.cue else None, quote.speaker) == (
        "Die Kommission habe viel zu lange gezögert", "mahnte", "Daniel Caspary")


def test_a_colon_whose_clause_names_no_one_goes_on_with_the_last_speaker(extractor) -> None:
    text = ("In einem Interview äußerte sich Javier Solana zuversichtlich:\n„Ich gehe von einer Einigung aus.“\n"
            "Seine Zuversicht gründet sich auf die Erfahrung:\n„Entscheidungen fallen immer in letzter Minute.“")
    assert [q.speaker for q in extractor.extract(text)] == ["Javier Solana", "Javier Solana"]


def test_a_medium_told_after_a_name_is_not_its_genitive(extractor) -> None:
    text = "Die Regierung verschweige die Verluste, sagte Babler der „Kronen Zeitung“."
    [quote] = extractor.extract(text)
    assert quote.mention is not None and (quote.mention.text, quote.speaker) == ("Babler", "Babler")


def test_a_statement_pointed_back_to_does_not_take_the_dateline(extractor) -> None:
    text = ("Wien (APA) – Die Regierung will die Pensionen um 4,6 Prozent erhöhen. Das gab Sozialminister "
            "Johannes Rauch am Dienstag bekannt.")
    [quote] = extractor.extract(text)
    assert (quote.route, quote.speaker) == ("anaphoric", "Johannes Rauch")
    assert quote.text == "Die Regierung will die Pensionen um 4,6 Prozent erhöhen"


def test_a_quotation_after_a_noun_without_owner_is_no_ones(extractor) -> None:
    assert extractor.extract("Der Satz „Wir schaffen das“ wurde berühmt.") == []


def test_a_regnal_name_keeps_its_number(extractor) -> None:
    text = ("Papst Benedikt XVI. sagte, die Kirche müsse sich öffnen. Benedikt betonte, er sei müde. "
            "„Wir müssen handeln“, sagte König Charles III. am Sonntag.")
    assert [q.speaker for q in extractor.extract(text)] == ["Benedikt XVI.", "Benedikt XVI.", "Charles III."]


def test_a_person_named_as_an_object_does_not_take_the_next_quote(extractor) -> None:
    text = ("Als „verpasste Chance“ beurteilte der Grünen-Politiker Volker Beck das Pontifikat Benedikt XVI. "
            "„Unter ihm ist die Kirche hinter das Konzil zurückgefallen.“")
    assert [q.speaker for q in extractor.extract(text)] == ["Volker Beck", "Volker Beck"]


def test_quote_standing_alone_takes_the_previous_speaker(extractor) -> None:
    text = ("„Wir sind bereit“, sagte Anna Berger. „Wir werden die Ukraine weiter unterstützen und "
            "bleiben an ihrer Seite.“")
    quotes = extractor.extract(text)
    assert [q.speaker for q in quotes] == ["Anna Berger", "Anna Berger"]
    assert quotes[1].resolution == "previous"


def test_konjunktiv_after_a_speech_act_takes_its_speaker_past_a_stance_adverbial(extractor) -> None:
    text = ("Besorgt äußerte sich Kofi Annan über die Gewalt gegen Kinder. Auch gebe es Berichte über "
            "Entführungen in dieser Region.")
    [quote] = extractor.extract(text)
    assert (quote.speaker, quote.resolution) == ("Kofi Annan", "context")
    assert quote.mention is not None and quote.mention.text == "Kofi Annan"


def test_the_subject_of_a_reported_sentence_is_not_the_speaker_of_the_next(extractor) -> None:
    text = ("Die Halle brannte am Montag vollständig nieder. Der Bürgermeister habe den Einsatz geleitet. "
            "Die Ursache sei noch unklar.")
    quotes = extractor.extract(text)
    assert [q.text for q in quotes] == ["Der Bürgermeister habe den Einsatz geleitet", "Die Ursache sei noch unklar"]
    assert [q.speaker for q in quotes] == [None, None]


def test_the_cue_of_a_konjunktiv_relative_clause_is_a_verb(extractor) -> None:
    [quote] = extractor.extract("Der NDR will aber wissen, dass Mindermann das Mädchen danach gefragt habe, was sie "
                                "anhabe.")
    assert quote.cue is not None and quote.cue.text == "will"  # not "aber", where the parser hangs "will"


def test_the_konjunktiv_of_a_verb_whose_stem_ends_in_t_goes_on_with_the_speaker(extractor) -> None:
    text = ("«Die Inflation ist unter Kontrolle», sagte SNB-Präsident Martin Schlegel. Man beobachte die Lage aber "
            "weiterhin genau.")
    quotes = extractor.extract(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Die Inflation ist unter Kontrolle", "Martin Schlegel"),
        ("Man beobachte die Lage aber weiterhin genau", "Martin Schlegel"),
    ]


def test_a_quotation_after_a_colon_is_a_record_of_its_own(extractor) -> None:
    text = ("Die Ministerin wagte die Prognose, bei der Wahl würden nicht alle Abgeordneten für sie stimmen: „Ich "
            "gehe davon aus, dass nicht alle Stimmen auf sie entfallen werden.“")
    quotes = extractor.extract(text)
    assert [(q.type, q.text) for q in quotes] == [
        ("indirect", "bei der Wahl würden nicht alle Abgeordneten für sie stimmen"),
        ("direct", "Ich gehe davon aus, dass nicht alle Stimmen auf sie entfallen werden."),
    ]
    assert {q.speaker for q in quotes} == {"Ministerin"}


def test_a_quote_that_goes_on_after_a_relative_clause_borrows_the_antecedent(extractor) -> None:
    text = ("Ein neuer Vorschlag kam von Ägypten, das vorschlug, im Nahen Osten eine atomwaffenfreie Zone "
            "einzurichten. Damit würden auch die Kapazitäten Israels zur Disposition gestellt.")
    first, second = extractor.extract(text)
    assert (first.mention.text, second.mention.text) == ("das", "Ägypten")
    assert first.speaker == second.speaker == "Ägypten"


def test_a_fronted_statement_is_the_object_and_a_second_verb_shares_the_subject(extractor) -> None:
    text = ("Der Innenpolitiker Dieter Wiefelspütz äußerte sich am Montag. Die Äußerungen Hassemers und Papiers "
            "bezeichnete Wiefelspütz als „Knaller aus Karlsruhe“ und glaubt, dass die Politik sie ernstnehmen müsse.")
    quotes = extractor.extract(text)
    assert [(q.type, q.mention.text, q.speaker) for q in quotes] == [
        ("direct", "Wiefelspütz", "Dieter Wiefelspütz"), ("indirect", "Wiefelspütz", "Dieter Wiefelspütz")]


def test_a_second_clause_after_und_has_its_own_subject(extractor) -> None:
    text = ("Die Menge skandierte vor dem Einkaufszentrum Parolen und der Unternehmer Sondhi Limthongkul rief: "
            "„Thaksin ist der schlechteste Ministerpräsident aller Zeiten!“")
    [quote] = extractor.extract(text)
    assert quote.speaker == "Sondhi Limthongkul"


def test_interrupted_quote_gives_two_records(extractor) -> None:
    text = "„Das ist falsch“, sagte Jens Spahn, „und das wissen alle.“"
    quotes = extractor.extract(text)
    assert [q.text for q in quotes] == ["Das ist falsch", "und das wissen alle."]
    assert {q.speaker for q in quotes} == {"Jens Spahn"}


def test_guillemets_are_punctuation_whatever_the_tagger_guesses(extractor) -> None:
    [document] = extractor.analyse_many(["«Wir haben», sagte Amherd, «keine Zeit mehr zu verlieren.»"])
    assert {w.upos for w in document.sentences[0].words if w.text in "«»"} == {"PUNCT"}
    assert [q.text for q in extractor.extract(document.text)] == ["Wir haben", "keine Zeit mehr zu verlieren."]


def test_clause_with_its_subject_first_after_a_fragment_is_not_its_cue(extractor) -> None:
    text = ("Miroslav Klose nannte seinen Platzverweis „überzogen“, Bundestrainer Joachim Löw bezeichnete die "
            "Karten als angemessen.")
    [fragment] = [q for q in extractor.extract(text) if q.type == "direct"]
    assert (fragment.text, fragment.speaker) == ("überzogen", "Miroslav Klose")


def test_a_party_member_noun_resolves_to_the_person_named_before(extractor) -> None:
    text = ("Der ehemalige Präsident Donald Trump bezeichnete die Anklage als „Hexenjagd“. Er werde kämpfen, "
            "schrieb der Republikaner auf seiner Plattform.")
    assert [q.speaker for q in extractor.extract(text)] == ["Donald Trump", "Donald Trump"]


def test_an_austrian_press_release_is_a_statement_not_a_speaker(extractor) -> None:
    [quote] = extractor.extract("In einer Aussendung heißt es: „Wir lehnen den Entwurf ab.“")
    assert (quote.mention.text, quote.speaker) == ("einer Aussendung", None)


def test_the_answer_to_a_claim_goes_on_with_the_answering_speaker(extractor) -> None:
    text = ("Der Präsident der Region, Qiangba Puncog, wies die Darstellung zurück, die Ausländer seien gezwungen "
            "worden. Ausländern sei lediglich abgeraten worden, in die Region zu reisen.")
    claim, answer = extractor.extract(text)
    assert (claim.speaker, claim.mention.text) == (None, "die Darstellung")
    assert answer.speaker == "Qiangba Puncog"


@pytest.mark.parametrize(("text", "quoted", "speaker"), [
    ("Trump nannte das Gespräch „sehr produktiv“.", "sehr produktiv", "Trump"),
    # Austrian political usage: "orten" (to see, to detect) reports a view
    ("Kickl ortet einen „Anschlag auf die Meinungsfreiheit“.", "Anschlag auf die Meinungsfreiheit", "Kickl"),
    # in a relative clause the antecedent speaks
    ("Die Ministerin Anna Berger, die den Plan „absurd“ nannte, trat zurück.", "absurd", "Anna Berger"),
    # right after the verb of saying the quotation is what was said, though it looks like a title
    ("Der Abgeordnete Markus Koza ortet hingegen „Sozialabbau durch die Hintertür“.",
     "Sozialabbau durch die Hintertür", "Markus Koza"),
    ("Der Abgeordnete Markus Koza sprach von „Sozialabbau durch die Hintertür“.",
     "Sozialabbau durch die Hintertür", "Markus Koza"),
    # a single common noun there too, in any marks
    ("CDU-Fraktionschef Dennis Thering sprach von »Symbolpolitik«.", "Symbolpolitik", "Dennis Thering"),
])
def test_partial_quote_is_kept_when_attributed(extractor, text, quoted, speaker) -> None:
    quotes = extractor.extract(text)
    assert [(q.type, q.text, q.speaker) for q in quotes] == [("direct", quoted, speaker)]


@pytest.mark.parametrize("text", [
    "Das berichtete die „New York Post“ am Montag.",
    "Nach dem „Familienfoto“ gingen alle in den Saal.",
    "Der Präsident fuhr in seiner Limousine „The Beast“ vor.",
    "Die Zeitung „Kommersant“ meldete Verluste.",
    # naming is no saying: "so genannt", "nennt sich"; nor is a present participle ("bestehend")
    "Ein Test an den so genannten „engine cutoff“-Sensoren war der Auslöser.",
    "Im Jahr 2007 nennt sie sich „documenta 12“ und findet in Kassel statt.",
    "Eine Kommission bestehend aus Susanne Ghez und Gavin Jantjes, hatte ihn empfohlen.",
    # a cue verb with its object, then an indicative main clause: the sentence goes on
    "Zwar bemerkte der Pilot die Probleme nach dem Start, zum Flughafen zurückkehren konnte er nicht mehr.",
    # a participle tagged as a modifier before its noun, where another verb carries the clause, describes
    "In Illinois wurden 12 zum Tode verurteilte Menschen hingerichtet, 20 wurden freigesprochen.",
    # a parenthesis that points to an earlier article attributes nothing
    "Der Träger des „Sacharow-Preises“ sitzt weiter im Gefängnis (Wikinews berichtete).",
    "Das schrieb „Die Zeit“ in einem Nachruf.",
    "Dies nennt man einen „Aktiensplit“.",
    "Der Teilchenstrom wird als „Sonnenwind“ bezeichnet.",
    "Der Teilchenstrom, der von der Sonne ausgeht, wird als „Sonnenwind“ bezeichnet.",  # no cue of the quote
    "Die Disc kam mit dem Profil 1.0, genannt „Blu-ray Video“, auf den Markt.",
    # a title noun in the genitive or as a compound's head names the title after it
    "Ein Test des Magazines „auto, motor und sport“ zählte 113 Modelle.",
    "In der Ausgabe des Wochenmagazins „profil“ wird über die Geschäfte berichtet.",
])
def test_scare_quotes_titles_and_names_are_not_quotes(extractor, text) -> None:
    assert extractor.extract(text) == []


def test_mixed_quote_is_one_record(extractor) -> None:
    quotes = extractor.extract("Trump schrieb, er habe ein „langes und sehr produktives“ Telefonat gehabt.")
    assert [(q.type, q.text) for q in quotes] == [
        ("mixed", "er habe ein „langes und sehr produktives“ Telefonat gehabt")]


def test_quote_over_two_paragraphs_keeps_its_speaker(extractor) -> None:
    quotes = extractor.extract("„Wir kämpfen weiter“, sagte Lisa Paus. „Das ist klar.\n„Und wir gewinnen.“")
    assert [q.text for q in quotes] == ["Wir kämpfen weiter", "Das ist klar.", "Und wir gewinnen."]
    assert [q.speaker for q in quotes] == ["Lisa Paus"] * 3


@pytest.mark.parametrize("text", [
    "„" * 3000,
    "Er sagte „ und dann " * 200,
    "„Ein Anfang ohne Ende. " + "Noch ein Satz. " * 50 + "\nNeuer Absatz.",
    "\u201c" * 50 + " sagte er " + "\u201d" * 50,
], ids=["3000-openers", "200-unclosed", "open-to-paragraph-end", "50-each-way"])
def test_unbalanced_marks_never_crash_or_swallow(extractor, text) -> None:
    for quote in extractor.extract(text):
        assert text[quote.start:quote.end] == quote.text
        assert len(quote.text) < 2000


def test_unclosed_quote_is_dropped_at_paragraph_end() -> None:
    text = "Er sagte „ohne Ende.\nDer nächste Absatz ist kein Zitat, „aber dies“."
    assert [text[s.start:s.end] for s in find_quoted_spans(text)] == ["aber dies"]


_ALPHABET = [*list("abcdeÄö „“»«\"',.:!?\n"), "sagte ", "Er ", "habe ", "laut ", "Peskow "]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join))
def test_every_offset_slices_its_text(extractor, text) -> None:
    for quote in extractor.extract(text):
        assert text[quote.start:quote.end] == quote.text
        for span in (quote.mention, quote.cue):
            if span is not None:
                assert text[span.start:span.end] == span.text


def test_batches_are_bounded_by_count_and_characters() -> None:
    texts = ["a" * 10, "b" * 10, "c" * 50, "d" * 200, "e" * 5]
    grouped = list(batches(texts, len, count=2, characters=60))
    assert grouped == [["a" * 10, "b" * 10], ["c" * 50], ["d" * 200], ["e" * 5]]
    assert list(batches([], len)) == []


ARTICLE = ("Das Hochwasser erreichte am Montag die Altstadt. Hunderte Keller liefen voll. "
           "„Wir tun, was wir können“, sagte Bürgermeisterin Petra Vogt. Die Feuerwehr pumpte die ganze Nacht. "
           "Laut dem Wetterdienst regnet es weiter. Der Pegel sinke erst am Donnerstag. Viele Geschäfte blieben zu.")


def test_only_sentences_that_can_hold_speech_are_parsed(engine, extractor) -> None:
    from quotes.detect.relevance import sentences_to_parse
    from quotes.extract import quotes_in

    chosen = sentences_to_parse(engine.analyse(ARTICLE))
    assert chosen == {2, 4, 5}  # the quote, "Laut …", the Konjunktiv sentence and the one before it
    assert extractor.extract(ARTICLE) == quotes_in(engine.analyse(ARTICLE))


def test_konjunktiv_of_an_ieren_verb_the_tagger_does_not_know() -> None:
    from quotes.detect.spans import is_konjunktiv
    from quotes.document import Word

    def word(text: str, upos: str) -> Word:
        return Word(id=1, text=text, lemma=text, upos=upos, xpos="_", feats={}, head=0, deprel="_", start=0,
                    end=len(text))

    assert is_konjunktiv(word("telefoniere", "ADV"))  # "Trump telefoniere mit Putin", tagged as an adverb
    assert is_konjunktiv(word("sei", "AUX"))
    assert not is_konjunktiv(word("telefoniert", "VERB"))
    assert not is_konjunktiv(word("Papiere", "NOUN"))  # a noun, capitalised


@pytest.mark.parametrize(("form", "lemma", "expected"), [
    ("habe", "haben", True), ("sei", "sein", True), ("dauere", "dauern", True), ("sammle", "sammeln", True),
    ("ändere", "ändern", True), ("dauert", "dauern", False), ("hatte", "haben", False),
])
def test_konjunktiv_one_forms_include_verbs_in_ern_and_eln(form, lemma, expected) -> None:
    assert konjunktiv_one_form(form, lemma) is expected


def test_a_konjunktiv_of_a_verb_in_ern_reports(extractor) -> None:
    [quote] = extractor.extract("Die Kommission sagte, das dauere.")
    assert (quote.text, quote.speaker) == ("das dauere", "Kommission")


def test_hearsay_soll_goes_on_by_a_route_of_its_own(extractor) -> None:
    text = ("Der Betriebsrat Karl Weber sagte, das Werk werde verkleinert. Die Löhne seien sicher. "
            "Bis Neujahr sollen 90 Stellen wegfallen.")
    assert [q.route for q in extractor.extract(text)] == ["complement", "continuation", "hearsay"]


def test_a_verb_inside_a_quotation_is_no_cue_for_another(extractor) -> None:
    text = ("Damit ist die Marke erreicht, die Kanzler Schröder zum Ziel erklärt hatte: „Ich rechne damit, dass "
            "es uns gelingt.“ und „Wenn wir es nicht schaffen, haben wir es nicht verdient.“")
    quotes = extractor.extract(text)
    assert len(quotes) == 2
    assert not any(q.cue is not None and q.cue.text == "rechne" for q in quotes)


def test_letztere_stands_for_the_person_named_last(extractor) -> None:
    text = "Die Tierschützerin Anna Berg kritisierte die Zuchtanlagen. „Das Elend geht weiter“, so letztere."
    [quote] = extractor.extract(text)
    assert quote.mention is not None and (quote.mention.text, quote.speaker) == ("letztere", "Anna Berg")


@pytest.mark.parametrize(("text", "speaker"), [
    # a description made from an adjective takes its gender from the article, and may be the unnamed role before
    ("Die Zeitung zitierte einen Diplomaten mit den Worten, die Gespräche seien gescheitert. Im Gespräch mit "
     "der „Zeit“ räumte die Ministerin Fehler ein. Sie habe die Lage unterschätzt, sagte die 54-Jährige.",
     "Ministerin"),
    # a role named in an apposition is that person, not an unnamed one
    ("Der Vorstandschef des Unternehmens, Martin Brudermüller, sieht die Lage gelassen. Es sei zu früh für "
     "eine Bewertung, sagte er der Nachrichtenagentur Reuters.", "Martin Brudermüller"),
    # the side someone speaks from is its owner's
    ("Von Seiten der Gewerkschaft hieß es, man sei enttäuscht.", "Gewerkschaft"),
    ("Aus den Reihen der CDU hieß es, das sei ein Fehler.", "CDU"),
    # and so is the writer of a document
    ("„Wir haben keine Wahl“, heißt es in dem Schreiben der Gewerkschaft.", "Gewerkschaft"),
])
def test_last_quote_speaker_resolved(extractor, text, speaker) -> None:
    assert extractor.extract(text)[-1].speaker == speaker


def test_a_title_before_a_colon_keeps_the_name_that_opens_the_clause(extractor) -> None:
    text = "Kanzler Olaf Scholz im Interview mit dem „Spiegel“: „Ich bin zuversichtlich.“"
    [quote] = extractor.extract(text)
    assert (quote.route, quote.speaker) == ("colon", "Olaf Scholz")
