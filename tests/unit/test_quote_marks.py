"""Quote-mark pairing: every convention, broken marks, apostrophes, multi-paragraph quotes (no spaCy needed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.enrich.quote_marks import find_quote_spans, wrapped


def texts(s: str) -> list[str]:
    return [s[q.start:q.end] for q in find_quote_spans(s)]


def test_english_curly():
    assert texts("He said “we will win,” and left.") == ["we will win,"]


def test_french_guillemets_with_narrow_and_plain_spaces():
    assert texts("Il a dit « nous verrons » puis «\u202fplus tard\u202f» et «\u00a0demain\u00a0».") == [
        "nous verrons", "plus tard", "demain"]


def test_german_low_high_and_reversed_guillemets():
    assert texts("Er sagte: „Das ist gut“, und dann »Sagen, was ist.« am Ende.") == ["Das ist gut", "Sagen, was ist."]


def test_german_single_low_high():
    assert texts("Sie nannte es ‚Kompromiss‘ und ging.") == ["Kompromiss"]


def test_ascii_double_and_single():
    assert texts('"It\'s a diva," she said, \'quietly\' too.') == ["It's a diva,", "quietly"]


def test_mixed_marks_as_in_the_seed():
    # seed-fr-0001 opens with “ and closes with »
    s = "Sullivan a déclaré que “nous communiquons directement. »\n\nSuite."
    assert texts(s) == ["nous communiquons directement."]


def test_apostrophes_are_not_marks():
    assert texts("l’état, n’importe quel pays, don't, students’ union, rock ’n’ roll") == []
    assert texts("à “l’état de l’Union” de Les actualites") == ["l’état de l’Union"]


def test_odd_number_of_marks_never_fails_and_keeps_the_closed_pairs():
    s = "des « financements […] des « appels à projets », du temps et « la séparation »."
    # the never-closed first opener takes the first closing mark (the repeated opener is the stray); round 2
    # returned only the inner pair and lost the quote's beginning
    assert texts(s) == ["financements […] des « appels à projets", "la séparation"]


def test_unterminated_quote_ends_with_its_paragraph():
    s = "He said “we are done.\nNext paragraph without marks."
    assert texts(s) == ["we are done."]


def test_multi_paragraph_quote_english_convention():
    s = "“First paragraph,” he said.\n“Second paragraph goes on.\n“Third one ends.”\nAfter."
    spans = find_quote_spans(s)
    assert [s[q.start:q.end] for q in spans] == ["First paragraph,", "Second paragraph goes on.", "Third one ends."]
    assert spans[1].continues and spans[2].continued and not spans[0].continues


def test_nested_quotes_return_the_outer_one():
    s = "lâche « qu’il est, ouvrez les guillemets, « disposé à améliorer » le projet »."
    assert texts(s) == ["qu’il est, ouvrez les guillemets, « disposé à améliorer » le projet"]


def test_soft_line_wrap_inside_a_quote():
    # zeit.de.zugverkehr: the HTML source wraps lines inside the quote
    s = '"Was\nwürde dem Klima mehr helfen?", sagte Lindner.'
    assert texts(s) == ["Was\nwürde dem Klima mehr helfen?"]


def test_a_long_line_stopping_mid_sentence_is_wrapped():
    # VOA News, 9 December 2013 (dev set W), as the copy wraps it at 80 columns
    s = ('"They had members of Communist Youth Union yelling at us through loudspeakers\n'
         '‘Assembling is not allowed,’ and asking us to leave the site," said Loan.')
    assert wrapped(s, s.index("\n"))
    assert texts(s) == [s[1:s.index('" said')]]
    assert not wrapped('"Short line\n‘Next’ one."', 11)  # a short line is no wrap
    assert not wrapped("A sentence that ends on this long line before the break, and it stops.\nNext", 70)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n“”«»„‚‘’\"'\u202f\u00a0")), max_size=80))
def test_never_raises_and_spans_are_sane(s):
    for q in find_quote_spans(s):
        assert 0 <= q.open_at < q.start <= q.end <= len(s)
        assert s[q.start:q.end].strip() == s[q.start:q.end]
