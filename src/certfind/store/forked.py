"""A store built by a second process while this one reads and checks the YAML (big catalogs, Linux).

ForkedBuilder has Builder's calls; it forks a child that carries them out as they arrive through a pipe,
framed in `marshal`'s format (plain data, read by the same Python). When the child falls behind, this
process prepares part of each batch itself and the child only stores those. The child only ever writes the
new database at `path`; the caller decides, as for any build, whether it is kept. Deleting this module
leaves every build to Builder in one process, which is also what any failure here falls back to.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import marshal
import os
import signal
import sqlite3
import sys
import termios
from array import array
from collections.abc import Sequence

from certfind.errors import Problem
from certfind.model import Record
from certfind.store.build import Builder, Prepared, prepare
from certfind.store.cachedir import Source
from certfind.store.layout import Indexer, Lookalike, Merged


class WorkerFailed(Exception):
    """The process building a store in parallel stopped before it finished; the catalog is read again."""


PARALLEL_BYTES = 1024 * 1024
"""Catalog files this large together (about 1,500 entries) are stored by a second process while this one
reads them; below it the whole build takes a fraction of a second (docs/performance.md)."""


def wanted(sources: Sequence[Source], threshold: int | None = None) -> bool:
    """Whether to store the catalog from a second process while this one reads it: for files this large
    (PARALLEL_BYTES) together, on Linux (where fork without exec is safe and tested), when this process may
    use two CPUs."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        size = sum(os.stat(src.path).st_size for src in sources)
    except OSError:
        return False
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return size >= (PARALLEL_BYTES if threshold is None else threshold) and cpus > 1


_ADD, _RESERVE, _FINISH, _PUT = 0, 1, 2, 3


class ForkedBuilder:
    """A Builder in a child process, with the same calls, fed through a pipe: while this process reads and
    checks the YAML, the child indexes, compresses and writes the entries it has been handed. When the child
    falls behind, this process prepares part of the entries itself (`_balance`), and the child only stores
    those. The child only ever writes the new database at `path`; this process decides, as for any build,
    whether it is kept."""

    BATCH = 256
    """Calls sent at a time: enough to make each pipe write worth it, few enough to keep the child busy."""
    SHARE_STEP = 1 / 32
    """How much the share of entries this process prepares moves at each batch, until it settles where the
    two processes' speeds meet."""
    PIPE_BYTES = 1 << 20
    """Room for a few frames, so that one still unread shows the child is behind (Linux's default, 64 KiB,
    holds less than one)."""

    def __init__(self, path: str, indexer: Indexer) -> None:
        try:
            read_fd, write_fd = os.pipe()
        except OSError as exc:
            raise WorkerFailed(f"no pipe for the store's builder: {exc}") from None
        try:
            pid = os.fork()
        except OSError as exc:  # out of processes or memory: the caller builds in this process
            os.close(read_fd)
            os.close(write_fd)
            raise WorkerFailed(f"cannot start the store's builder: {exc}") from None
        if pid == 0:  # the child: build, and leave without running anything this process set up
            code = 1
            try:
                os.close(write_fd)
                gc.disable()  # the child's own: its objects (rows, postings) never refer back to each other
                code = _serve(path, indexer, read_fd)
            finally:
                os._exit(code)
        os.close(read_fd)
        with contextlib.suppress(OSError, AttributeError):  # where it cannot grow, the pipe holds less
            fcntl.fcntl(write_fd, fcntl.F_SETPIPE_SZ, self.PIPE_BYTES)
        self.path, self.pid = path, pid
        self.pipe = os.fdopen(write_fd, "wb", buffering=1 << 16)
        self.calls: list[tuple[object, ...]] = []
        self.size = 0
        self.indexer = indexer
        self.share = 0.0  # of each batch's entries, the part this process prepares (`_balance`)

    def reserve(self) -> int:
        self._call(_RESERVE)
        self.size += 1
        return self.size - 1

    def add(self, rec: Record, origin: str, at: int | None = None, lookalike: Lookalike | None = None) -> int:
        self._call(_ADD, rec, origin, at, None if lookalike is None else tuple(lookalike))
        if at is not None:
            return at
        self.size += 1
        return self.size - 1

    def finish(self, key: str, sources: Sequence[Source], merged: Merged) -> sqlite3.Connection:
        """Hand over the last calls and wait for the child to write everything (WorkerFailed if it could not);
        returns a read-only connection to what it wrote."""
        warnings = [tuple(p) for p in merged.warnings]
        self._call(_FINISH, key, [tuple(s) for s in sources], warnings, list(merged.replaced))
        self._send()
        with contextlib.suppress(OSError):
            self.pipe.close()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if os.waitstatus_to_exitcode(status) != 0:
            raise WorkerFailed(f"the store's builder exited with status {os.waitstatus_to_exitcode(status)}")
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    def abort(self) -> None:
        """Stop the child, whatever it is doing (the database it was writing is discarded by the caller)."""
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                self.pipe.close()
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = 0

    def _call(self, *call: object) -> None:
        self.calls.append(call)
        if len(self.calls) >= self.BATCH:
            self._send()

    def _send(self) -> None:
        """One frame: its length, then the calls in `marshal`'s format (plain data, read by the same Python;
        version 4 sends an object that recurs in a frame once, such as the records' shared key strings)."""
        self._balance()
        frame = marshal.dumps(self.calls, 4)
        try:
            self.pipe.write(len(frame).to_bytes(8, "little"))
            self.pipe.write(frame)
            self.pipe.flush()  # all of it: the child can only begin on calls once it has the last byte
        except OSError as exc:  # the child is gone (a broken pipe): it says why when it is waited for
            raise WorkerFailed(f"the store's builder went away: {exc}") from None
        self.calls = []

    def _balance(self) -> None:
        """Share the work: a frame still unread in the pipe means the child is behind, so this process
        prepares a larger part of each batch's entries itself (the child then only stores them); an empty
        pipe means it keeps up, so a smaller part. The share settles where both processes are busy."""
        unread = self._unread()
        step = self.SHARE_STEP
        self.share = min(1.0, self.share + step) if unread else max(0.0, self.share - step)
        count = round(self.share * len(self.calls))
        for i, call in enumerate(self.calls):
            if count <= 0:
                break
            if call[0] == _ADD:
                _, rec, origin, at, lookalike = call
                similar = None if lookalike is None else Lookalike(*lookalike)  # type: ignore[misc]
                entry = prepare(rec, origin, self.indexer, similar)  # type: ignore[arg-type]
                self.calls[i] = (_PUT, tuple(entry), at)
                count -= 1

    def _unread(self) -> int:
        """Bytes written to the pipe that the child has not read yet (0 where that cannot be asked)."""

        count = array("i", [0])
        try:
            fcntl.ioctl(self.pipe.fileno(), termios.FIONREAD, count, True)
        except OSError:
            return 0
        return count[0]


def _serve(path: str, indexer: Indexer, read_fd: int) -> int:
    """The child's side of ForkedBuilder: carry out the calls as they come; 0 once the store is written."""
    conn = sqlite3.connect(path)
    try:
        builder = Builder(conn, indexer)
        with os.fdopen(read_fd, "rb", buffering=1 << 16) as pipe:
            while True:
                size = int.from_bytes(pipe.read(8), "little")
                frame = pipe.read(size)
                if not size or len(frame) != size:
                    return 1  # the reader went away mid-way: there is nothing to finish
                for call in marshal.loads(frame):
                    if call[0] == _ADD:
                        rec, origin, at, lookalike = call[1:]
                        builder.add(rec, origin, at, None if lookalike is None else Lookalike(*lookalike))
                    elif call[0] == _PUT:
                        builder.put(Prepared(*call[1]), call[2])
                    elif call[0] == _RESERVE:
                        builder.reserve()
                    else:
                        key, sources, warnings, replaced = call[1:]
                        merged = Merged([Problem(*p) for p in warnings], list(replaced))
                        builder.finish(key, [Source(*s) for s in sources], merged)
                        return 0
    finally:
        conn.close()
