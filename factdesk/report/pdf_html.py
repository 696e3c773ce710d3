"""HTML fragments of the PDF report, in the HTML/CSS subset QTextDocument renders.

Pure string building (no Qt): the cover, the contents, one fragment per claim and the
appendix of sources. The PDF renderer lays each fragment out as its own document so that
it can keep a claim's section whole on a page when it fits.

Every section carries a named anchor (``contents``, ``claim-<id>``, ``source-<article>``)
and the contents, the "see claim" cross-references between claims of the same fact and
the source lines link to them (Qt writes them as PDF link annotations). A claim's
headline is the claim as checked; the sentence as printed follows in its context, and
right under it each outlet that reported the same event with a different detail
("Reported differently by AFP: …", with the difference). The same fact as other outlets
reported it comes after the evidence. An unfinished check is marked DRAFT in the contents
and on its section; an undecided match suggestion (shown only when asked for) is marked
as not reviewed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from factdesk.model.score_display import score_percent
from factdesk.model.text import counted, shorten
from factdesk.report.data import (
    ClaimEntry,
    OtherReport,
    RatingInfo,
    ReportData,
    moment_text,
    source_note,
)
from factdesk.report.quotes import quoted

BODY_PT = 10
STYLE = f"""
body {{ font-size: {BODY_PT}pt; color: #1a1a1a; }}
h1 {{ font-size: 20pt; font-weight: 700; margin-top: 0; margin-bottom: 6px; }}
h2 {{ font-size: 13pt; font-weight: 700; margin-top: 0; margin-bottom: 4px; }}
h3 {{ font-size: 10.5pt; font-weight: 700; margin-top: 9px; margin-bottom: 3px;
      color: #333333; }}
p {{ margin-top: 0; margin-bottom: 5px; line-height: 120%; }}
li {{ margin-bottom: 2px; line-height: 115%; }}
a {{ color: #0b5cad; text-decoration: underline; }}
.muted {{ color: #5a5a5a; }}
.small {{ font-size: 8.5pt; }}
.quote {{ font-size: 10.5pt; line-height: 125%; }}
.claim {{ font-weight: 700; background-color: #fff3c4; }}
.diff {{ color: #9a3412; }}
.draft {{ color: #b71c1c; font-weight: 700; }}
.suggested {{ color: #8a5a00; font-weight: 700; }}
td {{ vertical-align: top; }}
th {{ text-align: left; font-weight: 700; color: #333333; }}
"""


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def text_color_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (#rrggbb)."""
    value = background.lstrip("#")
    if len(value) != 6:
        return "#ffffff"
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    luminance = 0.299 * r + 0.587 * g + 0.114 * b
    return "#1a1a1a" if luminance > 160 else "#ffffff"


def badge_cell(rating: RatingInfo | None, size_pt: float = 11) -> str:
    """The rating as a coloured table cell (QTextDocument has no inline boxes)."""
    if rating is None:
        name, color = "Not rated", "#e0e0e0"
    else:
        name, color = rating.name, rating.color
    label = _e(name).replace(" ", "&nbsp;")  # one unbreakable box
    return (
        f'<td bgcolor="{_e(color)}" style="color: {text_color_on(color)}; font-weight: 700; '
        f'font-size: {size_pt}pt; padding: 4px 9px 4px 9px;">{label}</td>'
    )


def _h3(text: str) -> str:
    # a paragraph, not <h3>: QTextDocument applies a paragraph's margins reliably
    return (f'<p style="margin-top: 9px; margin-bottom: 3px; font-size: 10.5pt; '
            f'font-weight: 700; color: #333333;">{_e(text)}</p>')


def _link(url: str, text: str | None = None) -> str:
    if not url:
        return _e(text)
    return f'<a href="{_e(url)}">{_e(text or url)}</a>'


def date_text(day: str | None) -> str:
    return day or "undated"


DIFF_RULE = "#c2410c"  # the rule beside "Reported differently by ..."
DRAFT_MARK = '<span class="draft">DRAFT</span>'


def _draft_cell() -> str:
    return ('<td bgcolor="#b71c1c" style="color: #ffffff; font-weight: 700; font-size: 9pt; '
            'padding: 4px 7px 4px 7px;">DRAFT</td>')


def kicker(data: ReportData) -> str:
    """The line above the title: who publishes it ("FACTDESK VERIFY · VERDICT REPORT"),
    not the tool that wrote it."""
    return " · ".join(p for p in (data.organisation.upper(), "VERDICT REPORT") if p)


def cover_html(data: ReportData) -> str:
    checkers = ", ".join(data.checkers)
    if data.date_from and data.date_from != data.date_to:
        period = f"{data.date_from} to {data.date_to}"
    else:
        period = data.date_from or "no verdicts yet"
    rows = [
        ("Checked by", _e(checkers) or '<span class="muted">no checker named</span>'),
        ("Verdicts dated", _e(period)),
        ("Claims checked", str(len(data.claims))
         + (f" ({_e(data.scope_text)})" if data.scope_text else "")),
        ("Sources", str(len(data.sources))),
        ("Exported", _e(moment_text(data.exported_at))),
    ]
    if data.organisation:
        rows.insert(0, ("Organisation", _e(data.organisation)))
    if data.drafts:
        rows.append(("Drafts", f'{DRAFT_MARK} {counted(data.drafts, "check")} not finished: '
                               "not for publication"))
    table = "".join(
        f'<tr><td class="muted" width="34%" style="padding: 2px 0px 2px 0px;">{k}</td>'
        f'<td style="padding: 2px 0px 2px 0px;">{v}</td></tr>'
        for k, v in rows
    )
    return (
        f'<p class="muted small" style="margin-bottom: 3px;">{_e(kicker(data))}</p>'
        f"<h1>{_e(data.title)}</h1>"
        + (f'<p style="font-size: 11pt; margin-top: 2px; margin-bottom: 8px;">'
           f"{_e(data.summary)}</p>" if data.summary else "")
        + f'<table cellspacing="0" cellpadding="0" width="100%">{table}</table>'
        + ('<p style="margin-top: 12px; margin-bottom: 4px; font-size: 11.5pt; '
           'font-weight: 700; color: #333333;">Verdicts by rating</p>' if data.counts else "")
    )


def contents_html(data: ReportData, pages: Sequence[int | None]) -> str:
    """The list of claims; ``pages`` holds each claim's page number (None: not known yet)."""
    rows = []
    for entry, page in zip(data.claims, pages, strict=True):
        head = entry.headline
        head = shorten(head, 108)  # at a word: "the military sa…" read as a typo
        rating = entry.rating.name if entry.rating else "not rated"
        color = entry.rating.color if entry.rating else "#e0e0e0"
        draft = f"{DRAFT_MARK} " if entry.draft else ""
        target = f"#{entry.anchor}"
        rows.append(
            f'<tr><td width="5%" class="muted">{entry.number}.</td>'
            f'<td width="2%" bgcolor="{_e(color)}"></td>'
            f'<td width="81%">{draft}<a href="{target}">{_e(head)}</a><br/>'
            f'<span class="muted small">'
            f'{_e(rating)} · {_e(entry.outlet or "unknown outlet")} · '
            f'{_e(date_text(entry.date))}</span></td>'
            f'<td width="12%" align="right"><a href="{target}">'
            f'{"000" if page is None else page}</a></td></tr>'
        )
    if not rows:  # a sentence, not a table with a "Claim" and a "Page" column and no row
        return ('<a name="contents"></a><h2>Contents</h2>'
                f'<p class="muted">No claim matches the report\'s filters '
                f"({_e(data.filter_text)}).</p>")
    return (
        '<a name="contents"></a><h2>Contents</h2>'
        f'<table cellspacing="0" cellpadding="4" width="100%">'
        f'<tr><th></th><th></th><th>Claim</th><th align="right">Page</th></tr>'
        f'{"".join(rows)}</table>'
    )


def _claimant_html(entry: ClaimEntry) -> str:
    if entry.claimant is None:
        return ""
    title = f", {_e(entry.claimant.job_title)}" if entry.claimant.job_title else ""
    return f"Said by <b>{_e(entry.claimant.name)}</b>{title}"


def _meta_html(entry: ClaimEntry) -> str:
    """Beside the rating: who said it; the status only of an unfinished check (a
    published check's "Status: done" is the desk's workflow, not the reader's news)."""
    parts = [f'<span class="muted">Status:</span> <b>{_e(entry.status)}</b>'] if entry.draft \
        else []
    if entry.claimant is not None:
        parts.append(_claimant_html(entry))
    return " · ".join(parts)


def _decision_html(other: OtherReport) -> str:
    """What a reader must be told of a match's review: nothing once the checker accepted
    it (the report publishes accepted matches; "accepted" is the desk's word), a change
    since, or that it is a suggestion."""
    if other.reviewed and other.changed:
        return ('<span class="muted">accepted</span> · <span class="suggested">CHANGED '
                f'since accepted, not reviewed: {_e(other.changed)}</span>')
    if other.reviewed:
        return ""
    return '<span class="suggested">SUGGESTED, not reviewed</span>'


def _told_as(other: OtherReport) -> str:
    """The match's relation and score, told only of what is not reviewed (a suggestion,
    a change since the checker's review): "15% match" beside a report the checker
    accepted reads as doubt the report does not have."""
    if other.reviewed and not other.changed:
        return ""
    return (f' <span class="muted">({_e(other.relation)}, '
            f"{score_percent(other.score, other.relation)} match)</span>")


def _mark(other: OtherReport) -> str:
    mark = _decision_html(other)
    return f" · {mark}" if mark else ""


def _see_claim(other: OtherReport, in_report: Mapping[int, int]) -> str:
    if other.claim_id not in in_report:
        return ""
    return f' · <a href="#claim-{other.claim_id}">see claim {in_report[other.claim_id]}</a>'


def _differently_html(entry: ClaimEntry, in_report: Mapping[int, int]) -> str:
    """Next to the claim: the outlets that reported the same event with another detail."""
    parts = []
    for other in entry.reported_differently:
        body = (f'<span class="diff"><b>Reported differently by '
                f'{_e(other.outlet or "Unknown outlet")}</b></span>, '
                f"{_e(date_text(other.date))}{_mark(other)}"
                f"{_see_claim(other, in_report)}<br/>{_e(quoted(other.text))}")
        if other.url:
            body += f'<br/><span class="small">{_link(other.url)}</span>'
        for diff in other.discrepancies:
            body += f'<br/><span class="small diff">Difference: {_e(diff)}</span>'
        parts.append(body)
    if not parts:
        return ""
    # set off by a rule in the difference colour, clearly indented (a 14 px margin read
    # as text out of line with the sentence above it)
    rows = "".join(
        f'<tr><td width="3" bgcolor="{DIFF_RULE}"></td>'
        f'<td style="padding: 1px 0px 5px 10px;">{body}</td></tr>' for body in parts)
    return (f'<table cellspacing="0" cellpadding="0" width="100%" '
            f'style="margin-top: 4px; margin-bottom: 2px;">{rows}</table>')


def _others_html(entry: ClaimEntry, in_report: Mapping[int, int]) -> str:
    items = []
    for other in entry.reported_alike:
        head = (
            f"<b>{_e(other.outlet or 'Unknown outlet')}</b>, {_e(date_text(other.date))}"
            f"{_told_as(other)}{_mark(other)}{_see_claim(other, in_report)}"
        )
        body = f"<br/>{_e(quoted(other.text))}"
        if other.url:
            body += f'<br/><span class="small">{_link(other.url)}</span>'
        for diff in other.discrepancies:
            body += f'<br/><span class="small diff">Difference: {_e(diff)}</span>'
        items.append(f"<li>{head}{body}</li>")
    return f'<ul style="margin-top: 0;">{"".join(items)}</ul>'


def claim_html(entry: ClaimEntry, in_report: Mapping[int, int] | None = None) -> str:
    """One claim's section: the claim as checked, badge, the sentence as printed in its
    context, rationale, evidence, other outlets. ``in_report``: claim id -> number of
    the report's claims, for cross-references."""
    in_report = in_report or {}
    meta = _meta_html(entry)
    source = (f'<a href="#source-{entry.article_id}">'
              f"{_e(entry.outlet or 'Unknown outlet')}</a>, {_e(date_text(entry.date))}")
    if entry.article_title:
        source += f" — “{_e(entry.article_title)}”"
    badges = (_draft_cell() + '<td width="6"></td>' if entry.draft else "") + badge_cell(
        entry.rating)
    parts = [
        f'<a name="{entry.anchor}"></a><h2>{entry.number}. {_e(entry.headline)}</h2>',
        f'<table cellspacing="0" cellpadding="0" style="margin-bottom: 6px;"><tr>'
        f"{badges}"
        f'<td style="padding-left: 12px; vertical-align: middle;">{meta}</td>'
        f"</tr></table>",
    ]
    if entry.draft:
        parts.append('<p class="draft small" style="margin-top: 4px;">DRAFT: this check is '
                     "not finished and is not for publication.</p>")
    if entry.printed_differs:
        parts += [
            '<p class="small muted" style="margin-top: 8px; margin-bottom: 2px;">'
            "As printed:</p>",
            f'<p class="quote">{_e(entry.context_before)}'
            f'<span class="claim">{_e(entry.text)}</span>{_e(entry.context_after)}</p>',
        ]
    else:
        # the heading is the printed sentence word for word: say where it was printed
        source = f'<span class="muted">As printed in</span> {source}'
    parts += [
        f'<p class="small muted">{source}'
        + (f"<br/>{_link(entry.url)}" if entry.url else "")
        + "</p>",
        _differently_html(entry, in_report),
    ]
    parts.append(_h3("Rationale"))
    parts.append(entry.rationale_html or '<p class="muted">No rationale written.</p>')
    parts.append(_h3("Evidence"))
    if entry.evidence:
        items = []
        for ev in entry.evidence:
            label = _link(ev.url, ev.title or ev.url)
            extra = f'<br/><span class="small muted">{_e(ev.url)}' if ev.title else (
                '<br/><span class="small muted">')
            notes = [n for n in (ev.note, f"accessed {ev.accessed}" if ev.accessed else "") if n]
            extra += (" · " if ev.title and notes else "") + _e(" · ".join(notes)) + "</span>"
            items.append(f"<li>{label}{extra}</li>")
        parts.append(f'<ol style="margin-top: 0;">{"".join(items)}</ol>')
    else:
        parts.append('<p class="muted">No evidence recorded.</p>')
    if entry.reported_alike:
        parts.append(_h3("As other outlets reported it"))
        parts.append(_others_html(entry, in_report))
    return "".join(parts)


def appendix_html(data: ReportData) -> str:
    rows = []
    for src in data.sources:
        link = f"<br/>{_link(src.url)}" if src.url else ""
        rows.append(
            f'<tr><td width="22%"><a name="source-{src.article_id}"></a>'
            f'<b>{_e(src.outlet or "Unknown outlet")}</b><br/>'
            f'<span class="small muted">{_e(date_text(src.date))}</span></td>'
            f"<td>{_e(src.title or src.file_name)}{link}<br/>"
            f'<span class="small muted">{_e(source_note(src))}</span></td></tr>'
        )
    if not rows:
        return '<h2>Appendix: sources</h2><p class="muted">No sources: the report lists no claim.</p>'
    return (
        "<h2>Appendix: sources</h2>"
        f'<table cellspacing="0" cellpadding="4" width="100%">{"".join(rows)}</table>'
    )
