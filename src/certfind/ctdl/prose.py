"""What a record's prose says: placeholder text, first sentences, and periods or levels stated plainly.

Pure; standard library and certfind.text only. Only free text goes through here: structured values
(classes, statuses, prices, durations, codes) are read as they are given, never from prose.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from certfind.text import visible

_SURROGATES = re.compile("[\ud800-\udfff]")
_PLACEHOLDER = re.compile(
    r"\*{3}|\b(?:description|text|profile)\s+missing\b|\bmissing\s+description\b|lorem ipsum|\bplaceholder\b"
    r"|\bto be (?:added|determined|provided)\b"
    r"|^(?:tbd|tba|n/?a|none|null|todo|test|description|-+|\.+|\?+)$",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)+(?:/\S*)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
# Where a text breaks without a full stop: a line break before a capital, a list item or a digit, or
# after a heading ending in ':'. (A line break before a lower-case word is a hard-wrapped sentence.)
_HARD_BREAK = re.compile(r"\n\s*(?=[-*\u2022]\s|[A-Z0-9])|(?<=:)\s*\n")
_MARKS = re.compile("[\u00ae\u2122\u00a9\u2120]")  # ® ™ © ℠: left out when names are compared


def tidy(value: object, *, lines: bool = False) -> str:
    """Text as a catalog holds it: one line (or its lines kept, with `lines`), runs of spaces as one,
    lone surrogates replaced; "" when nothing visible is left. Numbers are read as their text."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    text = _SURROGATES.sub("\ufffd", str(value))
    text = "\n".join(" ".join(line.split()) for line in text.splitlines()) if lines else " ".join(text.split())
    return text.strip() if visible(text).strip() else ""


def real_text(text: str) -> bool:
    """Text worth reading: not placeholder text, and not only a web address."""
    return bool(text) and not _PLACEHOLDER.search(text) and not _URL_ONLY.fullmatch(text)


def sentences(text: str, count: int = 2, limit: int = 400) -> str:
    """The first `count` sentences, at most about `limit` characters (cut at a word, with an ellipsis).
    Headings that only introduce a list ("Key requirements:") are left out."""
    found: list[str] = []
    for part in _HARD_BREAK.split(text):
        for piece in _SENTENCE_END.split(" ".join(part.split())):
            sentence = piece.lstrip("-*\u2022 ")
            if visible(sentence).strip() and not sentence.endswith(":"):
                found.append(sentence)
    short = "".join(found[:1])
    for n in range(2, count + 1):  # a further sentence only if it fits whole
        longer = notes(found[:n])
        if n > len(found) or len(longer) > limit:
            break
        short = longer
    if len(short) > limit:
        short = short[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    return short


def same_name(a: str, b: str) -> bool:
    """One name repeats the other (marks, case and a trailing part left aside)."""
    a, b = (" ".join(_MARKS.sub("", n).casefold().split()) for n in (a, b))
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def notes(parts: Iterable[str]) -> str:
    """Sentences joined into one note, each ending with a full stop."""
    done = [p if p.endswith((".", "!", "?", "\u2026")) else p + "." for p in dict.fromkeys(parts) if p]
    return " ".join(done)


_NUMBER_WORDS = {
    **{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6},
    **{"seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12},
}
_COUNT = r"(\d+|" + "|".join(_NUMBER_WORDS) + r")(?:\s*\(\d+\))?"
_EVERY_YEARS = re.compile(
    rf"\bevery\s+{_COUNT}\s+years?\b|\bvalid\s+for\s+(?:a\s+period\s+of\s+)?{_COUNT}\s+years?\b", re.IGNORECASE
)
_EXPERIENCE_YEARS = re.compile(rf"\b{_COUNT}\s+years?\s+of\s+(?:[\w-]+\s+){{0,3}}experience\b", re.IGNORECASE)
_EDUCATION = (
    (
        "high-school",
        re.compile(r"high[\s-]school|secondary school diploma|\bGED\b|general education development", re.I),
    ),
    ("associate", re.compile(r"associate'?s?\s+degree|\bassociate of\b", re.I)),
    ("bachelor", re.compile(r"bachelor'?s?\s+degree|\bbachelor of\b|baccalaureate", re.I)),
    ("master", re.compile(r"master'?s?\s+degree|\bmaster of\b", re.I)),
    ("doctorate", re.compile(r"doctoral|doctorate|\bph\.?\s?d\b", re.I)),
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def years_stated(texts: Iterable[str]) -> int | None:
    """A period in whole years that the texts state plainly ("every three years", "valid for 3 years")."""
    found = set()
    for text in texts:
        for match in _EVERY_YEARS.finditer(text):
            found.add(_count(next(g for g in match.groups() if g)))
    return found.pop() if len(found) == 1 else None


def payment_years(text: str) -> int | None:
    """How often a payment pattern says a fee is paid, in whole years."""
    if re.search(r"\b(?:annual(?:ly)?|yearly|per year|each year|every year|a year)\b", text, re.I):
        return 1
    return years_stated([text])


def experience_years(texts: Iterable[str]) -> set[int]:
    return {_count(match.group(1)) for text in texts for match in _EXPERIENCE_YEARS.finditer(text)}


def education_levels(texts: Iterable[str]) -> set[str]:
    listed = list(texts)
    return {level for level, pattern in _EDUCATION for text in listed if pattern.search(text)}
