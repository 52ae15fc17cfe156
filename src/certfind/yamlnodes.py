"""Read YAML text into a small tree of located nodes, refusing everything that is not plain data.

PyYAML is used only as a parser (libyaml's when present), never to construct: libyaml hands out our
located nodes in place of its events (`_events_as_nodes`) and we walk them ourselves, so no tag can
build an object, aliases are refused at the first `*` (an alias bomb fails at once), duplicate keys
are reported, and every scalar keeps its line and column. Scalars are typed with the YAML 1.2 core
rules, so `no`, `on` and `2024-01-01` stay text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from certfind.errors import Problem

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NUMBER_START = frozenset("+-.0123456789")
"""What _INT or _FLOAT can start with."""
_KEYWORDS = _NULL | _TRUE | _FALSE


_NONE: list[Any] = []  # shared and never appended to: what a node of another kind has none of
_make = object.__new__


class Node:
    """A located YAML value: a `Mapping` (its `pairs`), a `Sequence` (its `items`) or a `Scalar` (its `value`,
    already typed). `kind` is map, seq or scalar. Each is made from the arguments of the PyYAML event it stands
    for (see `_events_as_nodes`); what a kind has none of is the class's, so making one sets few slots. It
    keeps the parser's mark of where it starts, and works out its line and column only when asked (for a
    problem, or an entry's id): most nodes are never asked."""

    __slots__ = ("items", "mark", "pairs", "value")
    kind: str
    mark: Any  # the parser's: 0-based `line` and `column`
    value: Any
    items: list[Node]
    pairs: list[tuple[Node, Node]]

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
    __slots__ = ()
    kind = "scalar"
    items = pairs = _NONE

    def __new__(  # a ScalarEvent's arguments
        cls, _anchor: object, tag: str | None, implicit: Any, value: str, start: Any, _end: object, style: str
    ) -> Any:
        if tag is not None and tag != "!" and not implicit[0]:
            return _tag_refused(tag, start)
        if not style and tag != "!" and (value in _KEYWORDS or value[:1] in _NUMBER_START):
            value = typed_scalar(value, True)  # a plain word is text as it is: no call for it
        node = _make(cls)
        node.mark, node.value = start, value
        return node


class Mapping(Node):
    __slots__ = ()
    kind = "map"
    items = _NONE
    value = None

    def __new__(cls, _anchor: object, tag: str | None, implicit: bool, start: Any, *_: object) -> Any:
        if tag not in (None, "!") and not implicit:
            return _tag_refused(tag, start)
        node = _make(cls)
        node.mark, node.pairs = start, []
        return node


class Sequence(Node):
    """Written out beside Mapping rather than sharing a constructor: one that made both lists for either
    kind costs 0.75% more instructions in reading a file (callgrind, 1,700 entries)."""

    __slots__ = ()
    kind = "seq"
    pairs = _NONE
    value = None

    def __new__(cls, _anchor: object, tag: str | None, implicit: bool, start: Any, *_: object) -> Any:
        if tag not in (None, "!") and not implicit:
            return _tag_refused(tag, start)
        node = _make(cls)
        node.mark, node.items = start, []
        return node


class Refused:
    """What the reader refuses, made in place of a node so that the walk raises it (not the parser)."""

    __slots__ = ("col", "line", "message")

    def __init__(self, mark: Any, message: str) -> None:
        self.line, self.col, self.message = mark.line + 1, mark.column + 1, message


def _tag_refused(tag: str, start: Any) -> Refused:
    return Refused(start, f"YAML tags ({tag}) are not allowed; quote the value instead")


def _closed(*_: object) -> object:
    """Made for the end of a mapping or a list: the walk only needs to know that one closed."""
    return _CLOSED


_CLOSED = object()


class _Before(NamedTuple):
    """The mark of what holds a document's root: line and column 0."""

    line: int = -1
    column: int = -1


_BEFORE = _Before()


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
        with _events_as_nodes(loader) as native:
            get_node = loader.get_event if native else _nodes_of(loader.get_event)
            return _walk(get_node, path, duplicates, on_entry), duplicates
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


_AS_NODES: dict[str, Callable[..., Any]] = {
    "ScalarEvent": Scalar,
    "MappingStartEvent": Mapping,
    "SequenceStartEvent": Sequence,
    "MappingEndEvent": _closed,
    "SequenceEndEvent": _closed,
}
"""For each PyYAML event that makes up a document's content, what the reader makes of its arguments."""


@contextmanager
def _events_as_nodes(loader: object) -> Iterator[bool]:
    """While it holds, libyaml's parser hands out nodes in place of PyYAML's events; yields whether it does.

    PyYAML's C parser makes each event by calling the event class it finds under that name in its module,
    at each event. Naming the node classes there instead makes each scalar one object rather than two, with
    no Python-level event in between: reading a file takes a fifth fewer instructions. Nothing else in
    certfind reads YAML, and it reads one file at a time, on one thread; the names are given back as soon
    as the file is read, whatever happens. Where the parser is not PyYAML's C one, or does not take the
    names, this yields False and the walk converts each event itself (`_nodes_of`)."""
    try:
        from yaml import _yaml as native
        from yaml import events
    except ImportError:  # PyYAML without libyaml
        yield False
        return
    if not isinstance(loader, native.CParser) or any(
        getattr(native, name, None) is not getattr(events, name) for name in _AS_NODES
    ):
        yield False  # not the parser this was written for
        return
    for name, make in _AS_NODES.items():
        setattr(native, name, make)
    try:
        yield _takes_nodes(native)
    finally:
        for name in _AS_NODES:
            setattr(native, name, getattr(events, name))


def _takes_nodes(native: Any) -> bool:
    """Whether the C parser now hands out nodes: a one-word document, read to its scalar."""
    try:
        probe = native.CParser("x")
        try:
            return type([probe.get_event() for _ in range(3)][2]) is Scalar
        finally:
            probe.dispose()
    except Exception:  # a parser that works otherwise: its events are converted
        return False


def _nodes_of(get_event: Callable[[], Any]) -> Callable[[], Any]:
    """What the parser would hand out under `_events_as_nodes`, from its events (without libyaml)."""
    from yaml import events as ev

    def get_node() -> Any:
        event = get_event()
        kind = type(event)
        if kind is ev.ScalarEvent:
            return Scalar(event.anchor, event.tag, event.implicit, event.value, event.start_mark, None, event.style)
        if kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
            make = Mapping if kind is ev.MappingStartEvent else Sequence
            return make(event.anchor, event.tag, event.implicit, event.start_mark, None, event.flow_style)
        if kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
            return _CLOSED
        return event

    return get_node


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _walk(get_node: Callable[[], Any], path: str, duplicates: list[Problem], on_entry: EntrySink | None) -> Node | None:
    """One pass over the parser's nodes and events. The innermost open container is kept in locals (`top`;
    for a mapping, its keys so far in `seen` and its pending key in `key`) and those around it on `stack`,
    so the usual node, a scalar key or value, is handled in the loop without a call."""
    from yaml import events as ev

    documents = 0
    document = Sequence(None, None, True, _BEFORE)  # holds the root, so that every node has a container
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

    def hand_over(node: Node) -> None:
        nonlocal streamed
        assert on_entry is not None
        on_entry(streamed, node)
        streamed += 1

    while True:
        node = get_node()
        kind = type(node)
        if kind is Scalar:  # most nodes
            if seen is None:  # in a list
                if top is entries:
                    hand_over(node)  # a scalar entry: the checker says what is wrong with it
                else:
                    top.items.append(node)
            elif key is not None:  # a mapping's value
                top.pairs.append((key, node))
                key = None
            else:  # a mapping's next key
                value = node.value
                if value in seen or isinstance(value, float):
                    repeated_key(node, seen)  # reported, or refused
                else:
                    seen[value] = node
                key = node
            continue
        if node is _CLOSED:
            closed = top
            top, seen, key = stack.pop()
            if top is entries:
                hand_over(closed)  # an entry is complete
            continue
        if kind is Mapping or kind is Sequence:
            if seen is None:
                if top is not entries:
                    top.items.append(node)  # an entry is handed over when it closes, not kept
            elif key is None:
                raise YamlProblem(node.line, node.col, "a mapping key must be plain text")
            else:
                top.pairs.append((key, node))
                if on_entry and len(stack) == 1 and key.value == "certifications" and kind is Sequence:
                    entries = node  # in the root mapping
                key = None
            stack.append((top, seen, key))
            top, seen, key = node, {} if kind is Mapping else None, None
            continue
        if kind is Refused:
            raise YamlProblem(node.line, node.col, node.message)
        if node is None or kind is ev.StreamEndEvent:
            return document.items[0] if document.items else None
        mark = node.start_mark
        line, col = mark.line + 1, mark.column + 1
        if kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlProblem(line, col, "only one YAML document is allowed in a catalog")
        elif kind is ev.AliasEvent:
            raise YamlProblem(line, col, f"aliases (*{node.anchor}) are not allowed in a catalog")
