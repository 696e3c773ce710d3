"""The whole project as one JSON document, for scripts, tests and backups of meaning.

Top-level lists: ``articles``, ``claims``, ``entities``, ``matches``, ``clusters``,
``verdicts``, ``history`` (every recorded change of a verdict, claim, evidence row or match
decision: who, when, from what to what), ``aliases``, ``archive``, plus ``project``
(its name and the publishing settings: checker, organisation and its url, the report's
url and title, the claim threshold) and the rating scale. A claim carries its ``statement`` (the claim as checked,
null: the sentence) and ``reported_differently``: the other outlets' reports of the same
event with a different detail that the checker accepted (conflicting matches), each with
outlet, date, url, their sentence and the differences. A verdict's rationale comes as a
sanitised HTML fragment (``rationale_html``: the editor's document wrapper, fonts and
unsafe links removed) and as plain text with its line breaks (``rationale_text``); its
``rating_value`` / ``best_rating`` / ``worst_rating`` are the scale's numbers, as in
ClaimReview (null for a rating off the scale, such as Misleading).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from factdesk import __version__
from factdesk.core.project import Project
from factdesk.matching.clusters import fact_clusters
from factdesk.model.match_changes import decision_change
from factdesk.model.models import Match, differences_told
from factdesk.report.published_wording import contradicts
from factdesk.report.richtext import html_to_text, sanitise_html
from factdesk.storage.rows import now_iso


def _article(a: Any) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "author": a.author,
        "date": a.published,
        "url": a.url,
        "source_file": a.source_name,
        "imported_at": a.imported_at,
        "text_hash": a.text_hash,
        "text": a.text,
    }


def _reported_differently(project: Project, matches: list[Match],
                          articles: dict[int, dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """Claim id -> the accepted conflicting reports of its event by other outlets (an
    accepted related one with a contradicting difference too, as the reports tell it)."""
    accepted = [m for m in matches if m.decision == "accepted" and (
        m.relation == "conflicting" or m.relation == "related" and contradicts(m))]
    claims = project.claims.get_many(sorted({c for m in accepted
                                             for c in (m.claim_a, m.claim_b)}))
    found: dict[int, list[dict[str, Any]]] = {}
    names = project.articles.outlet_names()
    for match in accepted:
        for mine, theirs in ((match.claim_a, match.claim_b), (match.claim_b, match.claim_a)):
            other = claims.get(theirs)
            if other is None:
                continue
            article = articles.get(other.article_id, {})
            found.setdefault(mine, []).append({
                "match_id": match.id, "claim_id": other.id,
                "outlet": article.get("outlet", ""), "date": article.get("date"),
                "url": article.get("url", ""), "text": other.text,
                "differences": list(differences_told(
                    match.discrepancies, names, (other.article_id, claims[mine].article_id)
                    if mine in claims else (other.article_id,))),
            })
    return found


def _claim(c: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "article_id": c.article_id,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "prefix": c.prefix,
        "suffix": c.suffix,
        "kind": c.kind,
        "score": round(c.score, 4),
        "speaker": c.speaker,
        "origin": c.origin,
        "quantities": list(c.quantities),
        "times": list(c.times),
        "entities": list(c.entities),
        "statement": c.statement,
    }


def _project_block(project: Project) -> dict[str, Any]:
    """The project's name and the settings a publisher needs to publish its checks: who
    checks, the organisation and its address, the report's address and title (null when
    not set), the claim threshold and share (what each article shows by default)."""
    settings = project.project_settings()
    return {"name": project.name, "checker": project.checker,
            "organisation": settings.organisation,
            "organisation_url": settings.organisation_url,
            "report_url": settings.report_url, "report_title": settings.report_title,
            "claim_threshold": settings.claim_threshold,
            "claim_share": settings.claim_share}


def project_to_json(project: Project) -> dict[str, Any]:
    """Everything in ``project`` as plain JSON-ready data."""
    scale = project.rating_scale()
    matches = project.matches.all()
    names = project.articles.outlet_names()  # differences told with the outlets now
    article_of = {c.id: c.article_id for c in project.claims.iter_all()}
    articles = [_article(a) for a in project.articles.iter_all()]
    differently = _reported_differently(project, matches, {a["id"]: a for a in articles})
    verdicts = []
    for v in project.verdicts.all():
        rating = scale.by_name(v.rating)
        numbered = rating is not None and rating.value is not None
        verdicts.append(
            {
                "claim_id": v.claim_id,
                "rating": v.rating,
                "rating_value": rating.value if rating else None,
                "best_rating": scale.best if numbered else None,
                "worst_rating": scale.worst if numbered else None,
                "publishable": rating.publishable if rating else None,
                "status": v.status,
                "rationale_html": sanitise_html(v.rationale),
                "rationale_text": html_to_text(v.rationale),
                "checker": v.checker,
                "created_at": v.created_at,
                "updated_at": v.updated_at,
                "evidence": [
                    {"url": e.url, "title": e.title, "note": e.note, "accessed": e.accessed}
                    for e in v.evidence
                ],
            }
        )
    return {
        "factdesk_version": __version__,
        "exported_at": now_iso(),
        "project": _project_block(project),
        "rating_scale": scale.to_json(),
        "articles": articles,
        "claims": [{**_claim(c), "reported_differently": differently.get(c.id, [])}
                   for c in project.claims.iter_all()],
        "entities": [
            {"article_id": m.article_id, "start": m.start, "end": m.end, "text": m.text,
             "label": m.label, "canonical": m.canonical}
            for m in project.entities.mentions()
        ],
        "aliases": [asdict(a) for a in project.entities.aliases()],
        "matches": [
            {"id": m.id, "claim_a": m.claim_a, "claim_b": m.claim_b, "score": round(m.score, 4),
             "relation": m.relation, "discrepancies": names.now(
                 m.discrepancies, sides := [article_of[c] for c in (m.claim_a, m.claim_b)
                                            if c in article_of]),
             "decision": m.decision, "decided_relation": m.decided_relation,
             "decided_discrepancies": names.now(m.decided_discrepancies, sides),
             "unrelated": m.unrelated,
             "changed": change.note if (change := decision_change(
                 names.match_now(m, sides))) else None}
            for m in matches
        ],
        "clusters": [
            {"id": i + 1, "claims": group} for i, group in enumerate(fact_clusters(matches))
        ],
        "verdicts": verdicts,
        "history": [asdict(h) for h in project.verdicts.all_history()],
        "archive": [asdict(c) for c in project.archive.all()],
    }


def project_json_text(project: Project) -> str:
    """The whole project as the text of ``factdesk export --format json``."""
    return json.dumps(project_to_json(project), ensure_ascii=False, indent=2) + "\n"


def write_project_json(project: Project, output: Path) -> None:
    """The project as JSON in ``output``, written atomically (``name.part``, replaced)."""
    tmp = output.with_name(output.name + ".part")
    try:
        tmp.write_text(project_json_text(project), encoding="utf-8")
        tmp.replace(output)
    finally:
        tmp.unlink(missing_ok=True)
