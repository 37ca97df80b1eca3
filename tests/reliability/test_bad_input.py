"""Bad input never crashes the worker and is never dropped: every raw message ends on `enriched` or on the DLQ.

Each raw message is identified by its (partition, offset), the marker a dead letter records; enriched articles are
matched by the id `parse_article` gives the message. Counts must match exactly.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from streams import schemas
from streams.enrich.intake import InvalidArticle, parse_article
from streams.process import WorkerProcess
from tests.integration.helpers import TopicReader
from tests.reliability.conftest import (
    Processes,
    create_topics,
    module_settings,
    paragraphs,
    publish_rules,
    record,
    send,
)

pytestmark = pytest.mark.reliability

MAX_ARTICLE = 250_000
MAX_MESSAGE = 300_000
BIG = 20_000_000
ENRICHED = "enriched"


@pytest.fixture(scope="module")
def settings(broker: Any) -> Any:
    settings = module_settings(broker, "bad", enrich_processes=1, max_article_bytes=MAX_ARTICLE,
                               max_message_bytes=MAX_MESSAGE)
    create_topics(settings)
    publish_rules(settings)
    return settings


@pytest.fixture(scope="module")
def worker(settings: Any, processes: Processes) -> Iterator[WorkerProcess]:
    process = processes.worker(settings, "worker")
    process.wait_ready(timeout=180)
    yield process
    assert process.stop(grace=10) < 10


def article(article_id: str, text: Any = None, **fields: Any) -> bytes:
    return orjson.dumps({"id": article_id, **({"text": text} if text is not None else {}), **fields})


def crafted() -> list[tuple[str, bytes | None, str]]:
    """(name, payload, expected outcome): one or more cases per class of bad input the issue lists."""
    fr, en, de = paragraphs()[0], paragraphs()[-1], paragraphs()[9]
    dense = "Wladimir Putin traf Olaf Scholz und Xi Jinping in Genf am Dienstag. " * 900  # ~60 kB, ~2 700 entities
    return [
        ("valid-fr", article("valid-fr", fr), ENRICHED),
        ("not-json", b"this is not JSON at all", "InvalidJSON"),
        ("truncated-json", b'{"id": "truncated", "text": "Le pr', "InvalidJSON"),
        ("invalid-utf8", b'{"id": "bad-utf8", "text": "caf\xe9 \xff\xfe"}', "InvalidUTF8"),
        ("json-array", b"[1, 2, 3]", "NotAnObject"),
        ("json-string", b'"just a string"', "NotAnObject"),
        ("json-null", b"null", "NotAnObject"),
        ("kafka-null", None, "EmptyMessage"),
        ("empty-bytes", b"", "EmptyMessage"),
        ("whitespace-bytes", b" \n\t ", "EmptyMessage"),
        ("missing-body", orjson.dumps({"id": "no-body", "title": "Titre seul"}), "MissingBody"),
        ("text-int", article("text-int", 42), "WrongType"),
        ("title-list", article("title-list", fr, title=["a", "b"]), "WrongType"),
        ("id-int", orjson.dumps({"id": 7, "text": fr}), "WrongType"),
        ("html-number", orjson.dumps({"id": "html-number", "html": 3.5}), "WrongType"),
        ("empty-text", article("empty-text", ""), "EmptyBody"),
        ("whitespace-text", article("whitespace-text", " \n\t\u00a0 "), "EmptyBody"),
        ("scripts-only-html", orjson.dumps({"id": "scripts-only", "html": "<html><head><style>p{color:red}</style>"
                                            "<script>var a = 'Yang Jiechi';</script></head><body><script>x()</script>"
                                            "</body></html>"}), "EmptyBody"),
        ("cherokee", article("cherokee", "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏓᏅᏙ ᎤᏂᏲ ᎢᏳᏍᏗ ᎠᏂᏴᏫᏯ ᏗᎦᏃᏣᎳᏗᏍᎩ " * 10), "UndeterminedLanguage"),
        ("tifinagh", article("tifinagh", "ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ ⴰⴷ ⵉⵙⵙⵓⵜⵓⵍ " * 10), "UndeterminedLanguage"),
        ("emoji-only", article("emoji-only", "🙂🎉🔥 " * 50), "UndeterminedLanguage"),
        ("deep-nesting", b'{"id": "deep", "text": "x", "extra": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
         "InvalidJSON"),
        ("deep-top-level", b"[" * 100_000 + b"]" * 100_000, "InvalidJSON"),
        ("duplicate-id-1", article("dup", fr), ENRICHED),
        ("duplicate-id-2", article("dup", en), ENRICHED),
        ("control-chars", article("control", "\x00\x07\x1b" + fr + "\x0c\x7f"), ENRICHED),
        ("lone-surrogates", ('{"id": "surrogate-\\udc00", "title": "\\ud800", "text": "' + de + ' \\ud800 \\udfff"}')
         .encode(), ENRICHED),
        ("over-max-article", article("over-max-article", fr * (MAX_ARTICLE // len(fr) + 1)), "TooLarge"),
        ("enriched-over-max-message", article("dense", dense), "TooLarge"),
        ("no-id-url", orjson.dumps({"url": "https://example.org/a", "text": en}), ENRICHED),
        ("no-id-no-url", orjson.dumps({"text": de}), ENRICHED),
    ]


def _values(draw_text: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), draw_text,
                     st.lists(st.integers(), max_size=3),
                     st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


def fuzzed(count: int) -> list[bytes]:
    """`count` generated messages: random bytes, and JSON objects with article fields of random types and texts."""
    texts = st.one_of(st.text(max_size=200), st.sampled_from(paragraphs()), st.just(""), st.just("   "))
    objects = st.fixed_dictionaries({}, optional={k: _values(texts) for k in
                                                  ("id", "text", "html", "title", "url", "published_at", "language")})
    messages = st.one_of(
        st.binary(max_size=300),
        objects.map(lambda d: json.dumps(d).encode()),  # ensure_ascii: lone surrogates become \\udXXX escapes
        objects.map(lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    )
    out: list[bytes] = []

    @hyp_settings(max_examples=count, derandomize=True, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck), deadline=None)
    @given(messages)
    def collect(message: bytes) -> None:
        out.append(message)

    collect()
    return out


def expected_id(payload: bytes | None) -> str | None:
    """The id an enriched article of this payload carries (None: it cannot be enriched)."""
    try:
        return parse_article(payload, 10**9).id
    except InvalidArticle:
        return None


def original(letter: dict[str, Any]) -> bytes:
    payload = letter["payload"]
    return base64.b64decode(payload) if letter["payload_encoding"] == "base64" else payload.encode("utf-8")


def test_property_intake_never_raises_anything_but_invalid_article() -> None:
    """Offline: whatever the bytes, intake returns an Article or raises InvalidArticle with a known class."""
    classes = {"InvalidJSON", "InvalidUTF8", "NotAnObject", "MissingBody", "WrongType", "EmptyMessage", "EmptyBody",
               "TooLarge"}
    for payload in fuzzed(400):
        try:
            parse_article(payload, MAX_ARTICLE)
        except InvalidArticle as exc:
            assert exc.error_class in classes and exc.reason


def test_every_bad_message_ends_on_enriched_or_dlq(settings: Any, worker: WorkerProcess) -> None:
    cases = crafted()
    fuzz = fuzzed(150)
    records = [(name.encode(), payload) for name, payload, _ in cases] + [(b"fuzz", p) for p in fuzz]
    positions = send(settings, settings.topic_raw, records)
    raw = dict(zip(positions, records, strict=True))
    expected = {pos: outcome for pos, (_, _, outcome) in zip(positions, cases, strict=False)}

    enriched_reader = TopicReader(settings, settings.topic_enriched)
    dlq_reader = TopicReader(settings, settings.topic_dlq)

    def done() -> bool:
        enriched_reader.poll(1.0)
        dlq_reader.poll(1.0)
        return len(enriched_reader.messages) + len(letters_for_raw()) >= len(records)

    def letters_for_raw() -> list[dict[str, Any]]:
        return [v for v in dlq_reader.values() if v["agent"] == "enrich" and v["topic"] == settings.topic_raw]

    for _ in range(120):
        if done():
            break
    enriched, letters = enriched_reader.values(), letters_for_raw()

    # exact accounting: one outcome per raw message, no more, no less
    assert len(enriched) + len(letters) == len(records)
    dead = {(v["partition"], v["offset"]): v for v in letters}
    assert len(dead) == len(letters) and set(dead) <= set(raw)
    survivors = [pos for pos in raw if pos not in dead]
    assert Counter(v["id"] for v in enriched) == Counter(expected_id(raw[pos][1]) for pos in survivors)

    # the crafted cases land where they should, with a reason, the original payload and its hash
    for pos, outcome in expected.items():
        name = raw[pos][0].decode()
        if outcome == ENRICHED:
            assert pos not in dead, (name, dead.get(pos))
        else:
            assert pos in dead, f"{name} was enriched, expected {outcome}"
            assert dead[pos]["error_class"] == outcome, (name, dead[pos]["reason"])
    for letter in letters:
        payload = raw[(letter["partition"], letter["offset"])][1] or b""
        assert schemas.errors("dead_letter", letter) == []
        assert letter["reason"] and letter["payload_size"] == len(payload)
        assert letter["payload_sha256"] == hashlib.sha256(payload).hexdigest()
        if letter["truncated"]:
            assert len(original(letter)) <= settings.dlq_payload_max_bytes
        else:
            assert original(letter) == payload
    dense = next(v for v in letters if v["article_id"] == "dense")
    assert "max_message_bytes" in dense["reason"]
    dup = [v for v in enriched if v["id"] == "dup"]
    assert len(dup) == 2 and dup[0]["text"] != dup[1]["text"]
    assert worker.alive()
    record("bad_input", messages_in=len(records), crafted=len(cases), fuzzed=len(fuzz), enriched=len(enriched),
           dlq=len(letters), dlq_classes=dict(Counter(v["error_class"] for v in letters)))


def test_twenty_megabyte_article(settings: Any, worker: WorkerProcess) -> None:
    """The default producer refuses it client-side with a clear error; sent anyway, it becomes a capped dead letter."""
    from aiokafka.errors import MessageSizeTooLargeError

    payload = article("twenty-mb", "Le président a parlé. " * (BIG // 22))
    assert len(payload) > BIG
    with pytest.raises(MessageSizeTooLargeError, match="max_request_size"):
        send(settings, settings.topic_raw, [(b"twenty-mb", payload)])

    big_producer = settings.replace(max_message_bytes=32_000_000)
    [(partition, offset)] = send(big_producer, settings.topic_raw, [(b"twenty-mb", payload)])
    letters = TopicReader(settings, settings.topic_dlq).wait(
        lambda vs: any(v.get("offset") == offset and v.get("partition") == partition for v in vs), timeout=90)
    letter = next(v for v in letters if v.get("offset") == offset and v.get("partition") == partition)
    assert letter["error_class"] == "TooLarge" and "max_article_bytes" in letter["reason"]
    assert letter["truncated"] and letter["payload_size"] == len(payload)
    assert letter["payload_sha256"] == hashlib.sha256(payload).hexdigest()
    assert len(original(letter)) <= settings.dlq_payload_max_bytes
    assert worker.alive()


def test_huge_watch_rule_is_rejected_to_the_dlq(settings: Any, worker: WorkerProcess) -> None:
    huge = {"id": "huge", "kind": "keyword", "terms": [f"term{n}" for n in range(20_000)]}
    [(partition, offset)] = send(settings, settings.topic_watchlists, [(b"huge", orjson.dumps(huge))])
    letters = TopicReader(settings, settings.topic_dlq).wait(
        lambda vs: any(v["agent"] == "watchlists" and v["offset"] == offset for v in vs), timeout=60)
    letter = next(v for v in letters if v["agent"] == "watchlists" and v["offset"] == offset)
    assert letter["partition"] == partition and letter["reason"]
    assert worker.alive()
