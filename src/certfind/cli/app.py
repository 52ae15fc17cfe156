"""The Typer app and its one boundary: domain errors, usage errors, Ctrl-C and closed pipes become a message
and an exit code here, and nowhere else; long output on a terminal goes through the pager from here.

Every usage error is one line `certfind: what went wrong` and at most one line of what to do (exit 2): the
parser's own errors are put in those words by usage.py, and Typer's boxed panels never print. Help is
helptext.py's plain text.
"""

import contextlib
import importlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from certfind import __version__, paths
from certfind.cli import helptext, usage
from certfind.cli.pager import NO_PAGER, paging
from certfind.cli.terminal import output_failed, say, silence_stdout
from certfind.errors import EXIT_INTERRUPTED, EXIT_OK, CertfindError, UsageError

COMMANDS = {
    "search": "commands",
    "show": "commands",
    "list": "commands",
    "compare": "commands",
    "plan": "planning",
    "eligible": "planning",
    "import": "catalogs",
    "init": "catalogs",
    "validate": "catalogs",
    "help": "catalogs",
}
"""Every command, in the order `certfind --help` lists them (finding things first, then holding them, then
files), with the module of certfind.cli that defines it. A run imports only the module of the command it
runs, and turns only that command into a Click command: preparing all ten cost more than a search itself
(docs/performance.md)."""

Function = TypeVar("Function", bound=Callable[..., Any])

_DEFINED: dict[str, typer.Typer] = {}
"""The commands defined so far, each in a Typer app of its own."""


@contextlib.contextmanager
def _boundary() -> Iterator[None]:
    """Every error a user can cause, printed as what went wrong and what to do, and made an exit code."""
    try:
        yield
    except CertfindError as err:
        for line in err.lines():
            say(line)
        raise typer.Exit(err.exit_code) from None
    except usage.ClickError as err:  # one the command classes below did not see (they explain their own)
        for line in usage.explain(err, getattr(err, "ctx", None)).lines():
            say(line)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        say("certfind: interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:  # the reader went away (`certfind --help | head -c 0`, or q in the pager)
        silence_stdout()
        raise typer.Exit(EXIT_OK) from None
    except OSError as err:  # a full disk, a closed or unwritable stdout
        raise typer.Exit(output_failed(err)) from None


class Command(TyperCommand):
    """A certfind command: its parse errors and leftover words explained, its help in helptext's words."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.allow_extra_args = True  # words left over are explained below, not by the parser
        try:
            rest = list(super().parse_args(ctx, args))
        except usage.ClickError as err:
            raise usage.explain(err, ctx) from None
        if rest and not ctx.resilient_parsing:
            raise usage.extra_arguments(ctx, rest)
        return rest

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(helptext.command_help(ctx, self) + "\n")


class Boundary(TyperGroup):
    """The app: the pager around the whole run, and the boundary around parsing and running a command."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = sys.argv[1:] if args is None else list(args)
        with paging(argv):
            return super().main(argv, prog_name, complete_var, standalone_mode, windows_expand_args, **extra)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        with _boundary():
            return super().make_context(info_name, args, parent, **extra)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta[usage.ARGS] = list(args)
        # `--json` alone (last, or before another option) lists the fields, as in `gh`
        fixed = [
            "--json=" if arg == "--json" and (i + 1 == len(args) or args[i + 1].startswith("-")) else arg
            for i, arg in enumerate(args)
        ]
        try:
            return list(super().parse_args(ctx, fixed))
        except usage.ClickError as err:
            raise usage.explain(err, ctx) from None

    def invoke(self, ctx: Any) -> Any:
        with _boundary():
            return super().invoke(ctx)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and not ctx.resilient_parsing and self.get_command(ctx, name) is None:
            raise usage.unknown_command(name, args[1:], self.list_commands(ctx))
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"certfind.cli.{COMMANDS[cmd_name]}")
            self.add_command(typer.main.get_command(_DEFINED[cmd_name]), cmd_name)
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: Any) -> list[str]:
        del ctx
        return command_names()

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(helptext.group_help(ctx, self) + "\n")


app = typer.Typer(
    cls=Boundary,
    name="certfind",
    help="""Find library and support-staff certifications: who really awards them, what they cost, how long
    they take, and how far to trust what you read.

    Examples:
      certfind search library technician --region Ontario
      certfind show lssc
      certfind list --region Texas --sort cost
      certfind compare lssc cpla --years 5
      certfind eligible --education high-school --library-hours 2000
    """,
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def command(name: str) -> Callable[[Function], Function]:
    """`@command("search")` defines a certfind command (one COMMANDS names); the app builds it when asked."""
    single = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
    _DEFINED[name] = single
    register: Callable[[Function], Function] = single.command(name, cls=Command)
    return register


def command_names() -> list[str]:
    """Every command of the app, as users type them, in the order help lists them (tests walk this list)."""
    return list(COMMANDS)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"certfind {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    catalog: Annotated[
        str | None,
        typer.Option(
            "--catalog",
            envvar=paths.ENV_CATALOG,
            show_envvar=False,
            metavar="PATH",
            help=f"Use exactly this catalog file for this run (or set {paths.ENV_CATALOG}).",
        ),
    ] = None,
    no_pager: Annotated[
        bool,
        typer.Option(
            NO_PAGER,
            help="Never page the output (long output on a terminal otherwise goes through $CERTFIND_PAGER,"
            " $PAGER or less).",
        ),
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    del version, no_pager  # handled by the version callback, and by paging() before parsing
    ctx.obj = catalog
    if ctx.invoked_subcommand is None:  # a bare `certfind`: what it can do, and success
        sys.stdout.write(ctx.get_help() + "\n")
        raise typer.Exit(EXIT_OK)


def explicit_catalog(ctx: typer.Context) -> str | None:
    """The catalog file named with --catalog (or CERTFIND_CATALOG), when one was."""
    root = ctx.find_root()
    value = root.obj if root.obj is not None else root.params.get("catalog")
    if value == "":
        raise UsageError("--catalog names no file", "name a catalog file, such as: certfind --catalog my.yaml list")
    return value if isinstance(value, str) else None
