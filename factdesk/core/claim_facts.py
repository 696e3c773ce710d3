"""A stored claim's facts as matching compares them, with the people of its article.

The panel's reason line (the window's across-sources cards, ``factdesk matches``) is
read from :class:`~factdesk.matching.discrepancies.ClaimFacts` of two stored claims;
they carry the article's person mentions, which say who a surname alone is
(:mod:`factdesk.nlp.person_identity`), so the line tells people apart as the matching
run that stored the match did.
"""

from __future__ import annotations

from factdesk.core.project import Project
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.model.models import Claim


def stored_claim_facts(project: Project, claim: Claim, outlet: str = "") -> ClaimFacts:
    """The facts of ``claim`` (of ``outlet``), with its article's people."""
    return ClaimFacts.from_claim(claim, outlet=outlet,
                                 people=tuple(project.entities.people(claim.article_id)))
