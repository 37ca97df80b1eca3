"""Score enriched articles against the gold set, with quote figures comparable to GenderGapTracker's.

Quote matching follows GGT's ``evaluate_quotes.py``: each gold quote, in order, takes the still-unmatched predicted
quote with the highest coverage *strictly above* the threshold (0.3 and 0.8), where coverage is the share of the gold
quote that the prediction covers. GGT measures it on character offsets; our gold has text only, so coverage counts the
gold's (accent- and case-folded) word tokens that the prediction shares in runs of at least two, which equals GGT's
offset overlap when both quotes are spans of the same text. See docs/evaluation.md.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

THRESHOLDS: tuple[float, ...] = (0.3, 0.8)
SPEAKER_THRESHOLD = 0.3
KINDS: tuple[str, ...] = ("direct", "indirect")
# how a found quote's speaker is mentioned (speaker_mention): the diagnosis of docs/evaluation.md
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "il", "elle", "ils", "elles", "on", "lui", "eux", "er", "sie",
                       "t"})
_DETERMINERS = frozenset({"the", "a", "an", "le", "la", "les", "l", "un", "une", "des", "der", "die", "das", "ein",
                          "eine", "einer", "ce", "cette", "this", "these", "some", "several", "plusieurs"})
_WORD = re.compile(r"\w+")
_MIN_PARTIAL_NAME = 4  # a predicted speaker's last word must be this long to match inside a longer gold description


# --- text normalisation -------------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Accent- and case-insensitive form, so "Pékin" == "pekin" and "Taïwan" == "TAIWAN"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokens(text: str | None) -> list[str]:
    """Folded word tokens; punctuation and quote marks never count toward a match."""
    return _WORD.findall(fold(text or ""))


MIN_RUN = 2  # shared runs shorter than this are chance ("the", "of"), not the same words of the text


def coverage(gold: list[str], predicted: list[str]) -> float:
    """Share of the gold tokens that the prediction covers in runs of shared words, asymmetric like GGT's.

    GGT counts the character offsets two spans share, i.e. one contiguous stretch of text; two different sentences
    share none. Here the runs of at least MIN_RUN tokens common to both (in order) stand for it: an attribution inside
    the prediction ("…, a-t-il noté, …") splits the gold into runs and keeps full coverage, while function words
    scattered over an unrelated quote count nothing. A gold quote of one or two words is covered by single tokens.
    """
    if not gold or not predicted:
        return 0.0
    least = 1 if len(gold) < MIN_RUN + 1 else MIN_RUN
    blocks = SequenceMatcher(None, gold, predicted, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks if b.size >= least) / len(gold)


def _bag_coverage(gold: list[str], predicted: list[str]) -> float:
    """Cheap upper bound of ``coverage`` used to skip hopeless pairs."""
    if not gold:
        return 0.0
    return sum((Counter(gold) & Counter(predicted)).values()) / len(gold)


def speaker_matches(gold: str | None, predicted: str | None) -> bool:
    """Same speaker: equal names, same last word, or the predicted last word inside a longer gold description —
    after both names go through the shipped alias table ("Maison Blanche" and "White House" are one speaker; a
    capital speaking is its state, as the enrichment reports it: "Moscou" and "Russia")."""
    from streams.enrich.canonical import default_aliases

    if _same_speaker(gold, predicted):
        return True
    if not (gold and predicted):
        return False
    if _acronym_pair(gold, predicted):
        return True
    table = default_aliases()

    def canonical(name: str) -> str:
        known = table.canonical(_ARTICLE.sub("", name)) or name
        return table.speaker_for(known) or known

    return _same_speaker(canonical(gold), canonical(predicted))


def _acronym_pair(first: str, second: str) -> bool:
    """An acronym and its spelled-out form are one name ("RATP", "la régie autonome des transports parisiens")."""
    from streams.enrich.entities import spelled_out

    first, second = _ARTICLE.sub("", first.strip()), _ARTICLE.sub("", second.strip())
    return spelled_out(first, second) or spelled_out(second, first)


_ARTICLE = re.compile(r"^(?:the|le|la|les|l[’']|der|die|das)\s*", re.IGNORECASE)


def _same_speaker(gold: str | None, predicted: str | None) -> bool:
    gold_tokens, pred_tokens = tokens(gold), tokens(predicted)
    if not gold_tokens or not pred_tokens:
        return False
    if gold_tokens == pred_tokens or gold_tokens[-1] == pred_tokens[-1]:
        return True
    return len(pred_tokens[-1]) >= _MIN_PARTIAL_NAME and pred_tokens[-1] in gold_tokens


# --- matching -----------------------------------------------------------------------------------------------------


def match_quotes(gold: list[list[str]], predicted: list[list[str]], threshold: float) -> dict[int, int]:
    """GGT's greedy one-to-one matching: gold index -> predicted index, best coverage strictly above threshold."""
    remaining = set(range(len(predicted)))
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        best, best_score = None, 0.0
        for pi in sorted(remaining):
            if _bag_coverage(g, predicted[pi]) <= threshold:
                continue
            score = coverage(g, predicted[pi])
            if score > threshold and score > best_score:
                best, best_score = pi, score
        if best is not None:
            pairs[gi] = best
            remaining.discard(best)
    return pairs


def _match_exact(gold: list[list[str]], predicted: list[list[str]]) -> dict[int, int]:
    remaining = list(range(len(predicted)))
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        for pi in remaining:
            if g and predicted[pi] == g:
                pairs[gi] = pi
                remaining.remove(pi)
                break
    return pairs


# --- tallies and scores -------------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


_MATCHED = {0.3: ("gold_matched_03", "pred_matched_03"), 0.8: ("gold_matched_08", "pred_matched_08")}


@dataclass(slots=True)
class QuoteTally:
    """Additive quote counts; totals are micro-averaged by summing these, as GGT sums TP/FP/FN over documents."""

    gold: int = 0
    predicted: int = 0
    gold_matched_03: int = 0
    gold_matched_08: int = 0
    pred_matched_03: int = 0
    pred_matched_08: int = 0
    exact_gold_matched: int = 0
    exact_pred_matched: int = 0
    speaker_correct: int = 0

    def __add__(self, other: QuoteTally) -> QuoteTally:
        return QuoteTally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def precision(self, threshold: float) -> float | None:
        return _ratio(getattr(self, _MATCHED[threshold][1]), self.predicted)

    def recall(self, threshold: float) -> float | None:
        return _ratio(getattr(self, _MATCHED[threshold][0]), self.gold)

    def f1(self, threshold: float) -> float | None:
        return _f1(self.precision(threshold), self.recall(threshold))

    @property
    def exact_f1(self) -> float | None:
        return _f1(_ratio(self.exact_pred_matched, self.predicted), _ratio(self.exact_gold_matched, self.gold))

    @property
    def speaker_accuracy(self) -> float | None:
        """Over all gold quotes: an unmatched gold quote counts as a wrong speaker."""
        return _ratio(self.speaker_correct, self.gold)

    @property
    def speaker_accuracy_matched(self) -> float | None:
        """Over gold quotes matched at 0.3 only: GGT's definition."""
        return _ratio(self.speaker_correct, self.gold_matched_03)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        for t in THRESHOLDS:
            out[f"precision@{t}"] = self.precision(t)
            out[f"recall@{t}"] = self.recall(t)
            out[f"f1@{t}"] = self.f1(t)
        out["exact_f1"] = self.exact_f1
        out["speaker_accuracy"] = self.speaker_accuracy
        out["speaker_accuracy_matched"] = self.speaker_accuracy_matched
        return out


@dataclass(slots=True)
class MentionTally:
    """Found quotes whose speaker is mentioned one way, and how many of them have the gold speaker."""

    found: int = 0
    correct: int = 0

    def __add__(self, other: MentionTally) -> MentionTally:
        return MentionTally(self.found + other.found, self.correct + other.correct)

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.found)


@dataclass(slots=True)
class Tally:
    """Every additive count of one article or of a group of articles."""

    articles: int = 0
    language_correct: int = 0
    quotes: QuoteTally = field(default_factory=QuoteTally)
    by_kind: dict[str, QuoteTally] = field(default_factory=lambda: {k: QuoteTally() for k in KINDS})
    by_mention: dict[str, MentionTally] = field(default_factory=dict)  # (kind, mention) as "direct/pronoun"
    titles_as_quotes: int = 0
    entities_gold: int = 0
    entities_found: int = 0
    canonical_correct: int = 0

    def __add__(self, other: Tally) -> Tally:
        kinds = self.by_kind.keys() | other.by_kind.keys()
        return Tally(
            articles=self.articles + other.articles,
            language_correct=self.language_correct + other.language_correct,
            quotes=self.quotes + other.quotes,
            by_kind={k: self.by_kind.get(k, QuoteTally()) + other.by_kind.get(k, QuoteTally()) for k in kinds},
            by_mention={k: self.by_mention.get(k, MentionTally()) + other.by_mention.get(k, MentionTally())
                        for k in self.by_mention.keys() | other.by_mention.keys()},
            titles_as_quotes=self.titles_as_quotes + other.titles_as_quotes,
            entities_gold=self.entities_gold + other.entities_gold,
            entities_found=self.entities_found + other.entities_found,
            canonical_correct=self.canonical_correct + other.canonical_correct,
        )

    @property
    def language_accuracy(self) -> float | None:
        return _ratio(self.language_correct, self.articles)

    @property
    def entity_recall(self) -> float | None:
        return _ratio(self.entities_found, self.entities_gold)

    @property
    def canonical_accuracy(self) -> float | None:
        """Among recalled gold mentions, the share whose predicted canonical name equals the gold one."""
        return _ratio(self.canonical_correct, self.entities_found)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "language_accuracy": self.language_accuracy,
            "quotes": self.quotes.to_dict(),
            "by_kind": {k: v.to_dict() for k, v in sorted(self.by_kind.items())},
            "by_speaker_mention": {k: {"found": v.found, "correct": v.correct, "speaker_accuracy": v.accuracy}
                                   for k, v in sorted(self.by_mention.items())},
            "titles_as_quotes": self.titles_as_quotes,
            "entities_gold": self.entities_gold,
            "entities_found": self.entities_found,
            "entity_recall": self.entity_recall,
            "canonical_accuracy": self.canonical_accuracy,
        }


@dataclass(slots=True)
class ArticleScore:
    id: str
    language: str
    predicted_language: str | None
    tally: Tally
    missed_quotes: list[str] = field(default_factory=list)
    spurious_quotes: list[str] = field(default_factory=list)
    missed_entities: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "language": self.language,
            "predicted_language": self.predicted_language,
            **self.tally.to_dict(),
            "missed_quotes": self.missed_quotes,
            "spurious_quotes": self.spurious_quotes,
            "missed_entities": self.missed_entities,
            "error": self.error,
        }


@dataclass(slots=True)
class Report:
    articles: list[ArticleScore]
    total: Tally
    by_language: dict[str, Tally]
    missing_raw: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "thresholds": list(THRESHOLDS),
            "total": self.total.to_dict(),
            "by_language": {k: v.to_dict() for k, v in sorted(self.by_language.items())},
            "articles": [a.to_dict() for a in self.articles],
            "missing_raw": self.missing_raw,
        }


Quotes = list[Mapping[str, Any]]


def speaker_mention(text: str, quote: Mapping[str, Any]) -> str:
    """How a predicted quote's speaker is mentioned where it was found: "name" ("Vladimir Putin"), "description"
    ("le ministre", "a U.S. official"), "pronoun" ("he", "-t-il") or "none" (no speaker, or no mention span)."""
    start, end = quote.get("speaker_start"), quote.get("speaker_end")
    if not quote.get("speaker") or not isinstance(start, int) or not isinstance(end, int) or end <= start:
        return "none"
    words = _WORD.findall(fold(text[start:end]))
    if not words:
        return "none"
    if len(words) <= 2 and words[-1] in _PRONOUNS:
        return "pronoun"
    first = text[start:end].lstrip(" -")
    return "name" if first[:1].isupper() and words[0] not in _DETERMINERS else "description"


def _kind_tallies(gold: Quotes, pred: Quotes) -> tuple[dict[str, QuoteTally], dict[int, int]]:
    """Match once over all quotes, then count each side under its own kind; returns the 0.3 matches too."""
    gold_toks = [tokens(q.get("text")) for q in gold]
    pred_toks = [tokens(q.get("text")) for q in pred]
    matches = {t: match_quotes(gold_toks, pred_toks, t) for t in THRESHOLDS}
    exact = _match_exact(gold_toks, pred_toks)
    loose = matches[SPEAKER_THRESHOLD]
    out = {k: QuoteTally() for k in KINDS}
    for gi, q in enumerate(gold):
        t = out.setdefault(str(q.get("kind")), QuoteTally())
        t.gold += 1
        t.gold_matched_03 += gi in matches[0.3]
        t.gold_matched_08 += gi in matches[0.8]
        t.exact_gold_matched += gi in exact
        if gi in loose:
            t.speaker_correct += speaker_matches(q.get("speaker"), pred[loose[gi]].get("speaker"))
    matched_preds = {t: set(m.values()) for t, m in matches.items()}
    exact_preds = set(exact.values())
    for pi, q in enumerate(pred):
        t = out.setdefault(str(q.get("kind")), QuoteTally())
        t.predicted += 1
        t.pred_matched_03 += pi in matched_preds[0.3]
        t.pred_matched_08 += pi in matched_preds[0.8]
        t.exact_pred_matched += pi in exact_preds
    return out, loose


def same_entity(gold: str, predicted: set[str]) -> bool:
    """The gold canonical name is one of the predicted (folded) ones, directly or through the shipped alias table:
    "Allemagne" and "Germany", "OTAN" and "NATO" are one entity, as for speakers (``speaker_matches``)."""
    from streams.enrich.canonical import default_aliases

    if fold(gold) in predicted or any(_acronym_pair(gold, name if " " in name else name.upper())
                                      for name in predicted):  # (folded: "ratp")
        return True
    target = default_aliases().canonical(gold)
    return target is not None and fold(target) in predicted


def _unique_mentions(entities: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Folded mention text -> canonical (first one wins)."""
    out: dict[str, str] = {}
    for e in entities:
        key = " ".join(tokens(e.get("text")))
        if key and key not in out:
            out[key] = str(e.get("canonical") or e.get("text") or "")
    return out


def score_article(
    gold: Mapping[str, Any], enriched: Mapping[str, Any] | None, error: str | None = None
) -> ArticleScore:
    """Pure: compare one gold annotation with one enriched article dict (``EnrichedArticle.to_dict()`` shape)."""
    enriched = enriched or {}
    gold_quotes = list(gold.get("quotes") or [])
    pred_quotes = list(enriched.get("quotes") or [])
    by_kind, loose = _kind_tallies(gold_quotes, pred_quotes)
    by_mention: dict[str, MentionTally] = {}
    for gi, pi in loose.items():
        q = pred_quotes[pi]
        key = f"{q.get('kind')}/{speaker_mention(str(enriched.get('text') or ''), q)}"
        ok = speaker_matches(gold_quotes[gi].get("speaker"), q.get("speaker"))
        by_mention[key] = by_mention.get(key, MentionTally()) + MentionTally(1, int(ok))

    not_quotes = {tuple(tokens(n)) for n in gold.get("not_quotes") or []}
    titles = sum(tuple(tokens(q.get("text"))) in not_quotes for q in pred_quotes if tokens(q.get("text")))

    gold_mentions = _unique_mentions(gold.get("entities") or [])
    pred_mentions: dict[str, set[str]] = {}
    for e in enriched.get("entities") or []:
        pred_mentions.setdefault(" ".join(tokens(e.get("text"))), set()).add(fold(str(e.get("canonical") or "")))
    found = [m for m in gold_mentions if m in pred_mentions]
    canonical_ok = sum(same_entity(gold_mentions[m], pred_mentions[m]) for m in found)

    language = (enriched.get("language") or {}).get("code")
    tally = Tally(
        articles=1,
        language_correct=int(language == gold.get("language")),
        quotes=sum(by_kind.values(), QuoteTally()),
        by_kind=by_kind,
        by_mention=by_mention,
        titles_as_quotes=titles,
        entities_gold=len(gold_mentions),
        entities_found=len(found),
        canonical_correct=canonical_ok,
    )
    matched_preds = set(loose.values())
    return ArticleScore(
        id=str(gold.get("id")),
        language=str(gold.get("language")),
        predicted_language=language,
        tally=tally,
        missed_quotes=[str(q.get("text")) for i, q in enumerate(gold_quotes) if i not in loose],
        spurious_quotes=[str(q.get("text")) for i, q in enumerate(pred_quotes) if i not in matched_preds],
        missed_entities=[
            str(e.get("text"))
            for e in gold.get("entities") or []
            if " ".join(tokens(e.get("text"))) not in pred_mentions
        ],
        error=error,
    )


def aggregate(scores: Iterable[ArticleScore], missing_raw: Iterable[str] = ()) -> Report:
    """Pure: micro-averaged totals and per-language groups."""
    articles = list(scores)
    total = Tally()
    by_language: dict[str, Tally] = {}
    for s in articles:
        total = total + s.tally
        by_language[s.language] = by_language.get(s.language, Tally()) + s.tally
    return Report(articles=articles, total=total, by_language=by_language, missing_raw=list(missing_raw))


# --- loading and running ------------------------------------------------------------------------------------------


def load_gold(gold_dir: Path | str) -> dict[str, dict[str, Any]]:
    """Every ``*.gold.json`` in the folder, keyed by its ``id`` (or the file name without ``.gold.json``)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data.setdefault("id", path.name.removesuffix(".gold.json"))
        out[str(data["id"])] = data
    return out


def _html_message(path: Path) -> dict[str, Any]:
    return {
        "id": path.stem,
        "url": None,
        "source": None,
        "title": None,
        "text": None,
        "html": path.read_text(encoding="utf-8", errors="replace"),
        "published_at": None,
    }


def load_raw(raw_dirs: Iterable[Path | str]) -> dict[str, dict[str, Any]]:
    """Raw messages from ``*.json`` (one message), ``*.jsonl`` (one per line) and ``*.html`` (wrapped by file stem).

    When an id occurs twice, the first folder given wins, so a project copy can shadow a shared one.
    """
    out: dict[str, dict[str, Any]] = {}
    for folder in raw_dirs:
        for path in sorted(Path(folder).iterdir()):
            if path.name.endswith(".gold.json"):
                continue  # an annotation beside the raw messages is not a message
            if path.suffix == ".json":
                messages = [json.loads(path.read_text(encoding="utf-8"))]
            elif path.suffix == ".jsonl":
                lines = path.read_text(encoding="utf-8").splitlines()
                messages = [json.loads(line) for line in lines if line.strip()]
            elif path.suffix == ".html":
                messages = [_html_message(path)]
            else:
                continue
            for message in messages:
                message.setdefault("id", path.stem)
                out.setdefault(str(message["id"]), message)
    return out


def run_eval(
    gold_dir: Path | str | Iterable[Path | str],
    raw_dirs: Iterable[Path | str],
    enrich: Callable[[dict[str, Any]], Mapping[str, Any]],
    only: Iterable[str] | None = None,
) -> Report:
    """Enrich every gold article's raw message and score it; an enrichment error scores as an empty prediction.
    `gold_dir` may be several folders; `only` restricts the scoring to those article ids."""
    dirs = [gold_dir] if isinstance(gold_dir, (str, Path)) else list(gold_dir)
    gold = {k: v for d in dirs for k, v in load_gold(d).items()}
    if only is not None:
        keep = set(only)
        gold = {k: v for k, v in gold.items() if k in keep}
    raws = load_raw(raw_dirs)
    scores: list[ArticleScore] = []
    missing: list[str] = []
    for article_id, annotation in gold.items():
        raw = raws.get(article_id)
        if raw is None:
            missing.append(article_id)
            continue
        try:
            enriched, error = enrich(dict(raw)), None
        except Exception as exc:  # one broken article must not hide the scores of the others
            enriched, error = None, f"{type(exc).__name__}: {exc}"
        scores.append(score_article(annotation, enriched, error))
    return aggregate(scores, missing)


def annotation_as_prediction(second_dir: Path | str) -> tuple[set[str], Callable[[dict[str, Any]], dict[str, Any]]]:
    """A second annotation of the same articles in the shape of an enrichment, to score annotator agreement with
    the same matching: the ids it covers, and a function from a raw message to that annotation's prediction."""
    second = load_gold(second_dir)

    def predict(message: dict[str, Any]) -> dict[str, Any]:
        annotation = second[str(message.get("id"))]
        return {"text": message.get("text") or "", "language": {"code": annotation.get("language")},
                "quotes": annotation.get("quotes") or [], "entities": annotation.get("entities") or []}

    return set(second), predict


# --- rendering ----------------------------------------------------------------------------------------------------


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def _summary_row(name: str, t: Tally) -> list[str]:
    q = t.quotes
    return [
        name,
        str(t.articles),
        str(q.gold),
        str(q.predicted),
        percent(q.precision(0.3)),
        percent(q.recall(0.3)),
        percent(q.f1(0.3)),
        percent(q.precision(0.8)),
        percent(q.recall(0.8)),
        percent(q.f1(0.8)),
        percent(q.exact_f1),
        percent(q.speaker_accuracy),
        percent(q.speaker_accuracy_matched),
        str(t.titles_as_quotes),
        percent(t.entity_recall),
        percent(t.canonical_accuracy),
        percent(t.language_accuracy),
    ]


_SUMMARY_HEADERS = [
    "",
    "art.",
    "gold q",
    "pred q",
    "P@.3",
    "R@.3",
    "F1@.3",
    "P@.8",
    "R@.8",
    "F1@.8",
    "exact F1",
    "spk acc",
    "spk|match",
    "titles FP",
    "ent R",
    "canon",
    "lang",
]


def render_report(report: Report, console: Any) -> None:
    """Rich tables: one row per article, then totals, by language and by quote kind (figures in %)."""
    from rich.table import Table

    per_article = Table(title="Gold-set evaluation — per article (%)")
    for header in [
        "article",
        "lang",
        "gold q (d/i)",
        "pred q",
        "F1@.3",
        "F1@.8",
        "exact F1",
        "spk acc",
        "titles FP",
        "ent R",
        "note",
    ]:
        per_article.add_column(header, justify="left" if header in {"article", "note"} else "right")
    for s in report.articles:
        q, kinds = s.tally.quotes, s.tally.by_kind
        lang = s.language if s.predicted_language == s.language else f"{s.language}≠{s.predicted_language}"
        per_article.add_row(
            s.id,
            lang,
            f"{q.gold} ({kinds['direct'].gold}/{kinds['indirect'].gold})",
            str(q.predicted),
            percent(q.f1(0.3)),
            percent(q.f1(0.8)),
            percent(q.exact_f1),
            percent(q.speaker_accuracy),
            str(s.tally.titles_as_quotes),
            percent(s.tally.entity_recall),
            s.error or "",
        )
    console.print(per_article)

    summary = Table(title="Totals and by language (micro-averaged, %)")
    for header in _SUMMARY_HEADERS:
        summary.add_column(header, justify="left" if not header else "right")
    summary.add_row(*_summary_row("total", report.total), style="bold")
    for lang, tally in sorted(report.by_language.items()):
        summary.add_row(*_summary_row(lang, tally))
    console.print(summary)

    by_kind = Table(title="By quote kind (%)")
    for header in ["kind", "gold", "pred", "P@.3", "R@.3", "F1@.3", "R@.8", "exact F1", "spk acc"]:
        by_kind.add_column(header, justify="left" if header == "kind" else "right")
    for kind, q in sorted(report.total.by_kind.items()):
        by_kind.add_row(
            kind,
            str(q.gold),
            str(q.predicted),
            percent(q.precision(0.3)),
            percent(q.recall(0.3)),
            percent(q.f1(0.3)),
            percent(q.recall(0.8)),
            percent(q.exact_f1),
            percent(q.speaker_accuracy),
        )
    console.print(by_kind)

    if any(not key.endswith("/none") for key in report.total.by_mention):  # (an annotation has no mention spans)
        mentions = Table(title="Speakers of found quotes, by how the extractor found the speaker mentioned (%)")
        for header in ["kind / mention", "found", "spk acc"]:
            mentions.add_column(header, justify="left" if header == "kind / mention" else "right")
        for key, m in sorted(report.total.by_mention.items()):
            mentions.add_row(key, str(m.found), percent(m.accuracy))
        console.print(mentions)
    if report.missing_raw:
        console.print(f"[yellow]No raw message for: {', '.join(report.missing_raw)}[/yellow]")
