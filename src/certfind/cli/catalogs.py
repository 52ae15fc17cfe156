"""The commands about catalog files: import (from CTDL), init (the user's own file), validate; and help."""

import sys
from enum import StrEnum
from typing import Annotated

import typer

from certfind import catalog as catalog_module
from certfind import paths
from certfind.cli import completion, options, values
from certfind.cli.app import command, command_names, explicit_catalog
from certfind.cli.terminal import say
from certfind.errors import CertfindError, UsageError
from certfind.files import INIT_TEMPLATE, private_dir, write_new
from certfind.text import clean


class ImportFormat(StrEnum):
    yaml = "yaml"
    json = "json"


@command("import")
def import_(
    files: Annotated[
        list[str], typer.Argument(metavar="FILE...", help="CTDL JSON-LD: a record, an @graph document or an envelope.")
    ],
    fmt: Annotated[
        ImportFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            click_type=values.Choices("--format", ImportFormat),
            help="yaml (a catalog to review and save) or json.",
        ),
    ] = ImportFormat.yaml,
) -> None:
    """Print Credential Engine (CTDL JSON-LD) credentials as catalog entries to review; writes no file.

    Entries are unverified and cite their registry record. What could not be mapped goes to stderr.

    Examples:
      certfind import credential.json > imported.yaml
      certfind import envelope.json graph.json --format json
    """
    from certfind import ctdl  # noqa: PLC0415 - pyld and the CTDL mapping load only for CTDL work

    today = options.today()
    found = ctdl.read_files(files, today)
    for warning in found.warnings:
        say(f"certfind import: {warning}")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    sys.stdout.write(ctdl.output(found.records, fmt.value, files=files, today=today, encoding=encoding))
    if found.unmapped:
        say(f"certfind import: {ctdl.describe_unmapped(found.unmapped)}")


@command("init")
def init() -> None:
    """Create your own catalog file with a commented example entry (never overwrites one).

    Examples:
      certfind init
    """
    path = paths.user_catalog()
    if path is None:
        raise CertfindError(
            "there is no home directory to keep your catalog in",
            "set HOME (or XDG_CONFIG_HOME) to the absolute path of an existing directory",
        )
    private_dir(str(path.parent))
    catalog_module.check_folder(str(path.parent))
    write_new(
        str(path),
        INIT_TEMPLATE.format(path=path),
        lambda existing: CertfindError(f"{clean(existing)} already exists; certfind never overwrites it"),
        private=True,
    )
    sys.stdout.write(clean(f"created {path}") + "\n")
    say(f"next: add your entries to it (it holds none yet), then run: certfind validate {path}")


@command("validate")
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None, typer.Argument(metavar="[PATH]", help="A catalog file. Default: the active catalog.")
    ] = None,
) -> None:
    """Check a catalog file and report every problem as file:line:col.

    Examples:
      certfind validate
      certfind validate ~/.config/certfind/certifications.yaml
    """
    explicit = path if path is not None else explicit_catalog(ctx)
    cat = catalog_module.load(explicit, use_cache=False, strict_user=True)
    for note in cat.notes:
        say(f"certfind: {note}")
    for entry in cat.entries(range(len(cat))):
        if entry.cert.origin == "user" and entry.lookalike and entry.warning:
            say(f"warning: {entry.warning}")
    if cat.replaced:
        say(f"note: your own entries replace these bundled ones: {', '.join(cat.replaced)}")
    files = ", ".join(cat.paths)
    count = f"{len(cat)} certification{'s' if len(cat) != 1 else ''}"
    sys.stdout.write(clean(f"ok: {count} in {files}") + "\n")


@command("help")
def help_(
    ctx: typer.Context,
    command: Annotated[
        str | None,
        typer.Argument(metavar="[COMMAND]", help="The command to explain.", autocompletion=completion.commands),
    ] = None,
) -> None:
    """Show help for certfind or for one of its commands.

    Examples:
      certfind help
      certfind help search
    """
    root = ctx.find_root()
    group = root.command
    if command is None:
        sys.stdout.write(root.get_help() + "\n")
        return
    sub = group.get_command(root, command) if hasattr(group, "get_command") else None
    if sub is None:
        meant = values.nearest(command, command_names())
        listed = f"did you mean {meant!r}? The commands are" if meant else "the commands are"
        raise UsageError(f"no command {command!r}; {listed}: {', '.join(command_names())}")
    with sub.make_context(command, ["--help"], parent=root, resilient_parsing=True) as sub_ctx:
        sys.stdout.write(sub.get_help(sub_ctx) + "\n")
