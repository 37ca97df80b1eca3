"""German quotation extraction with ``spacy.blank("de")`` + sentencizer (no parser, no NER): lexical rules only.

Real sentences come from spiegel.de.albtraum and zeit.de.zugverkehr (dw.com.uncork is in English). „…“ and ‚…‘ do
not occur in those pages: their tests use constructed unit examples, marked as such.
"""

from __future__ import annotations

import re

import pytest

from streams.enrich.quotes import extract_quotes

from .test_quotes import check_offsets, find, page_text


@pytest.fixture(scope="module")
def zeit(de):
    doc = de(page_text("zeit.de.zugverkehr"))
    return doc, extract_quotes(doc, "de")


@pytest.fixture(scope="module")
def spiegel(de):
    doc = de(page_text("spiegel.de.albtraum"))
    return doc, extract_quotes(doc, "de")


def test_zeit_ascii_quote_wrapped_over_lines(zeit):
    doc, quotes = zeit
    check_offsets(doc, quotes)
    # "Was\nwürde dem Klima mehr helfen …?", sagte Lindner beim Dreikönigstreffen der FDP.
    q = find(quotes, "Was würde dem Klima mehr helfen und was würde Europa mehr zusammenbringen")
    assert q.kind == "direct" and q.speaker == "Lindner" and q.cue == "sagte"


def test_zeit_konjunktiv_incise_and_continuation(zeit):
    _, quotes = zeit
    # "Bei Fahrten in seine belgische Heimat sitze er nun den ganzen Tag im Zug, sagt de Decker, wo …"
    q = find(quotes, "Bei Fahrten in seine belgische Heimat sitze er nun den ganzen Tag im Zug")
    assert q.kind == "indirect" and q.speaker == "de Decker"
    # next: "Und dafür zahle ich jetzt auch noch mehr." has no attribution: continues de Decker
    q = find(quotes, "Und dafür zahle ich jetzt auch noch mehr.")
    assert q.kind == "direct" and q.speaker == "de Decker" and q.cue is None
    # "…, müsse er deshalb heute mehrmals umsteigen …, berichtet de Decker."
    q = find(quotes, "müsse er deshalb heute mehrmals umsteigen")
    assert q.kind == "indirect" and q.speaker == "de Decker" and q.cue == "berichtet"
    # "…, schrieben die Rechnungsprüfer in einem Sondergutachten im Juni 2018."
    q = find(quotes, "Mit dem TEN-Programm sei statt einem EU-weiten Plan nur ein unwirksamer Flickenteppich")
    assert q.speaker == "die Rechnungsprüfer" and not q.text.endswith("2018")


def test_zeit_laut(zeit):
    _, quotes = zeit
    # "Seit 2000 hat die EU laut dem Europäischen Rechnungshof den Bau … unterstützt."
    q = find(quotes, "Seit 2000 hat die EU den Bau von rund 10.000 Kilometern Hochgeschwindigkeitstrasse")
    assert q.kind == "indirect" and q.cue == "laut" and q.speaker == "dem Europäischen Rechnungshof"


def test_zeit_people_argument_gives_canonical_names(de):
    text = page_text("zeit.de.zugverkehr")
    people = [("Christian Lindner", m.start(), m.end()) for m in re.finditer(r"(Christian )?Lindner\b", text)]
    people += [("Kris de Decker", m.start(), m.end()) for m in re.finditer(r"(Kris )?de Decker", text)]
    quotes = extract_quotes(de(text), "de", people=people)
    assert find(quotes, "Was würde dem Klima mehr helfen").speaker == "Christian Lindner"
    assert find(quotes, "Und dafür zahle ich jetzt auch noch mehr.").speaker == "Kris de Decker"


def test_spiegel_reversed_guillemets_colon_and_incise(spiegel):
    doc, quotes = spiegel
    check_offsets(doc, quotes)
    # Relotius schreibt: »Drückt uns die Daumen.«
    q = find(quotes, "Drückt uns die Daumen.")
    assert q.speaker == "Relotius" and q.cue == "schreibt"
    # »Ich habe ihm dann geglaubt«, sagt Geicke.
    q = find(quotes, "Ich habe ihm dann geglaubt")
    assert q.speaker == "Geicke" and q.kind == "direct"
    # … ein großer Apparat, dessen Chef sagt: »Wir glauben erst mal gar nichts.«
    assert find(quotes, "Wir glauben erst mal gar nichts.").speaker == "dessen Chef"


def test_spiegel_titles_not_quotes(spiegel):
    _, quotes = spiegel
    for title in ("Fake News", "Jaegers Grenze", "White Pages", "New York Times", "Zeit", "eigene Recherche"):
        assert all(q.text != title for q in quotes), title


def test_spiegel_konjunktiv_reported_speech(spiegel):
    _, quotes = spiegel
    # "Doch Moreno schreibt, er könne nicht teilnehmen, er sei dann auf Recherche …"
    q = find(quotes, "er könne nicht teilnehmen, er sei dann auf Recherche für ein anderes Ressort")
    assert q.kind == "indirect" and q.speaker == "Moreno" and q.cue == "schreibt"
    # "Relotius behauptet, seine Hauptfigur nutze zwei Identitäten oder einen Doppelnamen."
    q = find(quotes, "seine Hauptfigur nutze zwei Identitäten oder einen Doppelnamen")
    assert q.speaker == "Relotius"
    # "Man könnte zynisch sagen, dass …" is hypothetical, not reported speech
    assert all("perfekt grauenhaft" not in q.text for q in quotes)
    # "Eine fatale Sucht, glauben Kritiker, gerade im Gesellschaftsressort …": incise with inverted subject
    assert find(quotes, "Eine fatale Sucht, gerade im Gesellschaftsressort").speaker == "Kritiker"


def test_spiegel_quote_without_attribution_continues_previous_speaker(spiegel):
    _, quotes = spiegel
    # "Er habe jetzt Zugang »zu einem echten Haufen Schweinebacken bekommen«: »Fünf Typen, …«" after Relotius' mail
    assert find(quotes, "zu einem echten Haufen Schweinebacken bekommen").speaker == "Relotius"
    assert find(quotes, "Fünf Typen, die in Uniformen mit allem Militärgerät").speaker == "Relotius"


def test_low_high_marks_and_so_constructed(de):
    # constructed unit examples for „…“, ‚…‘ and the trailing ", so X."
    doc = de("„Wir werden das Gesetz noch in diesem Jahr vorlegen“, sagte die Ministerin.")
    assert [(q.text, q.speaker) for q in extract_quotes(doc, "de")] == [
        ("Wir werden das Gesetz noch in diesem Jahr vorlegen", "die Ministerin")]
    doc = de("Die Reform komme zu spät, so Müller.")
    assert [(q.text, q.speaker, q.kind) for q in extract_quotes(doc, "de")] == [
        ("Die Reform komme zu spät", "Müller", "indirect")]
    doc = de("Er nannte das ‚alternativlos‘ und ging.")
    assert extract_quotes(doc, "de") == []


@pytest.mark.parametrize("text", ["", "»", "« » « »", "„„„“", "Er sagte, dass.", "so, laut, zufolge"])
def test_never_raises(de, text):
    doc = de(text)
    check_offsets(doc, extract_quotes(doc, "de"))


def test_infinitive_report_and_laut_inside_a_report(de):
    text = ("Relotius gesteht, mehrere andere Geschichten manipuliert oder erfunden zu haben. "
            "Relotius erwidert laut Geicke, der Mann ballere häufiger in der Gegend herum.")
    people = [("Claas Relotius", 0, 8), ("Claas Relotius", text.index("Relotius erwidert"),
                                         text.index(" erwidert")),
              ("André Geicke", text.index("Geicke"), text.index("Geicke") + 6)]
    quotes = extract_quotes(de(text), "de", people)
    q = find(quotes, "mehrere andere Geschichten manipuliert oder erfunden zu haben")
    assert q.kind == "indirect" and q.speaker == "Claas Relotius" and q.cue == "gesteht"
    q = find(quotes, "der Mann ballere häufiger in der Gegend herum")
    assert q.speaker == "Claas Relotius" and q.cue == "erwidert"


def test_role_phrase_before_colon_and_konjunktiv_continuation(de):
    text = ("Ein Interpol-Sprecher zu der Aktion: „Diese Operation zeigt, dass Verbrechen reale Auswirkungen "
            "haben.“ Das Internet könne nicht als rechtsfreier Raum gesehen werden.")
    quotes = extract_quotes(de(text), "de", [])
    assert find(quotes, "Diese Operation zeigt").speaker == "Ein Interpol-Sprecher"
    q = find(quotes, "Das Internet könne nicht als rechtsfreier Raum gesehen werden")
    assert q.kind == "indirect" and q.speaker == "Ein Interpol-Sprecher"


def test_pronoun_before_the_recipient_is_the_sender(de):
    text = ("Die Vertraute im Ressort ist Özlem Gezer. In der Nacht schickt sie Relotius eine Nachricht: "
            "»Ich komme jetzt gleich, und du kommst raus.«")
    people = [("Özlem Gezer", text.index("Özlem"), text.index(". In")),
              ("Claas Relotius", text.index("Relotius"), text.index(" eine"))]
    q = find(extract_quotes(de(text), "de", people), "Ich komme jetzt gleich")
    assert q.speaker == "Özlem Gezer"
