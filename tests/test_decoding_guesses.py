"""Single-byte files: English stays Windows Latin-1 unless another code page is clearly
cleaner; the charset detector's equally likely guesses are weighed, not its first."""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.core.importing import import_paths
from factdesk.core.project import Project
from factdesk.ingest.decoding import decode_bytes

MAYOR = ("Café owner José Müller said 45 percent of the Zürich shops closed in 2020.\n\n"
         "The mayor´s office said the figure was 30 percent.\n")


def test_an_acute_accent_typed_for_an_apostrophe_stays_latin_1(tmp_path: Path) -> None:
    # review 17: read as ISO-8859-10, "The mayorīs office"
    source = tmp_path / "latin1.txt"
    source.write_bytes(MAYOR.encode("latin-1"))
    with Project.open(tmp_path / "p.factdesk") as project:
        import_paths(project, [source])
        (article,) = project.articles.all()
        assert "The mayor´s office said" in article.text
        assert "José Müller" in article.text and "Zürich" in article.text


@pytest.mark.parametrize(("text", "encoding"), [
    ("It was 25°C in the city´s centre, and the café charged £5 for a naïve crème brûlée.",
     "latin-1"),
    ("The council´s vote was delayed until Thursday, the mayor´s aide said.", "latin-1"),
    ("Müller’s naïve façade.", "cp1252"),
])
def test_english_with_a_few_accents_is_windows_latin_1(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding), "x.txt")
    assert (decoded.text, decoded.encoding) == (text, "cp1252")


@pytest.mark.parametrize(("text", "encoding"), [
    # a Polish name in English: cp1252 would show "Wa³êsa" (the detector's first guess)
    ("Former president Lech Wałęsa said on Monday that he would not attend the ceremony "
     "in Gdańsk.", "cp1250"),
    ("Zażółć gęślą jaźń. Polski tekst w kodowaniu Windows.", "cp1250"),
    ("Привет, как дела? Это тест кодировки текста.", "cp1251"),
    ("Αυτό είναι ένα ελληνικό κείμενο για δοκιμή.", "cp1253"),
])
def test_clear_evidence_of_another_code_page_still_wins(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding), "x.txt")
    assert decoded.text == text and decoded.encoding == encoding
