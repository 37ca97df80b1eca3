"""Watch rules: plain data (YAML/JSON) parsed into immutable ``Rule`` objects, never code.

A rule file is a top-level ``rules:`` list (optionally with ``schema_version: 1``) or a bare list. Each rule is
validated against ``schemas/watch_rule.schema.json`` (types, bounds, no unknown field) and then by the checks here
that the schema cannot express clearly (fields that belong to another kind, nesting depth, unique ids). Terms are
literal text: there are no user regular expressions, and the number and length of terms are bounded so that one
watchlist cannot blow up the matcher.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from streams.watch.delivery import WebhookTarget, check_topic_name
from streams.watch.ratelimit import RateLimit

RuleKind = Literal["actor", "keyword", "phrase", "quoted", "boolean", "near"]
KINDS: tuple[str, ...] = ("actor", "keyword", "phrase", "quoted", "boolean", "near")
SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high", "critical")

MAX_TERMS = 200  # terms (or aliases, or about terms) per rule
MAX_TERM_CHARS = 200
MAX_DEPTH = 4  # boolean nesting: a top-level rule is depth 1
MAX_CHILDREN = 50  # sub-rules per all/any/none list
MAX_RULES = 200_000  # per watchlist file
MAX_WITHIN = 50  # words, for near rules

COMMON_FIELDS = frozenset(
    {
        "schema_version",
        "id",
        "kind",
        "name",
        "description",
        "enabled",
        "severity",
        "tags",
        "languages",
        "sources",
        "title_only",
        "min_mentions",
        "topic",
        "webhook",
        "rate_limit",
    }
)
KIND_FIELDS: dict[str, frozenset[str]] = {
    "actor": frozenset({"aliases", "label"}),
    "keyword": frozenset({"terms", "inflections"}),
    "phrase": frozenset({"terms", "inflections"}),
    "quoted": frozenset({"actor", "aliases", "about", "inflections"}),
    "boolean": frozenset({"all", "any", "none"}),
    "near": frozenset({"terms", "within", "inflections"}),
}
TOP_LEVEL_ONLY = frozenset({"schema_version", "enabled", "severity", "tags", "topic", "webhook", "rate_limit"})


class RuleError(ValueError):
    """An invalid rule; the message names the rule id and the field at fault."""

    def __init__(self, message: str, rule_id: str | None = None, field: str | None = None) -> None:
        self.rule_id = rule_id
        self.field = field
        self.reason = message
        where = f"rule {rule_id!r}" if rule_id else "rule"
        if field:
            where += f", field {field!r}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class Rule:
    """One watch rule. Sub-rules of boolean rules are Rules too (their ``id`` is optional).

    ``inflections`` and ``min_mentions`` are None when not given: the effective defaults depend on the kind
    (see ``inflect_terms`` and ``min_count``), and keeping None lets ``to_dict`` round-trip exactly.
    """

    id: str | None
    kind: RuleKind
    name: str | None = None
    description: str | None = None
    enabled: bool = True
    severity: str | None = None
    tags: tuple[str, ...] = ()
    # filters
    languages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    title_only: bool = False
    min_mentions: int | None = None
    # actor / quoted
    aliases: tuple[str, ...] = ()
    label: str | None = None
    actor: str | None = None
    about: tuple[str, ...] = ()
    # keyword / phrase / near
    terms: tuple[str, ...] = ()
    inflections: bool | None = None
    within: int | None = None
    # boolean
    all_of: tuple[Rule, ...] = ()
    any_of: tuple[Rule, ...] = ()
    none_of: tuple[Rule, ...] = ()
    # routing and delivery (top-level only)
    topic: str | None = None
    webhook: WebhookTarget | None = None
    rate_limit: RateLimit | None = None

    @property
    def actor_name(self) -> str | None:
        """The watched person/organisation/place: ``name`` for actor rules, ``actor`` for quoted rules."""
        return self.name if self.kind == "actor" else self.actor if self.kind == "quoted" else None

    @property
    def display_name(self) -> str:
        return self.name or self.actor or self.id or self.kind

    @property
    def inflect_terms(self) -> bool:
        """Inflection tolerance: on by default for ``about`` terms of quoted rules, off elsewhere."""
        return self.inflections if self.inflections is not None else self.kind == "quoted"

    @property
    def within_words(self) -> int:
        return self.within if self.within is not None else 10

    @property
    def min_count(self) -> int:
        """Boolean rules default to 0 so that a ``none``-only rule can fire on an article that mentions nothing."""
        if self.min_mentions is not None:
            return self.min_mentions
        return 0 if self.kind == "boolean" else 1

    def walk(self) -> Iterable[Rule]:
        """This rule and all its sub-rules, depth first."""
        yield self
        for child in (*self.all_of, *self.any_of, *self.none_of):
            yield from child.walk()

    def to_dict(self) -> dict[str, Any]:
        """The rule as data (only the fields that were set), valid against the watch_rule schema."""
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out["kind"] = self.kind
        for key in ("name", "description", "severity", "label", "actor", "min_mentions", "inflections", "within"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if not self.enabled:
            out["enabled"] = False
        if self.title_only:
            out["title_only"] = True
        for key in ("tags", "languages", "sources", "aliases", "about", "terms"):
            value = getattr(self, key)
            if value:
                out[key] = list(value)
        for key, children in (("all", self.all_of), ("any", self.any_of), ("none", self.none_of)):
            if children:
                out[key] = [child.to_dict() for child in children]
        if self.topic is not None:
            out["topic"] = self.topic
        if self.webhook is not None:
            out["webhook"] = self.webhook.to_dict()
        if self.rate_limit is not None:
            per = self.rate_limit.per
            out["rate_limit"] = {"max": self.rate_limit.max, "per": int(per) if per == int(per) else per}
        return out


def parse_rule(data: Mapping[str, Any]) -> Rule:
    """Validate one rule (schema, then kind-specific checks) and build it."""
    rule_id = data.get("id") if isinstance(data, Mapping) and isinstance(data.get("id"), str) else None
    _check_schema(data, rule_id)
    return _build(data, rule_id, depth=1, path="")


def load_rules(source: str | Path) -> list[Rule]:
    """Rules from a YAML/JSON file path or from YAML/JSON text (a ``rules:`` list or a bare list)."""
    text = _read(source)
    doc = _parse_text(text)
    if isinstance(doc, Mapping):
        extra = set(doc) - {"rules", "schema_version"}
        if extra:
            raise RuleError(f"unknown top-level key(s) {sorted(extra)}; expected 'rules' (and 'schema_version')")
        if doc.get("schema_version", 1) != 1:
            raise RuleError(f"unsupported watchlist schema_version {doc.get('schema_version')!r}")
        doc = doc.get("rules")
    if doc is None:
        return []
    if not isinstance(doc, list):
        raise RuleError("a watchlist is a list of rules (or a mapping with a 'rules' list)")
    if len(doc) > MAX_RULES:
        raise RuleError(f"too many rules: {len(doc)} > {MAX_RULES}")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, item in enumerate(doc):
        if not isinstance(item, Mapping):
            raise RuleError(f"rule #{index} is not a mapping")
        rule = parse_rule(item)
        if rule.id in seen:
            raise RuleError("duplicate rule id", rule.id, "id")
        seen.add(rule.id or "")
        rules.append(rule)
    return rules


def _parse_text(text: str) -> Any:
    """JSON when it looks like JSON (fast), else YAML with the safe loader (C version when available)."""
    if text.lstrip()[:1] in ("{", "["):
        try:
            return json.loads(text)
        except ValueError:
            pass  # YAML flow style also starts with { or [
    try:
        # same as yaml.safe_load (never builds Python objects), with libyaml's C parser when installed: 2× faster
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise RuleError(f"not valid YAML or JSON: {exc}") from None


_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(source: str | Path) -> str:
    if isinstance(source, Path):
        return source.read_text(encoding="utf-8")
    if "\n" not in source and len(source) < 4096 and source.endswith((".yaml", ".yml", ".json")):
        return Path(source).read_text(encoding="utf-8")
    return source


def _check_schema(data: Any, rule_id: str | None) -> None:
    from streams.schemas import validator  # lazy: keeps this module importable without the schema files

    kind = data.get("kind") if isinstance(data, Mapping) else None
    checker = _kind_validator(kind) if isinstance(kind, str) and kind in KINDS else validator("watch_rule")
    if checker.is_valid(data):
        return
    error = min(validator("watch_rule").iter_errors(data), key=_error_rank, default=None)
    if error is None:
        return
    path = _path(error.absolute_path)
    if "propertyNames" in error.schema_path:
        kind = error.instance if isinstance(error.instance, str) else None
        parent = _get(data, list(error.absolute_path))
        kind = parent.get("kind") if isinstance(parent, Mapping) else kind
        raise RuleError(f"not allowed for kind {kind!r}", rule_id, ".".join(filter(None, [path, str(error.instance)])))
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - allowed) if isinstance(error.instance, Mapping) else []
        raise RuleError("unknown field", rule_id, ".".join(filter(None, [path, extra[0] if extra else ""])) or None)
    if error.validator == "required" and isinstance(error.instance, Mapping):
        missing = next((key for key in error.validator_value if key not in error.instance), "")
        kind = error.instance.get("kind")
        reason = f"required for {kind} rules" if kind and missing != "kind" else "required"
        raise RuleError(reason, rule_id, ".".join(filter(None, [path, missing])) or None)
    raise RuleError(_message(error), rule_id, path or None)


def _message(error: Any) -> str:
    """The schema error in words, without echoing a possibly huge value."""
    size = len(error.instance) if isinstance(error.instance, str | list | dict) else 0
    bound = error.validator_value
    if error.validator == "maxLength":
        return f"too long: {size} characters (at most {bound})"
    if error.validator == "minLength":
        return f"too short: {size} characters (at least {bound})"
    if error.validator == "maxItems":
        return f"too many items: {size} (at most {bound})"
    if error.validator == "minItems":
        return f"too few items: {size} (at least {bound})"
    if error.validator == "anyOf" and isinstance(error.instance, Mapping) and error.instance.get("kind") == "boolean":
        return "a boolean rule needs at least one of 'all', 'any', 'none'"
    return error.message if len(error.message) <= 160 else error.message[:157] + "..."


@functools.cache
def _kind_validator(kind: str) -> Any:
    """The watch_rule schema with its per-kind ``if/then`` branches resolved for a top-level rule of ``kind``.

    Derived from the schema file (one source of truth); evaluating six conditionals per rule made validating a
    100 000-rule watchlist several times slower. Sub-rules still go through the full conditional definition.
    """
    from jsonschema import Draft202012Validator

    from streams.schemas import schema

    full = schema("watch_rule")
    rule = full["$defs"]["rule"]
    branch = next(c["then"] for c in rule["allOf"] if c["if"]["properties"]["kind"]["const"] == kind)
    resolved = {
        "$schema": full["$schema"],
        "$defs": full["$defs"],
        **{key: value for key, value in rule.items() if key != "allOf"},
        "required": sorted({*full.get("required", ()), *rule.get("required", ())}),
        "allOf": [branch],
    }
    return Draft202012Validator(resolved)


def _get(data: Any, parts: list[Any]) -> Any:
    for part in parts:
        data = data[part]
    return data


def _error_rank(error: Any) -> tuple[int, int]:
    # Prefer unknown-field and kind errors (most actionable), then the deepest error.
    order = {"additionalProperties": 0, "propertyNames": 1, "enum": 2, "required": 3, "type": 4}
    validator_name = "propertyNames" if "propertyNames" in error.schema_path else error.validator
    return (order.get(validator_name, 5), -len(error.absolute_path))


def _path(parts: Iterable[Any]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _build(data: Mapping[str, Any], rule_id: str | None, depth: int, path: str) -> Rule:
    def err(message: str, name: str | None = None) -> RuleError:
        return RuleError(message, rule_id, f"{path}.{name}" if path and name else (name or path or None))

    kind = data["kind"]
    allowed = COMMON_FIELDS | KIND_FIELDS[kind]
    for key in data:
        if key not in allowed:
            raise err(f"not allowed for kind {kind!r}", key)
        if depth > 1 and key in TOP_LEVEL_ONLY:
            raise err("only allowed on top-level rules", key)
    if depth == 1 and "id" not in data:
        raise err("missing (every top-level rule needs an id)", "id")
    if kind == "actor" and not data.get("name"):
        raise err("required for actor rules", "name")
    if kind == "quoted" and not data.get("actor"):
        raise err("required for quoted rules", "actor")
    if kind in ("keyword", "phrase") and not data.get("terms"):
        raise err(f"required for {kind} rules", "terms")
    if kind == "near" and len(data.get("terms") or ()) != 2:
        raise err("near rules need exactly two terms", "terms")
    if kind == "quoted" and data.get("title_only"):
        raise err("quotes are in the body: title_only makes no sense here", "title_only")
    for key in ("name", "actor", "aliases", "about", "terms"):
        values = data.get(key)
        for value in [values] if isinstance(values, str) else values or ():
            if not any(ch.isalnum() for ch in value):
                raise err(f"{value!r} has no letter or digit", key)
    webhook = None
    if data.get("webhook") is not None:
        try:
            webhook = WebhookTarget.parse(data["webhook"])
        except ValueError as exc:
            raise err(str(exc), "webhook") from None
    if data.get("topic") is not None:
        try:
            check_topic_name(data["topic"])
        except ValueError as exc:
            raise err(str(exc), "topic") from None
    limit = data.get("rate_limit")
    children: dict[str, tuple[Rule, ...]] = {}
    if kind == "boolean":
        if not any(data.get(key) for key in ("all", "any", "none")):
            raise err("a boolean rule needs at least one of 'all', 'any', 'none'")
        if depth >= MAX_DEPTH:
            raise err(f"boolean rules nest at most {MAX_DEPTH} levels")
        for key in ("all", "any", "none"):
            children[key] = tuple(
                _build(child, rule_id, depth + 1, f"{path}.{key}[{i}]" if path else f"{key}[{i}]")
                for i, child in enumerate(data.get(key) or ())
            )
    return Rule(
        id=data.get("id"),
        kind=kind,
        name=data.get("name"),
        description=data.get("description"),
        enabled=data.get("enabled", True),
        severity=data.get("severity"),
        tags=tuple(data.get("tags") or ()),
        languages=tuple(code.lower() for code in data.get("languages") or ()),
        sources=tuple(data.get("sources") or ()),
        title_only=data.get("title_only", False),
        min_mentions=data.get("min_mentions"),
        aliases=tuple(data.get("aliases") or ()),
        label=data.get("label"),
        actor=data.get("actor"),
        about=tuple(data.get("about") or ()),
        terms=tuple(data.get("terms") or ()),
        inflections=data.get("inflections"),
        within=data.get("within"),
        all_of=children.get("all", ()),
        any_of=children.get("any", ()),
        none_of=children.get("none", ()),
        topic=data.get("topic"),
        webhook=webhook,
        rate_limit=RateLimit(int(limit["max"]), float(limit["per"])) if limit else None,
    )
