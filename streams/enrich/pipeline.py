"""The enrichment pipeline: raw message → Article → cleaned text → language → spaCy → entities + quotes.

Pure (no Kafka): the faust agent, `newswatch enrich`, `newswatch eval` and the benchmarks all call
`Enricher.enrich_batch`, so they exercise the same code path.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from streams import __version__
from streams.config import Settings
from streams.enrich.intake import InvalidArticle, dead_letter, parse_article, utc_now
from streams.models import Article, EnrichedArticle, Entity, Language, Quote

if TYPE_CHECKING:
    from streams.enrich.canonical import AliasTable

log = logging.getLogger(__name__)
AGENT = "enrich"


@dataclass(slots=True)
class Incoming:
    """One raw message with where it came from (for dead letters and latency)."""

    payload: bytes | str | dict[str, Any] | None
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None


@dataclass(slots=True)
class Outcome:
    """Exactly one of `enriched` / `dead_letter` is set: nothing is dropped."""

    key: str
    enriched: dict[str, Any] | None = None
    dead_letter: dict[str, Any] | None = None


@dataclass(slots=True)
class _Prepared:
    index: int
    article: Article
    text: str
    title: str | None
    published_at: str | None
    language: Language


class Enricher:
    """Holds the models of one process and enriches batches of raw messages."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        from streams.enrich.canonical import default_aliases

        self.aliases = default_aliases(self.settings.aliases_file)

    def warm_up(self) -> None:
        """Load every configured model and the language identifier now rather than on the first article."""
        from streams.enrich.gazetteer import place_names
        from streams.enrich.language import detect_language
        from streams.enrich.nlp import load_model

        detect_language("warm up the language identifier with a sentence")
        for name in self.settings.models.values():
            load_model(name)
        place_names()  # the place gazetteer of model-less languages: read once now, not on the first German article

    # -- public entry points -------------------------------------------------------------------------------------
    def enrich_message(self, payload: bytes | str | dict[str, Any]) -> dict[str, Any]:
        """Enrich one raw message; raise InvalidArticle when it would go to the dead-letter topic."""
        outcome = self.enrich_batch([Incoming(payload)])[0]
        if outcome.dead_letter is not None:
            letter = outcome.dead_letter
            raise InvalidArticle(letter["error_class"], letter["reason"], letter.get("article_id"))
        assert outcome.enriched is not None
        return outcome.enriched

    def enrich_batch(self, batch: Sequence[Incoming]) -> list[Outcome]:
        """Enrich a batch; each message yields one Outcome, in order, whatever goes wrong with the others."""
        outcomes: list[Outcome | None] = [None] * len(batch)
        prepared: list[_Prepared] = []
        for index, incoming in enumerate(batch):
            try:
                prepared.append(self._prepare(index, incoming))
            except InvalidArticle as exc:
                outcomes[index] = self._reject(incoming, exc.error_class, exc.reason, exc.article_id)
            except Exception as exc:  # a bug must not lose the message: it goes to the DLQ with its traceback class
                log.exception("preparing article failed")
                outcomes[index] = self._reject(incoming, "EnrichmentError", f"{type(exc).__name__}: {exc}", None)
        by_language: dict[str, list[_Prepared]] = defaultdict(list)
        for item in prepared:
            by_language[item.language.code].append(item)
        for lang, items in by_language.items():
            for item, result in zip(items, self._analyse(lang, items), strict=True):
                if isinstance(result, Exception):
                    outcomes[item.index] = self._reject(
                        batch[item.index], "EnrichmentError", f"{type(result).__name__}: {result}", item.article.id
                    )
                else:
                    outcomes[item.index] = Outcome(key=item.article.id, enriched=result)
        return [o for o in outcomes if o is not None]

    # -- stages -------------------------------------------------------------------------------------------------
    def _prepare(self, index: int, incoming: Incoming) -> _Prepared:
        from streams.enrich.clean import clean_text, extract_html
        from streams.enrich.language import detect_language, with_hint

        settings = self.settings
        article = parse_article(incoming.payload, settings.max_article_bytes)
        title, published_at = article.title, article.published_at
        if article.html and article.html.strip():
            page = extract_html(article.html, article.url)
            text = page.text
            title = title or page.title
            published_at = published_at or page.published_at
            if not text.strip() and article.text:
                text = clean_text(article.text, title)
        else:
            text = clean_text(article.text or "", title)
        if not text.strip():
            raise InvalidArticle("EmptyBody", "no article body left after cleaning (boilerplate or markup only)",
                                 article.id)
        if len(text) > settings.max_text_chars:
            raise InvalidArticle(
                "TooLarge",
                f"cleaned text has {len(text)} characters, more than max_text_chars={settings.max_text_chars}",
                article.id,
            )
        language = with_hint(detect_language(text, title), article.language_hint)
        if language.code == "und" and settings.undetermined_language == "dlq":
            raise InvalidArticle(
                "UndeterminedLanguage",
                f"language could not be determined (best guess confidence {language.confidence:.2f}); "
                "send the article's language in the message's language field, or set undetermined_language=enrich "
                "to enrich such articles anyway",
                article.id,
            )
        return _Prepared(index, article, text, title, published_at, language)

    def _analyse(self, lang: str, items: list[_Prepared]) -> list[dict[str, Any] | Exception]:
        """Run spaCy over a same-language group with nlp.pipe; isolate a failing article if the batch fails."""
        from streams.enrich.nlp import analyse, pipeline_for

        nlp, model_name = pipeline_for(lang, self.settings.models, self.settings.aliases_file)
        started = time.perf_counter()
        try:
            docs = analyse(nlp, [item.text for item in items], lang, self.settings.parse_scope, max(1, len(items)))
        except Exception:
            log.exception("nlp.pipe failed on a batch; retrying article by article")
            docs = []
            for item in items:
                try:
                    docs.append(nlp(item.text))
                except Exception as exc:
                    docs.append(exc)
        took_ms = (time.perf_counter() - started) * 1000 / max(1, len(items))
        results: list[dict[str, Any] | Exception] = []
        for item, doc in zip(items, docs, strict=True):
            if isinstance(doc, Exception):
                results.append(doc)
                continue
            try:
                results.append(self._build(item, doc, model_name, took_ms))
            except Exception as exc:
                log.exception("building the enriched article failed", extra={"article_id": item.article.id})
                results.append(exc)
        return results

    def _build(self, item: _Prepared, doc: Any, model_name: str, took_ms: float) -> dict[str, Any]:
        from streams.enrich.entities import entities_from_doc
        from streams.enrich.quotes import extract_quotes

        # spaCy keeps the text exactly (so does `analyse` when it reassembles paragraphs): pass it rather than have
        # doc.text rebuilt from every token; the length check is a cheap guard
        last = doc[-1] if len(doc) else None
        same = last is not None and last.idx + len(last.text_with_ws) == len(item.text)
        entities = entities_from_doc(doc, self.aliases, item.text if same else None)
        people = [(e.canonical, e.start, e.end) for e in entities if e.label == "PER"]
        orgs = [(e.canonical, e.start, e.end) for e in entities if e.label == "ORG"]
        quotes = _states_for_capitals(extract_quotes(doc, item.language.code, people, orgs,
                                                     item.text if same else None), entities, self.aliases)
        article = item.article
        enriched = EnrichedArticle(
            id=article.id,
            url=article.url,
            source=article.source,
            title=item.title,
            published_at=item.published_at,
            text=item.text,
            language=item.language,
            entities=entities,
            quotes=quotes,
            pipeline={"version": __version__, "models": {item.language.code: model_name}, "took_ms": round(took_ms, 2)},
            enriched_at=utc_now(),
        )
        return enriched.to_dict()

    def _reject(self, incoming: Incoming, error_class: str, reason: str, article_id: str | None) -> Outcome:
        return reject(incoming, error_class, reason, article_id, self.settings)


def reject(incoming: Incoming, error_class: str, reason: str, article_id: str | None, settings: Settings) -> Outcome:
    """The dead-letter outcome of a message, keyed by its article id when known, else by its payload hash."""
    letter = dead_letter(
        incoming.payload,
        error_class,
        reason,
        agent=AGENT,
        max_payload_bytes=settings.dlq_payload_max_bytes,
        article_id=article_id,
        topic=incoming.topic,
        partition=incoming.partition,
        offset=incoming.offset,
    )
    return Outcome(key=article_id or letter.payload_sha256, dead_letter=letter.to_dict())


def _states_for_capitals(quotes: list[Quote], entities: list[Entity], aliases: AliasTable) -> list[Quote]:
    """A place speaking stands for the actor the alias table says ("Washington a répondu que …": the United States),
    unless a person of the article bears that name."""
    people = {e.canonical for e in entities if e.label == "PER"}
    for quote in quotes:
        state = aliases.speaker_for(quote.speaker) if quote.speaker not in people else None
        if state is not None:
            quote.speaker = state
    return quotes
