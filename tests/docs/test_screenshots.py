"""README's pictures are current: each SVG is regenerated from the program and compared."""

from __future__ import annotations

import pytest

from tests.docs.screenshots import DOCS, SHOTS, svg


@pytest.mark.skipif(not DOCS.exists(), reason="docs/ is not shipped with the wheel tests")
@pytest.mark.parametrize(("name", "command"), SHOTS.items())
def test_screenshot_is_the_programs_current_output(name: str, command: str) -> None:
    assert (DOCS / name).read_text(encoding="utf-8") == svg(command), "stale: run `python -m tests.docs.screenshots`"
    assert "(lowest)" in svg(command) or name != "compare.svg"
