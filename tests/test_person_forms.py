"""One person under several forms of a name (session 19 review): a Spanish double
surname ("Enrique Peña Nieto", "Peña Nieto", "President Peña", "Enrique Pena" cut short
by the NER) and a hypocoristic given name ("Zack Barth" / "Zachary Barth"). The
mentions are those the BASIL events' articles give (Fan et al., EMNLP 2019)."""

from __future__ import annotations

from factdesk.nlp.aliases import AliasResolver
from factdesk.nlp.person_identity import ArticlePeople, identify, same_person
from factdesk.nlp.person_names import double_surnames, persons_nicknamed, respelled_apart

# the Vicente Fox event, 8abec8d9: Fox News writes "Enrique Pena Nieto’s" (the NER took
# "Enrique Pena") and "President Peña"; HuffPost "Enrique Peña" (cut short too) and "Peña
# Nieto"; NYT "Enrique Peña Nieto" and "Mr. Peña Nieto"
PENA = [("Enrique Pena", "PERSON"), ("Peña", "PERSON"), ("Enrique Peña", "PERSON"),
        ("Peña Nieto", "PERSON"), ("Peña Nieto’s", "PERSON"), ("Enrique Peña Nieto", "PERSON"),
        ("Vicente Fox", "PERSON"), ("Fox", "ORG"), ("Donald J. Trump", "PERSON"),
        ("Trump", "PERSON")]


def test_a_double_surname_is_one_person() -> None:
    """Also "Debbie Wasserman Schultz" and "Wasserman Schultz" (BASIL, the packages)."""
    resolved = AliasResolver().resolve(PENA)
    assert {resolved[n] for n, _ in PENA[:6]} == {"Enrique Peña Nieto"}
    assert resolved["Fox"] == "Vicente Fox"
    assert double_surnames([n for n, _ in PENA]) == {("pena", "nieto")}
    resolved = AliasResolver().resolve([("Debbie Wasserman Schultz", "PERSON"),
                                        ("Wasserman Schultz", "PERSON")])
    assert resolved["Wasserman Schultz"] == "Debbie Wasserman Schultz"


def test_a_surname_of_a_double_surname_joined_to_another_stays_there() -> None:
    resolved = AliasResolver().resolve([("Luis Peña", "PERSON"), ("Peña", "PERSON"),
                                        ("Peña Nieto", "PERSON"),
                                        ("Enrique Peña Nieto", "PERSON")])
    assert resolved["Peña"] == "Luis Peña"
    assert resolved["Peña Nieto"] == "Enrique Peña Nieto"


def test_a_given_name_written_alone_is_no_double_surname() -> None:
    """"Ann Smith" beside "Mary Ann Smith": "Ann" is a given name, not a surname; so is
    "Chris" beside the NER's "NJ Gov Chris Christie" (BASIL, the Christie event)."""
    assert double_surnames(["Mary Ann Smith", "Ann Smith"]) == set()
    assert double_surnames(["NJ Gov Chris Christie", "Chris Christie"]) == set()
    resolved = AliasResolver().resolve([("NJ Gov Chris Christie", "PERSON"),
                                        ("Chris Christie", "PERSON"), ("Christie", "PERSON")])
    assert resolved["Chris Christie"] == "Chris Christie"
    resolved = AliasResolver().resolve([("Mary Ann Smith", "PERSON"), ("Ann Smith", "PERSON")])
    assert resolved["Ann Smith"] == "Ann Smith"


def test_the_forms_of_a_double_surname_match_across_outlets() -> None:
    canonical = "Enrique Peña Nieto"
    huffpost = ArticlePeople.of([("Enrique Peña", canonical), ("Peña Nieto", canonical)])
    president_pena = identify("Peña", canonical, huffpost, titled=True)
    mr_pena_nieto = identify("Mr. Peña Nieto", canonical)
    full = identify("President Enrique Peña Nieto", canonical)
    assert president_pena is not None and mr_pena_nieto is not None and full is not None
    assert same_person(president_pena, mr_pena_nieto)
    assert same_person(mr_pena_nieto, full)
    assert same_person(president_pena, full)


def test_a_nickname_under_the_same_surname_is_one_person() -> None:
    """The baseball shooting, 58f414e5: Fox News's "Zack Barth", NYT's and HuffPost's
    "Zachary Barth"."""
    assert persons_nicknamed("Zack Barth", "Zachary Barth")
    resolved = AliasResolver().resolve([("Zack Barth", "PERSON"), ("Zachary Barth", "PERSON"),
                                        ("Zachary Barth", "PERSON")])
    assert resolved["Zack Barth"] == resolved["Zachary Barth"] == "Zachary Barth"


def test_a_story_naming_both_forms_tells_two_people_apart() -> None:
    apart = respelled_apart([["Zack Barth", "Zachary Barth"]])
    assert apart == {("Zachary Barth", "Zack Barth")}
    resolved = AliasResolver(distinct=apart).resolve([("Zack Barth", "PERSON"),
                                                      ("Zachary Barth", "PERSON")])
    assert resolved["Zack Barth"] != resolved["Zachary Barth"]


def test_two_given_names_of_a_nickname_are_two_people() -> None:
    """Two full given names are no nickname of each other, nor a man's and a woman's."""
    assert persons_nicknamed("Becky Smith", "Rebecca Smith")
    assert not persons_nicknamed("Patricia Smith", "Patrick Smith")
