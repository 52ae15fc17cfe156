"""The Typer app and its one boundary: domain errors, Ctrl-C and closed pipes become a message and an
exit code here, and nowhere else."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from certfind import __version__, paths
from certfind.cli.terminal import output_failed, say, silence_stdout
from certfind.errors import EXIT_INTERRUPTED, EXIT_OK, CertfindError, UsageError


class Boundary(TyperGroup):
    """Maps domain errors, Ctrl-C and a closed pipe to a short message and an exit code."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # `--json` alone (last, or before another option) lists the fields, as in `gh`
        fixed = [
            "--json=" if arg == "--json" and (i + 1 == len(args) or args[i + 1].startswith("-")) else arg
            for i, arg in enumerate(args)
        ]
        return list(super().parse_args(ctx, fixed))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CertfindError as err:
            for line in err.lines():
                say(line)
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            say("certfind: interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            silence_stdout()
            raise typer.Exit(EXIT_OK) from None
        except OSError as err:  # a full disk, a closed or unwritable stdout
            raise typer.Exit(output_failed(err)) from None


app = typer.Typer(
    cls=Boundary,
    name="certfind",
    help="Find library and support-staff certifications: who really awards them, what they cost, "
    "how long they take, and how far to trust what you read.",
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


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
            "--catalog", envvar=paths.ENV_CATALOG, metavar="PATH", help="Use exactly this catalog file for this run."
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    del version  # handled by its eager callback
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
