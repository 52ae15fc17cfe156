"""Text that is safe to show: control and invisible characters made visible, look-alike letters folded.

Pure, standard library only; used by the validator (empty-once-invisible names, look-alikes) and by
every renderer (table, plain, csv and stderr never carry a raw control, bidi or invisible character).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Characters that draw nothing: zero-width space/joiners, word joiner and invisible operators, soft
# hyphen, bidi marks and controls, variation selectors, fillers, the BOM and the tag characters.
INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff"
)
_WHITESPACE_CONTROLS = "\t\n\r\u2028\u2029"


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    """The character classes, compiled when first needed (each costs a fraction of a millisecond)."""
    return re.compile(
        {
            "invisible": f"[{INVISIBLE}]",
            # ... and the C0/C1 controls, DEL and the line/paragraph separators, which a terminal would act on
            "unsafe": f"[\x00-\x1f\x7f-\x9f\u2028\u2029{INVISIBLE}]",
            # what json.dumps leaves raw (it escapes C0 itself): DEL, C1, separators and invisible characters
            "json": f"[\x7f-\x9f\u2028\u2029{INVISIBLE}]",
            "non-ascii": "[^\x00-\x7f]",
        }[kind]
    )


def _escape(c: str) -> str:
    code = ord(c)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def clean(text: str) -> str:
    """One line of harmless text: whitespace controls become spaces, other unsafe characters escapes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, e.g. a file name that is not UTF-8
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _pattern("unsafe").sub(lambda m: " " if m.group() in _WHITESPACE_CONTROLS else _escape(m.group()), text)


def json_safe(text: str) -> str:
    """JSON text with DEL, C1 and invisible characters as \\u escapes: the same string, never raw."""
    if text.isascii() and "\x7f" not in text:  # most items: nothing to escape, and no pattern to run
        return text
    return _pattern("json").sub(_json_escape, text)


def escape_non_ascii(json_text: str) -> str:
    """JSON text with every non-ASCII character as a \\u escape (surrogate pairs beyond the BMP)."""
    return _pattern("non-ascii").sub(_json_escape, json_text)


def _json_escape(match: re.Match[str]) -> str:
    """The character matched as JSON's \\u escape (a surrogate pair beyond the BMP)."""
    return "".join(f"\\u{unit:04x}" for unit in _utf16(match.group()))


def _utf16(c: str) -> list[int]:
    code = ord(c)
    if code < 0x10000:
        return [code]
    code -= 0x10000
    return [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]


def visible(text: str) -> str:
    """The text without its invisible characters."""
    if text.isascii():  # every invisible character is beyond ASCII
        return text
    return _pattern("invisible").sub("", text)


# Letters of other scripts drawn like Latin ones (Unicode's confusables, the ones that matter here).
_LOOKALIKES = (
    "АA ВB ЕE ЅS ІI ЈJ КK МM НH ОO РP СC ТT ХX УY ԌG ԚQ ԜW "
    "аa вb еe ѕs іi јj кk мm нh оo рp сc тt хx уy ԁd ԛq ԝw ѡw һh ӏl "
    "ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX "
    "αa βb εe ιi κk νv οo ρp τt υu χx "
    "ǀl ǃ! ℓl ıi "
    # Cherokee and Lisu capitals drawn like Latin ones
    "\u13a0D \u13a1R \u13a2T \u13aaA \u13abJ \u13acE \u13b3W \u13b7M \u13bbH \u13c0G \u13c3Z \u13d9V \u13daS "
    "\u13deL \u13dfC \u13e2P \u13e6K \u13f4B "
    "\ua4d0B \ua4d1P \ua4d3D \ua4d4T \ua4d6G \ua4d7K \ua4d9J \ua4daC \ua4dcZ \ua4ddF \ua4dfM \ua4e0N \ua4e1L "
    "\ua4e2S \ua4e3R \ua4e6V \ua4e7H \ua4eaW \ua4ebX \ua4ecY \ua4eeA \ua4f0E \ua4f2I \ua4f3O \ua4f4U"
)


@cache
def _lookalike_table() -> dict[int, str]:
    return {ord(pair[0]): pair[1] for pair in _LOOKALIKES.split()}


def skeleton(text: str) -> str:
    """What a name looks like: compatibility forms, invisible characters, case and look-alike letters
    folded, so that `LSSC`, its fullwidth form, `LS` + zero-width space + `SC` and `L` + Cyrillic DZE
    + `SC` compare equal."""
    text = unicodedata.normalize("NFKC", visible(text)).translate(_lookalike_table())
    return " ".join(text.casefold().split())
