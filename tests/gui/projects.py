"""Project files for GUI tests and the latency bench, built without spaCy.

``synthetic_demo`` imports the seed articles and marks number- and quote-bearing
sentences as claims, with cross-article matches (rapidfuzz) and number discrepancies, so
that GUI tests do not depend on the NLP models. ``big_project`` writes a project of
synthetic articles with any number of claims, straight through the repositories.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from rapidfuzz import fuzz

from factdesk.core.importing import import_paths
from factdesk.core.paths import seeds_dir
from factdesk.core.project import Project
from factdesk.model.anchoring import context_for
from factdesk.model.models import ClaimDraft, MatchDraft

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]”?")
_NUMBER = re.compile(r"\d[\d,.]*|\b(?:four|five|six|hundreds|dozens)\b", re.I)


def _kind(text: str) -> str:
    if "“" in text or '"' in text:
        return "quote"
    return "statistic" if _NUMBER.search(text) else "event"


def synthetic_demo(path: Path) -> Path:
    """The seed articles with heuristic claims and matches (no spaCy)."""
    with Project.open(path) as project:
        report = import_paths(project, [seeds_dir()])
        claims: list[tuple[int, int, str]] = []  # (claim id, article id, text)
        for _name, article_id in report.added:
            article = project.articles.get(article_id)
            assert article is not None
            with project.transaction():
                for m in _SENTENCE.finditer(article.text):
                    text = m.group().strip()
                    if len(text) < 40 or not (_NUMBER.search(text) or "“" in text):
                        continue
                    start = article.text.index(text, m.start())
                    end = start + len(text)
                    prefix, suffix = context_for(article.text, start, end)
                    score = min(0.99, 0.45 + 0.1 * len(_NUMBER.findall(text)))
                    speaker = "Zelensky" if "said" in text and "“" in text else None
                    cid = project.claims.add(article_id, ClaimDraft(
                        start, end, text, prefix, suffix, _kind(text), score, speaker))
                    claims.append((cid, article_id, text))
                project.articles.mark_extracted(article_id)
        drafts = []
        for i, (ca, aa, ta) in enumerate(claims):
            for cb, ab, tb in claims[i + 1:]:
                if aa == ab:
                    continue
                score = fuzz.token_set_ratio(ta, tb) / 100
                if score < 0.42:
                    continue
                na, nb = _NUMBER.findall(ta), _NUMBER.findall(tb)
                discrepancies = []
                if na and nb and na[0] != nb[0]:
                    discrepancies.append({
                        "kind": "number", "severity": "conflict" if na[0][0].isdigit()
                        and nb[0][0].isdigit() else "vague",
                        "explanation": f"one says {na[0]}, the other {nb[0]}",
                        "a_text": na[0], "b_text": nb[0]})
                drafts.append(MatchDraft(ca, cb, score, "conflicting" if discrepancies
                                         else "same fact", tuple(discrepancies)))
        with project.transaction():
            project.matches.save_suggestions(drafts)
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


WORDS = ("the officials said forces city region report people number country week "
         "government minister told reporters according attack killed about more than "
         "president war troops border local police").split()


def big_project(path: Path, *, claims: int = 100_000, articles: int = 400,
                words_per_article: int = 10_000, seed: int = 7) -> Path:
    """A project of synthetic articles with ``claims`` claims spread over them."""
    rng = random.Random(seed)
    per_article = max(1, claims // articles)
    with Project.open(path) as project, project.transaction():
        made = 0
        for a in range(articles):
            words = [rng.choice(WORDS) if i % 9 else str(rng.randint(2, 900))
                     for i in range(words_per_article)]
            sentences = [" ".join(words[i:i + 25]).capitalize() + "."
                         for i in range(0, len(words), 25)]
            # paragraphs of four sentences, as news articles have them
            text = "\n\n".join(" ".join(sentences[i:i + 4])
                                 for i in range(0, len(sentences), 4))
            article_id = project.articles.add(
                title=f"Synthetic article {a + 1}", outlet=f"Outlet {a % 12 + 1}", author="",
                published=f"2022-09-{a % 28 + 1:02d}", url="", source_name=f"a{a}.txt",
                text=text, text_hash=f"synthetic-{seed}-{a}", raw=b"")
            bounds = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
            step = max(1, len(bounds) // per_article)
            for k in range(0, len(bounds), step)[:per_article]:
                s, end = bounds[k][0], bounds[min(len(bounds) - 1, k + 14)][1]
                if made >= claims:
                    break
                project.claims.add(article_id, ClaimDraft(
                    s, end, text[s:end], "", "", rng.choice(("statistic", "event", "quote")),
                    rng.random(), None))
                made += 1
    return path
