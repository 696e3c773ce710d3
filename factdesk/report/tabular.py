"""CSV and Markdown verdict reports (plain text renderers of a :class:`ReportData`).

CSV: one row per claim, RFC 4180 quoting, a header row, plain UTF-8 without a byte-order
mark (spreadsheets import it as UTF-8; a BOM would end up in the first column name of
scripts reading it). Multi-line rationales stay in one quoted cell; evidence urls are
joined with " | ".
"""

from __future__ import annotations

import csv
import io

from factdesk.report.data import ClaimEntry, ReportData
from factdesk.report.richtext import markdown_target

CSV_COLUMNS: tuple[str, ...] = (
    "claim_id", "article_id", "article", "outlet", "date", "claim", "kind", "score",
    "speaker", "rating", "rating_value", "status", "rationale", "evidence_urls", "checker",
    "updated",
)
URL_SEPARATOR = " | "


def csv_row(entry: ClaimEntry) -> dict[str, str]:
    return {
        "claim_id": str(entry.claim_id),
        "article_id": str(entry.article_id),
        "article": entry.article_title,
        "outlet": entry.outlet,
        "date": entry.date or "",
        "claim": entry.text,
        "kind": entry.kind,
        "score": f"{entry.score:.3f}",
        "speaker": entry.speaker or "",
        "rating": entry.rating.name if entry.rating else "",
        "rating_value": "" if entry.rating is None or entry.rating.value is None
        else str(entry.rating.value),
        "status": entry.status,
        "rationale": entry.rationale_text,
        "evidence_urls": URL_SEPARATOR.join(e.url for e in entry.evidence),
        "checker": entry.checker,
        "updated": entry.updated_at or "",
    }


def to_csv(data: ReportData) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for entry in data.claims:
        writer.writerow(csv_row(entry))
    return buffer.getvalue()


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace(
        "[", "\\[").replace("]", "\\]")


def _claim_markdown(entry: ClaimEntry) -> list[str]:
    rating = entry.rating.name if entry.rating else "Not rated"
    value = f" ({entry.rating.value})" if entry.rating and entry.rating.value is not None else ""
    source = f"{entry.outlet or 'Unknown outlet'}, {entry.date or 'undated'}"
    if entry.article_title:
        source += f", “{_md_escape(entry.article_title)}”"
    if entry.url:
        source += f" — <{entry.url}>"
    lines = [
        f'<a id="{entry.anchor}"></a>',
        f"## {entry.number}. {_md_escape(entry.outlet or 'Claim')} (claim {entry.claim_id})",
        "",
        f"> {_md_escape(entry.context_before)}**{_md_escape(entry.text)}**"
        f"{_md_escape(entry.context_after)}",
        "",
        f"Source: {source}  ",
        f"**Rating: {rating}{value}** · Status: {entry.status} · Kind: {entry.kind}"
        + (f" · Speaker: {entry.speaker}" if entry.speaker else ""),
        "",
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
    if entry.others:
        lines += ["", "### As other outlets reported it", ""]
        for other in entry.others:
            decided = other.decision or "suggested"
            where = f" — <{other.url}>" if other.url else ""
            lines.append(
                f"- **{_md_escape(other.outlet or 'Unknown outlet')}**, "
                f"{other.date or 'undated'} ({other.relation}, {round(other.score * 100)}% "
                f"match, {decided}): “{_md_escape(other.text)}”{where}"
            )
            lines += [f"  - Difference: {_md_escape(d)}" for d in other.discrepancies]
    lines.append("")
    return lines


def to_markdown(data: ReportData) -> str:
    period = data.date_from or "no verdicts"
    if data.date_to and data.date_to != data.date_from:
        period += f" to {data.date_to}"
    lines = [
        f"# {_md_escape(data.project_name)} — FactDesk verdict report",
        "",
        f"- Checked by: {', '.join(data.checkers)}",
        f"- Verdicts dated: {period}",
        f"- Claims: {len(data.claims)} ({data.filter_text})",
        f"- Exported: {data.exported_at[:16].replace('T', ' ')}",
        "",
        "| Rating | Claims |",
        "| --- | ---: |",
    ]
    lines += [f"| {c.name} | {c.count} |" for c in data.counts]
    lines += ["", "## Contents", ""]
    lines += [
        f"{e.number}. [{_md_escape(e.text[:100])}](#{e.anchor}) — "
        f"{e.rating.name if e.rating else 'not rated'}"
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
            f"{_md_escape(src.title or src.file_name)}{url} (file: {src.file_name})"
        )
    return "\n".join(lines) + "\n"
