"""The `certfind` command and `python -m certfind`: the first code that runs.

It imports the CLI inside a handler, so a Ctrl-C while Typer and Rich are still loading
also exits 130 with a short message instead of a traceback.
"""

import sys


def main() -> None:
    try:
        from certfind.cli import main as run  # noqa: PLC0415 - inside the handler: Ctrl-C while Typer loads exits 130

        run()
    except KeyboardInterrupt:
        sys.stderr.write("certfind: interrupted\n")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
