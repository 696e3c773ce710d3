"""Classifying the sentences of a parsed article: claim kind, reason, speaker and score.

Kinds, in order of precedence: ``quote`` (inside quotation marks), ``statistic`` (a
number, amount or vague magnitude), ``attribution`` (reported speech: "X said ...",
"according to X"), ``event`` (something happened somewhere or at some time), ``other``.

The check-worthiness score is the trained scorer's calibrated probability as it is: the
cue boosts by kind the pipeline used to add (a quotation mark alone made "You know, I
saw a movie" a 0.55 claim) lowered ClaimBuster's out-of-fold F1 and average precision
(``bench/claims_quality.py``), so none is added. The kind and the reason only describe
a claim; they do not raise it.

The reason (:func:`factdesk.nlp.reasons.claim_reason`) is what makes a sentence
checkable, in a checker's words: "number", "quote", "named source", "comparison",
"verifiable event".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factdesk.nlp.number_idioms import is_idiom
from factdesk.nlp.quantities import names_something
from factdesk.nlp.quote_tails import after_quoted_question
from factdesk.nlp.reasons import claim_reason, counts_a_set
from factdesk.nlp.references import refers_back
from factdesk.nlp.speaker_tracker import tracker_for
from factdesk.nlp.speakers import (
    best_statement,
    find_quote_spans,
    person_name,
    plausible_person,
    speaker_name,
    statements_in,
)
from factdesk.nlp.speech_verbs import speech_verb

NUMBER_ENTS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
VAGUE_NUMBER_WORDS = frozenset(
    {"hundreds", "thousands", "dozens", "millions", "billions", "scores", "tens", "dozen"}
)
TIME_ENTS = frozenset({"DATE", "TIME"})
EVENT_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "PERSON", "ORG"})


@dataclass(frozen=True)
class SentenceAnalysis:
    """One sentence's character span, kind, speaker and check-worthiness score."""

    start: int
    end: int
    kind: str
    score: float
    speaker: str | None
    is_quote: bool
    n_tokens: int
    reason: str = ""


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n\n")
    while pos >= 0:
        starts.append(pos + 2)
        pos = text.find("\n\n", pos + 2)
    return starts


def _trimmed(sent: Any) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return start, end


def _no_figure(token: Any) -> bool:
    """A number token that states no figure: part of a name ("Amendment 64", "Route 66":
    :func:`~factdesk.nlp.quantities.names_something`) or the count of a set the text
    has named ("the two states": :func:`~factdesk.nlp.reasons.counts_a_set`; not "the
    two officers injured in the attack", whose clause tells how many were)."""
    if names_something(token):
        return True
    sent = token.sent
    if is_idiom([t.text for t in sent], token.i - sent.start):
        return True  # "zero in on where the bombs were made", "second-guess"
    # the sentence's text, not the document's (Doc.text joins every token at each read)
    text, at = sent.text, token.idx - sent.start_char
    end = at + len(token.text)
    if not counts_a_set(text[max(0, at - 20):at], token.text, text[end:end + 80]):
        return False
    counted = token.head if token.dep_ == "nummod" else token
    return not any(c.dep_ in ("acl", "relcl") for c in counted.children)


def _number_entities(sent: Any) -> list[Any]:
    """The sentence's entities labelled as numbers (:data:`NUMBER_ENTS`), read from its
    tokens: ``Span.ents`` walks all the document's entities for each sentence."""
    found = []
    start = None
    for token in sent:
        inside = token.ent_type_ in NUMBER_ENTS
        if start is not None and not (inside and token.ent_iob_ == "I"):
            found.append(sent.doc[start:token.i])
            start = None
        if inside and token.ent_iob_ == "B":
            start = token.i
    if start is not None and (sent.end == len(sent.doc)
                              or sent.doc[sent.end].ent_iob_ != "I"):
        found.append(sent.doc[start:sent.end])
    return found


def has_number(sent: Any) -> bool:
    """A count, amount, percentage or vague magnitude (not a date, age or ordinal, nor
    the word "one": "One candidate, Scott Smith, ...", nor a number of a name, a count
    of a named set or a number word of an idiom: :func:`_no_figure`)."""
    for ent in _number_entities(sent):
        if ent.text.lower() != "one":
            numbers = [t for t in ent if t.like_num]
            if not numbers or not all(_no_figure(t) for t in numbers):
                return True
    for token in sent:
        if token.lower_ in VAGUE_NUMBER_WORDS:
            return True
        if token.lower_ == "one":
            continue  # "one of the largest cities", "one candidate" are not counts
        if token.like_num and token.ent_type_ not in ("DATE", "TIME", "ORDINAL") and (
            token.is_digit or token.ent_type_ in NUMBER_ENTS
        ) and not _no_figure(token):
            return True
    return False


def is_event(sent: Any, headline: bool = False) -> bool:
    """A past or present-perfect action anchored to a place, time, person or body (in a
    headline, whose present tense tells what happened, a present one too: "Zelensky
    visits Kharkiv city 5 days after recapture")."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_ in ("be", "have", "seem"):
        return False
    past = root.tag_ in ("VBD", "VBN") or any(
        c.lemma_ == "have" and c.dep_ == "aux" for c in root.children
    ) or (headline and root.tag_ in ("VBZ", "VBP"))
    return past and any(e.label_ in EVENT_ENTS for e in sent.ents)


_CLOSERS = frozenset("\"\u201d\u2019')]\u00bb")
_DASH_CHARS = frozenset("\u2014\u2013\u2015-")


def _continues(prev: Any, sent: Any, text_of_doc: str | None = None) -> bool:
    """Whether ``sent`` is no sentence of its own but the end of ``prev`` (in one
    paragraph): marks with no word (a closing quotation mark the parser cut off at a
    paragraph's end, '"'; an ellipsis; the dash of "WASHINGTON—Joining"), or a lower-case
    word after a closed quotation or bracket ('... public events." added Lauten', '(R-Wisc.)
    to task') or after a quoted exclamation and a dash ('pearls!” — whose commentary'),
    or a name and speech verb after a quoted question ('"Is this fair?" Smith asked.').
    ``text_of_doc``: the doc's text, when the caller has it (``Doc.text`` joins every
    token again at each call)."""
    doc_text = sent.doc.text if text_of_doc is None else text_of_doc
    between = doc_text[prev.end_char:sent.start_char]
    if "\n" in between:
        return False
    text = sent.text.strip()
    if not any(c.isalnum() for c in text):
        return True
    if after_quoted_question(sent.doc, sent.start):
        return True  # '"Is this fair?" | Smith asked.'
    before = prev.text.rstrip()
    word = text.lstrip("".join(_DASH_CHARS)).lstrip()
    if not word[:1].islower():
        return False
    if text[:1] in _DASH_CHARS:
        return before[-1:] in _CLOSERS and before.rstrip("".join(_CLOSERS))[-1:] in "!?"
    return before[-1:] in _CLOSERS and before.rstrip("".join(_CLOSERS))[-1:] in ".!?"


#: What a speech verb of a bare attribution may have besides its subject: when, where,
#: how, to whom ("said on Friday", "said in a statement", "told reporters").
_ATTRIBUTION_DEPS = frozenset({"nsubj", "punct", "npadvmod", "prep", "advmod", "dative",
                               "aux", "neg"})


_ATTRIBUTION_WORDS = 6  # "said in a statement on Friday", "told CNBC", "wrote on Twitter"
_QUOTE_MARKS = frozenset("\"“”«»")


def trailing_attribution(prev: Any, sent: Any, text_of_doc: str | None = None) -> bool:
    """Whether ``sent`` is only the attribution of the sentence before it in the same
    paragraph, cut off from it: "“live” explosives | New York City Police Commissioner
    James O’Neill said.", "“We will not back down.” | Police Commissioner James O’Neill
    said." The sentence before ends in a closing quotation mark or bracket, or in a word
    (cut mid-sentence), not in its own full stop. The fragment is a speech verb with its
    subject and nothing said: no clause, no object (but whom it was told: "told
    reporters"), no quotation, at most a few words of when, where or how. Such a fragment says
    nothing to check, and the words it attributes go without their speaker; joined,
    the sentence is the claim and the attribution names its speaker. ``text_of_doc``:
    the doc's text, when the caller has it."""
    doc_text = sent.doc.text if text_of_doc is None else text_of_doc
    prev_end, start = _trimmed(prev)[1], _trimmed(sent)[0]
    if "\n" in doc_text[prev_end:start]:
        return False
    before = doc_text[prev.start_char:prev_end].rstrip()
    if not (before[-1:] in _CLOSERS or before[-1:].isalnum()):
        return False  # a sentence ended by its own full stop: what follows is new
    root = sent.root
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if not speech_verb(root) or len(subjects) != 1:
        return False
    told = root.lemma_.lower() == "tell"
    if not all(c.dep_ in _ATTRIBUTION_DEPS or (told and c.dep_ == "dobj")
               for c in root.children):
        return False
    subject = {t.i for t in subjects[0].subtree}
    rest = [t for t in sent if t.i not in subject and t.i != root.i and not t.is_punct
            and not t.is_space]
    # "said in a statement that ..." (a clause hung on "statement"), "tweeted about the
    # contrast between ...": what was said, not where or when
    return len(rest) <= _ATTRIBUTION_WORDS and not any(
        t.pos_ in ("VERB", "AUX") and t.head.i != root.i for t in rest) and \
        not any(t.text in _QUOTE_MARKS for t in sent)


def news_sentences(doc: Any) -> list[Any]:
    """The parser's sentences of ``doc``, each continuation (:func:`_continues`) and each
    bare attribution (:func:`trailing_attribution`) joined to the sentence it ends."""
    sents: list[Any] = []
    text = doc.text  # once: Doc.text joins every token again at each call
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        if sents and (_continues(sents[-1], sent, text)
                      or trailing_attribution(sents[-1], sent, text)):
            sents[-1] = doc[sents[-1].start:sent.end]
        else:
            sents.append(sent)
    return sents


def is_headline(text: str, start: int, end: int) -> bool:
    """The article's first line standing alone, without a full stop: its headline."""
    first = not text[:start].strip()
    alone = text[end:end + 1] in ("\n", "")
    return first and alone and not text[start:end].endswith(".")


def classify_sentences(doc: Any, scorer: Any) -> list[SentenceAnalysis]:
    """Every sentence of ``doc`` with its kind, speaker and score."""
    text = doc.text
    quotes = find_quote_spans(text)
    para_starts = _paragraph_starts(text)
    sents = news_sentences(doc)
    spans = [_trimmed(s) for s in sents]
    tracker = tracker_for(doc, quotes)
    para_index = -1
    speakers: list[tuple[str | None, bool]] = []
    paragraph_of: list[int] = []
    last_speaker_of_para: dict[int, str] = {}
    intro_of_para: dict[int, str] = {}
    own_subject: list[bool] = []
    for sent, (start, _end) in zip(sents, spans, strict=True):
        while para_index + 1 < len(para_starts) and para_starts[para_index + 1] <= start:
            para_index += 1
            tracker.start_paragraph()
        paragraph_of.append(para_index)
        speaker = best_statement(statements_in(sent, quotes), tracker)
        own_subject.append(_speaking_subject(sent, quotes))
        speakers.append(speaker)
        subject = tracker.main_subject(sent)
        # PERSON entities, and people named in full elsewhere the NER missed here
        # ("Trump" tagged ORG): each a person a later "he" or "she" may stand for
        named = sorted([(e.start, person_name(e)) for e in sent.ents
                        if e.label_ == "PERSON" and plausible_person(e.text)]
                       + tracker.mentioned(sent))
        people = [name for _, name in named]
        described = tracker.described_subject(sent)
        for start, name in named:
            if described is None or start not in described[0]:
                tracker.note(name, quoted=any(s <= doc[start].idx < e for s, e in quotes))
        if described is not None:  # "Strzok’s attorney ... He added": the attorney
            tracker.note(described[1])
        # "Zelenskiy had this to say:" introduces a quotation; a label ("STORY:") does not
        introduces = sent.text.rstrip().endswith(":") and \
            not sent.text.rstrip().rstrip(":").strip().isupper()
        if introduces and not speaker[0]:
            subjects = [c for c in sent.root.children if c.dep_ == "nsubj"]
            if people:
                speaker = (people[-1], True)
            elif subjects:
                speaker = speaker_name(subjects[0])
        tracker.sentence_done(subject, bool(people) or bool(speaker[0]))
        if speaker[0]:
            tracker.note(*speaker)
            last_speaker_of_para[para_index] = speaker[0]
            if introduces:
                intro_of_para[para_index] = speaker[0]

    def in_quote(start: int, end: int) -> tuple[int, int] | None:
        for qs, qe in quotes:
            overlap = min(end, qe) - max(start, qs)
            if overlap > 0.5 * (end - start) or (qs >= start and qe <= end and qe - qs > 15):
                return qs, qe
        return None

    # The speaker of a quote: from any sentence overlapping it, else the paragraph
    # that introduced it, else the previous paragraph's last speaker.
    # A sentence that only ends a quotation ("Now we have none,” the commander said.")
    # names the speaker of all of it, though it is mostly attribution.
    quote_speaker: dict[tuple[int, int], str | None] = {}
    for i, (start, end) in enumerate(spans):
        touched = [q for q in quotes if min(end, q[1]) - max(start, q[0]) > 0]
        main = in_quote(start, end)
        for q in ([main] if main is not None else []) + [t for t in touched if t != main]:
            if speakers[i][0]:
                quote_speaker.setdefault(q, speakers[i][0])
                if quote_speaker[q] is None:
                    quote_speaker[q] = speakers[i][0]
            elif q == main:
                quote_speaker.setdefault(q, None)
    last_quote_speaker: dict[int, str] = {}
    for q in sorted(quote_speaker):
        para = max(i for i, p in enumerate(para_starts) if p <= q[0])
        if quote_speaker[q]:
            last_quote_speaker[para] = quote_speaker[q]
            continue
        holder = next((i for i, (s, e) in enumerate(spans) if s <= q[0] < e), None)
        if holder is not None and q[0] - 1 > spans[holder][0] and own_subject[holder]:
            # "The inspector general, who uncovered the messages, ... cited that exchange
            # as “...”": words quoted in a sentence whose subject can speak are not the
            # paragraph's earlier speaker's
            continue
        if para in last_quote_speaker:  # "…,” he said. “…” — the same speaker goes on
            quote_speaker[q] = last_quote_speaker[para]
            continue
        whole_paragraph = q[0] - 1 <= para_starts[para] + 1
        prev = para - 1
        if prev in intro_of_para:
            quote_speaker[q] = intro_of_para[prev]
        elif whole_paragraph and prev in last_speaker_of_para:
            quote_speaker[q] = last_speaker_of_para[prev]
        if quote_speaker[q]:
            last_quote_speaker[para] = quote_speaker[q]

    texts = [text[s:e] for s, e in spans]
    base_scores = scorer.score(texts) if texts else []
    results = []
    for i, (sent, (start, end)) in enumerate(zip(sents, spans, strict=True)):
        q = in_quote(start, end)
        speaker, _is_person = speakers[i]
        headline = i == 0 and is_headline(text, start, end)
        if q is not None:
            kind = "quote"
            speaker = quote_speaker.get(q) or speaker
        elif has_number(sent):
            kind = "statistic"
        elif speaker:
            kind = "attribution"
        elif is_event(sent, headline=headline):
            kind = "event"
        else:
            kind = "other"
        results.append(
            SentenceAnalysis(start, end, kind, check_worthiness(float(base_scores[i])),
                             speaker, q is not None,
                             sum(1 for t in sent if not t.is_punct and not t.is_space),
                             claim_reason(kind, speaker, texts[i], has_number(sent),
                                          any(e.label_ in TIME_ENTS for e in sent.ents)))
        )
    return results


def _speaking_subject(sent: Any, quotes: list[tuple[int, int]]) -> bool:
    """Whether the sentence's first subject of a verb, both outside the quotations, is
    someone who can speak (a name, a described source, a description referring back),
    not a pronoun. Not the root's: the parser may root the sentence in the quotation."""
    def quoted(token: Any) -> bool:
        return any(s <= token.idx < e for s, e in quotes)
    subject = next((t for t in sent if t.dep_ == "nsubj" and not quoted(t)
                    and not quoted(t.head)), None)
    if subject is None:
        return False
    return refers_back(subject) or bool(speaker_name(subject)[0])


def check_worthiness(base: float) -> float:
    """A sentence's check-worthiness: the scorer's calibrated probability, 4 decimals
    (no cue boost earned its place on dev data; see the module doc)."""
    return round(min(1.0, max(0.0, base)), 4)
