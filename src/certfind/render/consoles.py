"""The Rich consoles tables are drawn on: as wide as the terminal really is (through a pager too), and on
a dumb terminal (TERM=dumb) without colour and with ASCII rules and boxes."""

import sys

from rich.console import Console

from certfind.render.streams import dumb_terminal, terminal_size


class _Console(Console):
    """A console that draws its boxes and rules in ASCII when asked to: Rich does so for a stream whose
    encoding is not UTF-8, so that is what this console reports to the renderables."""

    def __init__(self, *, ascii_only: bool, **settings: object) -> None:
        super().__init__(**settings)  # type: ignore[arg-type]
        self._ascii_only = ascii_only

    @property
    def encoding(self) -> str:
        return "ascii" if self._ascii_only else super().encoding


def console(stderr: bool = False) -> Console:
    """A console for results (or, with `stderr`, for messages) at the terminal's width."""
    width, height = terminal_size()
    dumb = dumb_terminal()
    out = _Console(
        ascii_only=dumb,
        file=sys.stderr if stderr else sys.stdout,
        width=width,
        height=height,
        color_system=None if dumb else "auto",
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    out.on_broken_pipe = _reader_went_away  # type: ignore[method-assign]
    return out


def _reader_went_away() -> None:
    """Rich would exit 1 when the reader goes away; the CLI's boundary makes that a quiet exit 0."""
    raise BrokenPipeError
