"""The command line: parse, call the domain, render. The only package that imports Typer.

app.py holds the Typer app and its one error boundary; options.py what the commands share; the commands
live in commands.py (list, show, search, compare), planning.py (plan, eligible) and catalogs.py (import,
init, validate, help), each imported only by a run of one of its commands. Around them: values.py checks
option values, usage.py puts the parser's errors in certfind's words, helptext.py writes help,
completion.py answers the shell's <Tab>, pager.py pages long output on a terminal, and terminal.py keeps
output from failing on pipes and encodings.
"""

import sys

import typer

from certfind.cli.app import app, command_names
from certfind.cli.terminal import output_failed, safe_streams

__all__ = ["app", "command_names", "main"]


def main() -> None:
    """Runs the app; what is still buffered is flushed here, where a failure can be reported."""
    safe_streams()
    if sys.stdout is None:  # started with stdout closed (`certfind list >&-`)
        raise SystemExit(output_failed("standard output is closed"))
    try:
        typer.main.get_command(app)(prog_name="certfind")
    except SystemExit as done:
        try:
            sys.stdout.flush()
        except OSError as err:
            raise SystemExit(output_failed(err)) from None
        raise done
    except OSError as err:  # output that failed while Typer itself wrote it (help, usage errors)
        raise SystemExit(output_failed(err)) from None
