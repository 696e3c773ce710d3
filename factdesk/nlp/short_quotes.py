"""Short quotations kept whole: a reply of a few short sentences is one statement.

News quotes short spoken or written replies of several sentences in one pair of marks
(Mr. Strzok responds: “No. No he won’t. We’ll stop it.”; Trump is “not ever going to
become president, right? Right?!”). Split at each full stop, the fragments are under the
four words a claim candidate needs, so the statement the story turns on was no
candidate at all, and the fragments swelled the article's sentence count (which sets the
triage budget). :func:`keep_short_quotations_whole` marks the tokens of such a quotation
as no sentence start, so it stays in the sentence that introduces it, with its speaker.

Only a quotation that would leave such a fragment is kept whole: one of at most
:data:`MAX_QUOTED_WORDS` words with a sentence of fewer than :data:`MIN_FRAGMENT_WORDS`
words ("No."). Quoted sentences long enough to be claims ("We don’t like him. We don’t
want him.", "We lost 30 tanks. …") stay statements of their own.
"""

from __future__ import annotations

from typing import Any

from numpy import searchsorted

from factdesk.nlp.quote_spans import find_quote_spans

#: Words a quotation may have and still be kept whole when it holds several sentences.
MAX_QUOTED_WORDS = 15
#: Words a claim candidate needs (the claim detector's ``min_tokens``): a quoted sentence
#: shorter than this would be no candidate on its own.
MIN_FRAGMENT_WORDS = 4
_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "..."})


def keep_short_quotations_whole(doc: Any) -> None:
    """Set ``is_sent_start = False`` on every token inside a short quotation of several
    sentences, and on its closing mark (``doc``: a spaCy ``Doc`` before parsing)."""
    text = doc.text
    if "“" not in text and '"' not in text and "«" not in text:
        return
    starts: Any = None  # the tokens' character offsets, read once a quotation qualifies
    for begin, end in find_quote_spans(text):
        quoted = text[begin:end]
        if "\n" in quoted or len(quoted.split()) > MAX_QUOTED_WORDS:
            continue
        if starts is None:
            starts = doc.to_array("IDX")  # not a Token object per word: a 30th of a parse
        first = int(searchsorted(starts, begin))
        last = int(searchsorted(starts, end))  # the closing mark's token, when any
        inside = doc[first:last]
        if not _leaves_a_fragment(inside):
            continue
        for token in doc[first + 1 : last + 1]:
            if token.idx <= end:  # the quoted words after the first, and the closing mark
                token.is_sent_start = False


def _leaves_a_fragment(inside: Any) -> bool:
    """Whether the quoted tokens hold several sentences, one of them shorter than
    :data:`MIN_FRAGMENT_WORDS` words."""
    counts = [0]
    for i, token in enumerate(inside):
        if token.text in _SENTENCE_ENDS:
            if i < len(inside) - 1 and inside[i + 1].text not in _SENTENCE_ENDS:
                counts.append(0)
        elif any(c.isalnum() for c in token.text):
            counts[-1] += 1
    counts = [n for n in counts if n]
    return len(counts) > 1 and min(counts) < MIN_FRAGMENT_WORDS
