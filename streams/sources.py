"""Read article files for `produce`, `enrich` and `dev`: JSON, JSONL, plain text and HTML."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ARTICLE_SUFFIXES = {".json", ".jsonl", ".ndjson", ".txt", ".html", ".htm"}


@dataclass(slots=True)
class Record:
    """One raw message read from a file; `payload` is the bytes to publish (kept as-is, even if malformed)."""

    origin: str
    payload: bytes
    key: bytes | None


def _key_of(payload: bytes) -> bytes | None:
    import orjson

    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return None
    article_id = data.get("id") if isinstance(data, dict) else None
    return article_id.encode() if isinstance(article_id, str) else None


def expand(paths: list[Path]) -> list[Path]:
    """Files as given, and the article files inside given directories (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()))
        else:
            files.append(path)
    return files


def read_records(path: Path) -> Iterator[Record]:
    """Raw messages in a file. Raises OSError when the file cannot be read."""
    import orjson

    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix in {".jsonl", ".ndjson"}:
        for number, line in enumerate(data.splitlines(), 1):
            if line.strip():
                yield Record(f"{path}:{number}", line, _key_of(line))
    elif suffix == ".json":
        try:
            parsed: Any = orjson.loads(data)
        except orjson.JSONDecodeError:
            parsed = None
        if isinstance(parsed, list):
            for number, item in enumerate(parsed):
                payload = orjson.dumps(item)
                yield Record(f"{path}[{number}]", payload, _key_of(payload))
        else:
            yield Record(str(path), data, _key_of(data))
    elif suffix in {".html", ".htm"}:
        payload = orjson.dumps({"id": path.stem, "html": data.decode("utf-8", "replace"), "source": path.name})
        yield Record(str(path), payload, path.stem.encode())
    else:
        payload = orjson.dumps({"id": path.stem, "text": data.decode("utf-8", "replace"), "source": path.name})
        yield Record(str(path), payload, path.stem.encode())
