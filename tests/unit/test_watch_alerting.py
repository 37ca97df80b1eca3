"""Alert payloads: deterministic ids, schema validity, snippets."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from streams.benchmarks.matching import seed_article
from streams.enrich.canonical import AliasTable
from streams.schemas import errors as schema_errors
from streams.watch.alerting import MAX_MENTIONS, alert_id, build_alert, snippet
from streams.watch.matcher import Match, Matcher, Mention
from streams.watch.rules import load_rules, parse_rule
from tests.conftest import SAMPLES

WATCHLIST = Path(__file__).resolve().parents[2] / "examples" / "watchlist.yaml"


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    """The raw seed as an enriched article; entities and quotes are the gold ones located by string search."""
    return seed_article(SAMPLES, version="test-stand-in")


def test_alert_id_is_documented_and_deterministic() -> None:
    expected = hashlib.sha256(b"putin\x1fseed-fr-0001").hexdigest()[:32]
    assert alert_id("putin", "seed-fr-0001") == expected
    assert re.fullmatch(r"[0-9a-f]{32}", expected)
    assert alert_id("a:b", "c") != alert_id("a", "b:c")
    assert alert_id("putin", "seed-fr-0002") != expected


def test_every_alert_of_the_example_watchlist_is_valid(seed: dict[str, Any]) -> None:
    matches = Matcher(load_rules(WATCHLIST)).match(seed)
    fired = {m.rule_id for m in matches}
    assert {"yang-jiechi", "putin", "sanctions", "sullivan-on-sanctions", "taiwan", "kremlin-asks-china"} <= fired
    assert "wire-only" not in fired
    now = datetime(2024, 3, 14, 10, 0, 0, 123456, tzinfo=UTC_PLUS_1)
    for match in matches:
        alert = build_alert(match, seed, now)
        assert schema_errors("alert", alert) == [], match.rule_id
        assert alert["id"] == alert_id(match.rule_id, seed["id"])
        assert alert["created_at"] == "2024-03-14T09:00:00.123Z"
        assert alert["article"] == {
            "id": "seed-fr-0001",
            "url": None,
            "title": seed["title"],
            "language": "fr",
            "source": "unknown-french-news-site",
            "published_at": None,
        }
        for mention in alert["mentions"]:
            assert mention["text"] in mention["snippet"]
        assert alert["mention_count"] == len(match.mentions)
    putin = next(build_alert(m, seed, now) for m in matches if m.rule_id == "putin")
    assert putin["severity"] == "high" and putin["tags"] == ["russia"] and putin["rule_kind"] == "actor"
    quoted = next(build_alert(m, seed, now) for m in matches if m.rule_id == "sullivan-on-sanctions")
    assert [q["speaker"] for q in quoted["quotes"]] == ["Jake Sullivan"]
    assert set(quoted["quotes"][0]) == {"text", "speaker", "kind", "start", "end"}


def test_snippet_cuts_between_words(seed: dict[str, Any]) -> None:
    text = seed["text"]
    start = text.index("Taïwan")
    cut = snippet(text, start, start + len("Taïwan"))
    assert cut.startswith("…") and cut.endswith("…")
    body = cut.strip("…")
    assert "Taïwan" in body and len(body) <= 80 * 2 + len("Taïwan")
    assert len(body) >= 100, "about 80 characters of context each side"
    first, last = body.split()[0], body.split()[-1]
    assert re.search(rf"\s{re.escape(first)}\s", text) and re.search(rf"\s{re.escape(last)}\s", text), "whole words"
    assert snippet("Court texte.", 0, 5) == "Court texte."
    assert "\n" not in snippet(text, 10, 20)
    assert snippet("x" * 300, 150, 151) == "…x…", "a single huge word keeps just the mention"


def test_created_at_variants_and_caps() -> None:
    rule = parse_rule({"id": "many", "kind": "keyword", "terms": ["mot"]})
    text = " ".join(["mot"] * 60)
    article = {"id": "a", "text": text, "title": "Mot", "language": {"code": "fr"}}
    match = Matcher([rule], aliases=AliasTable([])).match(article)[0]
    assert len(match.mentions) == 61
    alert = build_alert(match, article, "2024-01-02T03:04:05+02:00")
    assert schema_errors("alert", alert) == []
    assert len(alert["mentions"]) == MAX_MENTIONS and alert["mention_count"] == 61
    assert alert["created_at"] == "2024-01-02T01:04:05.000Z"
    assert build_alert(match, article, datetime(2024, 1, 2, 3, 4, 5))["created_at"] == "2024-01-02T03:04:05.000Z"
    assert alert["rule_name"] == "many" and "severity" not in alert


def test_schema_requires_fields_and_tolerates_additions() -> None:
    rule = parse_rule({"id": "r", "kind": "keyword", "terms": ["x"]})
    article = {"id": "a", "text": "x", "language": {"code": "fr"}}
    alert = build_alert(Match(rule, (Mention("x", 0, 1, "text"),)), article, "2024-01-01T00:00:00Z")
    assert schema_errors("alert", alert) == []
    assert schema_errors("alert", {**alert, "extra": 1}) == []  # forward compatible: consumers ignore new fields
    assert schema_errors("alert", {k: v for k, v in alert.items() if k != "rule_id"})
    assert schema_errors("alert", {**alert, "id": "not-hex"})


UTC_PLUS_1 = timezone(timedelta(hours=1))
