"""Canonical spellings of entity mentions: project-wide, and per batch of an import.

:func:`canonical_forms` resolves every spelling in the project (user aliases win) and
:func:`refresh_canonical_forms` rewrites the mentions and claims whose canonical form
changed. An import stores its articles in batches, each with canonical forms at once;
:class:`BatchSpellings` gives them. In a project of up to
:data:`LARGE_PROJECT_NAMES` spellings every batch is resolved project-wide. In a larger
archive that would cost seconds per batch, so a batch's new spellings are resolved
only with the stored ones they could merge with (the same folded name or folded last
word), known spellings keep their stored form, and the project-wide pass that ends
every import (:func:`refresh_canonical_forms`) settles the rest once. Claims read by
hand take their spellings the same way; a spelling of theirs that no mention uses is
not settled by that pass, but follows the group of the form it was given when an alias
edit or import changes that group's form.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from factdesk.core.claim_index import INDEXES
from factdesk.core.project import Project
from factdesk.model.changes import ChangeSet
from factdesk.model.models import ClaimDraft
from factdesk.nlp.aliases import AliasResolver
from factdesk.nlp.name_folding import canonical_key
from factdesk.nlp.person_names import respelled_apart
from factdesk.nlp.pipeline import with_canonical_entities

#: Above this many distinct spellings, batches are resolved against related ones only.
LARGE_PROJECT_NAMES = 5_000
Name = tuple[str, str]  # (spelling, spaCy label)


def canonical_forms(project: Project, extra: Sequence[Name] = ()) -> dict[str, str]:
    """Canonical display form of every entity spelling in the project (aliases win)."""
    user = {a.variant: a.canonical for a in project.entities.aliases()}
    names = list(dict.fromkeys([*project.entities.names_by_label(), *extra]))
    # a given name one letter apart is a slip, unless one article writes both
    people = project.entities.people_by_article()
    written = Counter(name for names in people for name in names)
    return AliasResolver(user, respelled_apart(people), written).resolve(names)


def refresh_canonical_forms(project: Project) -> ChangeSet:
    """Re-merge spellings project-wide (after an import or an alias edit).

    Only mentions and claims whose spelling changed canonical form are rewritten.
    """
    before = project.entities.canonical_map()
    canonical = canonical_forms(project)
    changed_texts = {t for t, c in canonical.items() if before.get(t) != c}
    if not changed_texts:
        return ChangeSet()
    rewritten = []
    with project.transaction():
        project.entities.recanonicalise({t: canonical[t] for t in changed_texts})
        for claim in project.claims.mentioning(changed_texts):
            rewritten.append(claim.id)
            draft = with_canonical_entities(
                ClaimDraft(claim.start, claim.end, claim.text, "", "", claim.kind, claim.score,
                           claim.speaker, claim.origin, entities=claim.entities,
                           lemmas=claim.lemmas),
                canonical,
            )
            project.claims.update(claim.id, entities=draft.entities, speaker=draft.speaker,
                                  lemmas=draft.lemmas)
    # the search's spelling index holds the canonical forms: told once they are written
    # (a warm-up reading on its own connection sees only what is committed)
    project.search.forget_mentions()
    INDEXES.invalidate(project, rewritten)  # their entity keys changed
    return ChangeSet(entities=True, claims=True)


def _merge_keys(text: str) -> set[str]:
    """Folded keys under which another spelling could merge with ``text``: the whole
    name and its last word ("Zelenskiy" / "Volodymyr Zelenskyy")."""
    key = canonical_key(text)
    return {key, key.rsplit(" ", 1)[-1]} - {""}


class BatchSpellings:
    """Canonical forms for the mentions of each batch one import stores (see the module
    docstring); one instance per import run."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._large: bool | None = None
        self._known: dict[str, str] = {}  # large projects: spelling -> stored canonical
        self._by_key: dict[str, list[Name]] = defaultdict(list)
        self._user: dict[str, str] = {}

    def forms(self, new_names: Sequence[Name]) -> dict[str, str]:
        """Canonical form of each of ``new_names`` (and of every known spelling)."""
        if self._large is None:
            self._large = self.project.entities.distinct_spellings() > LARGE_PROJECT_NAMES
            if self._large:
                self._load()
        if not self._large:
            return canonical_forms(self.project, new_names)
        return self._provisional(new_names)

    def _load(self) -> None:
        self._known = self.project.entities.canonical_map()
        for name in self.project.entities.names_by_label():
            for key in _merge_keys(name[0]):
                self._by_key[key].append(name)
        self._user = {a.variant: a.canonical for a in self.project.entities.aliases()}

    def _provisional(self, new_names: Sequence[Name]) -> dict[str, str]:
        known = self._known
        fresh = [n for n in dict.fromkeys(new_names) if n[0] not in known]
        result = dict(known)
        if not fresh:
            return result
        related = list(dict.fromkeys(
            name for text, _ in fresh for key in _merge_keys(text)
            for name in self._by_key.get(key, ())))
        resolved = AliasResolver(self._user).resolve([*fresh, *related])
        stored: dict[str, str] = {}  # a group with stored spellings keeps their form
        for text, _ in related:
            stored.setdefault(resolved.get(text, text), known[text])
        for name in fresh:
            text = name[0]
            if text not in result:
                group = resolved.get(text, text)
                result[text] = stored.get(group, group)
            known.setdefault(text, result[text])
            for key in _merge_keys(text):
                self._by_key[key].append(name)
        return result
