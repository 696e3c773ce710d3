"""Deciding how two claims relate: same fact, conflicting, related, or not at all.

The pair model's probability (trained on MRPC, calibrated) is the main evidence, but MRPC
only holds lexically similar pairs, so it knows nothing of two outlets reporting one
fact in different words, nor of a translated quote. This module combines it with the
graded STS similarity and with the structure FactDesk reads from each claim:

* **same fact** when the model says so (unless two quotes agree only in their
  attribution, "…,” she said); or when both claims quote the same speaker in
  similar words about the same things (a quote translated twice); or when both date
  the same person's event relative to the same moment ("until four days ago" /
  "5 days after recapture"), which only makes sense for the same event;
* **related** when the model is unsure or the graded similarity is high and the two
  share rare vocabulary; a related pair never scores at the same-fact threshold
  (:mod:`factdesk.matching.pair_score`);
* **conflicting** when a same-fact pair carries a contradicting difference, or its event
  frames place one event in two places (:mod:`factdesk.matching.event_frames`);
* only **related** when the frames show another event of the same kind (another place,
  no one in common);
* only **related** ("reaction") when the same-event path alone would link them but one
  claim is the words of a speaker the other neither quotes nor names: a reaction to the
  event, not a report of it (:mod:`factdesk.matching.reactions`);
* only **related** ("same story") when the same-event head is sure but the frames hold
  only the story's protagonist and its usual words, and the sentences are not alike
  in meaning (his wife's plea / his plea); a figure both give with the same person
  (the suspect's age) is a detail of one fact;
* only **related** ("same story") too when, in a project, what the frames share beyond
  the names the story gives in most of its claims (:mod:`factdesk.matching.story_names`:
  "Trump" in half the shutdown coverage) is too little: the protagonist and a sum the
  story is about ("$5.7 billion"), the protagonist and a place without sentences alike in
  meaning. The protagonist still counts with a time or with what was done ("Zelensky"
  and "Wednesday"). The story's sum is evidence only when both claims say it of the same
  thing (:mod:`factdesk.matching.shared_figures`: "his demands for $5.7 billion" twice,
  not the demand and the bill's "in exchange for $5.7 billion"); with it, what was done
  in common must be more than the story's usual words ("wall", "border");
* not **same fact** when the frames hold the story's lead (the name it gives most by
  far, "Scalise") and its usual day ("Wednesday") and nothing else of one event: one
  sign of the story, unless the day is told of the person in both ("Zelensky on
  Wednesday visited" / "Zelenskyy looked on Wednesday");
* only **related** ("another event") when the two name other people as the one the act
  was done to ("addressed to Brennan" / "to Clapper": :mod:`factdesk.matching.recipients`);
* **conflicting** ("toll") when two claims of a project's articles on one story count
  the people one harm struck with other figures, however else worded ("striking four
  people" / "Six people ... were injured"): one count of one thing told two ways (two
  texts compared alone may tell two shootings: related, the conflict shown);
* **same fact** though worded alike (where the same-fact head's "no" otherwise stands)
  when the frames pin one act: the same people, two action lemmas and a day named by
  month and day ("keep the government open ... until Feb. 15" / "a bill to open the
  government through Feb. 15"; :attr:`~factdesk.matching.event_frames.FrameAlignment.pins_one_act`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from factdesk.matching.contradictions import charge_status, is_title_case
from factdesk.matching.date_discrepancies import day_offsets, same_anchor
from factdesk.matching.discrepancies import (
    WORDING_MAX,
    ClaimFacts,
    find_discrepancies,
    is_conflicting,
    is_partial_quote,
    measure_of,
    quote_similarity,
    quote_text,
    same_speaker,
    speaker_name,
    toll_conflict,
    wording_note,
)
from factdesk.matching.event_frames import (
    SAME_ACTION_LEMMAS,
    SHARED_FIGURE_MIN,
    FrameAlignment,
    actor_of_another_event,
    compare_frames,
    event_frame,
    place_discrepancy,
)
from factdesk.matching.negation_words import words_of
from factdesk.matching.pair_score import pair_score
from factdesk.matching.quote_words import SAID_WORDS_MIN, quote_stems, quote_word_sets
from factdesk.matching.reactions import reaction_by, reaction_note
from factdesk.matching.recipients import recipient_of_another_event
from factdesk.matching.shared_figures import figure_evidence
from factdesk.matching.timed_actions import dated_alike
from factdesk.model.models import Discrepancy

#: Graded similarity (0-1) above which a pair sharing rare terms is "related".
RELATED_SIMILARITY = 0.45
#: ... and the IDF-weighted vocabulary (retrieval cosine) it must share for that.
RELATED_TERM_SIMILARITY = 0.1
#: Graded similarity at which two quotes of one speaker sharing content words are the
#: same quote in other words.
QUOTE_SIMILARITY = 0.40
#: Quoted content words two quotes share that make them one quote (or half the shorter's).
QUOTE_SHARED_WORDS = 2
#: Graded similarity at which two claims that time one person's event alike are linked.
DATED_EVENT_SIMILARITY = 0.2
#: Model probability up to which two quotes alike only in their attribution are not
#: taken for one quote (above it the model is trusted: on MRPC the pairs it then flags
#: are the same quote whose quotation marks are unbalanced).
FRAME_OVERRULE_MAX = 0.75
#: Share of the same-event threshold enough when the frames pin one event (the same
#: place and people: "Zelenskiy likened ... Bucha" / his quote "pictures from Bucha").
PINNED_EVENT_SHARE = 0.5
#: Graded similarity a same-event pair needs when its frames support one event only by
#: who and what was done (a story's protagonist and its usual words) and name no place
#: in common: below it the two sentences say other things about one story, which is
#: "related" ("his wife pleaded guilty to filing false tax returns" / "Jackson's guilty
#: plea was to a conspiracy charge"). Set on the BASIL audit's four dev events.
EVENT_SIMILARITY = 0.38
#: Same-event probability at which the head is trusted without that similarity ("Zelensky
#: visited Izyum on Wednesday" / "Zelensky looked on Wednesday as the flag was raised").
CONFIDENT_EVENT = 0.75
#: Word overlap (rapidfuzz ``token_set_ratio``, 0-100) from which two sentences are
#: worded alike enough for the same-fact head alone to decide: it learned on such pairs
#: (MRPC), where "not the same" means the sentences tell one event with other details.
#: The same-event path is for one fact told in other words.
WORDED_ALIKE = 62.0
#: ... when the shorter has at least this share of the longer's words: MRPC's pairs are
#: of comparable length; a headline against a whole sentence ("Nebraska and Oklahoma Sue
#: Colorado Over Marijuana Law" / "The states of Nebraska and Oklahoma filed a federal
#: lawsuit ...") shares most of the shorter one's words without being the head's case.
COMPARABLE_LENGTH = 0.5
#: Graded similarity below which the same-fact head alone (under
#: :data:`FRAME_OVERRULE_MAX`) does not decide: two sentences with next to nothing in
#: common in meaning ("We were like sitting ducks." / "Ms. Pelosi sat for an
#: interview ...", probability 0.46, similarity 0.11) are no one fact.
MODEL_SIMILARITY_FLOOR = 0.2
#: Score under which a "related" suggestion is not kept, unless it carries a conflict
#: (one apology dated a day apart, 0.09): the panel's tail of pairs that share a word
#: or two (0.06-0.07 on the suspicious-packages event).
RELATED_SCORE_FLOOR = 0.1


@dataclass(frozen=True)
class Relation:
    """The decision on one pair: a score in [0, 1], the relation and the differences."""

    score: float
    relation: str | None  # "same fact", "conflicting", "related" or None (unrelated)
    discrepancies: tuple[Discrepancy, ...] = ()
    reason: str = ""  # "model", "quote", "dated event", "same event", "same story",
    #                   "similar", "another event", "reaction", "toll", "charges" or ""


def _quotes_share_words(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The quoted words share two content words, or half of the shorter quote's: one
    word in common is a topic ("virtual invasion purposes" / "talking about an invasion
    of our country"), not one quote. The names in them are set aside (:func:`_word_sets`):
    two remarks of a lawyer both name "Special Agent Strzok"."""
    words_a, words_b = quote_word_sets(a, b)
    shared = len(words_a & words_b)
    return shared >= QUOTE_SHARED_WORDS or shared > 0 and \
        2 * shared >= min(len(words_a), len(words_b))


def is_same_quote(a: ClaimFacts, b: ClaimFacts, similarity: float) -> bool:
    """Both quote one known speaker, in similar words about the same things."""
    if not (a.is_quote and b.is_quote) or similarity < QUOTE_SIMILARITY:
        return False
    # the quoted words first: cached per claim, where telling the speakers apart may
    # take an alias resolution of both claims' names
    return _quotes_share_words(a, b) and same_speaker(a, b) is True


def only_the_frame_agrees(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two quotes whose quoted words share nothing: what looks alike is the attribution
    ("…,” Ms. Pelosi said.), which short quotes of one speaker all share. Quotes made
    only of short or common words ("He may not have been there") cannot tell. Words are
    compared by their stems: one answer rendered twice may not repeat a word exactly
    ("no pressure" / "nobody who pressured"), where two quotes taken for one
    (:func:`is_same_quote`) must."""
    if not (a.is_quote and b.is_quote):
        return False
    stems_a, stems_b = (quote_stems(words) for words in quote_word_sets(a, b))
    return bool(stems_a) and bool(stems_b) and not stems_a & stems_b


def other_speakers_words(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two quotes by two different known speakers whose quoted words share nothing
    (Trump's "We must never allow political violence ..." / Steyer's "We're thankful
    that everyone ... is safe"): each said their own thing, which is no one fact."""
    if not (a.is_quote and b.is_quote) or _quotes_share_words(a, b):
        return False
    return same_speaker(a, b) is False


def two_remarks(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two quotes of one speaker whose quoted words are not one quote's
    (:func:`_quotes_share_words`, names and titles set aside): the lawyer's "... a
    departure from typical bureau practice ..." and his "A lengthy investigation ... failed
    to produce a shred of evidence ..." are two remarks on one story, not one fact told
    twice; one remark told twice is :func:`is_same_quote`'s."""
    if not (a.is_quote and b.is_quote):
        return False
    words_a, words_b = quote_word_sets(a, b)
    shorter = min(len(words_a), len(words_b))
    shared = len(words_a & words_b)
    # a word in three of the shorter quote's is one remark's ("disgraceful" / "I thought
    # her comments were disgraceful"); quotes of fewer words cannot tell
    if shorter < SAID_WORDS_MIN or shared >= QUOTE_SHARED_WORDS or 3 * shared >= shorter:
        return False
    return same_speaker(a, b) is True


def lone_place(alignment: FrameAlignment) -> bool:
    """The frames share a place and nothing else: no one, no time, no act (a state named
    in both, "They originated ... from Florida" / "their search in Florida")."""
    return bool(alignment.shared_where) and not (
        alignment.shared_who or alignment.shared_when or alignment.shared_action)


def worded_alike(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether the two sentences, of comparable length (:data:`COMPARABLE_LENGTH`), share
    most of their words (:data:`WORDED_ALIKE`)."""
    words_a, words_b = len(a.text.split()), len(b.text.split())
    if min(words_a, words_b) < COMPARABLE_LENGTH * max(words_a, words_b):
        return False
    return fuzz.token_set_ratio(a.text.lower(), b.text.lower()) >= WORDED_ALIKE


def is_same_dated_event(a: ClaimFacts, b: ClaimFacts, similarity: float) -> bool:
    """One person's event dated in both claims relative to what may be the same moment,
    or one person's action dated on one day (:func:`~factdesk.matching.timed_actions.dated_alike`)."""
    if similarity < DATED_EVENT_SIMILARITY or not a.shares_a_person(b):
        return False
    oa, ob = day_offsets(a), day_offsets(b)
    return any(same_anchor(x, y) for x in oa for y in ob) or dated_alike(a, b)


def shares_a_figure(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether both claims give one exact figure of the same kind ("Cesar Sayoc, 56" /
    "Cesar Sayoc Jr., 56"; "$84,000" twice): a detail two accounts of one event share."""
    figures = {(measure_of(a, q)[0], q.value) for q in a.quantities
               if q.qualifier == "exact" and q.value is not None
               and q.value >= SHARED_FIGURE_MIN}
    return any((measure_of(b, q)[0], q.value) in figures for q in b.quantities
               if q.qualifier == "exact")


def is_story_name(key: str, story_names: frozenset[str]) -> bool:
    """Whether the frame key ``key`` is one of ``story_names``, or names it more or less
    fully ("ted cruz" / "cruz": the outlets and the claims of one article do not always
    give a name in full)."""
    return key in story_names or any(
        key.endswith(" " + name) or name.endswith(" " + key) for name in story_names)


def beyond_the_story(alignment: FrameAlignment, a: ClaimFacts, b: ClaimFacts,
                     story_names: frozenset[str]) -> FrameAlignment:
    """``alignment`` without the shared names that are the story's main actors and places
    (:mod:`factdesk.matching.story_names`): named in most of the story's claims, they
    are no evidence that two of them report one event."""
    if not story_names or not (alignment.shared_who or alignment.shared_where):
        return alignment
    fa, fb = event_frame(a), event_frame(b)
    main_who = {surface for frame in (fa, fb) for key, surface in frame.who.items()
                if is_story_name(key, story_names)}
    main_where = {surface for frame in (fa, fb) for key, surface in frame.where.items()
                  if is_story_name(key, story_names)}
    return replace(
        alignment,
        shared_who=tuple(n for n in alignment.shared_who if n not in main_who),
        shared_where=tuple(n for n in alignment.shared_where if n not in main_where))


def story_moment_only(alignment: FrameAlignment, a: ClaimFacts, b: ClaimFacts,
                      story_people: frozenset[str], story_days: frozenset[str]) -> bool:
    """Whether the who and when the frames share are only the story's lead or main names
    and its usual day ("Scalise" and "Wednesday" in the baseball shooting's claims: the
    lawmakers' "sitting ducks" / the hospital's statement): in nearly every claim of the
    story, together they are one sign of the story, not two of one event."""
    if not (alignment.shared_who and alignment.shared_when and story_days):
        return False
    if not all(day in story_days for day in alignment.shared_when):
        return False
    if beyond_the_story(alignment, a, b, story_people).shared_who:
        return False
    # the day told of the person's own act in both ("Zelensky on Wednesday visited" /
    # "Zelenskyy looked on Wednesday as the anthem was sung") is the when of one act
    return not all(_day_of_the_person(facts, alignment.shared_when, story_people)
                   for facts in (a, b))


#: Words at most between a person's name and a day for the day to be told of the person
#: ("Zelensky on Wednesday visited", "On Wednesday, Mr. Fox expressed").
DAY_OF_PERSON_GAP = 2


def _day_of_the_person(facts: ClaimFacts, days: tuple[str, ...],
                       story_people: frozenset[str]) -> bool:
    """Whether the claim names one of the story's people next to one of ``days``."""
    names = {surface.split()[-1].casefold() for key, surface in event_frame(facts).who.items()
             if is_story_name(key, story_people) and surface.split()}
    words = [w.casefold() for w in words_of(facts.text)]
    at_day = [k for k, w in enumerate(words) if w.removesuffix("'s") in days]
    at_name = [k for k, w in enumerate(words) if w.removesuffix("'s") in names]
    return any(abs(i - j) - 1 <= DAY_OF_PERSON_GAP for i in at_day for j in at_name)


def _supports_one_event(alignment: FrameAlignment, evidence: FrameAlignment,
                        figure: bool, story_moment: bool = False) -> bool:
    """Whether the frames support one event (before the similarity asked of them): a
    place of their own in common, or two of who, when and what was done (the story's
    protagonist is one of them: "Zelensky" and "Wednesday"), or a figure both give with
    someone of their own ("Cesar Sayoc, 56"), or given with the story's protagonist and
    something done ("Farenthold ... would repay the $84,000"): the protagonist and a sum
    the story is about are in half its claims ("Trump" and "$5.7 billion")."""
    if evidence.shared_where:
        return True
    # the story's lead and its usual day count as one (``story_moment``)
    slots = (bool(alignment.shared_who) + (bool(alignment.shared_when) and not story_moment)
             + (len(alignment.shared_action) >= SAME_ACTION_LEMMAS))
    protagonist_only = bool(alignment.shared_who) and not evidence.shared_who
    return slots >= 2 or figure and (
        bool(evidence.shared_who) or protagonist_only and bool(alignment.shared_action))


def own_evidence(a: ClaimFacts, b: ClaimFacts, story_names: frozenset[str],
                 story_words: frozenset[str], story_figures: frozenset[tuple[str, float]],
                 story_days: frozenset[str]) -> bool:
    """Whether the two frames share something of the pair's own, beyond what the story
    gives in most of its claims (:mod:`factdesk.matching.story_names`): a person or place
    not the story's, a day not its usual one or named by month and day, an action lemma
    not among its words, a figure said of one thing, or quoted words. Two claims sharing
    none of it ("The lawsuit says Colorado marijuana flows into neighboring states ..." /
    "he intends to defend the state's marijuana laws") share the story, not one fact.
    A headline in title case is not judged so: with every word capitalised its frames
    are not read reliably (names and lemmas), so they would miss what it shares."""
    if is_title_case(a.text.split()) or is_title_case(b.text.split()):
        return True
    alignment = compare_frames(a, b)
    evidence = beyond_the_story(alignment, a, b, story_names)
    if evidence.shared_who or evidence.shared_where or alignment.shared_dates:
        return True
    if any(day not in story_days for day in alignment.shared_when):
        return True
    if any(word not in story_words for word in alignment.shared_action):
        return True
    if figure_evidence(a, b, story_figures)[0]:
        return True
    return a.is_quote and b.is_quote and _quotes_share_words(a, b)


def own_person_and_act(a: ClaimFacts, b: ClaimFacts, story_names: frozenset[str],
                       story_words: frozenset[str]) -> bool:
    """Whether, in a story, the frames share someone of the pair's own (not one of the
    story's names) and what was done (:data:`SAME_ACTION_LEMMAS` action lemmas not among
    the story's words): "Goelman said bureau Deputy Director David Bowdich “overruled”
    the FBI's Office of Professional Responsibility" / "the deputy director of the F.B.I.,
    David Bowdich, had overruled the Office of Professional Responsibility" are one act
    told twice, not MRPC's "one event, other details". Outside a story (two texts
    compared alone) nothing tells the story's names from the pair's own."""
    if not (story_names or story_words):
        return False
    alignment = compare_frames(a, b)
    if alignment.verdict != "aligned":
        return False
    own_who = beyond_the_story(alignment, a, b, story_names).shared_who
    own_acts = [word for word in alignment.shared_action if word not in story_words]
    return bool(own_who) and len(own_acts) >= SAME_ACTION_LEMMAS


def _wording(a: ClaimFacts, b: ClaimFacts) -> Discrepancy | None:
    """The wording note for a same quote the discrepancy finder found too different."""
    similarity = quote_similarity(a.text, b.text)
    if similarity >= WORDING_MAX or is_partial_quote(a.text, b.text):
        return None
    note = wording_note(a, b, speaker_name(a) or speaker_name(b), similarity)
    return Discrepancy("wording", "variant", note, quote_text(a.text), quote_text(b.text))


def decide(
    probability: float,
    similarity: float,
    a: ClaimFacts,
    b: ClaimFacts,
    *,
    same_threshold: float,
    related_threshold: float,
    term_similarity: float | None = None,
    event: float = 0.0,
    event_threshold: float = 1.01,
    ranking_event: float | None = None,
    story_names: frozenset[str] = frozenset(),
    story_figures: frozenset[tuple[str, float]] = frozenset(),
    story_words: frozenset[str] = frozenset(),
    story_days: frozenset[str] = frozenset(),
    story_lead: frozenset[str] = frozenset(),
) -> Relation:
    """The relation of two claims from the model probability and graded similarity.

    ``term_similarity`` is the retrieval cosine of the two claims' rare terms when the
    pair came from the candidate index (``None`` for a free comparison). ``event`` is
    the same-event head's probability: at ``event_threshold`` or above, two claims whose
    event frames align (they share who, where or what was done, and place it nowhere
    else) report the same fact, one perhaps in more detail. ``story_names``: the frame
    keys of the names the pair's two articles give in most of their claims
    (:mod:`factdesk.matching.story_names`; none for two sentences compared alone),
    which alone are no evidence of one event; ``story_figures`` and ``story_words``, the
    figures and action lemmas they keep returning to (a figure counts only when both
    say it of the same thing, :mod:`factdesk.matching.shared_figures`); ``story_days``
    and ``story_lead``, its usual day words and the name it gives most by far, which with
    its main names are one sign of the story together, not two of one event. The score is
    :func:`~factdesk.matching.pair_score.pair_score` of both probabilities, in the band
    of the relation found, with ``ranking_event`` for the same-event one when given (the
    head's ranking probability, which orders pairs but decides nothing).
    """
    ranked = event if ranking_event is None else ranking_event

    def score(same_band: bool) -> float:
        return pair_score(probability, ranked, same_band=same_band,
                          same_threshold=same_threshold, related_threshold=related_threshold)

    reason = ""
    alignment = None
    remarks = False  # two quotes of one speaker, not one quote (:func:`two_remarks`)
    same_story = False  # the same-event head is sure, the sentences say other things
    story_known = bool(story_names or story_words)
    if probability >= same_threshold and (probability >= FRAME_OVERRULE_MAX or (
            similarity >= MODEL_SIMILARITY_FLOOR and not only_the_frame_agrees(a, b)
            and not other_speakers_words(a, b) and (not story_known or own_evidence(
                a, b, story_names, story_words, story_figures, story_days)))):
        # under FRAME_OVERRULE_MAX, in a story, the head's "same fact" needs something
        # of the pair's own in the frames; without it, the other paths decide
        reason = "model"
    elif is_same_quote(a, b, similarity):
        reason = "quote"
    elif is_same_dated_event(a, b, similarity):
        reason = "dated event"
    elif event >= event_threshold * PINNED_EVENT_SHARE and not only_the_frame_agrees(a, b) \
            and not other_speakers_words(a, b) and not (remarks := two_remarks(a, b)) \
            and (not worded_alike(a, b) or compare_frames(a, b).pins_one_act
                 or own_person_and_act(a, b, story_names, story_words)):
        # worded alike, the same-fact head's "no" stands (MRPC's "one event, other
        # details"), unless the frames pin one act: who, what and the day named alike
        alignment = compare_frames(a, b)
        # the story's main actors and places are in most of its claims: they are no
        # evidence of one event on their own (:mod:`factdesk.matching.story_names`)
        evidence = beyond_the_story(alignment, a, b, story_names)
        if event < event_threshold:  # only when the frames pin one event
            # ... by people of their own, or by a place of their own in sentences alike
            # in meaning: the story's protagonist "from Bucha" in both ("the same
            # pictures from Bucha" / "Zelenskiy likened ... to Bucha", 0.41), not the
            # new senator "from Massachusetts" and his staff "in Massachusetts" (0.21)
            one_event = alignment.pins_one_event and (
                alignment.verdict != "aligned" or bool(evidence.shared_who)
                or bool(evidence.shared_where) and similarity >= EVENT_SIMILARITY)
        else:
            figure, story_sum = figure_evidence(a, b, story_figures)
            moment = story_moment_only(alignment, a, b, story_names | story_lead, story_days)
            if story_sum and not evidence.shared_who:
                # the story's protagonist and the story's sum said of other things: what
                # was done in common must be more than the story's usual words ("wall")
                own = tuple(w for w in alignment.shared_action if w not in story_words)
                alignment_own = replace(alignment, shared_action=own)
                supported = _supports_one_event(alignment_own, evidence, figure, moment)
            else:
                supported = _supports_one_event(alignment, evidence, figure, moment)
            # a place in common pins one event when something else is shared too (the
            # speech "to the group in Norwalk"); a state named alone does not ("a
            # criminal history in Florida" / "They originated ... from Florida"), nor
            # with the story's protagonist only
            placed = bool(evidence.shared_where) and bool(
                evidence.shared_who or evidence.shared_action or evidence.shared_when)
            one_event = alignment.verdict != "aligned" or placed or alignment.pins_one_act or (
                supported and (similarity >= EVENT_SIMILARITY or event >= CONFIDENT_EVENT))
            # what the frames share, the story's names and sums included: one story, not
            # one fact
            same_story = not one_event and not lone_place(alignment) and (
                alignment.supports_one_event or bool(alignment.shared_who)
                and (figure or story_sum))
        if one_event:
            reason = "same event"
    elif remarks and event >= event_threshold:
        same_story = True  # two remarks of one speaker on one story: related
    if reason and alignment is None:
        alignment = compare_frames(a, b)
    if reason and reason != "quote" and alignment is not None \
            and alignment.verdict == "another event":
        # the same kind of action in another place, by no one in common: a look-alike
        found = tuple(find_discrepancies(a, b, same_fact=False))
        return Relation(score(False), "related", found, "another event")
    if reason == "same event" and not figure_evidence(a, b, story_figures)[0] \
            and (reaction := reaction_by(a, b)) is not None:
        # one event, but one claim is someone's words on it the other does not report (a
        # figure both give is one detail: "Cesar Sayoc, 56, ..., Chris Wray confirmed")
        found = (reaction_note(a, b, reaction), *find_discrepancies(a, b, same_fact=False))
        return Relation(score(False), "related", found, "reaction")
    if reason:
        found = find_discrepancies(a, b)
        if reason != "quote" and (other := recipient_of_another_event(
                a.text, b.text, found, (a.outlet, b.outlet))) is not None:
            # the same kind of act done to two people: a look-alike, not one fact
            return Relation(score(False), "related",
                            (other, *find_discrepancies(a, b, same_fact=False)),
                            "another event")
        if reason in ("same event", "dated event") and alignment is not None and (
                other := actor_of_another_event(a, b, found, alignment)) is not None:
            # other people and nothing else pinning one event: two events of one kind
            found = (other, *find_discrepancies(a, b, same_fact=False))
            return Relation(score(False), "related", found, "another event")
        if alignment is not None and alignment.verdict == "place conflict":
            found = [place_discrepancy(a, b, alignment), *found]
        if reason == "quote" and not any(d.kind in ("wording", "attribution") for d in found):
            note = _wording(a, b)
            found = found + [note] if note else found
        relation = "conflicting" if is_conflicting(found) else "same fact"
        return Relation(score(True), relation, tuple(found), reason)
    related = probability >= related_threshold or same_story
    if tolls := toll_conflict(a, b):
        # one story's toll told twice with other figures, however else worded: one count
        # of one thing, told two ways ("striking four people" / "Six people ... were
        # injured"), a conflict to flag, where the pair came from a project's articles on
        # one story (``term_similarity`` given); two texts compared alone may tell two
        # shootings: related, with the conflict shown
        if term_similarity is None:
            if not related:
                return Relation(score(False), "related", tuple(tolls), "toll")
        else:
            keys = {(d.kind, d.a_text, d.b_text) for d in tolls}
            found = (*tolls, *(d for d in find_discrepancies(a, b, same_fact=False)
                               if (d.kind, d.a_text, d.b_text) not in keys))
            return Relation(score(True), "conflicting", found, "toll")
    if not related and (charges := charge_status(a, b)) is not None:
        # charged / no charges yet: a difference of the story to check
        return Relation(score(False), "related", (charges,), "charges")
    if not related:
        shares_terms = term_similarity is None or term_similarity >= RELATED_TERM_SIMILARITY
        if similarity < RELATED_SIMILARITY or not shares_terms:
            return Relation(score(False), None)
    found = tuple(find_discrepancies(a, b, same_fact=False))
    if score(False) < RELATED_SCORE_FLOOR and not any(d.severity == "conflict" for d in found):
        # near nothing by both heads, and no conflict to show: panel noise
        return Relation(score(False), None)
    why = "model" if probability >= related_threshold else "same story" if same_story else "similar"
    return Relation(score(False), "related", found, why)
