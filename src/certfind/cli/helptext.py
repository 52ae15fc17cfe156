"""Help as git and gh print it: plain text in sections (usage, what it does, commands or arguments and
options, examples), re-flowed to the terminal's width (at most WIDTH columns) so that no line is broken
twice.

A command's help comes from its docstring: the first paragraph is its summary (the line `certfind` lists
it with), the paragraphs after it are re-flowed, a paragraph whose lines are indented is kept as it is, and
the lines after `Examples:` are examples, one command line each.
"""

import inspect
import textwrap
from enum import Enum
from typing import Any

import typer

from certfind.render.streams import terminal_size

WIDTH = 100
"""Help is never wider than this, on however wide a terminal: long lines are hard to read."""
OPTION_COLUMN = 26
"""An option (with its value) longer than this has its help on the lines below it, not beside it."""
NARROW = 60
"""Below this many columns every option's help goes below it."""
EXAMPLES = "Examples:"


def width() -> int:
    return min(terminal_size()[0], WIDTH)


def paragraphs(text: str) -> list[str]:
    return [p for p in inspect.cleandoc(text).partition("\f")[0].split("\n\n") if p.strip()]


def summary(text: str) -> str:
    """A command's first paragraph, as one line."""
    found = paragraphs(text)
    return " ".join(found[0].split()) if found else ""


def examples(text: str) -> list[str]:
    """The command lines after `Examples:`."""
    lines = inspect.cleandoc(text).splitlines()
    if EXAMPLES not in (line.strip() for line in lines):
        return []
    start = [line.strip() for line in lines].index(EXAMPLES) + 1
    return [line.strip() for line in lines[start:] if line.strip()]


def _body(text: str, columns: int) -> list[str]:
    """The paragraphs after the summary and before the examples, re-flowed (indented ones kept)."""
    out: list[str] = []
    for paragraph in paragraphs(text)[1:]:
        if paragraph.strip() == EXAMPLES or paragraph.lstrip().startswith(EXAMPLES + "\n"):
            break
        lines = paragraph.splitlines()
        if all(line.startswith((" ", "\t")) for line in lines):
            out += ["  " + line.strip() for line in lines]
        else:
            out += _wrap(" ".join(paragraph.split()), columns)
        out.append("")
    return out


def _wrap(text: str, columns: int, indent: str = "", first: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        width=max(columns, 20),
        initial_indent=first or indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _section(title: str, rows: list[tuple[str, str]], columns: int) -> list[str]:
    """`title:` and two columns: each name and its help, the help re-flowed beside it or below it."""
    if not rows:
        return []
    out = [title]
    column = min(max(len(name) for name, _ in rows), OPTION_COLUMN) + 4
    for name, text in rows:
        if columns < NARROW or len(name) + 4 > column:
            out.append(f"  {name}")
            out += _wrap(text, columns, indent=" " * 6) if text else []
        else:
            out += _wrap(text, columns, indent=" " * column, first=f"  {name}".ljust(column))
    out.append("")
    return out


def _default(param: Any) -> str:
    """`Default: 5.` for an option whose default is worth saying (not off, empty, or said in its help)."""
    value = param.default
    if value is None or value is False or value in ("", [], ()) or "Default" in (param.help or ""):
        return ""
    if isinstance(value, Enum):
        value = value.value
    elif isinstance(value, float):
        value = f"{value:g}"
    return f" Default: {value}."


def _option_row(param: Any) -> tuple[str, str]:
    names = sorted([*param.opts, *param.secondary_opts], key=lambda o: (o.startswith("--"), o))
    shown = ", ".join(names)
    if not getattr(param, "is_flag", False):
        shown += f" {param.metavar or (param.name or 'value').upper()}"
    text = " ".join((param.help or "").split()) + _default(param)
    if param.required:
        text += " Required."
    return shown, text.strip()


def _usage(ctx: typer.Context, params: list[Any]) -> str:
    words = [ctx.command_path]
    for param in params:
        if param.param_type_name == "argument":
            words.append(param.metavar or (param.name or "").upper())
        elif param.required:
            words.append(_option_row(param)[0].split(", ")[-1])
    return " ".join([*words, "[OPTIONS]"])


def command_help(ctx: typer.Context, command: typer.core.TyperCommand) -> str:
    columns = width()
    text = command.help or ""
    params: list[Any] = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    out = [f"Usage: {_usage(ctx, params)}", ""]
    out += [*_wrap(summary(text), columns), ""]
    out += _body(text, columns)
    described = [(p.metavar or p.name or "", " ".join((p.help or "").split())) for p in arguments]
    out += _section("Arguments:", described, columns)
    out += _section("Options:", [_option_row(p) for p in options], columns)
    found = examples(text)
    if found:
        out += [EXAMPLES, *(f"  {line}" for line in found), ""]
    return "\n".join(out).rstrip("\n")


def group_help(ctx: typer.Context, group: typer.core.TyperGroup) -> str:
    columns = width()
    text = group.help or ""
    params = [p for p in group.get_params(ctx) if not getattr(p, "hidden", False)]
    out = [*_wrap(summary(text), columns), ""]
    out += [f"Usage: {ctx.command_path} [OPTIONS] COMMAND [ARGS]...", ""]
    out += _body(text, columns)
    commands = [(name, group.get_command(ctx, name)) for name in group.list_commands(ctx)]
    out += _section("Commands:", [(name, summary(cmd.help or "")) for name, cmd in commands if cmd], columns)
    out += _section("Options:", [_option_row(p) for p in params], columns)
    found = examples(text)
    if found:
        out += [EXAMPLES, *(f"  {line}" for line in found), ""]
    out += _wrap(f"Learn more: {ctx.command_path} help COMMAND (or {ctx.command_path} COMMAND --help).", columns)
    return "\n".join(out).rstrip("\n")
