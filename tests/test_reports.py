"""Verdict reports: PDF text/pages/links, ClaimReview against its schema, CSV, Markdown."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from pathlib import Path

import pytest

from factdesk.core.commands import AddEvidence, SetVerdictField
from factdesk.core.importing import import_paths
from factdesk.core.models import ClaimDraft, MatchDraft
from factdesk.core.project import Project
from factdesk.report.data import ReportFilter, build_report
from factdesk.report.exporting import SUPPORTED_FORMATS, export_report
from factdesk.report.richtext import html_to_markdown, html_to_text

SCHEMA = Path(__file__).parent / "fixtures" / "claimreview.schema.json"

META = {
    "Dallas Express": ("https://dallasexpress.com/world/izium-zelenskyy", "2022-09-15"),
    "Reuters": ("https://www.reuters.com/world/europe/zelenskiy-izium-2022-09-16/", "2022-09-16"),
    "AFP": ("https://www.barrons.com/news/zelensky-visits-izyum-2022-09-14", "2022-09-14"),
}

# (outlet, quote, kind, speaker, rating, status, rationale HTML, evidence)
VERDICTS = [
    ("Reuters", "In Izium, we found 450 dead people buried.", "statistic", "Zelenskiy",
     "Mostly true", "done",
     "<p>The Kharkiv regional administration counted <b>447 bodies</b> at the Izium "
     "burial site by 23 September:</p><ul><li>425 civilians</li><li>22 soldiers</li></ul>"
     "<p>The figure of 450 was an early <i>estimate</i>.</p>",
     [("https://www.ohchr.org/en/izium", "OHCHR statement on Izium"),
      ("https://apnews.com/article/izium-mass-grave", "AP: Izium exhumations")]),
    ("Dallas Express", "until four days ago, Russia’s main bastion and logistics hub in the "
     "region", "event", None, "Mostly false", "needs review",
     "<p>Ukraine recaptured Izium on <b>10 September</b>; the visit was on 14 September, "
     "so it was four days, but the city had been recaptured, not abandoned.</p>",
     [("https://www.understandingwar.org/backgrounder/izium", "ISW assessment, 10 Sept"),
      ("https://www.bbc.com/news/world-europe-62867285", "BBC: Izium retaken")]),
    ("AFP", "Ukrainian President Volodymyr Zelensky on Wednesday visited the east Ukraine city "
     "of Izyum", "event", None, "True", "done",
     "Confirmed by the presidential office's video of the flag-raising on 14 September.",
     [("https://www.president.gov.ua/en/news/izium-visit", "Office of the President"),
      ("https://www.reuters.com/world/europe/zelenskiy-visits-izium", "Reuters photo")]),
    ("Dallas Express", "Prosecutors said they had discovered six bodies with torture traces in "
     "recently retaken Kharkiv region villages.", "attribution", None, "Unverifiable",
     "in progress",
     "<p>No prosecutor's statement with this number has been found yet. Asked the "
     "<a href=\"https://gp.gov.ua\">prosecutor's office</a>.</p>",
     [("https://gp.gov.ua/en/news", "Prosecutor General news"),
      ("https://t.me/kharkiv_prosecutor", "Kharkiv prosecutor's channel")]),
    ("Reuters", "Moscow has not commented on Izium’s graves.", "event", None, "Misleading",
     "done",
     "<p>The Kremlin spokesman <b>did</b> comment on 16 September, calling the reports "
     "<i>a lie</i>:</p><ol><li>TASS, 16 Sept</li><li>RIA, 16 Sept</li></ol>",
     [("https://tass.com/politics/peskov-izium", "TASS: Peskov on Izium"),
      ("https://ria.ru/20220916/izyum.html", "RIA Novosti")]),
]
UNJUDGED = [
    ("Reuters", "Ukrainian officials on site said of the more than 400 bodies discovered, most "
     "are civilians.", "statistic", None),
    ("AFP", "Russia also claimed to have captured dozens of Ukrainian servicemen in the "
     "southern Kherson and Zaporizhzhia regions.", "attribution", None),
]


def build_sample(path: Path, seeds: Path) -> dict[str, int]:
    """The three seed articles, seven hand-marked claims, five verdicts, two matches."""
    ids: dict[str, int] = {}
    with Project.open(path) as project:
        project.settings.set("checker", "Ada Checker")
        import_paths(project, [seeds])
        outlets = {a.outlet: a for a in project.articles.all()}
        for outlet, (url, date) in META.items():
            project.articles.update_metadata(outlets[outlet].id, url=url, published=date)
        for outlet, quote, kind, speaker, *_ in [*VERDICTS, *UNJUDGED]:
            article = outlets[outlet]
            start = article.text.index(quote)
            end = start + len(quote)
            draft = ClaimDraft(start, end, quote, article.text[max(0, start - 32):start],
                               article.text[end:end + 32], kind, 0.8, speaker, "manual")
            with project.transaction():
                ids[quote] = project.claims.add(article.id, draft)
        for _, quote, _, _, rating, status, rationale, evidence in VERDICTS:
            cid = ids[quote]
            SetVerdictField(cid, "rating", rating).apply(project)
            SetVerdictField(cid, "status", status).apply(project)
            SetVerdictField(cid, "rationale", rationale).apply(project)
            for url, title in evidence:
                AddEvidence(cid, url, title, "checked").apply(project)
        SetVerdictField(ids[UNJUDGED[0][1]], "status", "in progress").apply(project)
        with project.transaction():
            project.matches.save_suggestions([
                MatchDraft(ids[VERDICTS[0][1]], ids[UNJUDGED[0][1]], 0.82, "same fact", (
                    {"kind": "number", "severity": "high",
                     "explanation": "450 bodies here, \"more than 400\" in the other report"},
                )),
                MatchDraft(ids[VERDICTS[1][1]], ids[VERDICTS[2][1]], 0.64, "related", (
                    {"kind": "time", "severity": "medium",
                     "explanation": "\"four days ago\" against \"5 days after recapture\""},
                )),
            ])
    return ids
