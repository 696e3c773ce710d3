"""The earlier fact-checks of the across-sources pane, as HTML: the list under the cards
(each hit with its rating, source and relevance), or the sentence saying why none is
shown, and that sentence in a few words for the pane's heading on a short pane."""

from __future__ import annotations

import html
import re
from typing import Any

from factdesk.gui import theme


def _field(obj: Any, name: str) -> str:
    if isinstance(obj, dict):
        return str(obj.get(name) or "")
    return str(getattr(obj, name, "") or "")


def status(checks: list, count: int, weaker: bool) -> str:
    """What :func:`listing` says in a few words for the heading when it is only a status
    (an empty archive's with a link to the import); "" when it lists earlier checks
    (those keep their box)."""
    if checks:
        return ""
    if not count:  # still saying how to fill it (the tooltip: the menu's path)
        return 'archive empty: <a href="import:">import earlier checks</a>'
    if weaker:
        return ('no earlier check shares a word · '
                '<a href="weaker:hide">hide weaker hits</a>')
    return 'no relevant earlier check · <a href="weaker:show">show weaker hits</a>'


def terse_status(status: str) -> str:
    """:func:`status` in fewer words, its words the link: "archive empty" linking to the
    import, "no relevant earlier check" to the weaker hits (for a heading that carries
    more, a conflicting match's count); a status without a link as it is."""
    found = _STATUS_LINK.fullmatch(status)
    return f'<a href="{found[2]}">{found[1]}</a>' if found else status


_STATUS_LINK = re.compile(r'(.*?)(?::| ·) <a href="([^"]*)">[^<]*</a>')


def listing(checks: list, floor: float, count: int, weaker: bool) -> str:
    """The earlier checks as shown: each with its rating, source and relevance, a hit
    below ``floor`` marked weak (``weaker``: the checker asked for those); or a sentence
    saying why none is shown."""
    muted = theme.colors()["muted"]
    if not count:
        return ("Earlier checks: the archive is empty (File ▸ Import earlier "
                "fact-checks…, Ctrl+Shift+R).")
    if not checks and weaker:
        return ("Earlier checks: no earlier check is relevant: none of the "
                f"{count:,} in the archive shares a word with this claim. "
                '<a href="weaker:hide">Hide weaker hits</a>')
    if not checks:
        return ("Earlier checks: no earlier check is relevant to this claim (none of "
                f"the {count:,} in the archive is likely enough to be it). "
                '<a href="weaker:show">Show weaker hits</a>')
    head = "<b>Earlier checks</b>"
    if weaker:
        head += (f' <span style="color:{muted}">· weaker hits shown (below the '
                 "relevance floor: probably not this claim) · </span>"
                 '<a href="weaker:hide">Hide weaker hits</a>')
    rows = []
    for check in checks:
        item = check[0] if isinstance(check, tuple) else check
        relevance = check[1] if isinstance(check, tuple) else None
        shown = ""
        if relevance is not None and relevance < floor:
            shown = (f' · <b style="color:{muted}">weak</b>'
                     f'<span style="color:{muted}"> · relevance {relevance:.2f}</span>')
        elif relevance is not None:
            shown = f" · relevance {relevance:.2f}"
        url = html.escape(_field(item, "url"), quote=True)
        claim = html.escape(_field(item, "claim")[:160])
        rated = getattr(item, "rating_text", None)
        rating = html.escape(rated() if callable(rated) else _field(item, "rating"))
        where = " · ".join(html.escape(v) for v in (
            _field(item, "publisher"), _field(item, "date")) if v)
        link = f' · <a href="{url}">{url[:60]}</a>' if url else ""
        rows.append(f"<p style='margin:0 0 4px 0'>• {claim} — "
                    f"<b>{rating or 'no rating given'}</b><br>"
                    f"&nbsp;&nbsp;{where or 'publisher unknown'}{shown}"
                    f"{link}</p>")
    return head + "".join(rows)
