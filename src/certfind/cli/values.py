"""Option values as users type them, checked by certfind rather than by the argument parser: a bad one is
one line that names the option, what it takes and, when one is close, the value that was probably meant.

Each function makes the `parser` of one option (Typer calls it with the text typed, and with the default
value as it is); what it raises is a UsageError, which the CLI's boundary prints (exit 2).
"""

import math
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from typer._click import types as click_types  # Typer >= 0.26 ships Click inside itself
from typer._click.shell_completion import CompletionItem

from certfind.errors import UsageError

E = TypeVar("E", bound=StrEnum)

SYNONYMS = {
    "price": "cost",
    "prices": "cost",
    "fee": "cost",
    "fees": "cost",
    "cheapest": "cost",
    "time": "duration",
    "length": "duration",
    "title": "name",
    "alphabetical": "name",
    "organization": "issuer",
    "organisation": "issuer",
    "awarder": "issuer",
    "text": "plain",
    "txt": "plain",
    "tsv": "plain",
    "jsonld": "ctdl",
    "json-ld": "ctdl",
    "yml": "yaml",
}
"""Words people use for a value certfind names otherwise (`--sort price` means cost): suggested, never
taken in its place."""


def nearest(value: str, valid: Iterable[str], synonyms: Mapping[str, str] | None = None) -> str | None:
    """The valid value most likely meant: a synonym, a typo (one edit in a short word, two in a longer one,
    letters swapped), or the start of exactly one value; None when nothing is that close."""
    options = list(dict.fromkeys(valid))
    folded = value.strip().casefold()
    if not folded:
        return None
    meant = (synonyms or {}).get(folded)
    if meant in options:
        return meant
    from rapidfuzz.distance import OSA  # noqa: PLC0415 - loads only for a value that needs a suggestion

    scored: list[tuple[int, int, str]] = []
    for option in options:
        bare, typed = option.casefold().lstrip("-"), folded.lstrip("-")
        edits = int(OSA.distance(typed, bare))
        if edits <= (1 if len(bare) <= 5 else 2) and edits < len(bare):
            scored.append((edits, len(option), option))
    if scored:
        return min(scored)[2]
    starts = [option for option in options if len(folded.lstrip("-")) >= 3 and option.casefold().startswith(folded)]
    return min(starts, key=len) if starts else None


def did_you_mean(value: str, valid: Iterable[str], synonyms: Mapping[str, str] | None = None) -> str:
    """`; did you mean 'x'?` for the nearest valid value, or nothing."""
    meant = nearest(value, valid, synonyms)
    return f"; did you mean {meant!r}?" if meant else ""


def choice(option: str, kind: type[E]) -> Callable[[object], E]:
    """One of an enumeration's values, case ignored."""
    valid = [member.value for member in kind]

    def parse(value: object) -> E:
        if isinstance(value, kind):
            return value
        text = str(value)
        wanted = text.strip().casefold()
        for member in kind:
            if member.value == wanted:
                return member
        meant = did_you_mean(text, valid, SYNONYMS) or "."
        raise UsageError(f"unknown {option} value {text!r}{meant} Valid values: {', '.join(valid)}")

    return parse


class Choices(click_types.ParamType):
    """The parameter type of an option that takes one of an enumeration's values (--format, --sort): it
    converts with `choice`, so that a bad value is certfind's one line, completes the values, and lists
    them in `choices` (tests read them off the app)."""

    name = "choice"

    def __init__(self, option: str, kind: type[StrEnum]) -> None:
        self.choices = [member.value for member in kind]
        self._parse = choice(option, kind)

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        del param, ctx
        return self._parse(value)

    def shell_complete(self, ctx: Any, param: Any, incomplete: str) -> list[CompletionItem]:
        del ctx, param
        return [CompletionItem(value) for value in self.choices if value.startswith(incomplete.casefold())]


def _range_words(low: float, high: float | None) -> str:
    if high is not None:
        return f"from {low:g} to {high:g}"
    return f"{low:g} or more"


def whole(option: str, low: int, high: int | None = None, example: int = 5) -> Callable[[object], int]:
    """A whole number from `low` to `high` (no upper bound when None)."""

    def parse(value: object) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        try:
            number = int(text.replace("_", "x"))  # `1_000` is Python's, not a number people type
        except ValueError:
            raise UsageError(
                f"{option} needs a whole number {_range_words(low, high)}, like {example}; got {text!r}"
            ) from None
        if number < low or (high is not None and number > high):
            raise UsageError(f"{option} must be {_range_words(low, high)}; got {number}")
        return number

    return parse


def number(option: str, example: str, low: float | None = 0.0) -> Callable[[object], float]:
    """A finite number of at least `low`, with or without decimals (`150`, `2.5`); with `low` None, any
    number (the command checks its range)."""

    def parse(value: object) -> float:
        if isinstance(value, float | int):
            return float(value)
        text = str(value).strip()
        try:
            amount = float(text.replace("_", "x"))
        except ValueError:
            raise UsageError(f"{option} needs a number, like {example}; got {text!r}") from None
        if low is not None and (not math.isfinite(amount) or amount < low):
            raise UsageError(f"{option} needs a number of {low:g} or more, like {example}; got {text!r}")
        return amount

    return parse
