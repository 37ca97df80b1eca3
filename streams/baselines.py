"""A published quote extractor run on the same articles as newswatch, scored by the same evaluator.

``newswatch eval --baseline textacy`` enriches every gold article once, then scores two predictions of it: the
enrichment itself, and the same enrichment with its quotes replaced by what textacy's ``direct_quotations`` (a
published rule-based extractor: speaker, cue verb, content) finds in the same cleaned text with the same spaCy
pipeline. Text, language and entities are identical, so the comparison isolates quote extraction and attribution.

textacy extracts direct quotations only (between marks), in English, Spanish and French; the comparison rows are
restricted to direct gold quotes of those languages. It refuses a text with an odd number of quote marks; the
baseline then runs it paragraph by paragraph (more generous than the library itself) and counts the paragraphs it
still refuses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from streams.evaluate import Report, Tally, percent, run_eval

BASELINES = ("textacy",)
QUOTE_MARK_CHARS = "\"'“”‘’«»„‟‹›‚ \u00a0\u202f"


class TextacyBaseline:
    """textacy's ``direct_quotations`` over newswatch's cleaned text, with newswatch's spaCy pipelines."""

    name = "textacy"

    def __init__(self, models: Mapping[str, str]) -> None:
        import textacy  # the optional dependency: `pip install newswatch[baseline]`

        self.version = textacy.__version__
        self.models = dict(models)
        self.languages = self._supported()
        self.refused_paragraphs = 0

    @staticmethod
    def _supported() -> frozenset[str]:
        from textacy import constants

        return frozenset(constants.REPORTING_VERBS)

    def quotes(self, text: str, lang: str) -> list[dict[str, Any]]:
        """Direct quotations of `text` as newswatch quote dicts (offsets into `text`); none for other languages."""
        from streams.enrich.nlp import load_model

        name = self.models.get(lang)
        if lang not in self.languages or not name or not text.strip():
            return []
        nlp = load_model(name)
        try:
            return _triples_as_quotes(nlp(text), 0)
        except ValueError:  # an odd number of quote marks: textacy refuses the whole text
            pass
        out: list[dict[str, Any]] = []
        offset = 0
        for paragraph in text.split("\n"):
            if paragraph.strip():
                try:
                    out += _triples_as_quotes(nlp(paragraph), offset)
                except ValueError:
                    self.refused_paragraphs += 1
            offset += len(paragraph) + 1
        return out

    def predict(self, enriched: Mapping[str, Any]) -> dict[str, Any]:
        """The enrichment with its quotes replaced by the baseline's."""
        lang = str((enriched.get("language") or {}).get("code") or "")
        return {**enriched, "quotes": self.quotes(str(enriched.get("text") or ""), lang)}


def _triples_as_quotes(doc: Any, offset: int) -> list[dict[str, Any]]:
    from textacy.extract import direct_quotations

    out = []
    for speaker, cue, content in direct_quotations(doc):
        text = content.text.strip(QUOTE_MARK_CHARS)
        start = offset + content.start_char + len(content.text) - len(content.text.lstrip(QUOTE_MARK_CHARS))
        first, last = min(t.i for t in speaker), max(t.i for t in speaker)
        who = doc[first:last + 1]
        out.append({
            "text": text,
            "start": start,
            "end": start + len(text),
            "kind": "direct",
            "speaker": who.text,
            "speaker_start": offset + who.start_char,
            "speaker_end": offset + who.end_char,
            "cue": " ".join(t.lemma_ for t in cue),
        })
    return out


def make_baseline(name: str, models: Mapping[str, str]) -> TextacyBaseline:
    """The baseline called `name` (one of BASELINES), reading text with the spaCy models of `models`."""
    if name != "textacy":
        raise ValueError(f"unknown baseline {name!r} (known: {', '.join(BASELINES)})")
    return TextacyBaseline(models)


@dataclass(slots=True)
class Comparison:
    """newswatch and a baseline on the same articles: one report each."""

    baseline: str
    languages: frozenset[str]
    ours: Report
    theirs: Report
    refused_paragraphs: int = 0

    @property
    def rows(self) -> list[tuple[str, Tally, Tally]]:
        """(languages, newswatch, baseline) per language both cover, after their total when there are several."""
        shared = sorted(lang for lang in self.ours.by_language if lang in self.languages)
        rows = [(lang, self.ours.by_language[lang], self.theirs.by_language[lang]) for lang in shared]
        if len(rows) > 1:
            rows.insert(0, ("+".join(shared), sum((r[1] for r in rows), Tally()), sum((r[2] for r in rows), Tally())))
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline,
            "compared": "direct gold quotes of the languages the baseline supports",
            "refused_paragraphs": self.refused_paragraphs,
            "rows": [{"languages": name, "articles": ours.articles,
                      "newswatch": ours.by_kind["direct"].to_dict(), "baseline": theirs.by_kind["direct"].to_dict()}
                     for name, ours, theirs in self.rows],
        }


def compare(gold_dirs: Iterable[Path | str], raw_dirs: Iterable[Path | str],
            enrich: Callable[[dict[str, Any]], Mapping[str, Any]], baseline: TextacyBaseline) -> Comparison:
    """Enrich each gold article once and score the enrichment and the baseline's prediction on it."""
    gold_dirs, raw_dirs = list(gold_dirs), list(raw_dirs)
    enriched: dict[str, Mapping[str, Any]] = {}

    def enrich_once(message: dict[str, Any]) -> Mapping[str, Any]:
        key = str(message.get("id"))
        if key not in enriched:
            enriched[key] = enrich(message)
        return enriched[key]

    ours = run_eval(gold_dirs, raw_dirs, enrich_once)
    theirs = run_eval(gold_dirs, raw_dirs, lambda message: baseline.predict(enrich_once(message)))
    name = f"{baseline.name} {baseline.version}"
    return Comparison(name, baseline.languages, ours, theirs, baseline.refused_paragraphs)


def render_comparison(comparison: Comparison, console: Any) -> None:
    """One table: direct quotes, newswatch against the baseline, per language the baseline supports (%)."""
    from rich.table import Table

    table = Table(title=f"Direct quotes, same articles: newswatch vs {comparison.baseline} (%)")
    for header in ["languages", "system", "art.", "gold q", "pred q", "P@.3", "R@.3", "F1@.3", "F1@.8", "spk acc",
                   "spk|match"]:
        table.add_column(header, justify="left" if header in {"languages", "system"} else "right")
    for name, ours, theirs in comparison.rows:
        for system, tally in (("newswatch", ours), (comparison.baseline.split()[0], theirs)):
            q = tally.by_kind["direct"]
            table.add_row(name, system, str(tally.articles), str(q.gold), str(q.predicted), percent(q.precision(0.3)),
                          percent(q.recall(0.3)), percent(q.f1(0.3)), percent(q.f1(0.8)), percent(q.speaker_accuracy),
                          percent(q.speaker_accuracy_matched), style="bold" if system == "newswatch" else None)
    console.print(table)
    if comparison.refused_paragraphs:
        console.print(f"{comparison.baseline} refused {comparison.refused_paragraphs} paragraph(s) with an odd number "
                      "of quote marks.")
