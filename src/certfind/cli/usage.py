"""What the argument parser found wrong, said the certfind way: one line `certfind: what went wrong`, then at
most one line of what to do. A suggestion is only ever a valid value, an option that exists where it was
typed, or the same command line put right (a global option moved before the command).

The parser (Typer's copy of Click) raises its own exceptions; the command classes of app.py hand each one
here with the context it was raised in, and raise the UsageError made of it.
"""

import shlex
from collections.abc import Sequence

import typer
from typer._click import core as click_core  # Typer >= 0.26 ships Click inside itself
from typer._click import exceptions as click_errors

from certfind.cli.helptext import examples
from certfind.cli.pager import before_command
from certfind.cli.values import nearest
from certfind.errors import UsageError

ARGS = "certfind.args"
"""Where the root context's `meta` keeps the command line as typed, for suggestions that rewrite it."""

ClickError = click_errors.ClickException
Context = click_core.Context


def explain(err: click_errors.ClickException, ctx: Context | None) -> UsageError:
    """The UsageError for one of the parser's exceptions, raised while parsing `ctx`'s arguments."""
    message = err.format_message().strip().rstrip(".")
    message = message[:1].lower() + message[1:]
    if ctx is None:
        return UsageError(message, "try: certfind --help")
    if isinstance(err, click_errors.NoSuchOption):
        return unknown_option(err.option_name, ctx)
    if isinstance(err, click_errors.BadOptionUsage):
        return _bad_option_usage(err.option_name, ctx)
    if isinstance(err, click_errors.MissingParameter) and err.param is not None:
        return _missing(err.param, ctx)
    return UsageError(message, f"try: {ctx.command_path} --help")


# --- options --------------------------------------------------------------------------------------


def option_names(ctx: Context) -> list[str]:
    """Every option of the command being parsed (both spellings: `-f`, `--format`)."""
    return [name for param in ctx.command.get_params(ctx) for name in (*param.opts, *param.secondary_opts)]


def _param(ctx: Context, name: str) -> click_core.Parameter | None:
    for param in ctx.command.get_params(ctx):
        if name in (*param.opts, *param.secondary_opts):
            return param
    return None


def _takes_value(param: object) -> bool:
    return not getattr(param, "is_flag", False) and not getattr(param, "count", False)


def unknown_option(typed: str, ctx: Context) -> UsageError:
    """An option this command does not have: the global option typed after the command (moved before it), a
    typo of one of its own options, or an option of another command (moved after it)."""
    name = typed.partition("=")[0]
    root = ctx.find_root()
    command = ctx.command_path
    args: list[str] = list(root.meta.get(ARGS, []))
    if ctx is not root:
        global_param = _param(root, name)
        if global_param is not None:
            fixed = _moved_before_command(args, name, _takes_value(global_param), ctx.info_name or "")
            hint = f"try: {shlex.join(['certfind', *fixed])}" if fixed else f"try: {root.command_path} --help"
            return UsageError(f"{name} is an option of certfind itself, so it goes before the command", hint)
    has_no = f"no option {name}" if ctx is root else f"{ctx.info_name} has no option {name}"
    meant = nearest(name, [o for o in option_names(ctx) if o.startswith("--") == name.startswith("--")])
    if meant:
        fixed = _replaced(args, typed, meant + typed[len(name) :])
        hint = f"try: {shlex.join(['certfind', *fixed])}" if fixed else f"try: {command} --help"
        return UsageError(f"{has_no}; did you mean {meant}?", hint)
    if ctx is root:
        after = _moved_after_command(ctx, args, name)
        if after:
            return UsageError(f"{name} is an option of {after[1]}, so it goes after the command", f"try: {after[0]}")
    return UsageError(has_no, f"try: {command} --help")


def _moved_before_command(args: list[str], name: str, takes_value: bool, command: str) -> list[str] | None:
    """The command line with a global option (and its value) moved from after the command to before it."""
    at = _command_index(args, command)
    if at is None:
        return None
    rest = args[at + 1 :]
    for i, arg in enumerate(rest):
        if arg == "--":
            break
        if arg == name or arg.startswith(name + "="):
            width = 2 if takes_value and arg == name and i + 1 < len(rest) else 1
            moved = rest[i : i + width]
            return [*args[:at], *moved, command, *rest[:i], *rest[i + width :]]
    return None


def _moved_after_command(ctx: Context, args: list[str], name: str) -> tuple[str, str] | None:
    """`certfind --region TX list` put right: the command's option moved after the command (the command
    line, and the command)."""
    group = ctx.command
    if not isinstance(group, typer.core.TyperGroup):
        return None
    at = next((i for i, arg in enumerate(args) if not arg.startswith("-") and group.get_command(ctx, arg)), None)
    if at is None:
        return None
    command = group.get_command(ctx, args[at])
    if command is None:
        return None
    with command.make_context(args[at], [], parent=ctx, resilient_parsing=True) as sub:
        param = _param(sub, name)
    if param is None:
        return None
    i = args.index(name) if name in args else next(i for i, a in enumerate(args) if a.startswith(name + "="))
    width = 2 if _takes_value(param) and args[i] == name and i + 1 < len(args) and i + 1 != at else 1
    moved = args[i : i + width]
    before = [*args[:i], *args[i + width : at]]
    return shlex.join(["certfind", *before, args[at], *moved, *args[at + 1 :]]), args[at]


def _command_index(args: list[str], command: str) -> int | None:
    at = len(before_command(args))
    if at < len(args) and args[at] == command:
        return at
    return next((i for i, arg in enumerate(args) if arg == command), None)


def _replaced(args: list[str], old: str, new: str) -> list[str] | None:
    """The command line with one argument replaced (a misspelt option put right)."""
    if old not in args:
        return None
    i = args.index(old)
    return [*args[:i], new, *args[i + 1 :]]


def _bad_option_usage(name: str, ctx: Context) -> UsageError:
    param = _param(ctx, name)
    command = ctx.command_path
    if param is not None and not _takes_value(param):
        return UsageError(f"{name} takes no value", f"write {name} on its own; see: {command} --help")
    metavar = (param.metavar if param is not None else None) or "VALUE"
    example = _example(ctx, name)
    return UsageError(f"{name} needs a value: {name} {metavar}", f"try: {example or command + ' --help'}")


def _missing(param: click_core.Parameter, ctx: Context) -> UsageError:
    """A required argument or option that was not given: what it is, and an example that gives it."""
    command = ctx.command_path
    if param.param_type_name == "argument":
        what = (param.metavar or param.name or "an argument").rstrip(".").strip("[]")
    else:
        name = param.opts[-1] if param.opts else f"--{param.name}"
        what = f"{name} {param.metavar or 'VALUE'}"
    example = _example(ctx, param.opts[-1] if param.opts and param.param_type_name == "option" else None)
    return UsageError(f"{ctx.info_name} needs {what}", f"try: {example or command + ' --help'}")


def _example(ctx: Context, option: str | None = None) -> str | None:
    """The first example of the command's help (one with `option` when given)."""
    found = examples(ctx.command.help or "")
    for line in found:
        if option is None or option in line.split():
            return line
    return None


# --- commands -------------------------------------------------------------------------------------


def unknown_command(name: str, rest: Sequence[str], commands: Sequence[str]) -> UsageError:
    """`certfind lst` (did you mean list?) or `certfind library technician` (a search, probably)."""
    meant = nearest(name, commands)
    if meant:
        return UsageError(
            f"no command {name!r}; did you mean {meant!r}?", f"try: {shlex.join(['certfind', meant, *rest])}"
        )
    words = [name, *(arg for arg in rest if not arg.startswith("-"))]
    return UsageError(
        f"no command {name!r}; the commands are: {', '.join(commands)}",
        f"to look it up: {shlex.join(['certfind', 'search', *words])}",
    )


def extra_arguments(ctx: Context, extra: Sequence[str]) -> UsageError:
    """Words left over after every argument of the command was filled."""
    command = ctx.command_path
    arguments = [p for p in ctx.command.get_params(ctx) if p.param_type_name == "argument"]
    if not arguments:
        return UsageError(f"{ctx.info_name} takes no arguments; got {shlex.join(extra)}", f"try: {command} --help")
    first = arguments[0]
    given = ctx.params.get(first.name or "")
    if len(arguments) == 1 and isinstance(given, str):  # one name split by the shell: quote it
        whole = " ".join([given, *extra])
        return UsageError(
            f"{ctx.info_name} takes one {first.metavar or 'argument'}; got {len(extra) + 1} words",
            f"quote a name with spaces: {shlex.join([*command.split(), whole])}",
        )
    return UsageError(f"unexpected {shlex.join(extra)} after the arguments", f"try: {command} --help")
