"""The typographic apostrophe inside a word, read as the straight one the model learnt.

Most news text writes "O’Neill", "D’Amato", "didn’t" with the typographic apostrophe ’
(U+2019); spaCy's English models were trained on text that mostly has the straight '.
The small model then tags "O’Neill" an adverb, leaves it out of the sentence's subject
("New York City Police Commissioner James O’Neill said" had no name after "James") and
often out of the PERSON entity ("O’Neill said the devices were live": no subject at
all). With the straight apostrophe it reads the same words right.

``factdesk_apostrophes`` (first in the pipeline, before the tagger's token vectors) gives
each word holding ’ between two letters the lexical features of its straight spelling:
its norm (``token.norm_``) and its shape (a property of the word in the vocabulary, so
set on the vocabulary's entry, the same for every document). The text, the offsets and
every token's ``text`` stay as written; only what the statistical components read
changes. A word that starts with ’ ("’s", "’em") or ends with it, and one the tokenizer
gives a norm of its own ("n’t" is "not"), is left alone.

This module imports spaCy at module level, so only :mod:`factdesk.nlp.pipeline` imports
it, lazily, when the pipeline is first built.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

TYPOGRAPHIC = "\u2019"


@Language.factory("factdesk_apostrophes")
def make_apostrophe_reader(nlp: Language, name: str) -> StraightApostrophes:
    return StraightApostrophes()


class StraightApostrophes:
    """Gives words with a typographic apostrophe inside their straight spelling's norm
    and shape (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        vocab = doc.vocab
        for token in doc:
            text = token.text
            if TYPOGRAPHIC not in text[1:-1] or not (text[0].isalpha() and text[-1].isalpha()) \
                    or token.norm_ != token.lower_:
                continue  # "’s"; "n’t", whose norm the tokenizer already gives ("not")
            straight = text.replace(TYPOGRAPHIC, "'")
            token.norm_ = vocab[straight].norm_
            entry = vocab[text]
            if entry.shape_ != (shape := vocab[straight].shape_):
                entry.shape_ = shape
        return doc
