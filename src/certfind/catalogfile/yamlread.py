"""Read YAML text into a small tree of located nodes, refusing everything that is not plain data.

PyYAML is used only as a parser, through its public event API (`Loader.get_event`, with libyaml's C
parser when present), never to construct objects: the walk turns each event into a node of its own,
so no tag can build an object, aliases are refused at the first `*` (an alias bomb fails at once),
duplicate keys are reported, and every scalar keeps its line and column. Scalars are typed with the
YAML 1.2 core rules, so `no`, `on` and `2024-01-01` stay text. Nothing outside this module is changed:
reading is safe from several threads at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

import yaml
from yaml import events

from certfind.errors import Problem

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NUMBER_START = frozenset("+-.0123456789")
"""What _INT or _FLOAT can start with."""
_KEYWORDS = _NULL | _TRUE | _FALSE

MAX_ITEMS = 1000
"""A list or mapping inside an entry holds at most this many items: memory follows the data, not an
attacker's million-item list (the top-level list of entries has no such limit)."""


_NONE: list[Any] = []  # shared and never appended to: what a node of another kind has none of


class Node:
    """A located YAML value: a `Mapping` (its `pairs`), a `Sequence` (its `items`) or a `Scalar` (its `value`,
    already typed). `kind` is map, seq or scalar. A node keeps the parser's mark of where it starts and works
    out its line and column only when asked (for a problem, or an entry's id): most nodes are never asked."""

    __slots__ = ("mark",)
    kind: str
    mark: Any  # the parser's: 0-based `line` and `column`
    value: Any = None
    items: list[Node] = _NONE
    pairs: list[tuple[Node, Node]] = _NONE

    @property
    def line(self) -> int:
        return int(self.mark.line) + 1

    @property
    def col(self) -> int:
        return int(self.mark.column) + 1

    def type_name(self) -> str:
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        return describe(self.value)


class Scalar(Node):
    __slots__ = ("value",)
    kind = "scalar"

    def __init__(self, value: Any, mark: Any) -> None:
        self.mark, self.value = mark, value


class Mapping(Node):
    __slots__ = ("pairs",)
    kind = "map"

    def __init__(self, mark: Any) -> None:
        self.mark, self.pairs = mark, []


class Sequence(Node):
    __slots__ = ("items",)
    kind = "seq"

    def __init__(self, mark: Any) -> None:
        self.mark, self.items = mark, []


class _Before(NamedTuple):
    """The mark of what holds a document's root: line and column 0."""

    line: int = -1
    column: int = -1


def describe(value: object) -> str:
    """How a scalar's type reads in an error message."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    return "text"


def typed_scalar(text: str, plain: bool) -> Any:
    """YAML 1.2 core schema typing for one scalar."""
    if not plain:
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text[:1] not in _NUMBER_START:  # most scalars are words: neither pattern can match them
        return text
    if _INT.match(text):
        try:
            return int(text)
        except ValueError:  # more digits than Python converts: no catalog number is that long
            return float("inf")
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    return text


class YamlProblem(Exception):
    """Raised with the first problem that stops reading (syntax, alias, tag)."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


EntrySink = Callable[[int, Node], None]


_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE)
"""An escaped surrogate pair (an escape, not an escaped backslash followed by `u`)."""


def _joined_pairs(text: str) -> str:
    """JSON spells a character beyond U+FFFF as two \\u escapes, a surrogate pair (`json.dumps` does, by
    default), which YAML readers refuse; YAML spells it as one \\U escape, which this makes of each pair.
    A column reported later on such a line is then two characters short per pair."""

    def joined(match: re.Match[str]) -> str:
        high, low = int(match.group(2), 16), int(match.group(3), 16)
        return f"{match.group(1)}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08x}"

    return _PAIR.sub(joined, text)


def parse(text: str, path: str, on_entry: EntrySink | None = None) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document. Returns the root (None when empty) and the duplicate-key problems;
    raises YamlProblem for anything that stops reading.

    With `on_entry`, each item of the top-level `certifications` list is handed over as soon as it
    is complete and is not kept in the tree, so memory follows one entry, not the whole file.
    """
    if "\\u" in text:
        text = _joined_pairs(text)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    duplicates: list[Problem] = []
    try:
        return _walk(loader.get_event, path, duplicates, on_entry), duplicates
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        opened = UNCLOSED.get(exc.context or "")
        unclosed = any(words in (exc.problem or "") for words in ("expected ','", "end of stream"))
        if opened and unclosed and exc.context_mark is not None and mark is not None:  # point where it opened
            what, todo = opened
            message = f"{what} never closed (YAML gave up at line {mark.line + 1}, column {mark.column + 1}); {todo}"
            mark = exc.context_mark
        if mark is None:
            raise YamlProblem(0, 0, message) from None
        if "\t" not in message and _char_at(text, mark.line, mark.column) == "\t":
            message += " (a tab: YAML indents with spaces)"
        raise YamlProblem(mark.line + 1, mark.column + 1, message) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(0, 0, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


UNCLOSED = {
    "while parsing a flow sequence": ("this '[' list is", "to write it as text, quote the whole value"),
    "while parsing a flow mapping": ("this '{' mapping is", "to write it as text, quote the whole value"),
    "while scanning a quoted scalar": ("this quoted text is", "end it with the quote mark it starts with"),
}
"""The parser's words for something opened here and not closed: what to call it, and what to do."""


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _tag_refused(tag: str, mark: Any) -> YamlProblem:
    return YamlProblem(mark.line + 1, mark.column + 1, f"YAML tags ({tag}) are not allowed; quote the value instead")


def _walk(
    get_event: Callable[[], Any], path: str, duplicates: list[Problem], on_entry: EntrySink | None
) -> Node | None:
    """One pass over the parser's events. The innermost open container is kept in locals (`top`; for a
    mapping, its keys so far in `seen` and its pending key in `key`) and those around it on `stack`, so the
    usual event, a scalar key or value, is handled in the loop without a call."""
    scalar_event, mapping_start, sequence_start = (
        events.ScalarEvent,
        events.MappingStartEvent,
        events.SequenceStartEvent,
    )
    closing = (events.MappingEndEvent, events.SequenceEndEvent)
    documents = 0
    document = Sequence(_Before())  # holds the root, so that every node has a container
    stack: list[tuple[Node, dict[object, Node] | None, Node | None]] = []
    top: Node = document  # the innermost open container
    seen: dict[object, Node] | None = None  # when `top` is a mapping: its keys so far
    key: Node | None = None  # when `top` is a mapping: the key waiting for its value
    entries: Node | None = None  # the top-level `certifications` list, when entries are streamed
    streamed = 0

    def repeated_key(node: Node, seen: dict[object, Node]) -> None:
        if isinstance(node.value, float):
            raise YamlProblem(node.line, node.col, "a mapping key must be plain text")
        first = seen[node.value]
        duplicates.append(
            Problem(path, node.line, node.col, f"duplicate key {node.value!r} (first at line {first.line})")
        )

    def too_many(node: Node) -> YamlProblem:
        what = "list" if node.kind == "seq" else "mapping"
        message = f"this {what} holds more than {MAX_ITEMS:,} items; no entry needs so many"
        return YamlProblem(node.line, node.col, message)

    def hand_over(node: Node) -> None:
        nonlocal streamed
        assert on_entry is not None
        on_entry(streamed, node)
        streamed += 1

    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:  # most events
            tag, value = event.tag, event.value
            if tag is not None and tag != "!" and not event.implicit[0]:
                raise _tag_refused(tag, event.start_mark)
            if not event.style and tag != "!" and (value in _KEYWORDS or value[:1] in _NUMBER_START):
                value = typed_scalar(value, True)  # a plain word is text as it is: no call for it
            elif event.style == '"' and "\x00" in value:  # written as an escape (`\\0`): no text holds one
                mark = event.start_mark
                raise YamlProblem(mark.line + 1, mark.column + 1, "a NUL character (\\0) in quoted text")
            node: Node = Scalar(value, event.start_mark)
            if seen is None:  # in a list
                if top is entries:
                    hand_over(node)  # a scalar entry: the checker says what is wrong with it
                else:
                    top.items.append(node)
                    if len(top.items) > MAX_ITEMS and len(stack) > 2:
                        raise too_many(top)
            elif key is not None:  # a mapping's value
                top.pairs.append((key, node))
                key = None
                if len(top.pairs) > MAX_ITEMS and len(stack) > 2:
                    raise too_many(top)
            else:  # a mapping's next key
                if value in seen or isinstance(value, float):
                    repeated_key(node, seen)  # reported, or refused
                else:
                    seen[value] = node
                key = node
            continue
        if kind in closing:
            closed = top
            top, seen, key = stack.pop()
            if top is entries:
                hand_over(closed)  # an entry is complete
            continue
        if kind is mapping_start or kind is sequence_start:
            if event.tag not in (None, "!") and not event.implicit:
                raise _tag_refused(event.tag, event.start_mark)
            node = Mapping(event.start_mark) if kind is mapping_start else Sequence(event.start_mark)
            if seen is None:
                if top is not entries:
                    top.items.append(node)  # an entry is handed over when it closes, not kept
                    if len(top.items) > MAX_ITEMS and len(stack) > 2:
                        raise too_many(top)
            elif key is None:
                raise YamlProblem(node.line, node.col, "a mapping key must be plain text")
            else:
                top.pairs.append((key, node))
                if len(top.pairs) > MAX_ITEMS and len(stack) > 2:
                    raise too_many(top)
                if on_entry and len(stack) == 1 and key.value == "certifications" and kind is sequence_start:
                    entries = node  # in the root mapping
                key = None
            stack.append((top, seen, key))
            top, seen, key = node, {} if kind is mapping_start else None, None
            continue
        if event is None or kind is events.StreamEndEvent:
            return document.items[0] if document.items else None
        mark = event.start_mark
        if kind is events.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlProblem(mark.line + 1, mark.column + 1, "only one YAML document is allowed in a catalog")
        elif kind is events.AliasEvent:
            raise YamlProblem(mark.line + 1, mark.column + 1, f"aliases (*{event.anchor}) are not allowed in a catalog")
