"""Undoable user edits as command objects, each applied and reverted in one transaction.

Set a verdict field, add/edit/remove evidence, mark a claim by hand, change a claim's
span, state the claim as checked, delete a claim, accept/reject a match. ``apply`` and ``revert`` return the
:class:`ChangeSet` of what they touched and record every change in the history table.
The :class:`UndoStack` keeps the session's commands; the GUI mirrors it in its Edit menu.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace

from factdesk.core.project import Project
from factdesk.model.anchoring import context_for
from factdesk.model.changes import ChangeSet
from factdesk.model.models import ClaimDraft, VerdictField, web_address
from factdesk.storage.matches import DecisionState


class CommandError(ValueError):
    """An edit that cannot be made (unknown claim, bad span, unknown rating)."""


class Command(ABC):
    """An undoable edit. Subclasses implement ``_apply`` and ``_revert``."""

    title = "edit"

    @property
    def changed(self) -> bool:
        """Whether the last apply changed anything (an edit that changed nothing is not
        kept on the undo stack)."""
        return True

    def apply(self, project: Project) -> ChangeSet:
        with project.transaction():
            return self._apply(project)

    def revert(self, project: Project) -> ChangeSet:
        with project.transaction():
            return self._revert(project)

    @abstractmethod
    def _apply(self, project: Project) -> ChangeSet:
        """Make the change (inside the caller's transaction)."""

    @abstractmethod
    def _revert(self, project: Project) -> ChangeSet:
        """Undo the change (inside the caller's transaction)."""


def checked_web_address(url: str) -> str:
    try:
        return web_address(url)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def _claim_or_fail(project: Project, claim_id: int):  # Claim
    claim = project.claims.get(claim_id)
    if claim is None:
        raise CommandError(f"there is no claim {claim_id}")
    return claim


@dataclass
class SetVerdictField(Command):
    """Set the rating, status or rationale of a claim's verdict."""

    claim_id: int
    field: VerdictField
    value: str | None
    old: str | None = None
    checker: str = ""
    unchanged: bool = False  # the value was already set: nothing written, nothing to undo

    def __post_init__(self) -> None:
        try:
            self.field = VerdictField(self.field)
        except ValueError:
            names = ", ".join(f.value for f in VerdictField)
            raise CommandError(f"a verdict has no field {self.field!r}; it has: {names}") \
                from None

    @property
    def changed(self) -> bool:
        return not self.unchanged

    @property
    def title(self) -> str:  # type: ignore[override]
        return f"set {self.field.value} of claim {self.claim_id}"

    def _apply(self, project: Project) -> ChangeSet:
        _claim_or_fail(project, self.claim_id)
        if self.field is VerdictField.RATING and self.value is not None:
            rating = project.rating_scale().by_name(self.value)
            if rating is None:
                names = ", ".join(project.rating_scale().names())
                raise CommandError(f"unknown rating {self.value!r}; the scale has: {names}")
            self.value = rating.name
        verdict = project.verdicts.get(self.claim_id)
        self.old = getattr(verdict, self.field) if verdict else None
        self.unchanged = verdict is not None and self.old == self.value
        if self.unchanged:  # no history row "True -> True", no change of checker
            return ChangeSet()
        self.checker = self.checker or project.checker
        project.verdicts.set_field(self.claim_id, self.field, self.value, self.checker)
        project.verdicts.record("verdict", self.claim_id, self.field.value, self.old, self.value,
                                self.checker)
        return ChangeSet(verdicts=True, claim_ids=frozenset({self.claim_id}))

    def _revert(self, project: Project) -> ChangeSet:
        if self.unchanged:
            return ChangeSet()
        project.verdicts.set_field(self.claim_id, self.field, self.old, self.checker)
        project.verdicts.record("verdict", self.claim_id, self.field.value, self.value, self.old,
                                self.checker)
        return ChangeSet(verdicts=True, claim_ids=frozenset({self.claim_id}))


@dataclass
class AddEvidence(Command):
    """Attach a source (url, title, note) to a claim's verdict."""

    claim_id: int
    url: str
    title_text: str = ""
    note: str = ""
    evidence_id: int | None = None
    title = "add evidence"

    def _apply(self, project: Project) -> ChangeSet:
        _claim_or_fail(project, self.claim_id)
        if self.evidence_id is None:
            self.url = checked_web_address(self.url)
            self.evidence_id = project.verdicts.add_evidence(
                self.claim_id, self.url, self.title_text, self.note
            )
        else:
            project.verdicts.set_evidence_deleted(self.evidence_id, False)
        project.verdicts.record("evidence", self.evidence_id, "added", None, self.url,
                                project.checker)
        return ChangeSet(verdicts=True, claim_ids=frozenset({self.claim_id}))

    def _revert(self, project: Project) -> ChangeSet:
        assert self.evidence_id is not None
        project.verdicts.set_evidence_deleted(self.evidence_id, True)
        project.verdicts.record("evidence", self.evidence_id, "removed", self.url, None,
                                project.checker)
        return ChangeSet(verdicts=True, claim_ids=frozenset({self.claim_id}))


@dataclass
class RemoveEvidence(Command):
    """Remove one evidence row (kept in the file, so that undo brings it back)."""

    evidence_id: int
    claim_id: int = 0
    title = "remove evidence"

    def _apply(self, project: Project) -> ChangeSet:
        row = project.verdicts.get_evidence(self.evidence_id)
        if row is None:
            raise CommandError(f"there is no evidence {self.evidence_id}")
        self.claim_id = row.claim_id
        project.verdicts.set_evidence_deleted(self.evidence_id, True)
        project.verdicts.record("evidence", self.evidence_id, "removed", row.url, None,
                                project.checker)
        return ChangeSet(verdicts=True, claim_ids=frozenset({self.claim_id}))

    def _revert(self, project: Project) -> ChangeSet:
        project.verdicts.set_evidence_deleted(self.evidence_id, False)
        project.verdicts.record("evidence", self.evidence_id, "restored", None, "",
                                project.checker)
        return ChangeSet(verdicts=True, claim_ids=frozenset({self.claim_id}))


@dataclass
class EditEvidence(Command):
    """Change the url, title or note of an evidence row."""

    evidence_id: int
    values: dict[str, str]
    old: dict[str, str] = field(default_factory=dict)
    claim_id: int = 0
    title = "edit evidence"

    def _apply(self, project: Project) -> ChangeSet:
        row = project.verdicts.get_evidence(self.evidence_id)
        if row is None:
            raise CommandError(f"there is no evidence {self.evidence_id}")
        self.claim_id = row.claim_id
        if "url" in self.values:
            self.values = {**self.values, "url": checked_web_address(self.values["url"])}
        self.old = {k: getattr(row, k) for k in self.values}
        project.verdicts.update_evidence(self.evidence_id, **self.values)
        for k, v in self.values.items():
            project.verdicts.record("evidence", self.evidence_id, k, self.old[k], v,
                                    project.checker)
        return ChangeSet(verdicts=True, claim_ids=frozenset({self.claim_id}))

    def _revert(self, project: Project) -> ChangeSet:
        project.verdicts.update_evidence(self.evidence_id, **self.old)
        return ChangeSet(verdicts=True, claim_ids=frozenset({self.claim_id}))


def same_span(text: str, span: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two spans of ``text`` mark the same words: equal, or overlapping and
    differing only by characters that are no word (a quotation mark, a full stop, a
    space left out or taken in with the mouse)."""
    if span == other:
        return True
    low, high = max(span[0], other[0]), min(span[1], other[1])
    if low >= high:
        return False
    extra = text[min(span[0], other[0]):low] + text[high:max(span[1], other[1])]
    return not any(ch.isalnum() for ch in extra)


@dataclass
class MarkClaim(Command):
    """Mark a span of an article as a claim by hand.

    When the span is that of a live detected claim (the same words, give or take
    punctuation), that claim is promoted instead of a second one created: it becomes a
    hand-marked claim (always shown, scored 1.0 as the checker's) and keeps its span,
    analysis, matches and verdict. Undo makes it a detected claim again, with its score.
    A span that already is a hand-marked claim is refused.
    """

    article_id: int
    start: int
    end: int
    kind: str = "other"
    claim_id: int | None = None
    #: (origin, score) of the detected claim promoted, None when a claim was created
    promoted: tuple[str, float] | None = None
    title = "mark claim"

    def _existing(self, project: Project, text: str, start: int,
                  end: int) -> tuple[int, str, float] | None:
        """(id, origin, score) of the live claim of these words, hand-marked ones first."""
        found = [(origin != "manual", cid, origin, score)
                 for cid, _article, c_start, c_end, score, origin
                 in project.claims.spans(self.article_id)
                 if same_span(text, (start, end), (c_start, c_end))]
        if not found:
            return None
        _, cid, origin, score = min(found)
        return cid, origin, score

    def _apply(self, project: Project) -> ChangeSet:
        article = project.articles.get(self.article_id)
        if article is None:
            raise CommandError(f"there is no article {self.article_id}")
        text = article.text
        start, end = self.start, self.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if not 0 <= start < end <= len(text):
            raise CommandError("select some text of the article to mark it as a claim")
        if self.claim_id is None:
            existing = self._existing(project, text, start, end)
            if existing is not None and existing[1] == "manual":
                raise CommandError(f"these words are already claim {existing[0]}, "
                                   "marked by hand")
            if existing is not None:
                self.claim_id, origin, score = existing
                self.promoted = (origin, score)
        if self.promoted is not None:
            assert self.claim_id is not None
            _claim_or_fail(project, self.claim_id)  # redone after detection replaced it
            project.claims.update(self.claim_id, origin="manual", score=1.0)
            project.verdicts.record("claim", self.claim_id, "origin", self.promoted[0],
                                    "manual", project.checker)
            # already read and matched as a detected claim: nothing to analyse again
            return ChangeSet(claims=True, claim_ids=frozenset({self.claim_id}),
                             article_ids=frozenset({self.article_id}))
        if self.claim_id is None:
            prefix, suffix = context_for(text, start, end)
            self.claim_id = project.claims.add(
                self.article_id,
                ClaimDraft(start, end, text[start:end], prefix, suffix, self.kind, 1.0,
                           origin="manual"),
            )
        else:
            project.claims.set_deleted(self.claim_id, False)
        project.verdicts.record("claim", self.claim_id, "marked", None, text[start:end],
                                project.checker)
        return ChangeSet(claims=True, claim_ids=frozenset({self.claim_id}),
                         article_ids=frozenset({self.article_id}),
                         analyse_claim_ids=frozenset({self.claim_id}))

    def _revert(self, project: Project) -> ChangeSet:
        assert self.claim_id is not None
        if self.promoted is not None:
            origin, score = self.promoted
            project.claims.update(self.claim_id, origin=origin, score=score)
            project.verdicts.record("claim", self.claim_id, "origin", "manual", origin,
                                    project.checker)
        else:
            project.claims.set_deleted(self.claim_id, True)
        return ChangeSet(claims=True, claim_ids=frozenset({self.claim_id}),
                         article_ids=frozenset({self.article_id}))


@dataclass
class DeleteClaim(Command):
    """Delete a claim (soft: undo restores it with its verdict and matches)."""

    claim_id: int
    article_id: int = 0
    title = "delete claim"

    def _apply(self, project: Project) -> ChangeSet:
        claim = _claim_or_fail(project, self.claim_id)
        self.article_id = claim.article_id
        project.claims.set_deleted(self.claim_id, True)
        project.verdicts.record("claim", self.claim_id, "deleted", claim.text, None,
                                project.checker)
        return ChangeSet(claims=True, matches=True, claim_ids=frozenset({self.claim_id}),
                         article_ids=frozenset({self.article_id}))

    def _revert(self, project: Project) -> ChangeSet:
        project.claims.set_deleted(self.claim_id, False)
        project.verdicts.record("claim", self.claim_id, "restored", None, "", project.checker)
        return ChangeSet(claims=True, matches=True, claim_ids=frozenset({self.claim_id}),
                         article_ids=frozenset({self.article_id}))


@dataclass
class ChangeClaimSpan(Command):
    """Move a claim's start and end (re-quoting its text and context).

    A detected claim the new span takes in (more than half of its words), which nothing
    protects (no verdict, evidence or decided match, not marked by hand), is deleted
    with the move: joining a sentence cut in two ("... “live” explosives" and "New York
    City Police Commissioner James O’Neill said.") leaves one claim, not the joined one
    and its first half. Undo restores it."""

    claim_id: int
    start: int
    end: int
    old: tuple[int, int] | None = None
    absorbed: tuple[int, ...] = ()
    title = "adjust claim boundaries"

    def _absorb(self, project: Project, article_id: int) -> tuple[int, ...]:
        """The unprotected detected claims of the article the new span takes in."""
        protected = project.claims.protected_ids(article_id)
        found = []
        for cid, _article, c_start, c_end, _score, origin in project.claims.spans(article_id):
            shared = min(c_end, self.end) - max(c_start, self.start)
            if cid != self.claim_id and cid not in protected and origin == "detected" \
                    and shared > (c_end - c_start) / 2:
                found.append(cid)
        for cid in found:
            project.claims.set_deleted(cid, True)
            project.verdicts.record("claim", cid, "deleted", None, f"in claim {self.claim_id}",
                                    project.checker)
        return tuple(found)

    def _set(self, project: Project, start: int, end: int) -> ChangeSet:
        claim = _claim_or_fail(project, self.claim_id)
        article = project.articles.get(claim.article_id)
        assert article is not None
        if not 0 <= start < end <= len(article.text):
            raise CommandError("a claim must cover at least one character of its article")
        prefix, suffix = context_for(article.text, start, end)
        project.claims.update(self.claim_id, start=start, end=end,
                              text=article.text[start:end], prefix=prefix, suffix=suffix)
        project.verdicts.record("claim", self.claim_id, "span", f"{claim.start}-{claim.end}",
                                f"{start}-{end}", project.checker)
        return ChangeSet(claims=True, claim_ids=frozenset({self.claim_id}),
                         article_ids=frozenset({claim.article_id}),
                         analyse_claim_ids=frozenset({self.claim_id}))

    def _apply(self, project: Project) -> ChangeSet:
        claim = _claim_or_fail(project, self.claim_id)
        self.old = (claim.start, claim.end)
        changes = self._set(project, self.start, self.end)
        self.absorbed = self._absorb(project, claim.article_id)
        if not self.absorbed:
            return changes
        return replace(changes, matches=True,
                       claim_ids=changes.claim_ids | frozenset(self.absorbed))

    def _revert(self, project: Project) -> ChangeSet:
        assert self.old is not None
        changes = self._set(project, *self.old)
        for cid in self.absorbed:
            project.claims.set_deleted(cid, False)
            project.verdicts.record("claim", cid, "restored", None, "", project.checker)
        if not self.absorbed:
            return changes
        return replace(changes, matches=True,
                       claim_ids=changes.claim_ids | frozenset(self.absorbed))


#: Google's advice for ``claimReviewed``: under 75 characters.
STATEMENT_ADVISED_LENGTH = 75
STATEMENT_MAX_LENGTH = 1000


def clean_statement(text: str | None) -> str | None:
    """A statement as stored: one line, runs of spaces as one; None when empty."""
    cleaned = " ".join((text or "").split())
    return cleaned or None


@dataclass
class SetClaimStatement(Command):
    """State the claim as checked (a short statement; empty: the sentence as printed)."""

    claim_id: int
    statement: str | None
    old: str | None = None
    article_id: int = 0
    unchanged: bool = False

    @property
    def changed(self) -> bool:
        return not self.unchanged

    @property
    def title(self) -> str:  # type: ignore[override]
        return f"state claim {self.claim_id} as checked"

    def _apply(self, project: Project) -> ChangeSet:
        claim = _claim_or_fail(project, self.claim_id)
        self.article_id = claim.article_id
        value = clean_statement(self.statement)
        if value is not None and len(value) > STATEMENT_MAX_LENGTH:
            raise CommandError(f"a statement of the claim as checked is a sentence: "
                               f"{len(value)} characters is too long "
                               f"(at most {STATEMENT_MAX_LENGTH})")
        if value == " ".join(claim.text.split()):
            value = None  # the sentence itself: follow it
        self.statement, self.old = value, claim.statement
        self.unchanged = self.old == value
        if self.unchanged:
            return ChangeSet()
        project.claims.set_statement(self.claim_id, value)
        project.verdicts.record("claim", self.claim_id, "statement", self.old, value,
                                project.checker)
        return ChangeSet(claims=True, claim_ids=frozenset({self.claim_id}),
                         article_ids=frozenset({self.article_id}))

    def _revert(self, project: Project) -> ChangeSet:
        if self.unchanged:
            return ChangeSet()
        project.claims.set_statement(self.claim_id, self.old)
        project.verdicts.record("claim", self.claim_id, "statement", self.statement, self.old,
                                project.checker)
        return ChangeSet(claims=True, claim_ids=frozenset({self.claim_id}),
                         article_ids=frozenset({self.article_id}))


@dataclass
class DecideMatch(Command):
    """Accept or reject a suggested match (``None`` clears the decision).

    A decision is made on what the match shows now: deciding a match the same way again
    (after a re-analysis changed it, :mod:`factdesk.model.match_changes`) takes its new
    relation and differences as what it was decided on. Undo puts the earlier decision
    back exactly: who, when and what it was made on."""

    match_id: int
    decision: str | None
    old: str | None = None
    before: DecisionState | None = None
    title = "decide match"

    def _apply(self, project: Project) -> ChangeSet:
        match = project.matches.get(self.match_id)
        if match is None:
            raise CommandError(f"there is no match {self.match_id}")
        if self.decision not in (None, "accepted", "rejected"):
            raise CommandError("a match is accepted or rejected")
        self.old = match.decision
        self.before = project.matches.decision_state(self.match_id)
        project.matches.set_decision(self.match_id, self.decision, project.checker)
        project.verdicts.record("match", self.match_id, "decision", self.old, self.decision,
                                project.checker)
        return ChangeSet(matches=True, claim_ids=frozenset({match.claim_a, match.claim_b}))

    def _revert(self, project: Project) -> ChangeSet:
        if self.before is not None:
            project.matches.restore_decision(self.match_id, self.before)
        else:
            project.matches.set_decision(self.match_id, self.old, project.checker)
        project.verdicts.record("match", self.match_id, "decision", self.decision, self.old,
                                project.checker)
        match = project.matches.get(self.match_id)
        ids = frozenset({match.claim_a, match.claim_b}) if match else frozenset()
        return ChangeSet(matches=True, claim_ids=ids)


class UndoStack:
    """The session's edits, undoable and redoable in order."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.done: list[Command] = []
        self.undone: list[Command] = []

    def push(self, command: Command) -> ChangeSet:
        changes = command.apply(self.project)
        if command.changed:  # pressing the rating a claim already has leaves no undo step
            self.done.append(command)
            self.undone.clear()
        return changes

    def undo(self) -> ChangeSet:
        if not self.done:
            return ChangeSet()
        command = self.done.pop()
        changes = command.revert(self.project)
        self.undone.append(command)
        return changes

    def redo(self) -> ChangeSet:
        if not self.undone:
            return ChangeSet()
        command = self.undone.pop()
        changes = command.apply(self.project)
        self.done.append(command)
        return changes

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)

    def clear(self) -> None:
        """Forget every edit (after a change the stack cannot take back, such as removing
        an article: its edits could not be undone any more)."""
        self.done.clear()
        self.undone.clear()

    def undo_text(self) -> str:
        return self.done[-1].title if self.done else ""

    def redo_text(self) -> str:
        return self.undone[-1].title if self.undone else ""
