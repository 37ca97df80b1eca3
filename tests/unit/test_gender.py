"""streams.enrich.gender: titles and roles before a mention, given names, names the model cut short."""

from __future__ import annotations

import pytest

from streams.enrich.gender import given_name_gender, person_gender, surname_gender, titled_gender, whole_name


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("La ministre de l'Éducation nationale , Najat Vallaud-Belkacem", "Najat Vallaud-Belkacem", "F"),
    ("le président du conseil régional , Christian Estrosi", "Christian Estrosi", "M"),
    ("Bundeskanzlerin Angela Merkel", "Angela Merkel", "F"),
    ("Der Bundeskanzler Olaf Scholz", "Olaf Scholz", "M"),
    ("Mr. John Smith", "John Smith", "M"),
    ("M. Dupont", "Dupont", "M"),
    ("Frau Müller", "Müller", "F"),
    ("Their friend Alex Doe", "Alex Doe", None),
])
def test_a_title_or_role_before_the_name(text: str, name: str, expected: str | None) -> None:
    start = text.rindex(name)
    assert titled_gender(text, [(start, start + len(name))]) == expected


def test_given_names_and_names_cut_from_a_longer_run() -> None:
    assert given_name_gender("Ursula von der Leyen") == "F"
    assert given_name_gender("Christian Estrosi") == "M"
    assert given_name_gender("Claude Dupont") is None  # listed for both in Faker's locales
    assert given_name_gender("Estrosi") is None  # a bare surname says nothing
    text = "Munwar Liza Zainal, the center's Secretary-General, says relief can be targeted."
    start = text.index("Liza")
    assert not whole_name(text, [(start, start + len("Liza Zainal"))], "en")
    assert person_gender(text, "Liza Zainal", [(start, start + len("Liza Zainal"))], "en") is None


def test_english_role_nouns_say_nothing_and_russian_style_surnames_do() -> None:
    # VOA News, April 2010 (dev set P): "Former foreign minister Rosa Otunbayeva" is no man (German "Minister" is)
    text = "Former foreign minister Rosa Otunbayeva says"
    assert titled_gender(text, [(24, 39)], "en") is None
    assert titled_gender("Der Außenminister Heiko Maas", [(18, 28)], "de") == "M"
    assert person_gender(text, "Rosa Otunbayeva", [(24, 39)], "en") == "F"
    assert surname_gender("Kurmanbek Bakiyev") == "M" and surname_gender("Anna Politkovskaya") == "F"
    assert surname_gender("Otunbayeva") is None  # a bare surname: the rule needs a whole name
