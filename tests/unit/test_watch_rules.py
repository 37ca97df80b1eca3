"""Watch rules as data: parsing, validation messages, bounds and round-trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.schemas import errors as schema_errors
from streams.watch.rules import MAX_TERMS, Rule, RuleError, load_rules, parse_rule
from tests.conftest import MINIMAL_RULES as MINIMAL

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "watchlist.yaml"



def test_minimal_watchlist_parses() -> None:
    rules = load_rules(MINIMAL)
    assert [r.id for r in rules] == ["yang-jiechi", "putin", "sanctions", "sullivan-on-sanctions"]
    assert rules[0].kind == "actor" and rules[0].name == "Yang Jiechi"
    assert rules[2].terms == ("sanction",) and rules[2].inflect_terms
    quoted = rules[3]
    assert quoted.actor == "Jake Sullivan" and quoted.about == ("sanctions",)
    assert quoted.inflect_terms, "about terms are inflection-tolerant by default"
    assert quoted.display_name == "Jake Sullivan"


def test_bare_list_json_and_file(tmp_path: Path) -> None:
    data = [{"id": "a", "kind": "keyword", "terms": ["x"]}]
    assert load_rules(json.dumps(data))[0].terms == ("x",)
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"schema_version": 1, "rules": data}), encoding="utf-8")
    assert load_rules(path)[0].id == "a"
    assert load_rules(str(path))[0].id == "a"
    assert load_rules("rules: []") == []


def test_example_watchlist_loads_and_round_trips() -> None:
    rules = load_rules(EXAMPLE)
    assert {"yang-jiechi", "putin", "sanctions", "sullivan-on-sanctions"} <= {r.id for r in rules}
    kinds = {node.kind for r in rules for node in r.walk()}
    assert kinds == {"actor", "keyword", "phrase", "quoted", "boolean", "near"}
    for rule in rules:
        data = rule.to_dict()
        assert schema_errors("watch_rule", data) == []
        assert parse_rule(json.loads(json.dumps(data))) == rule


def test_to_dict_omits_defaults_and_keeps_nesting() -> None:
    data = {
        "id": "combo",
        "kind": "boolean",
        "severity": "high",
        "all": [{"kind": "actor", "name": "Jake Sullivan", "label": "PER"}],
        "any": [{"kind": "keyword", "terms": ["sanction"], "inflections": True, "languages": ["FR"]}],
        "none": [{"kind": "near", "terms": ["Taiwan", "exportation"], "within": 5}],
    }
    rule = parse_rule(data)
    assert rule.any_of[0].languages == ("fr",), "language codes are normalised to lower case"
    out = rule.to_dict()
    assert out["all"] == [{"kind": "actor", "name": "Jake Sullivan", "label": "PER"}]
    assert out["none"][0]["within"] == 5
    assert "enabled" not in out and "title_only" not in out
    assert parse_rule(out) == rule


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"id": "r1", "kind": "actor"}, "name", "required"),
        ({"id": "r1", "kind": "actor", "name": "X", "terms": ["y"]}, "terms", "not allowed for kind 'actor'"),
        ({"id": "r1", "kind": "actr", "name": "X"}, "kind", "is not one of"),
        ({"id": "r1", "kind": "keyword", "terms": ["x"], "regex": ".*"}, "regex", "unknown field"),
        ({"id": "r1", "kind": "keyword", "terms": ["x" * 201]}, "terms[0]", "too long"),
        ({"id": "r1", "kind": "keyword", "terms": []}, "terms", "too few items"),
        ({"id": "r1", "kind": "keyword", "terms": ["--"]}, "terms", "no letter or digit"),
        ({"id": "r1", "kind": "near", "terms": ["a"]}, "terms", "too few items: 1 (at least 2)"),
        ({"id": "r1", "kind": "keyword", "terms": ["x"], "languages": ["french"]}, "languages[0]", "does not match"),
        ({"id": "r1", "kind": "keyword", "terms": ["x"], "min_mentions": -1}, "min_mentions", "minimum"),
        ({"id": "r1", "kind": "boolean"}, None, "at least one of 'all', 'any', 'none'"),
        (
            {"id": "r1", "kind": "boolean", "all": [{"kind": "keyword", "terms": ["x"], "bad": 1}]},
            "all[0].bad",
            "unknown",
        ),
        ({"id": "r1", "kind": "boolean", "all": [{"kind": "keyword"}]}, "all[0].terms", "required"),
        (
            {"id": "r1", "kind": "boolean", "any": [{"kind": "keyword", "terms": ["x"], "enabled": False}]},
            "any[0].enabled",
            "top-level",
        ),
        ({"kind": "actor", "name": "x"}, "id", "required"),
        ({"id": "bad id!", "kind": "actor", "name": "x"}, "id", "does not match"),
    ],
)
def test_invalid_rules_name_rule_and_field(data: dict, field: str | None, fragment: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rule(data)
    message = str(caught.value)
    assert fragment in message
    if field is not None:
        assert caught.value.field == field, message
        assert repr(field) in message
    if isinstance(data.get("id"), str):
        assert repr(data["id"]) in message


def test_bounds_on_terms_and_nesting() -> None:
    too_many = {"id": "many", "kind": "keyword", "terms": [f"term{i}" for i in range(MAX_TERMS + 1)]}
    with pytest.raises(RuleError, match=r"too many items: 201 \(at most 200\)"):
        parse_rule(too_many)
    assert len(parse_rule({**too_many, "terms": too_many["terms"][:MAX_TERMS]}).terms) == MAX_TERMS
    leaf: dict = {"kind": "keyword", "terms": ["x"]}
    nested = leaf
    for _ in range(4):
        nested = {"kind": "boolean", "any": [nested]}
    with pytest.raises(RuleError, match="nest at most") as caught:
        parse_rule({"id": "deep", **nested})
    assert caught.value.rule_id == "deep"
    parse_rule(
        {"id": "ok", "kind": "boolean", "any": [{"kind": "boolean", "any": [{"kind": "boolean", "any": [leaf]}]}]}
    )


def test_quoted_rule_rejects_title_only_and_file_level_errors() -> None:
    with pytest.raises(RuleError) as caught:
        parse_rule({"id": "q", "kind": "quoted", "actor": "A", "title_only": True})
    assert caught.value.field == "title_only"
    with pytest.raises(RuleError, match="duplicate rule id"):
        load_rules("- {id: a, kind: keyword, terms: [x]}\n- {id: a, kind: keyword, terms: [y]}")
    with pytest.raises(RuleError, match="unknown top-level"):
        load_rules("watch: []")
    with pytest.raises(RuleError, match="not a mapping"):
        load_rules("- just a string")
    with pytest.raises(RuleError, match="not valid YAML"):
        load_rules("rules: [unclosed")


def test_yaml_tags_cannot_build_objects() -> None:
    with pytest.raises(RuleError):
        load_rules("- !!python/object/apply:os.system ['true']")


def test_rule_defaults() -> None:
    rule = Rule(id="k", kind="keyword", terms=("x",))
    assert rule.min_count == 1 and not rule.inflect_terms and rule.within_words == 10
    assert Rule(id="b", kind="boolean", none_of=(rule,)).min_count == 0
