"""A dumb terminal (TERM=dumb) gets text only: no colour, ASCII rules and boxes, at its real width (review 3,
finding 19)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import run_on_terminal

BOX_DRAWING = re.compile("[\u2500-\u257f]")


@pytest.mark.parametrize(
    "args", [["search", "archivist"], ["list", "--region", "Ontario"], ["compare", "lssc", "cpla"]], ids=" ".join
)
def test_a_dumb_terminal_gets_ascii_at_its_real_width(tmp_path: Path, args: list[str]) -> None:
    screen = run_on_terminal(tmp_path, args, {"TERM": "dumb"}, cols=150, unset=["COLUMNS", "LINES"])
    assert screen.code == 0, screen.err
    assert "\x1b" not in screen.shown  # no colour, no link, no cursor movement
    assert not BOX_DRAWING.search(screen.shown)
    lines = [line.rstrip() for line in screen.shown.replace("\r\n", "\n").splitlines()]
    assert any(re.fullmatch(r"[|+]?-{10,}[-+|]*", line) for line in lines)  # a rule, in ASCII
    assert 120 < max(len(line) for line in lines) <= 150  # the terminal's 150 columns, not 80


def test_a_colour_terminal_keeps_its_box_drawing_and_colours_at_the_same_width(tmp_path: Path) -> None:
    screen = run_on_terminal(tmp_path, ["search", "archivist"], cols=150, unset=["COLUMNS", "LINES"])
    assert (screen.code, screen.err.startswith("note: ")) == (0, True)
    assert BOX_DRAWING.search(screen.shown)
    assert "\x1b[" in screen.shown
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen.shown.replace("\r\n", "\n"))
    assert 120 < max(len(line.rstrip()) for line in plain.splitlines()) <= 150
