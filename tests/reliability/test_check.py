"""``factdesk check [--repair]`` (issue 9, point 2).

Exit code 0 only on a whole project; an FTS index out of step with its table, claims
whose offsets drifted, a quote that is gone, a foreign-key hole and a damaged file are
each reported with a non-zero exit; ``--repair`` rebuilds the indexes and re-anchors
drifted claims, and lists (never drops) the claims it cannot re-anchor.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reliability_helpers import factdesk

from factdesk.core.project import Project


def _raw(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn


def _first_claim(path: Path) -> tuple[int, int, int, str]:
    with _raw(path) as conn:
        row = conn.execute('SELECT id, start, "end", text FROM claims ORDER BY id').fetchone()
    return int(row[0]), int(row[1]), int(row[2]), str(row[3])


def _claim_hits(path: Path, word: str) -> set[int]:
    with Project.open(path, create=False, read_only=True) as project:
        return {hit.id for hit in project.search.search(word, kinds=("claim",))}


def test_check_passes_on_a_good_project(small_project: Path) -> None:
    result = factdesk("check", small_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("ok")
    assert "6 claim anchors checked" in result.stderr


def test_check_missing_file_is_an_error(tmp_path: Path) -> None:
    result = factdesk("check", tmp_path / "nowhere.factdesk")
    assert result.returncode != 0
    assert "no such project" in result.stderr
    assert "Traceback" not in result.stderr


def test_fts_entry_deleted_is_reported_and_repaired(small_project: Path) -> None:
    claim_id, _, _, text = _first_claim(small_project)
    word = max(text.split(), key=len).strip(".,\"'")
    assert claim_id in _claim_hits(small_project, word)
    with _raw(small_project) as conn:  # remove the claim from its external-content index
        conn.execute("INSERT INTO claims_fts(claims_fts, rowid, text) VALUES('delete', ?, ?)",
                     [claim_id, text])
    assert claim_id not in _claim_hits(small_project, word)
    result = factdesk("check", small_project)
    assert result.returncode == 1
    assert "claims_fts" in result.stdout
    repaired = factdesk("check", small_project, "--repair")
    assert repaired.returncode == 0, repaired.stdout
    assert "repaired: rebuilt claims_fts" in repaired.stdout
    assert factdesk("check", small_project).returncode == 0
    assert claim_id in _claim_hits(small_project, word)


def test_fts_junk_rows_are_reported_and_repaired(small_project: Path) -> None:
    with _raw(small_project) as conn:
        conn.execute("INSERT INTO articles_fts(rowid, title, text) "
                     "VALUES (9999, 'junk', 'zyzzyva quux words that exist nowhere')")
        conn.execute("INSERT INTO verdicts_fts(rowid, rationale_text) "
                     "VALUES (4242, 'phantom rationale')")
    result = factdesk("check", small_project)
    assert result.returncode == 1
    assert "articles_fts" in result.stdout and "verdicts_fts" in result.stdout
    assert factdesk("check", small_project, "--repair").returncode == 0
    assert factdesk("check", small_project).returncode == 0
    with Project.open(small_project, create=False, read_only=True) as project:
        assert project.search.search("zyzzyva") == []


def test_drifted_offsets_are_reported_and_reanchored(small_project: Path) -> None:
    claim_id, start, end, _ = _first_claim(small_project)
    with _raw(small_project) as conn:
        conn.execute('UPDATE claims SET start = start + 3, "end" = "end" + 3 WHERE id = ?',
                     [claim_id])
    result = factdesk("check", small_project)
    assert result.returncode == 1
    assert f"claim {claim_id}: offsets {start + 3}-{end + 3}" in result.stdout
    assert "--repair" in result.stdout
    repaired = factdesk("check", small_project, "--repair")
    assert repaired.returncode == 0, repaired.stdout
    assert f"claim {claim_id} re-anchored from {start + 3}-{end + 3} to {start}-{end}" in (
        repaired.stdout)
    assert _first_claim(small_project)[1:3] == (start, end)
    assert factdesk("check", small_project).returncode == 0


def test_only_start_drifted_is_reanchored(small_project: Path) -> None:
    claim_id, start, end, _ = _first_claim(small_project)
    with _raw(small_project) as conn:
        conn.execute("UPDATE claims SET start = start + 3 WHERE id = ?", [claim_id])
    assert factdesk("check", small_project).returncode == 1
    assert factdesk("check", small_project, "--repair").returncode == 0
    assert _first_claim(small_project)[1:3] == (start, end)


def test_lost_quote_is_listed_and_kept(small_project: Path) -> None:
    claim_id, _, _, text = _first_claim(small_project)
    with _raw(small_project) as conn:
        article_id = conn.execute("SELECT article_id FROM claims WHERE id = ?",
                                  [claim_id]).fetchone()[0]
        conn.execute("UPDATE articles SET text = replace(text, ?, 'Something else entirely.') "
                     "WHERE id = ?", [text, article_id])
    for args in ((), ("--repair",)):
        result = factdesk("check", small_project, *args)
        assert result.returncode == 1
        assert f"claim {claim_id}: its text" in result.stdout
        assert f"is not in article {article_id} any more" in result.stdout
    with Project.open(small_project, create=False, read_only=True) as project:
        claim = project.claims.get(claim_id)
        assert claim is not None and claim.text == text  # listed, never dropped
        assert project.verdicts.get(claim_id) is not None


def test_foreign_key_hole_is_reported(small_project: Path) -> None:
    with _raw(small_project) as conn:
        conn.execute("INSERT INTO evidence (claim_id, url) VALUES (987654, 'https://x.org')")
    result = factdesk("check", small_project)
    assert result.returncode == 1
    assert "foreign key: evidence" in result.stdout


def _checkpointed(path: Path) -> None:
    with _raw(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")


def test_damaged_pages_are_reported_without_traceback(small_project: Path) -> None:
    _checkpointed(small_project)
    with _raw(small_project) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    with small_project.open("r+b") as handle:  # scribble over every other data page
        for page in range(3, pages, 2):
            handle.seek(page * page_size + 100)
            handle.write(b"\xde\xad\xbe\xef" * 64)
    damaged = small_project.read_bytes()
    result = factdesk("check", small_project)
    assert result.returncode != 0
    assert "corrupt" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert small_project.read_bytes() == damaged  # check never writes to a damaged file


def test_garbled_schema_names_are_reported_without_traceback(small_project: Path) -> None:
    _checkpointed(small_project)
    data = bytearray(small_project.read_bytes())
    at = data.find(b"indexclaims_articleclaims")  # the index's row in sqlite_master
    assert at > 0
    name = slice(at + len(b"index"), at + len(b"indexclaims_article"))
    data[name] = b"\xff" * (name.stop - name.start)
    small_project.write_bytes(bytes(data))
    result = factdesk("check", small_project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-400:]
    assert "corrupt" in result.stderr + result.stdout


def _empty_index_page(path: Path, index: str) -> None:
    _checkpointed(path)
    with _raw(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            [index]).fetchone()[0]
    data = bytearray(path.read_bytes())
    header = (root - 1) * page_size
    assert data[header] == 0x0A  # a leaf index page
    data[header + 3 : header + 5] = (0).to_bytes(2, "big")  # its cell count: now empty
    path.write_bytes(bytes(data))


def test_damaged_index_is_reported(small_project: Path) -> None:
    _empty_index_page(small_project, "claims_article")
    result = factdesk("check", small_project)
    assert result.returncode == 1
    assert "missing from index claims_article" in result.stdout


def test_damaged_index_is_rebuilt_by_repair(small_project: Path) -> None:
    _empty_index_page(small_project, "claims_article")
    repaired = factdesk("check", small_project, "--repair")
    assert repaired.returncode == 0, repaired.stdout
    assert factdesk("check", small_project).returncode == 0


def _scribble(path: Path) -> bytes:
    """Damage every other data page, as a failing disk would; returns the damaged bytes."""
    _checkpointed(path)
    with _raw(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    with path.open("r+b") as handle:
        for page in range(3, pages, 2):
            handle.seek(page * page_size + 100)
            handle.write(b"\xde\xad\xbe\xef" * 64)
    return path.read_bytes()


def test_a_damaged_project_is_brought_back_from_its_backup(small_project: Path) -> None:
    """'factdesk restore' failed on the one file that needed it (it copied the damaged
    file through SQLite first, which could not read it), and check said nothing of what
    to do. Now check points to the backup and restore sets the damaged file aside."""
    from factdesk.storage.backup import backup_folder, list_backups

    assert factdesk("backup", small_project).returncode == 0
    damaged = _scribble(small_project)
    checked = factdesk("check", small_project)
    assert checked.returncode != 0 and "Traceback" not in checked.stderr
    assert f"with 'factdesk restore {small_project}'" in checked.stderr
    restored = factdesk("restore", small_project)
    assert restored.returncode == 0, restored.stderr
    assert factdesk("check", small_project).returncode == 0
    kept = list(backup_folder(small_project).glob("*.damaged-*"))
    assert [k.read_bytes() for k in kept] == [damaged]  # set aside byte for byte
    assert all(".damaged-" not in b.path.name for b in list_backups(small_project))


def test_a_damaged_project_without_backup_is_told_how_to_salvage(small_project: Path) -> None:
    damaged = _scribble(small_project)
    checked = factdesk("check", small_project, "--repair")
    assert checked.returncode != 0
    assert "--repair cannot rebuild a damaged file" in checked.stderr
    assert "has no backup" in checked.stderr and ".recover" in checked.stderr
    assert small_project.read_bytes() == damaged
