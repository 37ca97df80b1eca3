"""JSON Schemas of every topic's messages (files in ``schemas/``), loaded once and used to validate at the edges."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator

SCHEMA_FILES = {
    "raw_article": "raw_article.schema.json",
    "enriched_article": "enriched_article.schema.json",
    "alert": "alert.schema.json",
    "watch_rule": "watch_rule.schema.json",
    "dead_letter": "dead_letter.schema.json",
}


def schemas_dir() -> Path:
    """The schemas folder: inside the installed wheel (``streams/_schemas``) or at the repository root."""
    packaged = Path(__file__).with_name("_schemas")
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "schemas"


@functools.cache
def schema(name: str) -> dict[str, Any]:
    return orjson.loads((schemas_dir() / SCHEMA_FILES[name]).read_bytes())


@functools.cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name))


def errors(name: str, message: Any) -> list[str]:
    """Human-readable validation errors of `message` against schema `name` (empty when valid)."""
    found = sorted(validator(name).iter_errors(message), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in found]


def is_valid(name: str, message: Any) -> bool:
    return validator(name).is_valid(message)
