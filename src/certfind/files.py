"""Files certfind creates for the user: never over one that exists.

`write_new` creates a file exclusively (`init`'s catalog, `plan --ics`): an existing file, or a symlink
planted where it should be, is refused, so nothing the user already has is ever overwritten.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable

from certfind.errors import CertfindError, UsageError

INIT_TEMPLATE = """\
# Your own certfind catalog. certfind merges it over the catalog it ships with:
# an entry with a new id adds a credential, an entry with a bundled id replaces that one.
# It holds no entry yet. To add one, replace the [] below with the example, without the leading "# ",
# and edit it: each entry needs id, name, issuer, category and summary; everything else is optional.
# Check it with: certfind validate {path}
schema_version: 1
certifications: []
#  - id: my-county-staff-certificate
#    name: Example County Library Staff Certificate
#    issuer: Example County Library
#    category: library
#    summary: The certificate our county library gives staff who finish its training workshops.
#    region: [US-TX]            # ISO 3166 codes: US, US-TX, CA-ON, GB, AU, NZ ...
#    topics: [circulation, cataloging]
#    costs:
#      - {{label: Application, amount: 25}}
#    sources:
#      - "Told by our branch manager"   # a note, a file: URL or a web page
"""


def private_dir(path: str) -> None:
    """Create the directory `path` readable by its owner only (0700 whatever the umask), and its parent the
    same way when that is missing too; never a missing grandparent (such as a home that does not exist)."""
    for folder in (os.path.dirname(path), path):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue
        except OSError as err:
            raise CertfindError(f"cannot create {folder}: {err.strerror or err}") from None


def write_new(
    path: str, text: str, exists: Callable[[str], CertfindError] | None = None, *, private: bool = False
) -> None:
    """Write `text` to a file that must not exist yet; `private` makes it readable by its owner only (0600
    whatever the umask), as the user's own catalog is."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.fdopen(os.open(path, flags, 0o600 if private else 0o666), "w", encoding="utf-8", newline="")
    except FileExistsError:
        if exists is not None:
            raise exists(path) from None
        raise UsageError(f"{path} already exists; certfind never overwrites a file: choose another name") from None
    except OSError as err:
        raise CertfindError(f"cannot write {path}: {err.strerror or err}") from None
    try:
        with handle:
            handle.write(text)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(path)  # ours: created exclusively a moment ago
        raise CertfindError(f"cannot write {path}: {err.strerror or err}") from None
