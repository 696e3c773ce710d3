"""CSV and Markdown verdict reports (plain text renderers of a :class:`ReportData`).

CSV: one row per claim, RFC 4180 quoting, a header row. Written for spreadsheets:

- UTF-8 with a byte-order mark by default (Excel on Windows reads a file without one as
  the local code page and garbles ’, — and Ü); ``--encoding utf-8`` writes none, for
  scripts (Python's ``utf-8-sig`` reads either).
- A cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return) is neutralised as OWASP's "CSV Injection" page advises: a
  single quote before it, so that it shows as text. Numbers the report writes itself
  ("-3" on a scale with negative values) stay numbers.
- The rationale is plain text with its line breaks, in one quoted cell; evidence urls
  are joined with " | ". ``publication`` says "DRAFT" for an unfinished check.
- ``rating_value`` / ``best_rating`` / ``worst_rating`` are ClaimReview's numbers (the
  scale's own: True 6 on 1-6), empty for a rating off the scale (Misleading); the
  archive importer reads these columns back as it reads ClaimReview's.
- ``reviewed_by`` / ``review_url`` / ``review_date`` say who published the check, where
  and when, as the ClaimReview export does (author, url, datePublished), so that the
  archive importer reads a CSV report and its ClaimReview as the same review (its
  identity is publisher + url + claim as checked, the ``statement`` column).
- ``reported_differently``: other outlets that reported the same event with a different
  detail, "Outlet: “their sentence” Difference: …", joined with " | ";
  ``reported_alike``: the same fact (or an accepted related report) as other outlets
  printed it, in the same form ("Outlet (related): …"), the PDF's "As other outlets
  reported it". A suggestion, asked for, is marked "SUGGESTED, not reviewed".

Markdown: one section per claim; the rating with its number on the scale ("Mostly true
(5 on 1-6)"); other outlets' conflicting reports right under the sentence as printed
("Reported differently by AFP"), the same fact as others reported it further down.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from factdesk.model.score_display import score_percent
from factdesk.model.text import counted, shorten
from factdesk.report.claimreview import review_url, reviewer_name
from factdesk.report.data import (
    ClaimEntry,
    OtherReport,
    ReportData,
    moment_text,
    source_note,
)
from factdesk.report.quotes import quoted
from factdesk.report.richtext import markdown_target

CSV_COLUMNS: tuple[str, ...] = (
    "claim_id", "article_id", "article", "outlet", "date", "statement", "claim", "kind",
    "score", "speaker", "claimant", "rating", "rating_value", "best_rating", "worst_rating",
    "status", "publication", "reported_differently", "reported_alike", "rationale",
    "evidence_urls",
    "checker", "updated", "reviewed_by", "review_url", "review_date",
)
URL_SEPARATOR = " | "
#: Encodings the CSV can be written in: with a byte-order mark (spreadsheets), without.
CSV_ENCODINGS = ("utf-8-sig", "utf-8")
DEFAULT_CSV_ENCODING = "utf-8-sig"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_NUMERIC_COLUMNS = frozenset({"claim_id", "article_id", "score", "rating_value",
                              "best_rating", "worst_rating"})


def neutralise_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting with a formula character gets a
    single quote in front (OWASP, CSV Injection)."""
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _safe(row: dict[str, str]) -> dict[str, str]:
    return {k: v if k in _NUMERIC_COLUMNS and _NUMBER.match(v) else neutralise_cell(v)
            for k, v in row.items()}


def csv_row(entry: ClaimEntry, data: ReportData) -> dict[str, str]:
    return {
        "claim_id": str(entry.claim_id),
        "article_id": str(entry.article_id),
        "article": entry.article_title,
        "outlet": entry.outlet,
        "date": entry.date or "",
        "statement": entry.headline,
        "claim": entry.text,
        "kind": entry.kind,
        "score": f"{entry.score:.3f}",
        "speaker": entry.speaker or "",
        "claimant": _claimant_text(entry),
        "rating": entry.rating.name if entry.rating else "",
        **_numbers(entry),
        "status": entry.status,
        "publication": "DRAFT" if entry.draft else "final",
        "reported_differently": _reports_cell(entry.reported_differently),
        "reported_alike": _reports_cell(entry.reported_alike),
        "rationale": entry.rationale_text,
        "evidence_urls": URL_SEPARATOR.join(e.url for e in entry.evidence),
        "checker": entry.checker,
        "updated": entry.updated_at or "",
        "reviewed_by": reviewer_name(entry, data),
        "review_url": review_url(entry, data),
        "review_date": (entry.updated_at or "")[:10],
    }


def _reports_cell(others: Iterable[OtherReport]) -> str:
    """Other outlets' reports in one cell: "Outlet: “sentence” Difference: …", joined
    with " | "; a related (not the same fact) report and a suggestion say so."""
    cells = []
    for other in others:
        marks = [other.relation] if other.relation == "related" else []
        if not other.reviewed:
            marks.append("SUGGESTED, not reviewed")
        elif other.changed:
            marks.append(f"CHANGED since accepted, not reviewed: {other.changed}")
        mark = f" ({', '.join(marks)})" if marks else ""
        told = "".join(f" Difference: {d if d.endswith('.') else d + '.'}"
                       for d in other.discrepancies)
        cells.append(f"{other.outlet or 'Unknown outlet'}{mark}: {quoted(other.text)}{told}")
    return URL_SEPARATOR.join(cells)


def _numbers(entry: ClaimEntry) -> dict[str, str]:
    """ClaimReview's rating numbers as cells (empty off the scale)."""
    place = entry.rating.place if entry.rating else None
    if place is None:
        return {"rating_value": "", "best_rating": "", "worst_rating": ""}
    value, best, worst = place
    return {"rating_value": str(value), "best_rating": str(best), "worst_rating": str(worst)}


def _claimant_text(entry: ClaimEntry) -> str:
    if entry.claimant is None:
        return ""
    title = f", {entry.claimant.job_title}" if entry.claimant.job_title else ""
    return entry.claimant.name + title


def to_csv(data: ReportData) -> str:
    """The CSV text (no byte-order mark: the file's encoding adds it)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for entry in data.claims:
        writer.writerow(_safe(csv_row(entry, data)))
    return buffer.getvalue()


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace(
        "[", "\\[").replace("]", "\\]")


def _claim_markdown(entry: ClaimEntry) -> list[str]:
    rating = entry.rating.name if entry.rating else "Not rated"
    value = f" ({entry.rating.scale_text})" if entry.rating and entry.rating.scale_text else ""
    draft = "DRAFT · " if entry.draft else ""
    source = f"{entry.outlet or 'Unknown outlet'}, {entry.date or 'undated'}"
    if entry.article_title:
        source += f", “{_md_escape(entry.article_title)}”"
    if entry.url:
        source += f" — <{entry.url}>"
    lines = [
        f'<a id="{entry.anchor}"></a>',
        f"## {entry.number}. {draft}{_md_escape(entry.headline)}",
        "",
        *([f"> {_md_escape(entry.context_before)}**{_md_escape(entry.text)}**"
           f"{_md_escape(entry.context_after)}", ""] if entry.printed_differs else []),
        f"As printed by {source}  ",
        f"**Rating: {rating}{value}**"
        + (f" · Status: {entry.status} (DRAFT: not finished)" if entry.draft else "")
        + (f" · Said by: {_md_escape(_claimant_text(entry))}" if entry.claimant else ""),
        "",
        *_differently_markdown(entry),
        "### Rationale",
        "",
        entry.rationale_markdown or "_No rationale written._",
        "",
        "### Evidence",
        "",
    ]
    if entry.evidence:
        for ev in entry.evidence:
            note = f" — {ev.note}" if ev.note else ""
            accessed = f" (accessed {ev.accessed})" if ev.accessed else ""
            lines.append(f"- [{_md_escape(ev.title or ev.url)}]({markdown_target(ev.url)})"
                         f"{note}{accessed}")
    else:
        lines.append("_No evidence recorded._")
    if entry.reported_alike:
        lines += ["", "### As other outlets reported it", ""]
        for other in entry.reported_alike:
            # an accepted report is published as it stands; its relation and score are
            # told only of what is not reviewed (a suggestion, a change since)
            told = ""
            if not other.reviewed or other.changed:
                decided = ("SUGGESTED, not reviewed" if not other.reviewed else
                           f"accepted; CHANGED since accepted, not reviewed: {other.changed}")
                told = (f" ({other.relation}, {score_percent(other.score, other.relation)} "
                        f"match, {decided})")
            where = f" — <{other.url}>" if other.url else ""
            lines.append(
                f"- **{_md_escape(other.outlet or 'Unknown outlet')}**, "
                f"{other.date or 'undated'}{told}: {_md_escape(quoted(other.text))}{where}"
            )
            lines += [f"  - Difference: {_md_escape(d)}" for d in other.discrepancies]
    lines.append("")
    return lines


def _differently_markdown(entry: ClaimEntry) -> list[str]:
    """Next to the claim: each outlet that reported the same event with another detail."""
    lines = []
    for other in entry.reported_differently:
        mark = "" if other.reviewed else " (SUGGESTED, not reviewed)"
        if other.reviewed and other.changed:
            mark = f" (CHANGED since accepted, not reviewed: {other.changed})"
        where = f" — <{other.url}>" if other.url else ""
        lines.append(f"**Reported differently by {_md_escape(other.outlet or 'Unknown outlet')}"
                     f"**, {other.date or 'undated'}{mark}: {_md_escape(quoted(other.text))}"
                     f"{where}  ")
        lines += [f"Difference: {_md_escape(d)}  " for d in other.discrepancies]
    return [*lines, ""] if lines else []


def to_markdown(data: ReportData) -> str:
    period = data.date_from or "no verdicts"
    if data.date_to and data.date_to != data.date_from:
        period += f" to {data.date_to}"
    lines = [
        f"# {_md_escape(data.title)}",
        "",
        *([_md_escape(data.summary), ""] if data.summary else []),
        *([f"- Organisation: {_md_escape(data.organisation)}"] if data.organisation else []),
        *([f"- Checked by: {_md_escape(', '.join(data.checkers))}"] if data.checkers else []),
        f"- Verdicts dated: {period}",
        f"- Claims checked: {len(data.claims)}"
        + (f" ({_md_escape(data.scope_text)})" if data.scope_text else ""),
        f"- Sources: {len(data.sources)} (see the appendix)",
        f"- Exported: {moment_text(data.exported_at)}",
        *([f"- **DRAFT**: {counted(data.drafts, 'check')} in this report "
           f"{'is' if data.drafts == 1 else 'are'} not finished"] if data.drafts else []),
        "",
        "| Rating | Claims |",
        "| --- | ---: |",
    ]
    lines += [f"| {c.name} | {c.count} |" for c in data.counts]
    lines += ["", "## Contents", ""]
    lines += [
        f"{e.number}. {'DRAFT · ' if e.draft else ''}[{_md_escape(shorten(e.headline, 100))}]"
        f"(#{e.anchor}) — {e.rating.name if e.rating else 'not rated'}"
        for e in data.claims
    ]
    lines.append("")
    for entry in data.claims:
        lines += _claim_markdown(entry)
    lines += ["## Appendix: sources", ""]
    for src in data.sources:
        url = f" — <{src.url}>" if src.url else ""
        lines.append(
            f"- **{_md_escape(src.outlet or 'Unknown outlet')}**, {src.date or 'undated'}: "
            f"{_md_escape(src.title or src.file_name)}{url} ({_md_escape(source_note(src))})"
        )
    return "\n".join(lines) + "\n"
