"""The parsed-catalog cache: used when fresh, never trusted when not, never fatal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from certfind import cache
from tests.conftest import VALID_ENTRY, WriteCatalog, catalog_text, cli


@pytest.fixture(autouse=True)
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Catalogs written by a test are seconds old; let them be cached at once."""
    monkeypatch.setattr(cache, "RACY_NS", 0)


def cache_files(tmp_path: Path) -> list[Path]:
    root = tmp_path / "cache" / "certfind"
    return sorted(root.glob("*.idx")) if root.exists() else []


def forbid_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the YAML was parsed although the cache is fresh")

    monkeypatch.setattr("certfind.yamlnodes.parse", refuse)


def test_a_warm_run_reads_no_yaml(tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_catalog(catalog_text())
    cold = cli("--catalog", path, "search", "demo")
    assert cold.code == 0, cold.err
    assert len(cache_files(tmp_path)) == 1
    forbid_yaml(monkeypatch)
    assert cli("--catalog", path, "search", "demo") == cold
    shown = cli("--catalog", path, "show", "DEMO", "-f", "json")
    assert json.loads(shown.out)["id"] == "demo"


def test_an_edit_of_the_same_size_is_seen_at_once(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    assert "Demo Certification" in cli("--catalog", path, "list").out
    write_catalog(catalog_text().replace("Demo Certification", "Dumo Certification"))
    run = cli("--catalog", path, "list")
    assert run.out.startswith("demo\tDumo Certification (DEMO)\t")
    assert len(cache_files(tmp_path)) == 1


def test_a_corrupt_cache_is_ignored_and_rebuilt(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    expected = cli("--catalog", path, "list")
    (idx,) = cache_files(tmp_path)
    for garbage in (b"", b"certfind-cache\x00\x01" + b"\xff" * 40, os.urandom(4096)):
        idx.write_bytes(garbage)
        assert cli("--catalog", path, "list") == expected
        assert idx.read_bytes().startswith(cache.MAGIC)


def test_a_damaged_record_is_caught_by_its_checksum(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    expected = cli("--catalog", path, "show", "demo")
    (idx,) = cache_files(tmp_path)
    data = bytearray(idx.read_bytes())
    at = data.index(b'"name":"Demo Certification"')
    data[at + 9] = ord("X")  # still valid JSON, wrong content
    idx.write_bytes(bytes(data))
    assert cli("--catalog", path, "show", "demo") == expected


def test_a_stale_version_is_rebuilt(write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_catalog(catalog_text())
    cli("--catalog", path, "list")
    monkeypatch.setattr(cache, "__version__", "0.0.0-older")
    parsed: list[str] = []
    real = cache.read

    def spy(*args: object, **kw: object) -> object:
        found = real(*args, **kw)  # type: ignore[arg-type]
        parsed.append("miss" if found is None else "hit")
        return found

    monkeypatch.setattr(cache, "read", spy)
    assert cli("--catalog", path, "list").code == 0
    assert parsed == ["miss"]


def test_an_unwritable_cache_directory_is_harmless(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    path = write_catalog(catalog_text())
    for _ in range(2):
        run = cli("--catalog", path, "list", env={"XDG_CACHE_HOME": str(blocker)})
        assert run.code == 0
        assert run.err == ""
    assert blocker.read_text(encoding="utf-8") == "a file where the cache directory should be"


def test_validate_always_reads_the_file(write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_catalog(catalog_text())
    cli("--catalog", path, "list")
    forbid_yaml(monkeypatch)
    with pytest.raises(AssertionError, match="the YAML was parsed"):
        cli("validate", path)


def test_a_modified_catalog_is_not_cached_within_the_racy_window(
    tmp_path: Path, write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 60 * 10**9)
    path = write_catalog(catalog_text())
    assert cli("--catalog", path, "list").code == 0
    assert cache_files(tmp_path) == []


def test_two_processes_at_once_share_the_cache(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    entries = [VALID_ENTRY.replace("id: demo", f"id: demo-{i}").replace("DEMO", f"DEMO{i}") for i in range(400)]
    path = write_catalog(catalog_text(*entries))
    old = os.stat(path).st_mtime - 60
    os.utime(path, (old, old))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # a cold race, then a warm one
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "certfind", "--catalog", path, "search", "demo", "--limit", "3"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
            for _ in range(4)
        ]
        results = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0, 0]
        assert all(err == b"" for _, err in results)
        assert len({out for out, _ in results}) == 1
    assert len(cache_files(tmp_path)) == 1
    assert not [p for p in (tmp_path / "cache" / "certfind").iterdir() if p.suffix == ".tmp"]


def test_cached_keys_decode_one_at_a_time_and_by_slice() -> None:
    from bisect import bisect_left

    keys = sorted(["a", "a+", "bb", "dd d", "zz"])
    blob, offsets = cache._pack([f"{k}\n".encode() for k in keys])
    lazy = cache._Keys(memoryview(blob), memoryview(offsets).cast("Q"))
    assert list(lazy) == keys
    assert lazy[1:3] == keys[1:3]
    assert lazy[-1] == "zz"
    assert bisect_left(lazy, "bb") == 2
    assert bisect_left(lazy, "c") == 3
