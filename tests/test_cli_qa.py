"""Seams found by end-to-end QA of the CLI: export formats from file names, export
filters checked against the scale and statuses, counts spelled right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.cli.main import main


@pytest.fixture
def judged_project(marked_project: Path, capsys) -> Path:
    """The marked project with claim 1 judged 'Mostly true', done."""
    assert main(["verdict", str(marked_project), "1", "--rating", "Mostly true",
                 "--status", "done", "--rationale", "checked"]) == 0
    capsys.readouterr()
    return marked_project


@pytest.mark.parametrize(("name", "start"), [
    ("report.pdf", b"%PDF-"),
    ("report.csv", "\ufeffclaim_id,".encode()),
    ("report.md", b"# "),
    ("report.jsonld", b"["),
])
def test_export_format_follows_the_output_extension(
    judged_project: Path, tmp_path: Path, name: str, start: bytes, capsys
) -> None:
    out = tmp_path / name
    assert main(["export", str(judged_project), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(start)
    assert f"wrote {out}" in capsys.readouterr().err


def test_pdf_export_runs_headless_in_its_own_process(
    judged_project: Path, tmp_path: Path
) -> None:
    """The command line makes its own bare QGuiApplication for the PDF (the test session
    holds a widget application, so only a separate process shows that path works)."""
    import subprocess
    import sys

    out = tmp_path / "headless.pdf"
    done = subprocess.run([sys.executable, "-m", "factdesk", "export", str(judged_project),
                           "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-") and "Traceback" not in done.stderr


def test_export_json_stays_the_default_and_says_where(
    judged_project: Path, tmp_path: Path, capsys
) -> None:
    assert main(["export", str(judged_project)]) == 0
    assert "articles" in json.loads(capsys.readouterr().out)
    out = tmp_path / "project.json"
    assert main(["export", str(judged_project), "-o", str(out)]) == 0
    assert "articles" in json.loads(out.read_text(encoding="utf-8"))
    assert f"wrote {out}" in capsys.readouterr().err


def test_export_status_must_be_a_status(judged_project: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", str(judged_project), "--format", "csv", "--status", "bogus"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["export", str(judged_project), "--format", "csv", "--status", "Done"]) == 0
    assert "Mostly true" in capsys.readouterr().out


def test_export_rating_is_read_against_the_scale(judged_project: Path, capsys) -> None:
    assert main(["export", str(judged_project), "--format", "csv",
                 "--rating", "mostly TRUE"]) == 0
    assert "Mostly true" in capsys.readouterr().out
    assert main(["export", str(judged_project), "--format", "csv", "--rating", "nope"]) == 1
    err = capsys.readouterr().err
    assert "unknown rating 'nope'" in err and "Mostly true" in err


def test_articles_counts_one_verdict_in_the_singular(judged_project: Path, capsys) -> None:
    assert main(["articles", str(judged_project)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sum(", 1 verdict," in line or line.endswith(", 1 verdict") for line in lines) == 1
    assert not any("1 verdicts" in line for line in lines)
    assert any(", 0 verdicts" in line for line in lines)
    assert not any("\t1 claims" in line or "+1 candidates" in line for line in lines)


@pytest.mark.parametrize(("text", "printed"), [
    ("“We have learned,” Mr. Blumenthal said in 2008.",
     "“‘We have learned,’ Mr. Blumenthal said in 2008.”"),
    ("It said he had “enlisted in the Marines.”", "“It said he had ‘enlisted in the Marines.’”"),
    ('He said "no" twice.', "“He said ‘no’ twice.”"),
    ("“A whole quote.”", "“A whole quote.”"),
    ("Plain words.", "“Plain words.”"),
])
def test_report_quotes_nest_inner_quotation_marks(text: str, printed: str) -> None:
    from factdesk.report.quotes import quoted

    assert quoted(text) == printed


@pytest.mark.parametrize("command", [["articles"], ["claims"], ["export", "--format", "csv"],
                                     ["settings"]])
def test_an_empty_file_is_refused_not_turned_into_a_project(
    tmp_path: Path, command: list[str], capsys
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"")
    assert main([command[0], str(notes), *command[1:]]) == 1
    assert "is an empty file, not a FactDesk project" in capsys.readouterr().err
    assert notes.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_newer_project_is_refused_without_leaving_journal_files(
    marked_project: Path, capsys
) -> None:
    import sqlite3

    conn = sqlite3.connect(marked_project)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = sorted(p.name for p in marked_project.parent.iterdir())
    assert main(["articles", str(marked_project)]) == 1
    assert "newer FactDesk" in capsys.readouterr().err
    assert sorted(p.name for p in marked_project.parent.iterdir()) == before



HOLD = """
import sys
from pathlib import Path
from factdesk.core.opening import open_project
with open_project(Path(sys.argv[1]), "write"):
    print("locked", flush=True)
    sys.stdin.readline()
"""


def test_a_project_held_by_a_command_is_not_said_to_be_in_a_window(
    marked_project: Path, capsys
) -> None:
    import subprocess
    import sys

    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(marked_project)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert main(["settings", str(marked_project), "checker", "Bob"]) == 1
        err = capsys.readouterr().err
        assert "is being changed by a running 'factdesk' command of" in err
        assert "window" not in err
    finally:
        holder.communicate("\n", timeout=60)
    assert main(["settings", str(marked_project), "checker", "Bob"]) == 0


@pytest.mark.parametrize("command", [["claims"], ["extract", "--no-match"], ["match"],
                                     ["export", "--format", "csv"]])
def test_an_unknown_article_id_is_refused(
    marked_project: Path, command: list[str], capsys
) -> None:
    assert main([command[0], str(marked_project), *command[1:], "--article", "99"]) == 1
    assert "there is no article 99" in capsys.readouterr().err


def test_matches_of_a_claim_without_any_says_so(marked_project: Path, capsys) -> None:
    assert main(["matches", str(marked_project), "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "claim 1: no matches in other sources" in captured.err


PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


@pytest.mark.parametrize("command", [
    ["compare", "--pairs", "{file}"],
    ["archive", "search", "{project}", "--queries", "{file}"],
    ["score", "{file}"],
])
def test_input_files_that_are_not_text_are_refused_by_name(
    marked_project: Path, tmp_path: Path, command: list[str], capsys
) -> None:
    picture = tmp_path / "picture.tsv"
    picture.write_bytes(PNG_BYTES)
    args = [a.format(file=picture, project=marked_project) for a in command]
    assert main(args) == 1
    assert "picture.tsv: binary file (PNG image), not text" in capsys.readouterr().err
    empty = tmp_path / "empty.tsv"
    empty.write_bytes(b"")
    args = [a.format(file=empty, project=marked_project) for a in command]
    assert main(args) == 1
    assert "empty.tsv: empty file" in capsys.readouterr().err


def test_compare_pairs_reads_a_cp1252_file(tmp_path: Path, capsys) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_bytes("Caf\xe9 owners said 40 shops closed\tCaf\xe9 owners said 40 shops "
                      "closed\n".encode("cp1252"))
    assert main(["compare", "--pairs", str(pairs)]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["relation"] == "same fact"


def test_counts_in_the_article_list_agree_with_their_number() -> None:
    from factdesk.cli.project_commands import counted  # the article list's counts

    assert [counted(n, "claim") for n in (0, 1, 2)] == ["0 claims", "1 claim", "2 claims"]


def test_an_export_that_lists_no_claim_says_so(judged_project: Path, capsys) -> None:
    assert main(["export", str(judged_project), "--format", "markdown",
                 "--status", "in progress"]) == 0
    assert "note: no claim matches the report's filters" in capsys.readouterr().err
    assert main(["export", str(judged_project), "--format", "markdown"]) == 0
    assert "no claim matches" not in capsys.readouterr().err


def test_damage_inside_a_project_is_reported_without_a_traceback(
    marked_project: Path, tmp_path: Path, capsys
) -> None:
    import sqlite3

    conn = sqlite3.connect(marked_project)  # fold the journal: all pages in the file
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(marked_project.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    data[4 * page:8 * page] = b"\xff" * (4 * page)  # pages past the header and schema
    marked_project.write_bytes(bytes(data))
    article = tmp_path / "new.txt"
    article.write_text("Title: New\n\nThe mayor said 40 percent of the roads were repaired.\n")
    code = main(["import", str(marked_project), str(article), "--no-extract"])
    err = capsys.readouterr().err
    assert code == 1
    assert "SQLite says" in err and "factdesk check" in err
