"""The store: used warm and cold alike, private to the user, and trusted only when nobody else could
have written it. Each defect the adversarial review found is reproduced here."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import resource
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from certfind import catalog as catalog_module
from certfind import catalogfile, paths, places, store
from certfind.catalogfile.schema import Located
from certfind.search import INDEXER
from certfind.store import build, cachedir, codec, forked, layout
from certfind.store.cachedir import Source
from tests.support import CERTFIND, VALID_ENTRY, WriteCatalog, age, catalog_text, cli, proc_env, run_certfind


@pytest.fixture(autouse=True)
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Catalogs written by a test are seconds old; let them be kept at once."""
    monkeypatch.setattr(cachedir, "RACY_NS", 0)


def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "certfind"


def databases(tmp_path: Path) -> list[Path]:
    root = cache_dir(tmp_path)
    return sorted(root.glob("*.sqlite3")) if root.exists() else []


def only_database(tmp_path: Path) -> Path:
    (found,) = databases(tmp_path)
    return found


def temporary_files(tmp_path: Path) -> list[Path]:
    """Databases being built, or left behind by a build that did not finish."""
    return sorted(p for p in cache_dir(tmp_path).iterdir() if p.name.startswith(".build-"))


def refuse_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the YAML was parsed although the store is fresh")

    monkeypatch.setattr("certfind.catalogfile.yamlread.parse", refuse)


# --- used, and fresh ---------------------------------------------------------------------------------


def test_a_warm_run_reads_no_yaml(tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_catalog(catalog_text())
    cold = cli("--catalog", path, "search", "demo")
    assert (cold.code, cold.err) == (0, "")
    only_database(tmp_path)
    refuse_yaml(monkeypatch)
    assert cli("--catalog", path, "search", "demo") == cold
    shown = cli("--catalog", path, "show", "DEMO", "-f", "json")
    assert json.loads(shown.out)["id"] == "demo"


def test_an_edit_of_the_same_size_is_seen_at_once(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    assert "Demo Certification" in cli("--catalog", path, "list").out
    write_catalog(catalog_text().replace("Demo Certification", "Dumo Certification"))
    run = cli("--catalog", path, "list")
    assert run.out.startswith("demo\tDumo Certification (DEMO)\t")
    only_database(tmp_path)


def test_a_catalog_edited_within_the_clock_tick_is_not_kept(
    tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cachedir, "RACY_NS", 2_000_000_000)
    path = write_catalog(catalog_text())
    assert cli("--catalog", path, "list").code == 0
    assert databases(tmp_path) == []  # built in memory: a second edit in the same tick could hide
    age(path)
    assert cli("--catalog", path, "list").code == 0
    only_database(tmp_path)


def test_a_store_of_another_format_is_rebuilt(write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_catalog(catalog_text())
    expected = cli("--catalog", path, "list")
    monkeypatch.setattr(store, "FORMAT", store.FORMAT + 1)
    parsed: list[str] = []
    real = catalogfile.parse_file

    def counting(p: str, sink: Callable[[Located], None]) -> catalogfile.Checked:
        parsed.append(p)
        return real(p, sink)

    monkeypatch.setattr(catalogfile, "parse_file", counting)
    assert cli("--catalog", path, "list") == expected
    assert parsed == [path]


def test_the_bundled_catalog_and_a_users_file_share_one_database(tmp_path: Path) -> None:
    user = tmp_path / "config" / "certfind" / "certifications.yaml"
    user.parent.mkdir(parents=True)
    user.write_text(catalog_text(), encoding="utf-8")
    age(user)
    first = cli("list", "--origin")
    assert first.code == 0, first.err
    assert cli("list", "--origin") == first
    only_database(tmp_path)


def test_the_index_holds_each_entrys_words_and_families_in_its_place(tmp_path: Path) -> None:
    """The search index, by its definition: each entry's terms per field (its words and their families) in
    the entry's place, a user's replacement in the bundled entry's place; and per term how many entries use it."""
    user = tmp_path / "config" / "certfind" / "certifications.yaml"
    user.parent.mkdir(parents=True)
    replacing = VALID_ENTRY.replace("id: demo", "id: lssc").replace(
        "Demo Certification", "Managers Managing Management"
    )
    new = VALID_ENTRY.replace("Demo Certification", "Cataloguing Manager").replace("DEMO", "CATM")
    user.write_text(catalog_text(replacing, new), encoding="utf-8")
    cat = catalog_module.load()
    ids = {cat.entry(n).cert.id: n for n in range(len(cat))}
    assert cat.replaced == ["lssc"]
    assert ids["lssc"] < ids["demo"] - 1  # the replacement kept the bundled entry's place
    rows = cat.store.query("SELECT rowid, name, topics, issuer, summary, refuted, context FROM entry_text")
    stored = {n: [set(text.split()) for text in fields] for n, *fields in rows}
    counts: dict[str, int] = {}
    for n in range(len(cat)):
        words, _ = INDEXER.entry(cat.entry(n).cert)
        terms = [field | {INDEXER.stem(word) for word in field} for field in words]
        assert stored[n] == terms, cat.entry(n).cert.id
        for term in set().union(*terms):
            counts[term] = counts.get(term, 0) + 1
    assert "~manag" in stored[ids["lssc"]][0]
    assert dict(cat.store.query("SELECT word, entries FROM word")) == counts


# --- private, whatever the umask ---------------------------------------------------------------------


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("umask_000")
def test_directory_0700_and_database_0600_under_umask_000(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    assert cli("--catalog", path, "list").code == 0
    assert stat.S_IMODE(cache_dir(tmp_path).stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    assert stat.S_IMODE(only_database(tmp_path).stat().st_mode) == 0o600


def test_certfind_never_creates_a_home_that_does_not_exist(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    missing = tmp_path / "no-such-home"
    run = cli("--catalog", path, "list", env={"HOME": str(missing), "XDG_CACHE_HOME": ""})
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith("demo\t")
    assert not missing.exists()


# --- trusted only when nobody else could have written it ---------------------------------------------


def forge(database: Path) -> None:
    """What an attacker with write access would do: LSSC made discontinued, with their own URL."""
    conn = sqlite3.connect(database)
    try:
        rows = conn.execute("SELECT n, item FROM entry").fetchall()
        for n, blob in rows:
            item = json.loads(blob)
            item["status"] = "discontinued"
            item["issuer_url"] = "https://attacker.example/"
            data = codec.encode_item(item)
            conn.execute("UPDATE entry SET item = ?, crc = ? WHERE n = ?", (data, codec.checksum(data), n))
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize("opened", ["directory", "database"])
def test_a_cache_writable_by_others_is_never_read_nor_written(
    tmp_path: Path, write_catalog: WriteCatalog, opened: str
) -> None:
    path = write_catalog(catalog_text())
    expected = cli("--catalog", path, "show", "demo", "-f", "json")
    database = only_database(tmp_path)
    forge(database)
    target = cache_dir(tmp_path) if opened == "directory" else database
    target.chmod(stat.S_IMODE(target.stat().st_mode) | 0o022)
    before = database.read_bytes()
    run = cli("--catalog", path, "show", "demo", "-f", "json")
    assert run.out == expected.out  # the forged record is not believed
    assert json.loads(run.out)["status"] == "unknown"  # the file gives none; the forged store said discontinued
    named = str(target) if opened == "directory" else f"file {database.name}"
    assert run.err == f"certfind: not using the cache {named}: it is writable by others\n"
    if opened == "directory":
        assert database.read_bytes() == before  # nor written
    assert run.err.count("\n") == 1  # said once


def test_a_cache_directory_of_another_user_is_refused(
    tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_catalog(catalog_text())
    expected = cli("--catalog", path, "list")
    monkeypatch.setattr(os, "geteuid", lambda: os.getuid() + 4242)  # as if the files were someone else's
    run = cli("--catalog", path, "list")
    assert run.out == expected.out
    assert run.err == f"certfind: not using the cache {cache_dir(tmp_path)}: it is owned by another user\n"


def test_a_symlink_at_the_cache_directory_is_not_followed(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    elsewhere = tmp_path / "attacker"
    elsewhere.mkdir()
    (tmp_path / "cache").mkdir()
    cache_dir(tmp_path).symlink_to(elsewhere)
    path = write_catalog(catalog_text())
    run = cli("--catalog", path, "list")
    assert run.code == 0
    assert run.out.startswith("demo\t")
    link = "it is a symbolic link, which certfind does not follow"
    assert run.err == f"certfind: not using the cache {cache_dir(tmp_path)}: {link}\n"
    assert list(elsewhere.iterdir()) == []
    cache_dir(tmp_path).unlink()
    cache_dir(tmp_path).write_text("a file", encoding="utf-8")
    run = cli("--catalog", path, "list")
    assert (run.code, run.err) == (0, f"certfind: not using the cache {cache_dir(tmp_path)}: it is not a directory\n")


def test_a_symlink_at_the_database_name_is_replaced_not_followed(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    assert cli("--catalog", path, "list").code == 0
    database = only_database(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    database.unlink()
    database.symlink_to(victim)
    run = cli("--catalog", path, "list")
    assert (run.code, run.err) == (0, "")
    assert victim.read_text(encoding="utf-8") == "precious"  # never truncated nor read as a database
    assert not database.is_symlink()  # a fresh database was renamed over the planted link


def test_a_symlink_at_a_temporary_name_is_never_followed(
    tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkstemp names are unpredictable; even if one were guessed, O_EXCL refuses the planted link."""
    names = iter(["guessed", "guessed", "fresh"])
    monkeypatch.setattr(tempfile, "_get_candidate_names", lambda: names)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    cache_dir(tmp_path).mkdir(parents=True, mode=0o700)
    (cache_dir(tmp_path) / ".build-guessed.tmp").symlink_to(victim)
    path = write_catalog(catalog_text())
    run = cli("--catalog", path, "list")
    assert (run.code, run.err) == (0, "")
    assert victim.read_text(encoding="utf-8") == "precious"
    only_database(tmp_path)


# --- never a traceback, never a hang ---------------------------------------------------------------


def test_a_damaged_database_is_ignored_and_rebuilt(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    expected = cli("--catalog", path, "show", "demo")
    database = only_database(tmp_path)
    good = database.read_bytes()
    for garbage in (b"", b"SQLite format 3\x00" + b"\xff" * 200, os.urandom(8192), good[: len(good) // 2]):
        database.write_bytes(garbage)
        assert cli("--catalog", path, "show", "demo") == expected
        assert cli("--catalog", path, "search", "demo").code == 0


def test_a_damaged_item_is_repaired_so_the_second_run_after_is_warm_again(
    tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sound database with one bad item: the run that finds it rebuilds the store and keeps the new one,
    so the run after it reads no YAML at all (a store is never rebuilt in memory run after run)."""
    path = write_catalog(many_entries(10))
    expected = cli("--catalog", path, "list", "--format", "json")
    database = only_database(tmp_path)
    conn = sqlite3.connect(database)
    conn.execute("UPDATE entry SET item = X'00112233' WHERE n = 5")
    conn.commit()
    conn.close()
    age(database)
    assert cli("--catalog", path, "list", "--format", "json") == expected  # finds the damage, repairs it
    refuse_yaml(monkeypatch)
    assert cli("--catalog", path, "list", "--format", "json") == expected  # warm again
    assert cli("--catalog", path, "show", "demo-00005", "-f", "json").code == 0


def test_a_record_that_decodes_but_is_malformed_is_rebuilt_not_a_traceback(
    tmp_path: Path, write_catalog: WriteCatalog
) -> None:
    path = write_catalog(catalog_text())
    expected = cli("--catalog", path, "list", "--format", "json")
    conn = sqlite3.connect(only_database(tmp_path))
    conn.execute("UPDATE entry SET item = ?, crc = ?", (b'{"id": 7}', codec.checksum(b'{"id": 7}')))
    conn.commit()
    conn.close()
    for args in (["list", "--format", "json"], ["list"], ["show", "demo"], ["search", "demo"]):
        run = cli("--catalog", path, *args)
        assert run.code == 0, (args, run)
        assert "Traceback" not in run.err
    assert cli("--catalog", path, "list", "--format", "json") == expected


def test_a_store_damaged_midway_through_a_listing_prints_nothing_twice(
    tmp_path: Path, write_catalog: WriteCatalog
) -> None:
    entries = "".join(VALID_ENTRY.replace("id: demo", f"id: demo-{i:03d}") for i in range(700))
    path = write_catalog(catalog_text(entries))
    expected = cli("--catalog", path, "list", "--format", "json")
    conn = sqlite3.connect(only_database(tmp_path))
    conn.execute("UPDATE entry SET item = x'00' WHERE id = 'demo-600'")  # past the first batch
    conn.commit()
    conn.close()
    assert cli("--catalog", path, "list", "--format", "json") == expected


def run_process(tmp_path: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "certfind", *args],
        capture_output=True,
        text=True,
        env=proc_env(tmp_path),
        cwd=tmp_path,
        timeout=timeout,
        check=False,
    )


def test_a_fifo_at_the_database_path_never_hangs(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    age(path)
    first = run_process(tmp_path, "--catalog", path, "list")
    assert first.returncode == 0, first.stderr
    database = only_database(tmp_path)
    database.unlink()
    os.mkfifo(database, 0o600)
    for _ in range(2):  # the first run replaces the FIFO; the second reads what it wrote
        run = run_process(tmp_path, "--catalog", path, "list", timeout=30)
        assert (run.returncode, run.stdout, run.stderr) == (0, first.stdout, "")
    assert stat.S_ISREG(database.stat().st_mode)


def test_a_catalog_replaced_during_a_cold_run_is_never_kept(
    tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_catalog(catalog_text())
    real = catalogfile.parse_file

    def parse_then_replace(p: str, sink: Callable[[Located], None]) -> catalogfile.Checked:
        found = real(p, sink)
        replacement = Path(p).with_suffix(".new")
        replacement.write_text(catalog_text().replace("Demo Certification", "Replaced Certification"), "utf-8")
        os.replace(replacement, p)  # another program saves the file while certfind is still reading
        return found

    monkeypatch.setattr(catalogfile, "parse_file", parse_then_replace)
    during = cli("--catalog", path, "list")
    assert during.out.startswith("demo\tDemo Certification (DEMO)\t")  # what was read, for this run
    assert databases(tmp_path) == []  # but never kept under the new file's key
    monkeypatch.setattr(catalogfile, "parse_file", real)
    after = cli("--catalog", path, "list")
    assert after.out.startswith("demo\tReplaced Certification (DEMO)\t")


def test_eight_concurrent_cold_runs(tmp_path: Path) -> None:
    path = tmp_path / "catalog.yaml"
    path.write_text(catalog_text(*(VALID_ENTRY.replace("id: demo", f"id: demo-{i}") for i in range(300))), "utf-8")
    age(path)
    env = proc_env(tmp_path)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "certfind", "--catalog", str(path), "list", "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        for _ in range(8)
    ]
    outputs = [proc.communicate(timeout=120) for proc in runs]
    assert [proc.returncode for proc in runs] == [0] * 8
    assert {err for _, err in outputs} == {""}
    assert len({out for out, _ in outputs}) == 1
    assert len(json.loads(outputs[0][0])) == 300
    assert len(databases(tmp_path)) == 1
    assert temporary_files(tmp_path) == []


def test_leftovers_and_the_stores_of_deleted_catalogs_are_pruned(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    hour_ago = time.time() - 2 * cachedir.STALE_TEMP_SECONDS
    gone = write_catalog(catalog_text(), "gone.yaml")
    assert cli("--catalog", gone, "list").code == 0
    old_store = only_database(tmp_path)
    os.utime(old_store, (hour_ago, hour_ago))
    Path(gone).unlink()
    saving = write_catalog(catalog_text(), "saving.yaml")  # an editor's save: gone for a moment
    assert cli("--catalog", saving, "list").code == 0
    saving_store = next(p for p in databases(tmp_path) if p != old_store)
    Path(saving).unlink()
    leftover = cache_dir(tmp_path) / ".build-crashed.tmp"
    leftover.write_bytes(b"half a database")
    os.utime(leftover, (hour_ago, hour_ago))
    recent = cache_dir(tmp_path) / ".build-running.tmp"
    recent.write_bytes(b"another run is building this")
    old_cache = cache_dir(tmp_path) / "0123456789abcdef.idx"  # the first version's cache format
    old_cache.write_bytes(b"certfind-cache")
    kept = write_catalog(catalog_text(), "kept.yaml")
    assert cli("--catalog", kept, "list").code == 0  # a cold run prunes
    left = {p.name for p in cache_dir(tmp_path).iterdir()}
    assert old_store.name not in left
    assert saving_store.name in left  # its catalog may be back in a moment
    assert leftover.name not in left
    assert old_cache.name not in left
    assert recent.name in left  # may still be in use


def test_a_warm_run_removes_what_a_killed_build_left(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    assert cli("--catalog", path, "list").code == 0
    leftover = cache_dir(tmp_path) / ".build-killed.tmp"
    leftover.write_bytes(b"27 MB at 100,000 entries")
    hour_ago = time.time() - 2 * cachedir.STALE_TEMP_SECONDS
    os.utime(leftover, (hour_ago, hour_ago))
    run = cli("--catalog", path, "list")
    assert (run.code, run.err) == (0, "")
    assert not leftover.exists()


def test_a_store_of_a_relative_path_is_not_pruned_from_another_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hour_ago = time.time() - 2 * cachedir.STALE_TEMP_SECONDS
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.yaml").write_text(catalog_text(), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "a")
    assert cli("--catalog", "a.yaml", "list").code == 0
    a_store = only_database(tmp_path)
    os.utime(a_store, (hour_ago, hour_ago))
    monkeypatch.chdir(tmp_path / "b")
    assert cli("--catalog", "b.yaml", "list").code == 0  # prunes: a.yaml is not in this directory
    assert a_store.exists()


def test_a_catalog_dated_in_the_future_is_still_stored(
    tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cachedir, "RACY_NS", 2_000_000_000)  # the real window, which a fresh file is in
    fresh = write_catalog(catalog_text(), "fresh.yaml")
    assert cli("--catalog", fresh, "list").code == 0
    assert databases(tmp_path) == []  # just written: a second edit within the tick could hide
    path = write_catalog(catalog_text())
    future = time.time() + 3 * 365 * 24 * 3600  # `touch -d 2030-01-01`, a clock set wrong
    os.utime(path, (future, future))
    assert cli("--catalog", path, "list").code == 0
    assert len(databases(tmp_path)) == 1


def test_an_unwritable_cache_directory_builds_in_memory(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    cache_dir(tmp_path).mkdir(parents=True, mode=0o500)
    path = write_catalog(catalog_text())
    run = cli("--catalog", path, "list")
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith("demo\t")


@pytest.mark.parametrize(
    "command", [["list"], ["search", "cataloging"], ["show", "lssc"], ["plan", "lssc", "--earned", "2024-01-01"]]
)
def test_a_store_that_cannot_be_written_never_crashes(tmp_path: Path, command: list[str]) -> None:
    """A full disk, a quota or `ulimit -f` while the bundled catalog is stored (reliability review R4)."""

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    run = subprocess.run(
        [*CERTFIND, *command, "--format", "plain"],
        capture_output=True,
        text=True,
        env=proc_env(tmp_path),
        preexec_fn=small_files,
        timeout=60,
        check=False,
    )
    assert (run.returncode, run.stdout != "") == (0, True), run.stderr
    note, *others = run.stderr.splitlines()
    assert note.startswith("certfind: the catalog could not be cached (")
    assert note.endswith("); it is read from its file on each run")
    assert not [line for line in others if "could not be cached" in line or "Traceback" in line]
    assert temporary_files(tmp_path) == []  # the partial database is removed


def test_many_region_values_are_one_query_not_a_crash() -> None:
    """About 150 or more `--region` values made SQLite refuse the statement, which was taken for damage (R5)."""
    codes = sorted(code for code in places.names() if "-" not in code)[:200]
    args = [arg for code in codes for arg in ("--region", code)]
    listed = cli("list", *args, "--format", "plain")
    assert listed.code == 0
    assert "\nlssc\t" in "\n" + listed.out
    read_as = "certfind: read --region "  # codes that are both a country and a US state (CA, AL ...) say so
    assert all(line.startswith((read_as, "note: also matched")) for line in listed.err.splitlines()), listed.err
    searched = cli("search", "library", *args, "--format", "plain")
    assert searched.code == 0
    assert all(line.startswith((read_as, "note: ")) for line in searched.err.splitlines()), searched.err


def test_a_store_truncated_while_it_is_read_is_rebuilt_not_a_crash(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    """Another program (a cleaner, VACUUM) truncates the store mid-listing: certfind reads it without a memory
    map, so the worst is a store found damaged, replaced, and the listing goes on (R6: was SIGBUS)."""
    path = write_catalog(many_entries(3000))
    age(path)
    assert run_certfind(tmp_path, "--catalog", path, "list", "--format", "plain").returncode == 0
    database = only_database(tmp_path)
    reader = subprocess.Popen(
        [*CERTFIND, "--catalog", path, "list", "--format", "plain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=proc_env(tmp_path),
    )
    assert reader.stdout is not None
    first = [reader.stdout.readline() for _ in range(50)]
    os.truncate(database, 8192)
    rest = reader.stdout.read()  # through the same buffer as the lines above
    assert reader.stderr is not None
    err = reader.stderr.read()
    reader.wait(timeout=120)
    lines = first + rest.splitlines(keepends=True)
    assert (reader.returncode, err) == (0, "")
    assert len(lines) == 3000
    assert len(set(lines)) == 3000  # nothing twice, nothing lost


# --- a big catalog is stored by a second process ---------------------------------------------------


def many_entries(count: int) -> str:
    return catalog_text(*(VALID_ENTRY.replace("id: demo", f"id: demo-{i:05d}") for i in range(count)))


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every catalog counts as big, and each ForkedBuilder started is recorded (by the path it writes)."""
    if not forked.wanted([Source(str(paths.bundled_catalog()), "bundled")], threshold=0):
        pytest.skip("no second CPU or no fork here")
    monkeypatch.setattr(forked, "PARALLEL_BYTES", 0)
    started: list[str] = []
    real = forked.ForkedBuilder.__init__

    def record(self: forked.ForkedBuilder, path: str, indexer: store.Indexer) -> None:
        started.append(path)
        real(self, path, indexer)

    monkeypatch.setattr(forked.ForkedBuilder, "__init__", record)
    return started


def child_falls_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipe always has something unread, so this process's share grows by halves: half of the first
    batch's entries, then all of each."""
    monkeypatch.setattr(forked.ForkedBuilder, "SHARE_STEP", 0.5)
    monkeypatch.setattr(forked.ForkedBuilder, "_unread", lambda _self: 1)


@pytest.mark.parametrize("child", ["keeps up", "falls behind"])
def test_a_store_built_by_a_second_process_is_the_one_this_process_would_build(
    tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch, forks: list[str], child: str
) -> None:
    """Whichever process prepares each entry: a child that falls behind leaves more of them to this one."""
    monkeypatch.setattr(forked.ForkedBuilder, "BATCH", 8)
    if child == "falls behind":
        child_falls_behind(monkeypatch)
    text = many_entries(40).replace("id: demo-00007\n", "id: demo-00007\n    region: [US-TX, CA-ON]\n")
    path = write_catalog(text)
    commands = (
        ["list", "--format", "json"],
        ["search", "demo"],
        ["list", "--region", "US-TX", "--region-only"],
        ["show", "demo-00007"],
        ["search", "cataloging", "--limit", "50", "--format", "plain"],  # found by a topic: every entry's words
    )
    cold = cli("--catalog", path, *commands[0])
    assert (cold.code, cold.err, len(forks)) == (0, "", 1)
    database = only_database(tmp_path)
    from_child = [cli("--catalog", path, *args) for args in commands]  # warm, from what the child wrote
    database.unlink()
    monkeypatch.setattr(forked, "PARALLEL_BYTES", 1 << 62)
    alone = [cli("--catalog", path, *args) for args in commands]  # rebuilt by this process only
    assert len(forks) == 1
    assert from_child == alone
    assert from_child[0] == cold
    assert [run.code for run in from_child] == [0, 0, 0, 0, 0]
    assert len(from_child[4].out.splitlines()) == 40
    assert from_child[2].out.startswith("demo-00007\t")  # the place tables came across too
    assert "US-TX" in from_child[3].out


def test_a_users_entries_stored_by_a_second_process_that_falls_behind_take_their_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[str]
) -> None:
    """The bundled catalog and a user's file that replaces a bundled entry (in its place) and adds one, with
    this process preparing entries for the child: the same answers as a build by this process alone."""
    monkeypatch.setattr(forked.ForkedBuilder, "BATCH", 8)
    child_falls_behind(monkeypatch)
    user = tmp_path / "config" / "certfind" / "certifications.yaml"
    user.parent.mkdir(parents=True)
    replacing = VALID_ENTRY.replace("id: demo", "id: lssc").replace("Demo Certification", "My Own Support Staff")
    user.write_text(catalog_text(VALID_ENTRY, replacing), encoding="utf-8")  # the new entry first
    age(user)
    commands = (
        ["list", "--origin", "--format", "json"],
        ["search", "small entry for tests", "--format", "plain"],  # a tie: the earlier place comes first
        ["show", "lssc"],
        ["show", "demo"],
    )
    from_child = [cli(*args) for args in commands]
    assert len(forks) == 1
    only_database(tmp_path).unlink()
    monkeypatch.setattr(forked, "PARALLEL_BYTES", 1 << 62)
    alone = [cli(*args) for args in commands]
    assert len(forks) == 1
    assert from_child == alone
    assert [run.code for run in from_child] == [0, 0, 0, 0]
    assert "My Own Support Staff" in from_child[2].out
    assert [line.split("\t")[0] for line in from_child[1].out.splitlines()[:2]] == ["lssc", "demo"]
    origins = {item["id"]: item["origin"] for item in json.loads(from_child[0].out)}
    assert (origins["lssc"], origins["demo"], origins["clt"]) == ("user", "user", "bundled")


def test_a_second_process_that_fails_is_replaced_by_a_build_in_this_one(
    tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch, forks: list[str]
) -> None:
    path = write_catalog(many_entries(600))  # more than the pipe holds, so the child dies mid-stream

    def fail(*_: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(forked, "_serve", fail)
    run = cli("--catalog", path, "list", "--format", "json")
    assert (run.code, run.err) == (0, "")
    assert [item["id"] for item in json.loads(run.out)] == [f"demo-{i:05d}" for i in range(600)]
    assert len(forks) == 1
    assert len(databases(tmp_path)) == 1  # written by this process; nothing half-written is kept
    assert temporary_files(tmp_path) == []
    assert cli("--catalog", path, "list", "--format", "json") == run


def test_a_second_process_that_cannot_start_is_replaced_by_a_build_in_this_one(
    tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch, forks: list[str]
) -> None:
    path = write_catalog(many_entries(30))
    expected = cli("--catalog", path, "list", "--format", "json")
    for database in databases(tmp_path):
        database.unlink()

    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    run = cli("--catalog", path, "list", "--format", "json")
    assert run == expected
    assert len(forks) == 2
    assert len(databases(tmp_path)) == 1
    assert temporary_files(tmp_path) == []


def test_a_big_catalog_with_a_problem_stops_its_second_process(
    tmp_path: Path, write_catalog: WriteCatalog, forks: list[str]
) -> None:
    path = write_catalog(many_entries(600) + VALID_ENTRY.replace("id: demo", "id: Not-An-Id"))
    run = cli("--catalog", path, "list")
    line = 3 + VALID_ENTRY.count("\n") * 600
    message = "'Not-An-Id' is not a valid id (lowercase letters, digits and single '-' between them)"
    assert (run.code, run.out) == (3, "")
    assert run.err == f"{path}:{line}:9: certifications[600].id: {message}\n"
    assert len(forks) == 1
    assert databases(tmp_path) == []
    assert temporary_files(tmp_path) == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # the child was reaped, not left a zombie


def test_a_catalog_past_the_threshold_is_stored_by_two_processes_as_a_user_runs_it(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(many_entries(2_800), "utf-8")
    if not forked.wanted([Source(str(path), "file")]):
        pytest.skip("no second CPU or no fork here")
    age(path)
    args = ("--catalog", str(path), "list", "--format", "json")
    cold = run_process(tmp_path, *args)
    assert (cold.returncode, cold.stderr) == (0, "")
    assert len(json.loads(cold.stdout)) == 2_800
    only_database(tmp_path)
    warm = run_process(tmp_path, *args)
    assert (warm.returncode, warm.stdout, warm.stderr) == (0, cold.stdout, "")
    assert temporary_files(tmp_path) == []


def test_no_build_changes_the_cycle_collector(write_catalog: WriteCatalog) -> None:
    """Reading and storing a catalog leaves Python's cycle collector as it was: process-wide state is the
    program's, not certfind's."""
    good, bad = write_catalog(many_entries(3)), write_catalog("schema_version: 2\n", "bad.yaml")
    assert cli("--catalog", good, "list", "--format", "plain").code == 0
    assert gc.isenabled()
    assert cli("--catalog", bad, "list").code == 3
    assert gc.isenabled()
    gc.disable()
    try:
        assert cli("--catalog", write_catalog(many_entries(4), "other.yaml"), "show", "demo-00001").code == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- the stored shape has a version ------------------------------------------------------------------

SAMPLE = {
    "id": "sample",
    "name": "Sample Library Technician Certificate",
    "acronym": "SLTC",
    "aliases": ["Sample Cert"],
    "issuer": "Sample Library Association",
    "issuer_url": "https://example.org/",
    "kind": "certificate",
    "region": ["US-TX"],
    "occupations": ["25-4031"],
    "category": "library",
    "summary": "Cataloguing and circulation for library staff.",
    "topics": ["cataloging", "reference services"],
    "eligibility": ["High-school diploma"],
    "requirements": [{"education": "high-school", "library_hours": 1000, "holds": ["other"]}],
    "exam": {"format": "online", "questions": 50, "codes": ["X-1"]},
    "duration": {"min_months": 6, "max_months": 12, "hours": 120},
    "currency": "USD",
    "costs": [
        {"label": "Application", "amount": 100, "source": "https://example.org/fees", "type": "Application"},
        {"label": "Upgrade", "amount": 25, "optional": True},
        {"label": "Renewal", "amount": 50, "every_years": 2, "applies_to": "late renewers"},
        {"label": "Dues", "min": 10, "max": 20, "every_years": 1, "membership": True, "audience": "member"},
    ],
    "renewal": {"every_years": 2, "on": "06-30", "years": "even", "requirement": "20 hours"},
    "status": "active",
    "verification": {"status": "confirmed", "checked": "2026-11-24", "alternatives": ["other"]},
    "sources": [{"title": "Fees", "url": "https://example.org/fees", "accessed": "2026-11-24", "dated": "2025"}],
    "ctid": "ce-8f8d2c5e-1b9c-4e6e-9f3a-2a4b6c8d0e1f",
    "language": "en",
}

FINGERPRINTS = {
    8: "b57d2ee2e2434606f1d8e298324aba99dfe0e1aefd2b8cc34c8e3ca77dbee448",
    9: "7a1827e2dff31da1e9642674ad4e06d08e706475d1cdca864d466a8b4015fa27",
    10: "b4887d8c802f15d49f01030f729ccfd6b6e30b4c9ac9cf26be7bb150a19210f2",
    11: "b4887d8c802f15d49f01030f729ccfd6b6e30b4c9ac9cf26be7bb150a19210f2",
    12: "b4887d8c802f15d49f01030f729ccfd6b6e30b4c9ac9cf26be7bb150a19210f2",
    13: "f3d45ffa3e354aefff8ea788ccd7a6ca0249c092b8710ac7c64f7b7885fefbd2",
    14: "f3d45ffa3e354aefff8ea788ccd7a6ca0249c092b8710ac7c64f7b7885fefbd2",  # the same shape, read anew
    15: "f3d45ffa3e354aefff8ea788ccd7a6ca0249c092b8710ac7c64f7b7885fefbd2",  # the same shape, `lib` folded
    16: "f3d45ffa3e354aefff8ea788ccd7a6ca0249c092b8710ac7c64f7b7885fefbd2",  # the same shape, more text indexed
}
"""The shape of what each store FORMAT keeps, as a digest: its tables, and everything a build stores for
SAMPLE (columns, item, flags, words and names, as the search's indexer makes them)."""


def stored_shape() -> str:

    prepared = build.prepare(SAMPLE, "bundled", INDEXER, layout.Lookalike("SLTC", "other"))
    shape = [
        layout.SCHEMA,
        [value.hex() if isinstance(value, bytes) else value for value in prepared.row],
        prepared.flags,
        prepared.name,
        [sorted(field) for field in prepared.words],
        sorted(prepared.names),
        [INDEXER.stem(word) for word in ("management", "archivists", "cataloguing", "libraries")],
    ]
    return hashlib.sha256(json.dumps(shape).encode()).hexdigest()


def test_a_change_to_what_a_store_keeps_bumps_its_format() -> None:
    """A store of an older shape must be rebuilt, and only FORMAT says when: if this fails, bump
    store.layout.FORMAT (saying why in its docstring) and record the new digest under it here."""
    assert FINGERPRINTS.get(store.FORMAT) == stored_shape(), (store.FORMAT, stored_shape())
