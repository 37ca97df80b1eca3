"""Near-duplicate detection on real articles and the bounded fingerprint index."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from streams.watch.dedupe import (
    NearDuplicateIndex,
    expired_keys,
    fired_rules,
    signature,
    similarity,
    words,
)

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "tests" / "data" / "raw"


@pytest.fixture(scope="module")
def seed() -> str:
    return orjson.loads((ROOT / "examples/articles/seed-fr-0001.json").read_bytes())["text"]


def syndicated(text: str) -> str:
    """Another outlet's run of the story: new headline, a byline, a copyright footer, one paragraph cut."""
    paragraphs = text.split("\n\n")
    body = [p for i, p in enumerate(paragraphs[2:]) if i != 5]
    return "\n\n".join(["Moscou aurait sollicité Pékin pour du matériel militaire", "Par la rédaction, avec AFP",
                        *body, "© 2022 Agence. Tous droits de reproduction réservés."])


def other_texts() -> list[str]:
    return [orjson.loads(path.read_bytes())["text"] for path in sorted(RAW.glob("*.json"))]


def test_words_fold_case_accents_and_punctuation() -> None:
    assert words("Pékin, l’ÉTÉ — Taïwan!") == ["pekin", "l", "ete", "taiwan"]


def test_syndicated_copy_is_near_identical_and_other_articles_are_not(seed: str) -> None:
    original = signature(seed)
    assert original is not None
    assert similarity(original, signature(syndicated(seed))) >= 0.85
    typography = seed.replace("’", "'").replace("Pékin", "PEKIN").upper()
    assert similarity(original, signature(typography)) == 1.0
    for text in other_texts():
        assert similarity(original, signature(text)) < 0.1


def test_signature_is_stable_and_short_texts_are_not_fingerprinted(seed: str) -> None:
    assert signature(seed) == signature(seed)  # blake2b, not the salted hash(): same in every process
    assert len(signature(seed)) == 64
    assert signature("Yang Jiechi rencontre Jake Sullivan à Rome.") is None


def test_index_finds_the_copy_not_the_article_itself_nor_other_stories(seed: str) -> None:
    index = NearDuplicateIndex(capacity=100, ttl=3600, threshold=0.7)
    index.add("seed", signature(seed), at=1000.0, rules={"yang-jiechi", "sanctions"})
    for number, text in enumerate(other_texts()):
        index.add(f"other-{number}", signature(text), at=1000.0, rules={"x"})
    found = index.query(signature(syndicated(seed)), now=1010.0, exclude="copy")
    assert [d.article_id for d in found] == ["seed"]
    assert found[0].rules == {"yang-jiechi", "sanctions"} and found[0].similarity >= 0.85
    assert index.query(signature(seed), now=1010.0, exclude="seed") == []  # a redelivery is not its own copy


def test_index_is_bounded_in_size_and_age(seed: str) -> None:
    texts = other_texts()
    index = NearDuplicateIndex(capacity=3, ttl=100, threshold=0.7)
    for number, text in enumerate(texts):
        index.add(f"a{number}", signature(text), at=float(number))
    assert len(index) == 3 and "a0" not in index and f"a{len(texts) - 1}" in index
    assert index.query(signature(texts[-1]), now=10_000.0) == []  # too old to count
    index.add("late", signature(seed), at=10_000.0)
    assert len(index) == 1 and "late" in index
    index.remove("late")
    assert len(index) == 0 and index.query(signature(seed), now=10_000.0) == []


def test_fired_rules_and_expired_keys_honour_ttl_and_partition() -> None:
    assert fired_rules({"rules": ["a", "b"], "at": 100.0}, now=150.0, ttl=60) == {"a", "b"}
    assert fired_rules({"rules": ["a"], "at": 10.0}, now=150.0, ttl=60) == frozenset()
    assert fired_rules(None, now=1.0, ttl=60) == frozenset()
    items = [("old0", {"at": 1.0, "p": 0}), ("old1", {"at": 1.0, "p": 1}), ("new0", {"at": 99.0, "p": 0})]
    assert expired_keys(items, now=100.0, ttl=50, partition=0, limit=10) == ["old0"]
    assert expired_keys(items * 3, now=100.0, ttl=50, partition=0, limit=2) == ["old0", "old0"]


def test_index_rejects_bad_bounds() -> None:
    with pytest.raises(ValueError):
        NearDuplicateIndex(capacity=0)
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=1.5)
