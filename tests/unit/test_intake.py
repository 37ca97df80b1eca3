"""Raw message validation and dead letters: every defect class gets a precise reason, nothing is dropped."""

from __future__ import annotations

import base64
import hashlib

import orjson
import pytest

from streams import schemas
from streams.enrich.intake import InvalidArticle, dead_letter, parse_article, stable_id


@pytest.mark.parametrize(
    ("payload", "error_class"),
    [
        (b'{"id": "x", "text": ', "InvalidJSON"),
        (b'{"id": "x", "text": "\xff\xfe"}', "InvalidUTF8"),
        (b"[1, 2]", "NotAnObject"),
        (b'"just a string"', "NotAnObject"),
        (b'{"id": "x", "title": "t"}', "MissingBody"),
        (b'{"id": "x", "text": 3}', "WrongType"),
        (b'{"id": "x", "text": "ok", "title": ["a"]}', "WrongType"),
        (b'{"id": "x", "text": "   \\n\\t "}', "EmptyBody"),
        (b"", "EmptyMessage"),
        (None, "EmptyMessage"),
        (b"[" * 5000 + b"]" * 5000, "InvalidJSON"),
    ],
)
def test_defects_are_classified(payload: bytes | None, error_class: str) -> None:
    with pytest.raises(InvalidArticle) as caught:
        parse_article(payload)
    assert caught.value.error_class == error_class
    assert caught.value.reason


def test_too_large_is_rejected_before_decoding() -> None:
    payload = orjson.dumps({"id": "big", "text": "a" * 2000})
    with pytest.raises(InvalidArticle) as caught:
        parse_article(payload, max_bytes=1000)
    assert caught.value.error_class == "TooLarge"
    assert str(len(payload)) in caught.value.reason


def test_missing_id_gets_a_stable_id_from_url_or_content() -> None:
    by_url = parse_article(b'{"url": "https://example.org/a", "text": "Bonjour"}')
    again = parse_article(b'{"url": "https://example.org/a", "text": "Autre texte"}')
    assert by_url.id == again.id == stable_id("https://example.org/a", None)
    by_content = parse_article(b'{"text": "Bonjour tout le monde"}')
    assert by_content.id.startswith("sha-")
    assert by_content.id == parse_article(b'{"text": "Bonjour tout le monde"}').id
    assert by_content.id != parse_article(b'{"text": "Bonsoir tout le monde"}').id


def test_lone_surrogates_are_replaced_not_fatal() -> None:
    article = parse_article(b'{"id": "s", "text": "avant \\ud800 apres"}')
    assert article.text == "avant \ufffd apres"
    article.text.encode("utf-8")


def test_extra_fields_are_accepted_and_html_only_is_fine() -> None:
    article = parse_article(b'{"id": "h", "html": "<p>x</p>", "extra": {"a": 1}}')
    assert article.html == "<p>x</p>" and article.text is None


def test_dead_letter_keeps_text_payload_and_validates() -> None:
    payload = b'{"id": "x", "text": 3}'
    letter = dead_letter(payload, "WrongType", "text: 3 is not a string", agent="enrich", article_id="x")
    data = letter.to_dict()
    assert schemas.errors("dead_letter", data) == []
    assert data["payload"] == payload.decode() and data["payload_encoding"] == "utf-8"
    assert data["payload_sha256"] == hashlib.sha256(payload).hexdigest()
    assert not data["truncated"]


def test_dead_letter_of_binary_payload_is_base64() -> None:
    payload = b"\xff\xfe\x00binary"
    letter = dead_letter(payload, "InvalidUTF8", "not UTF-8", agent="enrich")
    assert letter.payload_encoding == "base64"
    assert base64.b64decode(letter.payload) == payload


def test_huge_payload_is_capped_with_hash_of_the_whole() -> None:
    payload = ("é" * 100_000).encode()
    letter = dead_letter(payload, "TooLarge", "too large", agent="enrich", max_payload_bytes=1001)
    assert letter.truncated and letter.payload_size == len(payload)
    assert letter.payload_encoding == "utf-8" and len(letter.payload.encode()) <= 1001
    assert letter.payload_sha256 == hashlib.sha256(payload).hexdigest()
