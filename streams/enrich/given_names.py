"""Given names for languages without a statistical NER model (German here): the per-locale first-name lists of
Faker (MIT, offline), Latin script only, without names that are also places, months or ordinary capitalised words.

A given name before a capitalised word is the strongest cue the rule-based person finder has ("Jörg Wojahn",
"Isaias Afewerki"); the curated ``entities.FIRST_NAMES`` stays the core, this widens it to thousands of names.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from collections.abc import Iterator

_LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ]+(?:-[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿĀ-ſ]+)?$")
_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
# capitalised words of news text that Faker also lists as given names
NOT_GIVEN_NAMES = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Januar", "Februar", "März", "Mai", "Juni", "Juli", "Oktober", "Dezember", "Janvier", "Avril", "Juin",
    "Juillet", "Août", "Monday", "Sunday", "Will", "Hope", "Grace", "Page", "Art", "Faith", "Joy", "Rose", "Mark",
    "Bill", "Sky", "Summer", "Winter", "Autumn", "Dawn", "Star", "Major", "General", "King", "Prince", "Princess",
    "Ernst", "Frieden", "Heil", "Christ", "Justice", "Liberty", "Unity", "Trinity", "Mercy", "Precious", "Honey",
    "Ever", "Reign", "Royal", "Wolf", "Fuchs", "Bär", "Engel", "Sonne", "Stern", "Glück", "Friede", "Marine", "Rue",
    "Ange", "Aimé", "Désiré", "Constant", "Clément", "Prudence", "Modeste", "Blanche", "Claire", "Fleur", "Océane",
    "Nation", "Union", "Delta", "Nova", "Sierra", "Alpha", "Victoria", "Carolina", "Georgia", "Jordan", "Israel",
    "Florence", "Lourdes", "Paris", "Sydney", "Chad", "Kenya", "India", "China", "Asia", "Europa", "America",
    "Máximo", "Lage", "Nea",
    # German common nouns among Faker's names (found once by looking every name up in spaCy's German lemma table,
    # spacy-lookups-data: a name with noun inflections — "Sommern", "Berge" — or that is itself an inflected form)
    "Adel", "Admiral", "Alleen", "Baptist", "Baron", "Berg", "Bett", "Bette", "Bitten", "Brande", "Brett", "Butler",
    "Chance", "Christen", "Christi", "Delle", "Delphin", "Dom", "Domen", "Ebbe", "Eber", "Eimer", "Einer", "Erle",
    "Erlen", "Ferne", "Flor", "Gabe", "Gabel", "Halle", "Heide", "Kader", "Kaiser", "Karren", "Kiefer", "Kristall",
    "Laken", "Lilie", "Linde", "Linden", "Lupe", "Made", "Mal", "Malen", "Manie", "Melodie", "Mist", "Muslim",
    "Neider", "Pastor", "Pate", "Rand", "Reine", "Ritt", "Robbe", "Rock", "Roman", "Romane", "Rosette", "Rubin",
    "Rute", "Sommer", "Stein", "Tage", "Tal", "Tod", "Tor", "Tore", "West", "Wille", "Wirt", "Junior", "Hall", "Tilde",
    "Siebe", "Melker", "Sage", "Noble", "Pier", "Pol", "Tone", "Watt", "Wende",
})
MIN_LENGTH = 3
# Common given names in the Latin transliterations news uses, from scripts Faker's Latin lists leave out (Arabic,
# Persian, Urdu, Ukrainian, Russian, Hindi): "Hossein Derakhshan", "Oleksandr Arhat", "Iyad El Baghdadi"
TRANSLITERATED_NAMES = frozenset({
    "Abbas", "Abdelaziz", "Abdelkader", "Abdallah", "Abdulaziz", "Abdulla", "Abdulrahman", "Abdurrahman", "Adel",
    "Adnan", "Akbar", "Alaa", "Amin", "Amr", "Anas", "Ashraf", "Ayman", "Azadeh", "Bassam", "Bilal", "Ebrahim",
    "Ehsan", "Fadi", "Fahad", "Faisal", "Farhad", "Fatemeh", "Firas", "Fouad", "Ghassan", "Habib", "Hadi", "Hamed",
    "Hamid", "Hani", "Hassan", "Hatem", "Haydar", "Hesham", "Hisham", "Hossein", "Hosni", "Hussain", "Iyad",
    "Jafar", "Javad", "Jawad", "Khaled", "Khalil", "Loay", "Mahdi", "Mahmood", "Majid", "Marwan", "Masoud",
    "Mehdi", "Mohamad", "Mohammad", "Mohsen", "Morteza", "Mostafa", "Muhammed", "Munir", "Nader", "Naser",
    "Nasser", "Nawaf", "Nawaz", "Nizar", "Qasim", "Rashid", "Reza", "Saeed", "Saleh", "Shahid", "Tarek", "Tareq",
    "Walid", "Wael", "Yasser", "Yasin", "Zaid", "Ziad",
    "Andriy", "Bohdan", "Dmytro", "Mykhailo", "Mykola", "Oleh", "Oleksandr", "Oleksiy", "Oksana", "Petro",
    "Serhiy", "Taras", "Volodymyr", "Yevhen", "Yuliya", "Yevgeny", "Yevgeniy", "Vyacheslav", "Gennady", "Gennadiy",
    "Narendra", "Sanjay", "Ashok", "Rajesh", "Sunil", "Anil", "Vijay", "Amit", "Arvind", "Manmohan",
})


GENDER_MAJORITY = 3  # a name is female or male when that many times more locales list it so than the other way


@functools.cache
def name_genders() -> dict[str, str]:
    """Given name → "F" or "M" when Faker's locales clearly agree ("Christian" M in 21 locales, F in 1); names
    listed for both (Claude, Kim, Jean) have no entry."""
    counts: dict[str, list[int]] = {}
    for slot, attribute in ((0, "first_names_female"), (1, "first_names_male")):
        for names in _locale_lists(attribute):
            for name in names:
                counts.setdefault(name, [0, 0])[slot] += 1
    out: dict[str, str] = {}
    for name, (female, male) in counts.items():
        if female >= 2 and female >= GENDER_MAJORITY * male:
            out[name] = "F"
        elif male >= 2 and male >= GENDER_MAJORITY * female:
            out[name] = "M"
    return out


@functools.cache
def given_names() -> frozenset[str]:
    """Every Latin-script given name Faker lists for any locale and the transliterated ones, minus NOT_GIVEN_NAMES and
    place names."""
    from streams.enrich.gazetteer import place_names

    names: set[str] = set(TRANSLITERATED_NAMES)
    for attribute in _ATTRIBUTES:
        for locale_names in _locale_lists(attribute):
            names |= locale_names
    places = place_names()
    words = _stop_words()
    return frozenset(n for n in names if len(n) >= MIN_LENGTH and _LATIN_NAME.match(n)
                     and n not in NOT_GIVEN_NAMES and n not in places and n.lower() not in words)


def _locale_lists(attribute: str) -> Iterator[set[str]]:
    """The names one attribute of Faker's person provider lists, one set per locale that has it as a collection (a
    few locales compute theirs in a property)."""
    import faker.providers.person as person

    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        values = getattr(provider, attribute, None)
        if isinstance(values, (dict, list, tuple, set, frozenset)):
            yield {v for v in values if isinstance(v, str)}


def _stop_words() -> frozenset[str]:
    """spaCy's German, French and English stop words ("Sie", "Dann", "Son", "Among" are names somewhere)."""
    from spacy.lang.de.stop_words import STOP_WORDS as GERMAN
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH

    return frozenset(GERMAN | ENGLISH | FRENCH)
