"""Helpers shared by the construction tests of the development sets (test_quotes_dev*.py)."""

from __future__ import annotations

from typing import Any


def said(quotes: list[Any], width: int = 20) -> list[tuple[str, str | None]]:
    """(start of the quote, speaker) pairs: what a construction test asserts."""
    return [(q.text[:width], q.speaker) for q in quotes]
