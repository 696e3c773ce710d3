"""Spelling and transliteration variants of names merge; different people never do."""

from __future__ import annotations

import pytest

from factdesk.nlp.aliases import DISTINCT_PREFIX, AliasResolver
from factdesk.nlp.name_folding import canonical_key
from factdesk.nlp.person_names import persons_compatible

ZELENSKY = [
    ("Volodymyr Zelenskyy", "PERSON"), ("Zelenskyy’s", "PERSON"), ("Zelenskyy", "ORG"),
    ("Volodymyr Zelenskiy", "PERSON"), ("Zelenskiy", "PERSON"),
    ("Volodymyr Zelensky", "PERSON"), ("Zelensky", "PERSON"), ("Zelensky's", "PERSON"),
]


@pytest.mark.parametrize("a,b", [
    ("Zelenskyy", "Zelenskiy"), ("Zelensky", "Zelenskyy's"), ("Izium", "Izyum"),
    ("Kyiv", "Kiev"), ("Kharkiv", "Kharkov"), ("Odesa", "Odessa"), ("Lviv", "Lvov"),
    ("Mykolaiv", "Nikolaev"), ("Andriy", "Andrei"), ("Zaporizhzhia", "Zaporizhzhya"),
    ("Kupiansk", "Kupyansk"),
])
def test_fold_keys_equal(a: str, b: str) -> None:
    assert canonical_key(a) == canonical_key(b)


@pytest.mark.parametrize("a,b", [("Kyiv", "Kharkiv"), ("Biden", "Boden"), ("Iran", "Iraq")])
def test_fold_keys_differ(a: str, b: str) -> None:
    assert canonical_key(a) != canonical_key(b)


def test_all_zelensky_spellings_get_one_canonical() -> None:
    resolved = AliasResolver().resolve(ZELENSKY)
    assert set(resolved) == {text for text, _ in ZELENSKY}
    assert len(set(resolved.values())) == 1
    canonical = resolved["Zelensky"]
    assert canonical.startswith("Volodymyr Zelensk")  # the longest, most frequent full form


def test_places_merge() -> None:
    resolved = AliasResolver().resolve([
        ("Izium", "GPE"), ("Izium", "GPE"), ("Izyum", "GPE"), ("Kyiv", "GPE"), ("Kiev", "GPE"),
        ("Kyiv", "PERSON"),  # the small model mislabels Kyiv as a person; same text, same entity
        ("Austria", "GPE"), ("Australia", "GPE"),
    ])
    assert resolved["Izyum"] == resolved["Izium"] == "Izium"
    assert resolved["Kiev"] == resolved["Kyiv"] == "Kyiv"
    assert resolved["Austria"] != resolved["Australia"]


def test_different_people_never_merge() -> None:
    resolved = AliasResolver().resolve([
        ("Joe Biden", "PERSON"), ("Hunter Biden", "PERSON"), ("Biden", "PERSON"),
        ("Pavlo Kyrylenko", "PERSON"), ("Kyrylo Budanov", "PERSON"),
    ])
    assert resolved["Joe Biden"] != resolved["Hunter Biden"]
    assert resolved["Biden"] == "Biden"  # ambiguous bare surname stays apart
    assert resolved["Pavlo Kyrylenko"] != resolved["Kyrylo Budanov"]
    assert not persons_compatible("Joe Biden", "Hunter Biden")


def test_transliterated_given_names_and_bare_surname_merge() -> None:
    resolved = AliasResolver().resolve([
        ("Andriy Kostin", "PERSON"), ("Andrei Kostin", "PERSON"), ("Kostin", "PERSON"),
        ("Sergii Nikiforov", "PERSON"), ("Nikiforov", "ORG"),
    ])
    assert resolved["Andrei Kostin"] == resolved["Andriy Kostin"] == resolved["Kostin"]
    assert resolved["Nikiforov"] == "Sergii Nikiforov"
    assert persons_compatible("V. Zelensky", "Volodymyr Zelenskyy")
    assert persons_compatible("Vladimir Zelensky", "Volodymyr Zelenskyy")


def test_user_alias_wins() -> None:
    resolver = AliasResolver({"Zelensky": "President Zelensky", "Hunter Biden": "Joe Biden"})
    resolved = resolver.resolve(ZELENSKY + [("Joe Biden", "PERSON"), ("Hunter Biden", "PERSON")])
    assert {resolved[text] for text, _ in ZELENSKY} == {"President Zelensky"}
    assert resolved["Hunter Biden"] == resolved["Joe Biden"] == "Joe Biden"


def test_user_can_declare_two_names_distinct() -> None:
    mentions = [("Kyiv", "GPE"), ("Kiev", "GPE"),
                ("Andriy Kostin", "PERSON"), ("Andrei Kostin", "PERSON"), ("Kostin", "PERSON")]
    resolved = AliasResolver({"Kiev": DISTINCT_PREFIX + "Kyiv"},
                             distinct=[("Andrei Kostin", "Andriy Kostin")]).resolve(mentions)
    assert resolved["Kiev"] != resolved["Kyiv"]
    assert resolved["Andrei Kostin"] != resolved["Andriy Kostin"]
    assert resolved["Kostin"] == "Kostin"  # now ambiguous


def test_seed_article_mentions(nlp, seeds_dir) -> None:
    mentions = []
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        mentions += [(e.text, e.label_) for e in doc.ents
                     if e.label_ in {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"}]
    resolved = AliasResolver().resolve(mentions)
    names = {t for t, _ in mentions}
    zelensky = {resolved[t] for t in names if canonical_key(t).endswith("zelensky")}
    assert len(zelensky) == 1
    assert resolved.get("Izyum") == resolved.get("Izium")
    assert resolved["Pavlo Kyrylenko"] != resolved["Andriy Kostin"]


def test_surname_blocks_find_every_matching_pair() -> None:
    """The blocked comparison of surnames finds exactly the pairs that comparing every
    pair would, so merging many names is fast and merges the same ones."""
    from itertools import combinations

    from factdesk.nlp.name_folding import folds_match, surname_fold, surname_neighbours

    surnames = ["Zelenskyy", "Zelenskiy", "Zelensky", "Zelenska", "Kyrylenko", "Kirilenko",
                "Peskov", "Peskova", "Shoigu", "Shoygu", "Li", "Lee", "Ivanov", "Ivanova",
                "Ivanenko", "Schumer", "Shumer", "McConnell", "MacConnell", "Ocasio-Cortez"]
    folds = [surname_fold(s.lower()) for s in surnames]
    neighbours = surname_neighbours(folds)
    brute = {(a, b) for a, b in combinations(sorted(set(folds)), 2) if folds_match(a, b)}
    blocked = {(a, b) for a in neighbours for b in neighbours[a] if a < b}
    assert blocked == brute
    assert brute  # some spellings do match



def test_a_title_aliased_to_a_person_does_not_break_merging() -> None:
    """A bare title ("President") a user aliased to a person joins that person's group;
    it used to stop the merge with an error."""
    mentions = [("Joe Biden", "PERSON"), ("Biden", "PERSON"), ("President", "PERSON"),
                ("Bidden", "PERSON")]
    canonical = AliasResolver({"President": "Joe Biden"}).resolve(mentions)
    assert canonical["President"] == canonical["Biden"] == "Joe Biden"
