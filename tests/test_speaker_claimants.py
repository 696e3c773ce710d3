"""Who said a claim, as FactDesk publishes it (review 18, findings 1, 6, 9 and 15): a
surname written with the typographic apostrophe, a body's whole name, the person who
"called" or "agreed", a bare attribution cut off its sentence, a name after a title, an
office's holder lost by the parser, "the hospital", "his office", two outlets; and the
ClaimReview author of a claim whose speaker is unknown. The real spaCy model reads every
text."""

from __future__ import annotations

from speaker_reading import speakers

from factdesk.nlp.pipeline import ClaimExtractor


def _sentences(extractor: ClaimExtractor, text: str) -> list[tuple[str, str | None]]:
    doc = extractor.nlp(text)
    return [(s.text.strip(), s._.speaker) for s in doc.spans["sentences"]]


# --- finding 1: the whole name -------------------------------------------------------

def test_a_surname_with_a_typographic_apostrophe_is_kept(extractor) -> None:
    """spaCy tags "O’Neill" (’, as most news text writes it) an adverb: the surname was
    dropped and "James" published."""
    text = ("Investigators were treating the devices as live explosives, New York City "
            "Police Commissioner James O’Neill said.")
    assert speakers(extractor, text) == ["James O’Neill"]
    assert speakers(extractor, "Sen. Alfonse D’Amato said the bill failed.") == [
        "Alfonse D’Amato"]


def test_a_surname_alone_with_a_typographic_apostrophe_speaks(extractor) -> None:
    """Alone, "O’Neill" was no subject at all: no speaker."""
    text = ("New York City Police Commissioner James O’Neill spoke on Friday.\n\n"
            "O’Neill said the devices were live. “We are ready,” O’Neill told reporters.")
    assert speakers(extractor, text)[1:] == ["O’Neill", "O’Neill"]


def test_the_apostrophe_changes_no_text_and_no_contraction(extractor) -> None:
    doc = extractor.nlp("He didn’t know what O’Neill’s office said.")
    assert doc.text == "He didn’t know what O’Neill’s office said."
    assert [t.norm_ for t in doc if t.text == "n’t"] == ["not"]


def test_a_body_named_with_of_is_named_whole(extractor) -> None:
    """"the Department of Justice said" was "Department" ("of Justice" is no compound),
    published lower-cased as "department"."""
    text = "Sayoc has been charged with five federal crimes, the Department of Justice said."
    assert speakers(extractor, text) == ["Department of Justice"]


def test_a_hyphenated_place_keeps_the_body_whole(extractor) -> None:
    text = ("The Miami-Dade County Police Department confirmed Thursday it was helping "
            "federal agents.")
    assert speakers(extractor, text) == ["Miami-Dade County Police Department"]


def test_calling_something_something_and_agreeing_that_are_statements(extractor) -> None:
    """Fox News: Ryan Morris's and Larry Johnson's words had no speaker, so the
    ClaimReview named Fox News their author."""
    text = ("Ryan Morris, founder of Tripwire Operation Group, a company that provides "
            "explosives training to law enforcement and military officials, called the "
            "devices “Mickey Mouse” bombs that were meant to be found.\n\n"
            "Larry Johnson, a former head of criminal investigations for the U.S. Secret "
            "Service, agreed that bomb makers usually leave evidence behind.")
    assert speakers(extractor, text) == ["Ryan Morris", "Larry Johnson"]


def test_calling_someone_and_agreeing_to_act_are_no_statements(extractor) -> None:
    text = ("John Smith called the police on Friday.\n\n"
            "Jane Doe agreed to pay the fine.")
    assert speakers(extractor, text) == [None, None]


# --- finding 6: a bare attribution cut off its sentence ------------------------------

def test_a_bare_attribution_after_a_quotation_is_joined_to_it(extractor) -> None:
    text = ("Police said the packages were found on Friday.\n\n"
            "“We will not back down.” Police Commissioner James O’Neill said.")
    found = _sentences(extractor, text)
    assert found[-1] == ("“We will not back down.” Police Commissioner James O’Neill said.",
                         "James O’Neill")


def test_the_review_sentence_is_one_claim_with_its_speaker(extractor) -> None:
    """The source has no comma before the name: the fragment "New York City Police
    Commissioner James O’Neill said." was a claim and the report's headline."""
    text = ("Regardless, investigators were treating the devices as “live” explosives New "
            "York City Police Commissioner James O’Neill said.")
    assert _sentences(extractor, text) == [(text, "James O’Neill")]


def test_an_attribution_with_what_was_said_stays_a_sentence(extractor) -> None:
    text = ("The bomb was live. O’Neill said the devices were crude.\n\n"
            "Police Commissioner James O’Neill said.")
    found = _sentences(extractor, text)
    assert [t for t, _ in found] == ["The bomb was live.", "O’Neill said the devices were crude.",
                                     "Police Commissioner James O’Neill said."]


# --- finding 9: speakers missed or cut short -----------------------------------------

def test_a_name_after_a_title_speaks(extractor) -> None:
    """HuffPost: "House Minority Whip" (the name dropped), and his next sentence too."""
    text = ("“There’s going to be a review of exactly what funds can and should be used "
            "in the event there are security concerns by any member,” said House Minority "
            "Whip Steny Hoyer (D-Md.). He added that Ryan was investigating the matter "
            "alongside the Federal Election Commission.")
    assert speakers(extractor, text) == ["Steny Hoyer", "Steny Hoyer"]


def test_a_speech_verb_the_parser_lost_takes_the_name_before_it(extractor) -> None:
    """HuffPost: "said" parsed as an auxiliary with no subject; Sessions had no claim."""
    text = ("Asked why Sayoc appeared to be targeting Democratic politicians and others "
            "critical of Trump, Attorney General Jeff Sessions said he didn’t know but that "
            "the suspect “appears to be a partisan”")
    assert speakers(extractor, text) == ["Jeff Sessions"]


def test_the_hospital_is_the_hospital_named_before(extractor) -> None:
    text = ("Scalise underwent surgery at the MedStar Washington Hospital Center after being "
            "shot in the hip. In a statement Wednesday night, the hospital said Scalise "
            "sustained “a single rifle shot to the left hip.”")
    assert speakers(extractor, text)[-1] == "MedStar Washington Hospital Center"


def test_his_office_is_the_office_of_the_person_it_stands_for(extractor) -> None:
    text = ("Before the surgery, Scalise was “in good spirits and spoke to his wife by "
            "phone,” his office said.")
    assert speakers(extractor, text) == ["Scalise's office"]
    text = "Sen. Jane Doe spoke on Monday.\n\nThe bill will fail, her spokesman said."
    assert speakers(extractor, text)[-1] == "Jane Doe's spokesman"


def test_his_lawyer_with_no_one_to_stand_for_stays_as_written(extractor) -> None:
    assert speakers(extractor, "His lawyer said the case was closed.") == ["his lawyer"]


def test_two_outlets_reporting_are_both_named(extractor) -> None:
    text = ("A suspicious package was also found Friday in Burlingame, California, "
            "addressed to Democratic donor Tom Steyer, CNN and NBC reported.")
    assert speakers(extractor, text) == ["CNN and NBC"]


def test_calling_without_an_object_is_no_statement(extractor) -> None:
    """HuffPost: "only call “balls and strikes”" (an umpire's call) is not the judges'
    statement; Roberts, who said it, speaks."""
    text = ("That judges do not, as Chief Justice John Roberts once famously said, only "
            "call “balls and strikes.”")
    assert speakers(extractor, text) == ["John Roberts"]
