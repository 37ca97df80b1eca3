"""Readable, coloured terminal rendering of alerts, enriched articles and dead letters."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape


def alert_line(alert: dict[str, Any]) -> str:
    article = alert.get("article", {})
    mentions = alert.get("mentions", [])
    quotes = alert.get("quotes", [])
    title = escape(str(article.get("title") or article.get("id")))
    head = (
        f"[bold red]ALERT[/] [bold]{escape(str(alert.get('rule_name') or alert.get('rule_id')))}[/] "
        f"[dim]({escape(str(alert.get('rule_kind', '')))} · {len(mentions)} mention(s) · {len(quotes)} quote(s))[/]"
        f" in [cyan]{title}[/] [dim]{escape(str(article.get('language') or ''))}[/]"
    )
    lines = [head]
    for mention in mentions[:2]:
        lines.append("    " + highlighted_snippet(mention.get("snippet", ""), mention.get("text", "")))
    for quote in quotes[:2]:
        text = quote.get("text", "")
        short = text if len(text) <= 100 else text[:100].rsplit(" ", 1)[0] + "…"
        lines.append(f"    [green]{escape(str(quote.get('speaker')))}[/]: «{escape(short)}»")
    return "\n".join(lines)


def highlighted_snippet(snippet: str, mention: str, context: int = 45) -> str:
    """The snippet cut to `context` characters around the mention, the mention in bold yellow."""
    at = snippet.find(mention)
    if at < 0 or not mention:
        return escape(snippet)
    before = snippet[max(0, at - context):at]
    after = snippet[at + len(mention):at + len(mention) + context]
    left = "…" if at - context > 0 else ""
    right = "…" if at + len(mention) + context < len(snippet) else ""
    return f"{left}{escape(before)}[bold yellow]{escape(mention)}[/]{escape(after)}{right}".replace("\n", " ")


def enriched_line(article: dict[str, Any]) -> str:
    language = article.get("language", {})
    return (
        f"[bold green]ENRICHED[/] [cyan]{escape(str(article.get('title') or article.get('id')))}[/] "
        f"[dim]{language.get('code')} ({language.get('confidence', 0):.2f}) · "
        f"{len(article.get('entities', []))} entities · {len(article.get('quotes', []))} quotes[/]"
    )


def dead_letter_line(letter: dict[str, Any]) -> str:
    return (
        f"[bold magenta]DEAD LETTER[/] [bold]{escape(str(letter.get('error_class')))}[/] "
        f"{escape(str(letter.get('reason')))} [dim](agent {letter.get('agent')}, "
        f"article {letter.get('article_id')})[/]"
    )


def print_message(console: Console, topic_kind: str, message: dict[str, Any]) -> None:
    render = {"alerts": alert_line, "enriched": enriched_line, "dlq": dead_letter_line}.get(topic_kind)
    if render is None:
        console.print_json(data=message)
    else:
        console.print(render(message), highlight=False)
