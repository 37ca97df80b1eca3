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
    for mention in mentions[:3]:
        lines.append(f"    [yellow]“{escape(mention.get('text', ''))}”[/] … {escape(mention.get('snippet', ''))}")
    for quote in quotes[:2]:
        lines.append(f"    [green]{escape(str(quote.get('speaker')))}[/]: «{escape(quote.get('text', '')[:160])}»")
    return "\n".join(lines)


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
