"""Search candidates two ways over one certfind store: certfind's own `word` table, and an SQLite FTS5 index.

    python benchmarks/fts5_vs_words.py STORE.sqlite3 [--repeats N] [--json]

STORE is a database certfind built in `$XDG_CACHE_HOME/certfind/` (bench.py passes the one of its largest
synthetic catalog). It is opened read-only and never changed; the FTS5 indexes and a rebuilt copy of the
word table are written to a temporary directory and removed afterwards.

Both sides index the same keys: for each entry, the words and stems (`~stem`) that certfind's own indexer
(`search.entry_terms`) gives each search field, computed once from the stored items. FTS5 gets one column
per field (name, topics, issuer, summary; the fifth field, refuted names, is counted and reported) and a
tokenizer that keeps `+` and `~` inside words, so it sees exactly the keys of the word table.

What is timed, for each query, on a fresh connection each time (the OS page cache is warm, SQLite's is
not: what a new certfind process sees), as the median of `--repeats` samples:
- vocabulary: the fuzzy-matched vocabulary, from meta `vocabulary` (own) or the fts5vocab `row` table;
- fuzzy: rapidfuzz over that vocabulary (`Searcher._similar`), which gives the words to look up; the
  same for both sides, so it is timed once;
- postings: (word, entry, field) of every word looked up: `Searcher.postings` (own), the fts5vocab
  `instance` table (FTS5);
- MATCH: FTS5's entry ids alone for the same words (`"w1" OR "w2" ...`), for reference: it does not say
  which word or field matched, which the ranking needs.
Builds are timed from the same precomputed keys: the word table as `store.Builder.finish` writes it
(sorted words, packed postings, the vocabulary in meta), and each FTS5 variant (contentless, with
`detail=column` and with `detail=full`) including its `optimize`.

Standard library apart from certfind (and rapidfuzz, which certfind's search uses).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TypeVar

from certfind import search
from certfind.store import FIELDS, Store, cert_of, decode

QUERIES = ("cataloging", "records management", "library technician", "archivist exam")
DEFAULT_REPEATS = 15
COLUMNS = ("name", "topics", "issuer", "summary")
TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '+~'"
"""Keys arrive already folded by certfind, so the tokenizer must only split on the spaces between them."""
VARIANTS = (("FTS5 detail=column", "column"), ("FTS5 detail=full", "full"))

T = TypeVar("T")


# --- results ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Build:
    label: str
    seconds: float
    file_bytes: int


@dataclass(slots=True)
class QueryResult:
    query: str
    words: int  # index keys looked up (fuzzy matches, stems, synonyms)
    postings: int  # (word, entry, field) triples found
    entries: int  # distinct entries among them
    fuzzy_ms: float
    own_ms: float  # Searcher.postings
    fts_ms: dict[str, float] = field(default_factory=dict)  # instance-table postings, per variant
    match_ms: dict[str, float] = field(default_factory=dict)  # MATCH entry ids, per variant
    same: dict[str, bool] = field(default_factory=dict)  # identical triples (and MATCH ids) per variant


@dataclass(slots=True)
class Report:
    store_path: str
    entries: int
    repeats: int
    store_bytes: int
    word_table_bytes: int  # in the store: the `word` table's pages (dbstat), or -1 when dbstat is missing
    vocabulary_words: int
    refuted_postings: int  # postings of field 4 (refuted names): FTS5 has no column for them
    prepare_seconds: float  # decoding every item and computing its keys: shared by all builds, not counted
    builds: list[Build] = field(default_factory=list)
    vocabulary_ms: dict[str, float] = field(default_factory=dict)
    vocabulary_same: dict[str, bool] = field(default_factory=dict)
    queries: list[QueryResult] = field(default_factory=list)


# --- helpers ------------------------------------------------------------------------------------


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def timed(repeats: int, path: Path, work: Callable[[sqlite3.Connection], T]) -> tuple[float, T]:
    """Median milliseconds of `work` over `repeats` fresh read-only connections (opening not timed)."""
    samples: list[float] = []
    result: T | None = None
    for _ in range(repeats):
        conn = connect(path)
        try:
            start = time.perf_counter()
            result = work(conn)
            samples.append((time.perf_counter() - start) * 1000)
        finally:
            conn.close()
    assert result is not None
    return statistics.median(samples), result


def table_bytes(conn: sqlite3.Connection, name: str) -> int:
    try:
        row = conn.execute("SELECT SUM(pgsize) FROM dbstat WHERE name = ?", (name,)).fetchone()
    except sqlite3.Error:  # SQLite built without SQLITE_ENABLE_DBSTAT_VTAB
        return -1
    return int(row[0] or 0)


def entry_keys(store_path: Path) -> Iterator[tuple[int, list[str]]]:
    """(entry, per search field the space-joined sorted keys), from the stored items."""
    conn = connect(store_path)
    try:
        for n, blob in conn.execute("SELECT n, item FROM entry ORDER BY n"):
            terms = search.entry_terms(cert_of(decode(blob)))
            yield int(n), [" ".join(sorted(keys)) for keys in terms]
    finally:
        conn.close()


# --- building -----------------------------------------------------------------------------------


def build_words(path: Path, keyed: Sequence[tuple[int, list[str]]]) -> float:
    """The word table and vocabulary as `store.Builder` makes them; returns seconds."""
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA page_size=8192;"
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
        "CREATE TABLE word(word TEXT PRIMARY KEY, postings BLOB NOT NULL) WITHOUT ROWID;"
    )
    postings: dict[str, array[int]] = {}
    for n, texts in keyed:
        for f, text in enumerate(texts):
            posting = n * FIELDS + f
            for key in text.split():
                values = postings.get(key)
                if values is None:
                    values = postings[key] = array("I")
                values.append(posting)
    words = sorted(postings)
    alias = search.INDEXER.alias  # a stem key that repeats its word's postings is left out, as the store does
    kept = [w for w in words if (a := alias(w)) is None or a not in postings or postings[a] != postings[w]]
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO word VALUES (?, ?)", ((w, postings[w].tobytes()) for w in kept))
    vocabulary = "\n".join(w for w in words if search.fuzzy_word(w))
    conn.execute("INSERT INTO meta VALUES ('vocabulary', ?)", (vocabulary,))
    conn.commit()
    conn.close()
    return time.perf_counter() - start


def build_fts(path: Path, keyed: Sequence[tuple[int, list[str]]], detail: str) -> float:
    """A contentless FTS5 table over the same keys (one column per field), optimized; returns seconds."""
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.executescript(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA page_size=8192;"
        f"CREATE VIRTUAL TABLE fts USING fts5({', '.join(COLUMNS)}, content='', detail={detail}, "
        f'tokenize="{TOKENIZER}");'
        "CREATE VIRTUAL TABLE fts_row USING fts5vocab(fts, row);"
        "CREATE VIRTUAL TABLE fts_instance USING fts5vocab(fts, instance);"
    )
    conn.execute("BEGIN")
    marks = ", ".join("?" * (len(COLUMNS) + 1))
    conn.executemany(
        f"INSERT INTO fts(rowid, {', '.join(COLUMNS)}) VALUES ({marks})",
        ((n, *texts[: len(COLUMNS)]) for n, texts in keyed),
    )
    conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    conn.commit()
    conn.close()
    return time.perf_counter() - start


# --- querying -----------------------------------------------------------------------------------


def own_vocabulary(conn: sqlite3.Connection) -> list[str]:
    row = conn.execute("SELECT value FROM meta WHERE key = 'vocabulary'").fetchone()
    text = str(row[0]) if row else ""
    return text.split("\n") if text else []


def fts_vocabulary(conn: sqlite3.Connection) -> list[str]:
    return [t for (t,) in conn.execute("SELECT term FROM fts_row") if search.fuzzy_word(t)]


def lookup_words(searcher: search.Searcher, query: str) -> list[str]:
    """The index keys `Searcher._scores` looks up for a query (no place names in these queries)."""
    folded = search.fold(query)
    own = [w for w in dict.fromkeys(folded.split()) if w not in search.STOPWORDS and len(w) > 1]
    words = own + [w for w in dict.fromkeys(search.synonyms(folded)) if w not in own]
    found: list[str] = []
    for word in words:
        if search.fuzzy_word(word):
            found += [token for token, _ in searcher._similar(word)]
            found.append(search.STEM + search.stem(word))
        else:
            found.append(word)
    return list(dict.fromkeys(found))


def own_postings(size: int, words: Sequence[str]) -> Callable[[sqlite3.Connection], dict[str, array[int]]]:
    """`Searcher.postings` itself (the word table, and a left-out stem key read from its word), on a Store
    that skips reading meta (a search has read it already)."""

    def work(conn: sqlite3.Connection) -> dict[str, array[int]]:
        store = object.__new__(Store)
        store.conn, store.size = conn, size
        searcher = object.__new__(search.Searcher)
        searcher.store = store
        return searcher.postings(words)

    return work


def fts_postings(words: Sequence[str]) -> Callable[[sqlite3.Connection], list[tuple[str, int, str]]]:
    marks = ", ".join("?" * len(words))
    sql = f"SELECT term, doc, col FROM fts_instance WHERE term IN ({marks})"

    def work(conn: sqlite3.Connection) -> list[tuple[str, int, str]]:
        return conn.execute(sql, list(words)).fetchall()

    return work


def fts_match(words: Sequence[str]) -> Callable[[sqlite3.Connection], list[int]]:
    expression = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)

    def work(conn: sqlite3.Connection) -> list[int]:
        return [n for (n,) in conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expression,))]

    return work


def triples_of(postings: dict[str, array[int]]) -> set[tuple[str, int, int]]:
    return {(w, *divmod(p, FIELDS)) for w, values in postings.items() for p in values}


# --- the measurement ----------------------------------------------------------------------------


def measure(store_path: Path, repeats: int, progress: Callable[[str], None]) -> Report:
    conn = connect(store_path)
    store = Store(conn, ())
    searcher = search.Searcher(store)
    refuted = sum(
        1
        for (blob,) in conn.execute("SELECT postings FROM word")
        for p in array("I", bytes(blob))
        if p % FIELDS == search.REFUTED
    )
    report = Report(
        store_path=str(store_path),
        entries=store.size,
        repeats=repeats,
        store_bytes=store_path.stat().st_size,
        word_table_bytes=table_bytes(conn, "word"),
        vocabulary_words=len(searcher.vocabulary),
        refuted_postings=refuted,
        prepare_seconds=0.0,
    )
    with tempfile.TemporaryDirectory(prefix="certfind-fts5-") as tmpdir:
        tmp = Path(tmpdir)
        progress(f"fts5: computing the index keys of {store.size:,} stored entries")
        start = time.perf_counter()
        keyed = list(entry_keys(store_path))
        report.prepare_seconds = time.perf_counter() - start

        words_db = tmp / "words.sqlite3"
        progress("fts5: building the word table")
        report.builds.append(Build("own word table", build_words(words_db, keyed), words_db.stat().st_size))
        fts_dbs: dict[str, Path] = {}
        for label, detail in VARIANTS:
            path = fts_dbs[label] = tmp / f"fts-{detail}.sqlite3"
            progress(f"fts5: building {label}")
            report.builds.append(Build(label, build_fts(path, keyed, detail), path.stat().st_size))
        del keyed

        progress("fts5: timing vocabulary loads")
        ms, vocabulary = timed(repeats, store_path, own_vocabulary)
        report.vocabulary_ms["own"] = ms
        for label, path in fts_dbs.items():
            ms, fts_words = timed(repeats, path, fts_vocabulary)
            report.vocabulary_ms[label] = ms
            report.vocabulary_same[label] = fts_words == vocabulary

        for query in QUERIES:
            progress(f"fts5: timing {query!r}")
            samples = []
            for _ in range(repeats):
                start = time.perf_counter()
                words = lookup_words(searcher, query)
                samples.append((time.perf_counter() - start) * 1000)
            own_ms, postings = timed(repeats, store_path, own_postings(store.size, words))
            mine = {t for t in triples_of(postings) if t[2] < len(COLUMNS)}
            result = QueryResult(
                query=query,
                words=len(words),
                postings=len(mine),
                entries=len({n for _, n, _ in mine}),
                fuzzy_ms=statistics.median(samples),
                own_ms=own_ms,
            )
            for label, path in fts_dbs.items():
                ms, rows = timed(repeats, path, fts_postings(words))
                result.fts_ms[label] = ms
                theirs = {(t, int(n), COLUMNS.index(c)) for t, n, c in rows}
                ms, ids = timed(repeats, path, fts_match(words))
                result.match_ms[label] = ms
                result.same[label] = theirs == mine and set(ids) == {n for _, n, _ in mine}
            report.queries.append(result)
    conn.close()
    return report


# --- report -------------------------------------------------------------------------------------


def markdown(report: Report) -> list[str]:
    """The comparison as Markdown lines (bench.py includes them in its report)."""
    labels = [label for label, _ in VARIANTS]
    out = [
        f"Over the store of {report.entries:,} entries ({report.store_bytes / 2**20:.1f} MiB; its `word` table "
        + (f"{report.word_table_bytes / 2**20:.1f} MiB" if report.word_table_bytes >= 0 else "size unknown")
        + f"; {report.vocabulary_words:,} fuzzy-matched words). Both sides index the same keys (words and stems "
        f"per field, from `search.entry_terms`); computing them from the stored items took "
        f"{report.prepare_seconds:.1f} s, shared and not counted below. Times: median of {report.repeats} "
        "samples, each on a fresh read-only connection (warm OS cache, cold SQLite cache).\n",
        "| build (same keys) | seconds | file MiB |",
        "|---|--:|--:|",
    ]
    out += [f"| {b.label} | {b.seconds:.2f} | {b.file_bytes / 2**20:.1f} |" for b in report.builds]
    out.append("")
    head = " | ".join([f"{label} postings ms | {label} MATCH ms" for label in labels])
    out.append(f"| query | keys looked up | postings | entries | fuzzy ms (shared) | own postings ms | {head} | same |")
    out.append("|---|--:|--:|--:|--:|--:|" + "--:|--:|" * len(labels) + "---|")
    vocab = " | ".join(f"{report.vocabulary_ms[label]:.2f} | -" for label in labels)
    out.append(
        f"| *(vocabulary load)* | - | - | - | - | {report.vocabulary_ms['own']:.2f} | {vocab} | "
        f"{'yes' if all(report.vocabulary_same.values()) else 'NO'} |"
    )
    for q in report.queries:
        cells = " | ".join(f"{q.fts_ms[label]:.2f} | {q.match_ms[label]:.2f}" for label in labels)
        out.append(
            f"| `{q.query}` | {q.words} | {q.postings:,} | {q.entries:,} | {q.fuzzy_ms:.2f} | {q.own_ms:.2f} | "
            f"{cells} | {'yes' if all(q.same.values()) else 'NO'} |"
        )
    out.append("")
    out.append(
        "postings: every (word, entry, field) of the keys looked up: `Searcher.postings` (own) or the fts5vocab "
        "`instance` table (FTS5). MATCH: FTS5's entry ids alone for the same keys, which lack the word and field "
        "the ranking needs. same: both sides found identical triples (and MATCH the same entries); vocabulary: "
        "the fts5vocab `row` table gives the same words as meta `vocabulary`."
        + (
            f" The {report.refuted_postings:,} postings of refuted names (field 4) have no FTS5 column and are "
            "left out of the comparison."
            if report.refuted_postings
            else ""
        )
        + "\n"
    )
    own_size = next(b.file_bytes for b in report.builds if b.label == "own word table")
    own_build = next(b.seconds for b in report.builds if b.label == "own word table")
    own_total = sum(q.own_ms for q in report.queries)
    for label in labels:
        fts_total = sum(q.fts_ms[label] for q in report.queries)
        match_total = sum(q.match_ms[label] for q in report.queries)
        build = next(b for b in report.builds if b.label == label)
        out.append(
            f"- {label}: postings of the {len(report.queries)} queries {fts_total:.1f} ms vs {own_total:.1f} ms own "
            f"({fts_total / own_total:.1f}x; MATCH alone {match_total:.1f} ms, {match_total / own_total:.1f}x); "
            f"vocabulary {report.vocabulary_ms[label]:.1f} ms vs {report.vocabulary_ms['own']:.2f} ms; "
            f"build {build.seconds:.2f} s vs {own_build:.2f} s; size {build.file_bytes / own_size:.2f}x the word table"
        )
    out.append("")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("store", type=Path, help="a certfind store (.sqlite3) from $XDG_CACHE_HOME/certfind")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS, help="samples per timing (median)")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON instead of Markdown")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if not args.store.is_file():
        parser.error(f"no such file: {args.store}")

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    report = measure(args.store, args.repeats, progress)
    if args.json:
        json.dump(asdict(report), sys.stdout)
        sys.stdout.write("\n")
    else:
        print("\n".join(markdown(report)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
