"""Where stored catalogs live, and whether to trust what is there. Says why in notes; prints nothing.

Trust, by construction rather than by checksum:
- the directory is created 0700 and files 0600 whatever the umask; a directory or file that is not owned
  by the user, is writable by others or is not what it should be (a symlink, a FIFO) is never read nor
  written, and a note says why;
- the directory is opened once with O_NOFOLLOW and every file is reached through that descriptor
  (`/proc/self/fd/N/...` for SQLite), so a path swapped meanwhile cannot redirect a read or a write;
- a database is built under a fresh unpredictable name (`tempfile.mkstemp`) and renamed into place;
  readers open it `immutable`, so a rename over it never changes what a running command reads;
- the key (path, size, times, inode of every catalog file) is taken before the parse and checked again
  after it: a file edited meanwhile is used for this run but never stored.
"""

import contextlib
import json
import os
import sqlite3
import stat
import time
import zlib
from collections.abc import Sequence
from typing import NamedTuple

from certfind import paths

RACY_NS = 2_000_000_000
"""A catalog modified this recently is not stored: a second edit in the same clock tick could hide."""
STALE_TEMP_SECONDS = 3600
"""A temporary database older than this was left by a build that died: it is removed."""
TEMP_PREFIX, TEMP_SUFFIX = ".build-", ".tmp"


class Source(NamedTuple):
    """One catalog file of the active catalog and where it comes from (`bundled`, `user`, `file`)."""

    path: str
    origin: str


class Key(NamedTuple):
    """The identity of every catalog file of a set (what a stored catalog was built from), and their mtimes."""

    text: str
    mtimes_ns: tuple[int, ...]

    @property
    def racy(self) -> bool:
        """Modified within the clock's tick: a second edit could hide, so it is not stored. A time further in
        the future (a clock set wrong, `touch -d 2030-01-01`) is not racy: any edit now moves it far away."""
        now = time.time_ns()
        return any(abs(mtime - now) < RACY_NS for mtime in self.mtimes_ns)


def source_key(sources: Sequence[Source]) -> Key | None:
    """The key of a set of catalog files, or None when one of them cannot be looked at."""
    parts = []
    mtimes = []
    for src in sources:
        try:
            st = os.stat(src.path)
        except OSError:
            return None
        identity = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"
        parts.append(f"{src.origin}:{os.path.realpath(src.path)}:{identity}")
        mtimes.append(st.st_mtime_ns)
    text = "\n".join(parts).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return Key(text, tuple(mtimes))  # a path that is not UTF-8 is kept as escapes


def file_name(sources: Sequence[Source]) -> str:
    """One database per set of catalog paths; a collision is harmless, since the stored key decides."""
    names = "\n".join(f"{s.origin}:{os.path.realpath(s.path)}" for s in sources).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(names):08x}{zlib.adler32(names):08x}.sqlite3"


def untrusted(st: os.stat_result, *, directory: bool) -> str | None:
    """Why a cache directory or file must not be used, or None when it may."""
    if directory and not stat.S_ISDIR(st.st_mode):
        return "is not a directory"
    if not directory and not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    if st.st_uid != os.geteuid():
        return "is owned by another user"
    if st.st_mode & 0o022:
        return "is writable by others"
    return None


class CacheDir(NamedTuple):
    """The cache directory, opened and checked: `fd` pins it; `path` reaches it through the descriptor."""

    fd: int
    path: str

    @classmethod
    def open(cls, notes: list[str], *, create: bool) -> "CacheDir | None":
        """The cache directory, created private if asked; None otherwise (with a note when it is unsafe)."""
        where = paths.cache_dir()
        if where is None:
            return None
        if create:
            try:
                if not where.parent.exists() and where.parent.parent.is_dir():
                    os.mkdir(where.parent, 0o700)
                os.mkdir(where, 0o700)
            except FileExistsError:
                pass
            except OSError:
                return None
        flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(where, flags)
        except OSError:
            try:  # a symlink or a file where the directory should be: worth saying; no directory at all is not
                mode = os.lstat(where).st_mode
            except OSError:
                return None
            if stat.S_ISLNK(mode):
                notes.append(f"not using the cache {where}: it is a symbolic link, which certfind does not follow")
            elif not stat.S_ISDIR(mode):
                notes.append(f"not using the cache {where}: it is not a directory")
            return None
        reason = untrusted(os.fstat(fd), directory=True)
        if reason:
            os.close(fd)
            notes.append(f"not using the cache {where}: it {reason}")
            return None
        pinned = f"/proc/self/fd/{fd}"
        return cls(fd, pinned if os.path.isdir(pinned) else str(where))

    def connect_existing(self, name: str, notes: list[str]) -> sqlite3.Connection | None:
        """A read-only connection to a stored catalog that is ours and private; None when there is none."""
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(name, flags, dir_fd=self.fd)
        except OSError:
            return None  # none yet, a symlink (ELOOP) or unreadable: rebuilt and renamed over
        try:
            reason = untrusted(os.fstat(fd), directory=False)
            if reason:
                if reason != "is not a regular file":
                    notes.append(f"not using the cache file {name}: it {reason}")
                return None
            pinned = f"/proc/self/fd/{fd}"
            target = pinned if os.path.exists(pinned) else os.path.join(self.path, name)
            try:
                return sqlite3.connect(f"file:{target}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            except sqlite3.Error:
                return None
        finally:
            os.close(fd)  # SQLite holds its own descriptor of the same file

    def new_database(self) -> tuple[sqlite3.Connection, str] | None:
        """A connection to a fresh private temporary database in the cache, and its name; None when none can be made."""
        import tempfile  # noqa: PLC0415 - only a build needs it; a warm run never loads it (docs/performance.md)

        try:
            fd, path = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=self.path)
            os.close(fd)
            return sqlite3.connect(path, check_same_thread=False), os.path.basename(path)
        except (OSError, sqlite3.Error):
            return None

    def publish(self, temp: str, name: str) -> bool:
        """Rename a finished database into place (readers of the old one go on reading it)."""
        try:
            os.replace(temp, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
            return True
        except OSError:
            self.discard(temp)
            return False

    def discard(self, name: str) -> None:
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=self.fd)

    def prune(self, keep: str) -> None:
        """Remove leftover temporary files and the databases of catalogs that no longer exist."""
        try:
            names = os.listdir(self.fd)
        except OSError:
            return
        now = time.time()
        for name in names:
            if name == keep:
                continue
            try:
                st = os.stat(name, dir_fd=self.fd, follow_symlinks=False)
            except OSError:
                continue
            if name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX):
                if now - st.st_mtime > STALE_TEMP_SECONDS:
                    self.discard(name)
            elif untrusted(st, directory=False) is None and (
                name.endswith(".idx")  # the first version's cache
                or (name.endswith(".sqlite3") and now - st.st_mtime > STALE_TEMP_SECONDS and self._orphaned(name))
            ):
                self.discard(name)  # an hour old at least: a catalog missing for a moment (a save) keeps its store

    def prune_temporary(self) -> None:
        """Remove the temporary databases of builds that died (a killed process) an hour ago or more."""
        try:
            names = [n for n in os.listdir(self.fd) if n.startswith(TEMP_PREFIX) and n.endswith(TEMP_SUFFIX)]
        except OSError:
            return
        now = time.time()
        for name in names:
            try:
                if now - os.stat(name, dir_fd=self.fd, follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
                    self.discard(name)
            except OSError:
                continue

    def _orphaned(self, name: str) -> bool:
        """A stored catalog whose files are gone (or that cannot be read at all)."""
        try:
            conn = sqlite3.connect(f"file:{os.path.join(self.path, name)}?mode=ro&immutable=1", uri=True)
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = 'paths'").fetchone()
            finally:
                conn.close()
            stored = json.loads(row[0]) if row else []
            return not all(os.path.exists(path) for path, _ in stored)
        except (sqlite3.Error, ValueError, TypeError):
            return True

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)
