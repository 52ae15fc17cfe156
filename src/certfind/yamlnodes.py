"""Read YAML text into a small tree of located nodes, refusing everything that is not plain data.

PyYAML is used only as a tokenizer (the C parser when present): we walk its events ourselves, so
no tag can build an object, aliases are refused at the first `*` (an alias bomb fails at once),
duplicate keys are reported, and every scalar keeps its line and column. Scalars are typed with
the YAML 1.2 core rules, so `no`, `on` and `2024-01-01` stay text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from certfind.errors import Problem

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NUMBER_START = frozenset("+-.0123456789")
"""What _INT or _FLOAT can start with."""
_KEYWORDS = _NULL | _TRUE | _FALSE


_NONE: list[Any] = []  # shared and never appended to: a scalar has no items or pairs


class Node:
    """A located YAML value. `kind` is map, seq or scalar; a scalar's `value` is already typed."""

    __slots__ = ("col", "items", "kind", "line", "pairs", "value")

    def __init__(self, kind: str, line: int, col: int, value: Any = None) -> None:
        self.kind, self.line, self.col, self.value = kind, line, col, value
        self.items: list[Node] = _NONE if kind == "scalar" else []
        self.pairs: list[tuple[Node, Node]] = _NONE if kind == "scalar" else []

    def type_name(self) -> str:
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        return describe(self.value)


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


EntrySink = Callable[[int, "Node"], None]


def parse(text: str, path: str, on_entry: EntrySink | None = None) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document. Returns the root (None when empty) and the duplicate-key problems;
    raises YamlProblem for anything that stops reading.

    With `on_entry`, each item of the top-level `certifications` list is handed over as soon as it
    is complete and is not kept in the tree, so memory follows one entry, not the whole file.
    """
    import yaml

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_cls(text)
    duplicates: list[Problem] = []
    try:
        return _walk(loader, path, duplicates, on_entry), duplicates
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        if mark is None:
            raise YamlProblem(0, 0, message) from None
        if "\t" not in message and _char_at(text, mark.line, mark.column) == "\t":
            message += " (a tab: YAML indents with spaces)"
        raise YamlProblem(mark.line + 1, mark.column + 1, message) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(0, 0, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _walk(loader: Any, path: str, duplicates: list[Problem], on_entry: EntrySink | None) -> Node | None:
    from yaml import events as ev

    scalar_event, map_start, seq_start = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
    ends = (ev.MappingEndEvent, ev.SequenceEndEvent)
    root: Node | None = None
    documents = 0
    stack: list[Node] = []
    pending_key: list[Node | None] = []
    seen_keys: list[dict[object, Node]] = []
    entries: Node | None = None  # the top-level `certifications` list, when entries are streamed
    streamed = 0

    def hand_over(node: Node) -> None:
        nonlocal streamed
        assert on_entry is not None
        on_entry(streamed, node)
        streamed += 1

    def attach(node: Node) -> None:
        nonlocal root, entries
        if not stack:
            root = node
            return
        parent = stack[-1]
        if parent.kind == "seq":
            if parent is entries:
                if node.kind == "scalar":
                    hand_over(node)  # a container is handed over when it closes
            else:
                parent.items.append(node)
            return
        key = pending_key[-1]
        if key is None:
            if node.kind != "scalar" or isinstance(node.value, float):
                raise YamlProblem(node.line, node.col, "a mapping key must be plain text")
            marker = node.value
            first = seen_keys[-1].get(marker)
            if first is not None:
                duplicates.append(
                    Problem(path, node.line, node.col, f"duplicate key {marker!r} (first at line {first.line})")
                )
            else:
                seen_keys[-1][marker] = node
            pending_key[-1] = node
        else:
            parent.pairs.append((key, node))
            pending_key[-1] = None
            if on_entry and len(stack) == 1 and key.value == "certifications" and node.kind == "seq":
                entries = node

    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is scalar_event:  # most events: checked here, and a mapping's value attached in place
            mark, tag = event.start_mark, event.tag
            if tag is not None and tag != "!" and not event.implicit[0]:
                raise YamlProblem(
                    mark.line + 1, mark.column + 1, f"YAML tags ({tag}) are not allowed; quote the value instead"
                )
            value = event.value
            if not event.style and tag != "!" and (value in _KEYWORDS or value[:1] in _NUMBER_START):
                value = typed_scalar(value, True)  # a plain word is text as it is: no call for it
            node = Node("scalar", mark.line + 1, mark.column + 1, value)
            if stack and stack[-1].kind == "map" and pending_key[-1] is not None:  # a value: most scalars
                stack[-1].pairs.append((pending_key[-1], node))
                pending_key[-1] = None
            else:
                attach(node)
            continue
        if kind in ends:
            closed = stack.pop()
            if closed.kind == "map":
                pending_key.pop()
                seen_keys.pop()
            if stack and stack[-1] is entries:
                hand_over(closed)
            continue
        if event is None or kind is ev.StreamEndEvent:
            return root
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        if kind is map_start or kind is seq_start:
            tag = event.tag
            if tag not in (None, "!") and not event.implicit:
                raise YamlProblem(line, col, f"YAML tags ({tag}) are not allowed; quote the value instead")
            node = Node("map" if kind is map_start else "seq", line, col)
            attach(node)
            stack.append(node)
            if kind is map_start:
                pending_key.append(None)
                seen_keys.append({})
        elif kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlProblem(line, col, "only one YAML document is allowed in a catalog")
        elif kind is ev.AliasEvent:
            raise YamlProblem(line, col, f"aliases (*{event.anchor}) are not allowed in a catalog")
