"""The foundation through the CLI: new, import, articles, export json, bad input."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factdesk.cli.main import main

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factdesk", *args], capture_output=True,
                          text=True, timeout=600)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("FactDesk ")


def test_seeds_import_and_export(tmp_path: Path, seeds_dir: Path, capsys) -> None:
    project = tmp_path / "t.factdesk"
    assert main(["new", str(project)]) == 0
    assert main(["import", str(project), str(seeds_dir), "--no-extract"]) == 0
    capsys.readouterr()
    assert main(["export", str(project), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("articles", "claims", "entities", "matches", "verdicts"):
        assert isinstance(data[key], list)
    articles = {Path(a["source_file"]).name[:3]: a for a in data["articles"]}
    assert len(data["articles"]) == 3
    assert articles["003"]["date"] == "2022-09-14"
    assert articles["003"]["title"].startswith("Ukraine's Zelensky visits newly-liberated Kharkiv")
    assert articles["001"]["title"] == "Zelenskiy accuses Russia of torture, war crimes"
    assert not articles["001"]["text"].startswith("STORY:")
    assert articles["000"]["outlet"] == "Dallas Express"
    assert all("CLICK HERE" not in a["text"] for a in data["articles"])

    # Importing again adds nothing and says so.
    assert main(["import", str(project), str(seeds_dir), "--no-extract"]) == 0
    err = capsys.readouterr().err
    assert "already" in err
    assert main(["export", str(project), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 3


def test_bad_files_refused_by_name_batch_continues(tmp_path: Path, capsys) -> None:
    project = tmp_path / "t.factdesk"
    main(["new", str(project)])
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "picture.txt").write_bytes(PNG)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin.txt").write_bytes(
        "Le café de la place: Zürich a reçu 450 délégués.".encode("latin-1")
    )
    (folder / "image.png").write_bytes(PNG)
    code = main(["import", str(project), str(folder / "picture.txt"), str(folder / "empty.txt"),
                 str(folder / "latin.txt"), str(folder / "image.png"), "--no-extract"])
    err = capsys.readouterr().err
    assert code != 0
    assert "picture.txt" in err and "empty.txt" in err and "image.png" in err
    main(["export", str(project), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert len(data["articles"]) == 1
    assert "café" in data["articles"][0]["text"] and "Zürich" in data["articles"][0]["text"]


@pytest.mark.parametrize("command", [
    ["articles"], ["import", "SEEDS"], ["export", "--format", "json"],
])
def test_random_bytes_project_refused_everywhere(tmp_path: Path, seeds_dir: Path, command,
                                                 capsys) -> None:
    path = tmp_path / "x.factdesk"
    path.write_bytes(bytes((i * 37 + 11) % 256 for i in range(5000)))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    args = [command[0], str(path), *[str(seeds_dir) if c == "SEEDS" else c for c in command[1:]]]
    if command[0] == "import":
        args.append("--no-extract")
    assert main(args) != 0
    assert "not an SQLite database" in capsys.readouterr().err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_new_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "p.factdesk"
    assert main(["new", str(path)]) == 0
    assert main(["new", str(path)]) != 0
    assert "already exists" in capsys.readouterr().err


def test_missing_project_is_a_clear_message(tmp_path: Path, capsys) -> None:
    assert main(["articles", str(tmp_path / "nope.factdesk")]) != 0
    assert "no such project" in capsys.readouterr().err


def test_export_to_file_is_atomic(tmp_path: Path, seeds_dir: Path) -> None:
    project = tmp_path / "t.factdesk"
    main(["new", str(project)])
    shutil.copy(seeds_dir / "001_de94a727e4da2545.txt", tmp_path / "a.txt")
    main(["import", str(project), str(tmp_path / "a.txt"), "--no-extract"])
    out = tmp_path / "out.json"
    assert main(["export", str(project), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text())["articles"][0]["title"].startswith("Zelenskiy")
    assert not (tmp_path / "out.json.part").exists()


def test_import_reads_one_article_from_stdin(tmp_path: Path, monkeypatch, capsys) -> None:
    import io
    import json

    project = tmp_path / "p.factdesk"
    main(["new", str(project)])
    text = "Ukrainian officials said 450 bodies were found near Izium four days ago.\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["import", str(project), "-", "--title", "Graves found", "--outlet", "Reuters",
                 "--date", "2022-09-16", "--no-extract"]) == 0
    assert "imported pasted text" in capsys.readouterr().err
    main(["articles", str(project), "--json"])
    article = json.loads(capsys.readouterr().out.splitlines()[0])
    assert (article["title"], article["outlet"], article["published"]) == \
        ("Graves found", "Reuters", "2022-09-16")
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["import", str(project), "-", "--date", "someday", "--no-extract"]) == 2
    assert "date not understood" in capsys.readouterr().err


@pytest.mark.slow
def test_import_progress_names_each_step_and_never_counts_back(
        tmp_path: Path, seeds_dir: Path, capsys) -> None:
    """An editor read "analysing 2/3" followed by "analysing 1/3 matching article 1":
    the matching step is labelled by its own name."""
    project = tmp_path / "p.factdesk"
    assert main(["new", str(project)]) == 0
    capsys.readouterr()
    assert main(["import", str(project), str(seeds_dir)]) == 0
    lines = capsys.readouterr().err.splitlines()
    steps: dict[str, list[int]] = {}
    for line in lines:
        word, _, rest = line.partition(" ")
        count = rest.split(" ", 1)[0]
        if "/" in count and count.split("/")[0].isdigit():
            steps.setdefault(word, []).append(int(count.split("/")[0]))
    assert "matching" in steps and "analysing" in steps, lines
    assert not any("matching article" in line for line in lines if line.startswith("analysing"))
    for counts in steps.values():
        assert counts == sorted(counts), lines
