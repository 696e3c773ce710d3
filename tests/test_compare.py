"""``factdesk compare``: two free texts through the pair model and the discrepancy
finder, with an optional publication date for dates without a year."""

from __future__ import annotations

from factdesk.cli.main import main

A = "Zelensky visited Izium on September 14, officials said."
B = "Zelensky visited Izium on September 15, officials said."


def _compare(capsys, *args: str) -> str:
    assert main(["compare", *args]) == 0
    return capsys.readouterr().out


def test_dates_are_not_compared_as_name_spellings(capsys) -> None:
    out = _compare(capsys, A, B)
    assert "name" not in out  # "September 14" / "15" used to be a "spelling variant"
    # without a year or a publication date, the two days still disagree
    assert "relation: conflicting" in out
    assert "date (conflict)" in out and "disagree by a day" in out


def test_a_publication_date_lets_yearless_dates_be_compared(capsys) -> None:
    out = _compare(capsys, "--date", "2022-09-20", A, B)
    assert "relation: conflicting" in out
    assert "2022-09-14" in out and "2022-09-15" in out


def test_relative_days_read_against_the_date(capsys) -> None:
    out = _compare(capsys, "--date", "2022-09-18",
                   "Zelensky visited Izium four days ago, officials said.", A)
    assert "date" not in out.split("relation:")[1]  # four days before 09-18 is 09-14


def test_a_bad_date_is_a_message(capsys) -> None:
    assert main(["compare", "--date", "2022-13-01", "a", "b"]) != 0
    assert "YYYY-MM-DD" in capsys.readouterr().err
