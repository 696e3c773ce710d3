"""The across-sources pane's word differences: numbers stand out, plain words do not."""

from __future__ import annotations

from factdesk.gui.word_diff import diff_marks

FOX = ("Although she may ultimately side with the plaintiffs, even Justice Ruth Bader "
       "Ginsburg, an ardent defender of women's rights, expressed some concerns about the "
       "particulars of the sex discrimination lawsuit that covers 1.5 million women.")
NYT = ("Even some justices who seemed sympathetic to the plaintiffs expressed qualms about "
       "how to administer a lawsuit involving as many as 1.5 million women.")


def _marked(text: str, marks) -> dict[str, bool]:  # Marks
    return {text[start:end]: number for start, end, number in marks}


def test_some_and_about_are_numbers_only_before_one() -> None:
    # BASIL Wal-Mart event: Fox News's "expressed some concerns about the particulars"
    # showed "some" and "about" bold and coloured, as differing numbers
    fox, nyt = diff_marks(FOX, NYT)
    fox_marks = _marked(FOX, fox)
    assert fox_marks["some"] is False and fox_marks["concerns"] is False
    assert "about" not in fox_marks or fox_marks["about"] is False
    a, b = diff_marks("They found about 450 bodies.", "They found more than 400 bodies.")
    assert _marked("They found about 450 bodies.", a) == {"about": True, "450": True}
    assert _marked("They found more than 400 bodies.", b) == {
        "more": True, "than": True, "400": True}
    text = "It could amount to billions of dollars."
    a, _ = diff_marks(text, "It was worth 2 million dollars.")
    assert _marked(text, a)["to"] is False and _marked(text, a)["billions"] is True
    a, _ = diff_marks("Some 300 people came.", "Three hundred people came.")
    assert _marked("Some 300 people came.", a) == {"Some": True, "300": True}


def test_a_number_word_in_an_idiom_is_no_number() -> None:
    """The seeds' AFP sentence, "one of the largest cities recently recaptured", was
    marked as a differing figure against Dallas Express's account."""
    afp = ("Ukrainian President Volodymyr Zelensky on Wednesday visited the east Ukraine "
           "city of Izyum, the military said, one of the largest cities recently recaptured")
    de = "Ukrainian President Volodymyr Zelenskyy looked on Wednesday, until four days ago"
    marks_afp, marks_de = diff_marks(afp, de)
    assert not any(number for start, end, number in marks_afp
                   if afp[start:end] == "one")
    assert any(number for start, end, number in marks_de if de[start:end] == "four")
