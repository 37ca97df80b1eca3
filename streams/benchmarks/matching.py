"""Watchlist matching cost per article as the number of rules grows (target: < 1 ms at 100 000 rules, ≤ 2× the
100-rule figure).

Synthetic rules look like a real watchlist: full person names (first × last names from several languages, some
double-barrelled or with a middle name), organisation names, single keywords and two-word phrases (half of them
inflection-tolerant), plus the four rules of the minimal watchlist so that every size has real matches. The
article is the French seed with its gold entities and quotes located in the text (no spaCy needed).

Run: ``python tests/bench/bench_matching.py [sizes...]`` (or ``python -m streams.benchmarks.matching``); the last line
printed is a JSON summary. ``run(sizes)`` returns the same summary for ``newswatch bench``.
"""

from __future__ import annotations

import gc
import json
import os
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

from streams.watch.matcher import Matcher
from streams.watch.rules import Rule, load_rules

REPO = Path(__file__).resolve().parents[2]
SAMPLES = Path(os.environ.get("NEWSWATCH_SAMPLES", REPO.parent / "shared" / "samples"))
DEFAULT_SIZES = (100, 10_000, 100_000)
MIN_SECONDS = 1.0  # timing budget per size
MIN_ROUNDS = 200


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "Anna Ahmed Aiko Alejandro Alexei Amara Ana Andrea Anton Aya Bernard Bjorn Camille Carlos Chen Chiara Chloé "
    "Claire Dmitri Elena Elif Emma Emre Fatima François Gabriel Giulia Hannah Hans Hiroshi Ibrahim Ingrid Isabel "
    "Ivan Jakob Jana Javier Jean Jens Joanna João Jonas Jorge Julia Jürgen Karim Katarzyna Kenji Khalid Klaus "
    "Lars Laura Layla Léa Lena Leon Li Lucas Luis Lukas Maria Marek Marta Mateo Mei Mehmet Michel Miguel Mina "
    "Mohammed Nadia Natalia Nikolai Noah Nora Olga Omar Oscar Paolo Pierre Priya Rafael Rahul Rania Roberto Rosa "
    "Samir Sara Sergei Sofia Sophie Stefan Sven Tariq Thomas Tomasz Valentina Viktor Wei Yara Yasmin Youssef "
    "Yuki Yusuf Zainab Zofia Agnès Benoît Hélène Jérôme Margaux Thérèse Grzegorz Małgorzata Dagný Søren"
)
LAST = _words(
    "Abbott Acosta Adeyemi Alvarez Andersen Aoki Araújo Bauer Becker Bergström Bianchi Blanc Bondarenko Brandt "
    "Caron Castillo Chatterjee Chevalier Costa Cruz Dąbrowski Delacroix Demir Dubois Duarte Dupont Eriksson "
    "Fabre Fernandes Ferrari Fischer Fontaine Fournier Gallo García Gauthier Giraud Gómez Greco Guerin Gutiérrez "
    "Hakimi Hansen Hartmann Hoffmann Horvath Huang Ivanova Jansen Jensen Kaminski Kaya Keller Khan Kim Klein "
    "Kovacs Kowalski Krüger Kuznetsov Lambert Laurent Lefebvre Lehmann Leroy Lindqvist Lombardi Lopez Mahmoud "
    "Marchetti Martel Meyer Mercier Moreau Morel Müller Nakamura Nguyen Nielsen Novak Nowak Okafor Olsen Ortega "
    "Özdemir Pavlov Pereira Petrov Popescu Rahman Ramos Ricci Richter Rinaldi Rossi Roussel Russo Saito Santos "
    "Schäfer Schmidt Schneider Schulz Schwarz Sokolov Suzuki Tanaka Takahashi Tremblay Vasquez Vogel Volkov "
    "Wagner Walczak Weber Wolff Yamamoto Yilmaz Zhang Zimmermann Zielinski Ødegaard Þórsson Ó'Brien D'Amico"
)
NOUNS = _words(
    "blockchain cryptomonnaie déforestation désinformation cyberattaque rançongiciel embargo pipeline gazoduc "
    "raffinerie semiconductor lithium cobalt uranium hydrogène biocarburant pesticide glyphosate vaccin pandémie "
    "inflation récession dévaluation obligation dividende fusion acquisition faillite licenciement grève "
    "manifestation référendum coalition destitution corruption blanchiment évasion extradition espionnage "
    "drone missile satellite frégate sous-marin cessez-le-feu armistice réfugié migrant frontière visa tarif "
    "quota subvention monopole antitrust brevet startup licorne algorithme datacenter Halbleiter Energiewende "
    "Kohleausstieg Tarifvertrag Mietpreisbremse Schuldenbremse Lieferkette Bürgergeld Wärmepumpe Windkraft "
    "wildfire drought heatwave flooding earthquake hurricane tsunami outbreak ransomware deepfake chatbot "
    "stablecoin tokenization offshoring reshoring nearshoring decoupling stockpile shortage backlog layoff "
    "bankruptcy lawsuit indictment impeachment filibuster gerrymandering lobbying whistleblower leak"
)
QUALIFIERS = _words(
    "nucléaire numérique bancaire fiscale agricole pharmaceutique énergétique militaire judiciaire électorale "
    "maritime ferroviaire aérienne spatiale minière pétrolière portuaire douanière monétaire budgétaire "
    "industrielle climatique sanitaire alimentaire immobilière boursière syndicale diplomatique humanitaire "
    "offshore solaire éolienne quantique biométrique génétique autonome hybride électrique thermique"
)
# Words of the seed article: phrases starting with them give the automaton raw hits that must be verified and
# rejected ("guerre commerciale" vs "guerre russo-ukrainienne"), the costly case for a shared key.
SEED_WORDS = _words("guerre sanction campagne soutien pression commerce équipement demande invasion relation")
ORG_SUFFIXES = ("Holdings", "Group", "AG", "SA", "Foundation", "Institute", "Bank", "Energy", "Logistics", "Media")


def synthetic_rules(count: int, seed: int = 7) -> list[Rule]:
    """``count`` rules: the minimal watchlist plus varied actor, organisation, keyword and phrase rules."""
    rules = load_rules(REPO / "examples" / "watchlist.yaml")[:4]
    rng = random.Random(seed)
    names: set[str] = set()
    index = 0
    while len(rules) < count:
        index += 1
        roll = index % 10
        if roll < 5:  # people
            first, last = rng.choice(FIRST), rng.choice(LAST)
            shape = rng.random()
            if shape < 0.2:
                name = f"{first} {last}-{rng.choice(LAST)}"
            elif shape < 0.35:
                name = f"{first} {rng.choice(FIRST)} {last}"
            else:
                name = f"{first} {last}"
            if name in names:
                name = f"{name} {rng.choice(LAST)}"
            if name in names:
                continue
            names.add(name)
            rules.append(Rule(id=f"actor-{index}", kind="actor", name=name, label="PER" if shape < 0.5 else None))
        elif roll < 7:  # organisations
            name = f"{rng.choice(LAST)} {rng.choice(LAST)} {rng.choice(ORG_SUFFIXES)}"
            if name in names:
                continue
            names.add(name)
            rules.append(Rule(id=f"org-{index}", kind="actor", name=name))
        elif roll < 9:  # phrases: "sanction fiscale", "Halbleiter quantique" (varied, mostly absent from an article)
            head = rng.choice(SEED_WORDS) if rng.random() < 0.1 else rng.choice(NOUNS)
            term = f"{head} {rng.choice(QUALIFIERS)}"
            rules.append(Rule(id=f"phrase-{index}", kind="phrase", terms=(term,), inflections=rng.random() < 0.5))
        else:  # keywords: a few words each, some with languages filters
            terms = tuple(
                dict.fromkeys(
                    rng.choice(NOUNS) + rng.choice(("", "s", "-" + rng.choice(QUALIFIERS)))
                    for _ in range(rng.randint(1, 3))
                )
            )
            languages = ("fr",) if rng.random() < 0.3 else ()
            rules.append(
                Rule(id=f"kw-{index}", kind="keyword", terms=terms, inflections=rng.random() < 0.5, languages=languages)
            )
    return rules[:count]


def seed_article(samples: Path = SAMPLES, version: str = "bench") -> dict[str, Any]:
    """The raw French seed as an enriched article, with the gold entities and quotes located in its text."""
    raw = json.loads((samples / "raw" / "seed-fr-0001.json").read_text(encoding="utf-8"))
    gold = json.loads((samples / "gold" / "seed-fr-0001.gold.json").read_text(encoding="utf-8"))
    text = raw["text"]
    entities = [
        {**entity, "start": m.start(), "end": m.end()}
        for entity in gold["entities"]
        for m in re.finditer(rf"(?<!\w){re.escape(entity['text'])}(?!\w)", text)
    ]
    quotes = []
    for quote in gold["quotes"]:
        start = text.find(quote["text"], 100)
        if start >= 0:
            quotes.append({**quote, "start": start, "end": start + len(quote["text"])})
    return {
        "schema_version": 1,
        "id": raw["id"],
        "url": None,
        "source": raw["source"],
        "title": raw["title"],
        "published_at": None,
        "text": text,
        "language": {"code": "fr", "confidence": 0.99, "reliable": True, "title_code": "fr"},
        "entities": entities,
        "quotes": quotes,
        "pipeline": {"version": version},
        "enriched_at": None,
    }


def _reset_peak_rss() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux: reset VmHWM to the current RSS
        return True
    except OSError:
        return False


def _status_mb(field: str) -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size: int, article: dict[str, Any]) -> dict[str, Any]:
    gc.collect()
    _reset_peak_rss()
    rss_before = _status_mb("VmRSS")
    started = time.perf_counter()
    rules = synthetic_rules(size)
    generated = time.perf_counter()
    matcher = Matcher(rules)
    built = time.perf_counter()
    matches = matcher.match(article)  # warm-up (also fills the folding table)
    rounds = 0
    elapsed = 0.0
    begin = time.perf_counter()
    while rounds < MIN_ROUNDS or elapsed < MIN_SECONDS:
        matcher.match(article)
        rounds += 1
        elapsed = time.perf_counter() - begin
    result = {
        "rules": size,
        "terms": matcher.stats["terms"],
        "generate_s": round(generated - started, 3),
        "build_s": round(built - generated, 3),
        "match_ms": round(elapsed / rounds * 1000, 4),
        "rounds": rounds,
        "matches": len(matches),
        "fired": sorted(m.rule_id for m in matches)[:10],
        "peak_rss_mb": round(_status_mb("VmHWM"), 1),
        "rss_delta_mb": round(_status_mb("VmRSS") - rss_before, 1),
    }
    del matcher, rules
    gc.collect()
    return result


def _label(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 and size % 1000 == 0 else str(size)


def run(
    sizes: tuple[int, ...] | list[int] = DEFAULT_SIZES, echo: bool = False, article: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Measure each size; the summary has ``match_ms_<size>`` (e.g. match_ms_100, match_ms_10k, match_ms_100k).

    `article` is an enriched article to match (default: the seed with its gold entities and quotes).
    """
    article = article or seed_article()
    summary: dict[str, Any] = {"article_chars": len(article["text"]), "sizes": {}}
    for size in sizes:
        result = measure(size, article)
        summary["sizes"][str(size)] = result
        label = _label(size)
        summary[f"match_ms_{label}"] = result["match_ms"]
        summary[f"build_s_{label}"] = result["build_s"]
        summary[f"peak_rss_mb_{label}"] = result["peak_rss_mb"]
        if echo:
            print(
                f"{size:>7} rules  {result['terms']:>7} terms  build {result['build_s']:>7.3f} s  "
                f"match {result['match_ms']:>7.4f} ms/article  "
                f"({result['rounds']} rounds, {result['matches']} matches)  "
                f"peak RSS {result['peak_rss_mb']:.0f} MB (+{result['rss_delta_mb']:.0f} MB)",
                flush=True,
            )
    if sizes:
        smallest, largest = min(sizes), max(sizes)
        ratio = summary["sizes"][str(largest)]["match_ms"] / summary["sizes"][str(smallest)]["match_ms"]
        summary[f"ratio_{_label(largest)}_{_label(smallest)}"] = round(ratio, 3)
        summary["ratio"] = round(ratio, 3)
    return summary


def main(argv: list[str]) -> int:
    sizes = tuple(int(a) for a in argv) or DEFAULT_SIZES
    summary = run(sizes, echo=True)
    compact = {k: v for k, v in summary.items() if k != "sizes"}
    print(json.dumps(compact, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
