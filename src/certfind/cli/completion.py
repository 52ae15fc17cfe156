"""Shell completion: what <Tab> offers for each argument and option, with a description where the shell
shows one (zsh, fish).

A value is offered whole, as it is typed on the command line (ids keep their hyphens). What was typed is
matched from the start, case ignored only when nothing matches it exactly (`o` offers `ontario`, `O`
offers `Ontario`). Shells that insert a value as it is (bash) get its spaces escaped.
"""

import os
import re
from collections.abc import Iterable

import typer

from certfind import catalog as catalog_module
from certfind import occupations, places
from certfind.catalog import Catalog
from certfind.cli.app import explicit_catalog
from certfind.cli.helptext import summary
from certfind.errors import CertfindError
from certfind.model import EDUCATION, QUALIFICATION_NAMES, STATUSES, VERIFICATIONS, Entry
from certfind.text import clean

Offered = list[tuple[str, str]]
"""(value, description) pairs, as Typer hands them to the shell."""

_SHELL_SPECIAL = re.compile(r"""([\s'"\\$`!&;|<>()*?#~{}\[\]])""")


def _catalog(ctx: typer.Context) -> Catalog | None:
    try:
        return catalog_module.load(explicit_catalog(ctx))
    except CertfindError:
        return None


def _inserted_as_is() -> bool:
    """Whether the shell asking inserts a value exactly as given (bash), so spaces must be escaped."""
    return os.environ.get("_CERTFIND_COMPLETE", "").startswith(("complete_bash", "bash"))


def _describe(text: str) -> str:
    """A description a shell shows beside a value: one line, no markup brackets."""
    return " ".join(clean(text).replace("[", "(").replace("]", ")").split())


def offer(pairs: Iterable[tuple[str, str]], typed: str) -> Offered:
    """The values that start with what was typed: exactly when any does, else case ignored (keeping the
    typed letters as they are); each once, in order."""
    pairs = list(pairs)
    exact = [(value, text) for value, text in pairs if value.startswith(typed)]
    if not exact:
        folded = typed.casefold()
        exact = [(typed + value[len(typed) :], text) for value, text in pairs if value.casefold().startswith(folded)]
    seen: set[str] = set()
    out: Offered = []
    for value, text in exact:
        if value in seen:
            continue
        seen.add(value)
        out.append((_SHELL_SPECIAL.sub(r"\\\1", value) if _inserted_as_is() else value, _describe(text)))
    return out


def names(ctx: typer.Context, incomplete: str) -> Offered:
    """NAME_OR_ID: ids (and acronyms that name one entry) with the credential's name; never one already on
    the command line (`compare lssc <Tab>` does not offer lssc again)."""
    cat = _catalog(ctx)
    if cat is None:
        return []
    typed = ctx.params.get("names") or []
    given = {e.n for e in (_resolved(cat, name) for name in typed if name != incomplete) if e is not None}
    pairs = [(value, entry.cert.name) for value, entry in cat.complete(incomplete) if entry.n not in given]
    return offer(pairs, incomplete)


def _resolved(cat: Catalog, name: str) -> Entry | None:
    try:
        return cat.resolve(name)
    except CertfindError:
        return None


def held(ctx: typer.Context, incomplete: str) -> Offered:
    """--holds: a credential's id, or a qualification's name."""
    qualifications = [(name, "a qualification") for name in QUALIFICATION_NAMES]
    return offer(qualifications, incomplete) + names(ctx, incomplete)


def statuses(ctx: typer.Context, incomplete: str) -> Offered:
    del ctx
    pairs = [(v, "verification") for v in VERIFICATIONS] + [(s, "credential status") for s in STATUSES]
    return offer(pairs, incomplete)


def categories(ctx: typer.Context, incomplete: str) -> Offered:
    cat = _catalog(ctx)
    return [] if cat is None else offer(((value, "") for value in cat.values("category")), incomplete)


def regions(ctx: typer.Context, incomplete: str) -> Offered:
    """--region: the places the catalog has, by code (`US-TX`) and by name (`Texas`)."""
    cat = _catalog(ctx)
    if cat is None:
        return []
    codes = cat.values("region")
    pairs = [(code, places.name(code)) for code in codes] + [(places.name(code), code) for code in codes]
    return offer(pairs, incomplete)


def occupation_codes(ctx: typer.Context, incomplete: str) -> Offered:
    cat = _catalog(ctx)
    if cat is None:
        return []
    return offer(((code, occupations.title(code)) for code in cat.values("occupation")), incomplete)


def education(ctx: typer.Context, incomplete: str) -> Offered:
    del ctx
    return offer(((level, "") for level in EDUCATION), incomplete)


def commands(ctx: typer.Context, incomplete: str) -> Offered:
    """`help <Tab>`: the commands, each with its summary."""
    root = ctx.find_root()
    group = root.command
    if not isinstance(group, typer.core.TyperGroup):
        return []
    found = [(name, group.get_command(root, name)) for name in group.list_commands(root)]
    return offer(((name, summary(cmd.help or "")) for name, cmd in found if cmd is not None), incomplete)
