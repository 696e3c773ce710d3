"""The whole project as one JSON document, for scripts, tests and backups of meaning.

Top-level lists: ``articles``, ``claims``, ``entities``, ``matches``, ``clusters``,
``verdicts``, ``history`` (every recorded change of a verdict, claim, evidence row or match
decision: who, when, from what to what), ``aliases``, ``archive``, plus ``project``
metadata and the rating scale. A claim carries its ``statement`` (the claim as checked,
null: the sentence); a verdict's rationale comes as a sanitised HTML fragment
(``rationale_html``: the editor's document wrapper, fonts and unsafe links removed) and as
plain text with its line breaks (``rationale_text``).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from factdesk import __version__
from factdesk.core.project import Project
from factdesk.matching.clusters import fact_clusters
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


def project_to_json(project: Project) -> dict[str, Any]:
    """Everything in ``project`` as plain JSON-ready data."""
    scale = project.rating_scale()
    matches = project.matches.all()
    verdicts = []
    for v in project.verdicts.all():
        rating = scale.by_name(v.rating)
        verdicts.append(
            {
                "claim_id": v.claim_id,
                "rating": v.rating,
                "rating_value": rating.value if rating else None,
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
        "project": {"name": project.name, "checker": project.checker},
        "rating_scale": scale.to_json(),
        "articles": [_article(a) for a in project.articles.iter_all()],
        "claims": [_claim(c) for c in project.claims.iter_all()],
        "entities": [
            {"article_id": m.article_id, "start": m.start, "end": m.end, "text": m.text,
             "label": m.label, "canonical": m.canonical}
            for m in project.entities.mentions()
        ],
        "aliases": [asdict(a) for a in project.entities.aliases()],
        "matches": [
            {"id": m.id, "claim_a": m.claim_a, "claim_b": m.claim_b, "score": round(m.score, 4),
             "relation": m.relation, "discrepancies": list(m.discrepancies),
             "decision": m.decision}
            for m in matches
        ],
        "clusters": [
            {"id": i + 1, "claims": group} for i, group in enumerate(fact_clusters(matches))
        ],
        "verdicts": verdicts,
        "history": [asdict(h) for h in project.verdicts.all_history()],
        "archive": [asdict(c) for c in project.archive.all()],
    }
