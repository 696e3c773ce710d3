"""The project schema, built by numbered sqlite-utils migrations.

Each migration runs in its own transaction together with the record of it having been
applied (sqlite-utils ``Migrations``) and bumps ``PRAGMA user_version`` so that a file
written by a newer FactDesk can be recognised, and refused, before anything touches it.
Tests build schemas by running these functions, never by re-typing the DDL.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from factdesk.model.triage import estimate_sentences

MIGRATION_SET = "factdesk"
APPLICATION_ID = 0x46444B50  # "FDKP": marks a SQLite file as a FactDesk project
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"

migrations = Migrations(MIGRATION_SET)


def _fts_table(db: Database, table: str, columns: list[str], content_rowid: str = "id") -> None:
    """An external-content FTS5 index over ``table`` kept in step by triggers."""
    cols = ", ".join(columns)
    new_cols = ", ".join(f"new.{c}" for c in columns)
    old_cols = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    db.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
        f"content_rowid='{content_rowid}', tokenize='{FTS_TOKENIZER}')"
    )
    db.execute(
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.{content_rowid}, {new_cols}); END"
    )
    db.execute(
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.{content_rowid}, "
        f"{old_cols}); END"
    )
    db.execute(
        f"CREATE TRIGGER {table}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.{content_rowid}, "
        f"{old_cols}); INSERT INTO {fts}(rowid, {cols}) VALUES (new.{content_rowid}, "
        f"{new_cols}); END"
    )


@migrations(name="0001_initial_schema")
def m0001_initial_schema(db: Database) -> None:
    """Every table of the data model (docs/data-model.md), with FTS5 indexes."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            outlet TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published TEXT,
            url TEXT NOT NULL DEFAULT '',
            source_name TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL UNIQUE,
            title_guessed INTEGER NOT NULL DEFAULT 0,
            extracted_at TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE article_sources (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            raw BLOB NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            text TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('statistic','quote','event','attribution','other')),
            score REAL NOT NULL DEFAULT 0 CHECK (score >= 0 AND score <= 1),
            speaker TEXT,
            origin TEXT NOT NULL DEFAULT 'detected' CHECK (origin IN ('detected','manual')),
            quantities TEXT NOT NULL DEFAULT '[]',
            times TEXT NOT NULL DEFAULT '[]',
            entities TEXT NOT NULL DEFAULT '[]',
            lemmas TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            deleted_at TEXT
        )"""
    )
    db.execute("CREATE INDEX claims_article ON claims(article_id, start)")
    db.execute(
        """CREATE TABLE entity_mentions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            canonical TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX entity_mentions_article ON entity_mentions(article_id)")
    db.execute("CREATE INDEX entity_mentions_canonical ON entity_mentions(canonical)")
    db.execute(
        """CREATE TABLE aliases (
            variant TEXT PRIMARY KEY,
            canonical TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE matches (
            id INTEGER PRIMARY KEY,
            claim_a INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            claim_b INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            score REAL NOT NULL,
            relation TEXT NOT NULL CHECK (relation IN ('same fact','related','conflicting')),
            discrepancies TEXT NOT NULL DEFAULT '[]',
            decision TEXT CHECK (decision IN ('accepted','rejected')),
            decided_by TEXT,
            decided_at TEXT,
            created_at TEXT NOT NULL,
            CHECK (claim_a < claim_b),
            UNIQUE (claim_a, claim_b)
        )"""
    )
    db.execute("CREATE INDEX matches_claim_b ON matches(claim_b)")
    db.execute(
        """CREATE TABLE verdicts (
            claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
            rating TEXT,
            status TEXT NOT NULL DEFAULT 'to check',
            rationale TEXT NOT NULL DEFAULT '',
            rationale_text TEXT NOT NULL DEFAULT '',
            checker TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            accessed TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            deleted_at TEXT
        )"""
    )
    db.execute("CREATE INDEX evidence_claim ON evidence(claim_id, position)")
    db.execute(
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            entity TEXT NOT NULL,
            entity_id INTEGER NOT NULL,
            field TEXT NOT NULL,
            old TEXT,
            new TEXT,
            who TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX history_entity ON history(entity, entity_id)")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """CREATE TABLE archive (
            id TEXT PRIMARY KEY,
            claim TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            rating TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL
        )"""
    )
    _fts_table(db, "articles", ["title", "text"])
    _fts_table(db, "claims", ["text"])
    _fts_table(db, "verdicts", ["rationale_text"], content_rowid="claim_id")
    _fts_table(db, "evidence", ["title", "note"])
    _fts_table(db, "archive", ["claim", "title"], content_rowid="rowid")
    db.execute("PRAGMA user_version = 1")


@migrations(name="0002_live_claims_by_article")
def m0002_live_claims_by_article(db: Database) -> None:
    """A partial index of the live claims by article: the article list counts each
    article's claims from the index alone (10,000 articles, 297k claims: 270 -> 120 ms)."""
    db.execute("CREATE INDEX IF NOT EXISTS claims_live_article ON claims(article_id) "
               "WHERE deleted_at IS NULL")
    db.execute("PRAGMA user_version = 2")


@migrations(name="0003_articles_by_url")
def m0003_articles_by_url(db: Database) -> None:
    """An index of the articles by web address: each import looks up the pages saved
    from its address (a page saved twice), without reading the whole table."""
    db.execute("CREATE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url != ''")
    db.execute("PRAGMA user_version = 3")


@migrations(name="0004_analysis_failures_and_review_scale")
def m0004_analysis_failures_and_review_scale(db: Database) -> None:
    """Why an article could not be analysed (``articles.analysis_error``; NULL once it
    is), and each archived review's publisher and rating scale (``ratingValue`` /
    ``bestRating`` / ``worstRating`` as given, text so that "4.5" and "A" both keep)."""
    db.execute("ALTER TABLE articles ADD COLUMN analysis_error TEXT")
    for column in ("publisher", "rating_value", "best_rating", "worst_rating"):
        db.execute(f"ALTER TABLE archive ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    db.execute(f"PRAGMA user_version = {_number('0004_analysis_failures_and_review_scale')}")


@migrations(name="0005_claim_vectors")
def m0005_claim_vectors(db: Database) -> None:
    """Each claim's sentence vector (int8 codes of a Matryoshka prefix of its WordLlama
    embedding, see ``factdesk.matching.claim_vectors``) with the crc32 of the text it was
    computed from: matching and candidate retrieval read meaning, not only shared words.
    A vector whose text changed is recomputed; a claim without one gets it when matched."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS claim_vectors ("
        "claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE, "
        "text_crc INTEGER NOT NULL, vector BLOB NOT NULL)")
    db.execute(f"PRAGMA user_version = {_number('0005_claim_vectors')}")


@migrations(name="0006_claim_statement")
def m0006_claim_statement(db: Database) -> None:
    """The claim as checked: a short statement a checker writes for a claim (ClaimReview's
    ``claimReviewed``, the report's headline); NULL means the sentence as printed."""
    db.execute("ALTER TABLE claims ADD COLUMN statement TEXT")
    db.execute(f"PRAGMA user_version = {_number('0006_claim_statement')}")


@migrations(name="0007_archive_vectors")
def m0007_archive_vectors(db: Database) -> None:
    """Each archived check's sentence vectors (int8 codes of the WordLlama embeddings of
    its claim and of its fact-check title, ``factdesk.matching.archive_relevance``) with
    the crc32 of the texts they were computed from: the archive search reads them instead
    of embedding every check at each run. Missing or stale ones are computed when the
    archive is searched and stored when the project is writable."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS archive_vectors ("
        "check_id TEXT PRIMARY KEY REFERENCES archive(id) ON DELETE CASCADE, "
        "text_crc INTEGER NOT NULL, claim_vector BLOB NOT NULL, title_vector BLOB NOT NULL)")
    db.execute(f"PRAGMA user_version = {_number('0007_archive_vectors')}")


@migrations(name="0008_article_sentence_count")
def m0008_article_sentence_count(db: Database) -> None:
    """How many sentences each article had when it was last analysed: the per-article
    claim budget (``claim_share`` of its sentences, :mod:`factdesk.model.triage`) is
    counted from it. Analysis stores the parser's count; an article analysed before
    gets its text's estimate here (:func:`factdesk.model.triage.estimate_sentences`)
    until it is analysed again. And a partial index of the live claims by article with
    their score, position and origin: the article list counts each article's claims over
    the threshold, and reads the scores its cut is taken from, from the index alone
    (297k claims: the count 0.36 -> 0.19 s on a loaded machine).

    A claim threshold stored at the old default, 0.70, is removed, so the project takes
    the new default with the budget (0.70 alone was chosen to show about a quarter of
    news; with the budget on top it would show far less). The window's Preferences used
    to store the threshold on every OK, so 0.70 there almost always means "untouched";
    any other stored value is the checker's and stays."""
    db.execute("ALTER TABLE articles ADD COLUMN sentence_count INTEGER")
    analysed = db.execute("SELECT id, text FROM articles WHERE extracted_at IS NOT NULL")
    db.conn.executemany("UPDATE articles SET sentence_count = ? WHERE id = ?",
                        [(estimate_sentences(text or ""), aid) for aid, text in analysed.fetchall()])
    db.execute("DELETE FROM settings WHERE key = 'claim_threshold' AND value IN ('0.7', '0.70')")
    db.execute("CREATE INDEX IF NOT EXISTS claims_live_scores ON claims(article_id, score, "
               "start, origin) WHERE deleted_at IS NULL")
    db.execute(f"PRAGMA user_version = {_number('0008_article_sentence_count')}")


@migrations(name="0009_unpin_triage_defaults")
def m0009_unpin_triage_defaults(db: Database) -> None:
    """The claim threshold and share stored at the previous version's defaults (0.33
    and 0.3) are removed, so the project takes today's defaults (the threshold is now
    the precision-leaning 0.58, docs/claims.md "The operating point"). The window's
    Preferences stored both on every OK until this version, whatever was edited, so
    these exact values almost always mean "untouched"; any other stored value is the
    checker's and stays (as 0008 did for 0.70)."""
    db.execute("DELETE FROM settings WHERE key = 'claim_threshold' AND value IN ('0.33')")
    db.execute("DELETE FROM settings WHERE key = 'claim_share' AND value IN ('0.3', '0.30')")
    db.execute(f"PRAGMA user_version = {_number('0009_unpin_triage_defaults')}")


@migrations(name="0010_match_decision_basis")
def m0010_match_decision_basis(db: Database) -> None:
    """What the checker decided a match on, and whether the analysis still relates it.

    Claims analysed again refresh every match's relation, score and differences, decided
    ones too (a decision is kept; only what the analysis computes changes). So that the
    checker sees when that changes what they decided on, a decision keeps the relation
    (``decided_relation``) and the differences (``decided_discrepancies``, JSON) shown
    when it was made; ``unrelated`` is 1 when the latest analysis no longer relates a
    decided pair (an undecided one is then removed). A decision made before this
    version was made on the values the row still holds: they are copied."""
    have = {c.name for c in db["matches"].columns}
    for column, decl in (("decided_relation", "TEXT"), ("decided_discrepancies", "TEXT"),
                         ("unrelated", "INTEGER NOT NULL DEFAULT 0")):
        if column not in have:  # a file taken back to an earlier release may have them
            db.execute(f"ALTER TABLE matches ADD COLUMN {column} {decl}")
    db.execute("UPDATE matches SET decided_relation = relation, "
               "decided_discrepancies = discrepancies "
               "WHERE decision IS NOT NULL AND decided_relation IS NULL")
    db.execute(f"PRAGMA user_version = {_number('0010_match_decision_basis')}")


def _number(name: str) -> int:
    """The schema version a migration brings a file to: its place in the list."""
    return [m.name for m in migrations._migrations].index(name) + 1


SCHEMA_VERSION = len(migrations._migrations)
#: The oldest schema this version can read without upgrading it (a read-only open, e.g.
#: a second window): the migrations after it only add indexes, which queries do without.
#: 0004, 0005 and 0006 add columns and a table that queries read; 0007's archive vectors
#: are optional (the archive search computes them in memory when the table is absent);
#: 0008's sentence count too (the article list estimates it from the text without it);
#: 0010's decision basis too (a match read without it shows no change since decided).
READABLE_FROM = max(_number("0004_analysis_failures_and_review_scale"),
                    _number("0005_claim_vectors"), _number("0006_claim_statement"))


def apply_migrations(db: Database) -> None:
    """Bring ``db`` up to :data:`SCHEMA_VERSION`, one transaction per migration."""
    migrations.apply(db)


def known_migration_names() -> list[str]:
    """Names of every migration this version of FactDesk knows, in order."""
    return [m.name for m in migrations._migrations]
