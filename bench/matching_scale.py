"""Scale benchmark of :class:`CandidateIndex`: latency, recall, build time and memory.

    python bench/matching_scale.py [--sizes 10k,100k,1M] [--articles 20]

Data. Stored claims are synthetic but shaped like real ones. When the BASIL corpus is
present at ``../shared/eval/basil/articles-dev.jsonl`` (relative to the repository
root), its ~6,000 sentences are tokenised simply (lower-case words without stopwords,
plural ``s`` stripped, capitalised words inside a sentence as ``ent:`` keys, numbers as
``num:`` keys); otherwise a Zipf-distributed vocabulary with per-article topic words
stands in. To reach N claims, synthetic articles of 25 claims each pick one base article
and, per claim, one of its sentences: each term is kept with probability 0.75, a kept
term is swapped for a corpus-frequency sample with probability 0.2, and a Poisson(1.5)
number of long-tail terms is added (names and numbers from a Zipf law over 5M ids, half
of them drawn from a pool specific to the synthetic article, as real articles repeat
their names). Query articles (30 claims) are generated the same way but not stored.

Measures, per size:

* build: ``add_many`` of every claim plus ``compact()`` (seconds), RSS growth (each
  size runs in a fresh process; free heap is trimmed before measuring), and
  :meth:`CandidateIndex.memory_bytes` (numpy arrays only);
* latency: ``query_many`` of a 30-claim article, ``k=50``, excluding its own article
  (median and p95 wall time, median CPU time, over ``--articles`` articles), and the
  cost of adding one article then querying the next (tail segment rebuild);
* semantic (:class:`SemanticIndex`): each synthetic claim's vector is its base BASIL
  sentence's embedding (128 dimensions) plus noise, stored as int8 codes; latency of
  the top-3 query of a 30-claim article, alone and added to the term query's, and
  recall@3 against a float32 brute force over every stored claim;
* recall: for each sampled query claim, the exact top-10 by the index's similarity
  (IDF-weighted cosine, ``idf = ln(1 + N/df)``, see ``factdesk.matching.candidate_index``)
  computed here by brute force with numpy over *every* stored claim, independently of
  the index; recall@50 = fraction of those 10 found in the index's top 50, averaged
  over queries (claims with a zero score are not counted in the top 10).
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factdesk.matching.candidate_index import CandidateIndex, idf_weights  # noqa: E402
from factdesk.matching.claim_vectors import VECTOR_DIM, quantise  # noqa: E402
from factdesk.matching.semantic_index import SemanticIndex  # noqa: E402

BASIL = REPO.parent / "shared" / "eval" / "basil" / "articles-dev.jsonl"
CLAIMS_PER_ARTICLE = 25
QUERY_CLAIMS = 30
EXTENDED_IDS = 5_000_000

_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into is
    it its just me more most my no nor not now of off on once only or other our out over
    own same she should so some such than that the their them then there these they this
    those through to too under until up very was we were what when where which while who
    whom why will with would you your mr mrs ms said says say""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*\d|\d")


def _sentence_terms(sentence: str) -> list[str]:
    out: list[str] = []
    words = _WORD.findall(sentence)
    for i, w in enumerate(words):
        if w[0].isdigit():
            out.append("num:" + w.replace(",", ""))
            continue
        low = w.lower().strip("'-")
        if low in _STOP or len(low) < 3:
            continue
        if w[0].isupper() and i > 0:
            out.append("ent:" + low)
            continue
        if len(low) > 4 and low.endswith("s") and not low.endswith("ss"):
            low = low[:-1]
        out.append(low)
    return out


BASE_TEXTS: list[str] = []  # the base sentences' texts, in generator order (BASIL only)


def base_articles(rng: np.random.Generator) -> tuple[list[list[list[str]]], str]:
    """Base articles as lists of sentence term lists (BASIL if present, else Zipf)."""
    if BASIL.is_file():
        arts = []
        with open(BASIL, encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                pairs = [(_sentence_terms(s), s) for p in art["body-paragraphs"] for s in p]
                pairs = [(t, s) for t, s in pairs if len(t) >= 3]
                if pairs:
                    arts.append([t for t, _ in pairs])
                    BASE_TEXTS.extend(s for _, s in pairs)
        return arts, f"BASIL ({BASIL.name})"
    vocab = 20_000
    weights = 1.0 / np.arange(1, vocab + 1) ** 1.07
    weights /= weights.sum()
    arts = []
    for _ in range(225):
        topic = rng.choice(vocab, 40, replace=False)
        sents = []
        for _ in range(27):
            n = int(rng.integers(5, 16))
            general = rng.choice(vocab, n, p=weights)
            own = rng.choice(topic, int(rng.integers(1, 4)))
            sents.append([f"w{t}" for t in np.concatenate((general, own))])
        arts.append(sents)
    return arts, "synthetic Zipf vocabulary (BASIL absent)"


class ClaimGenerator:
    """Vectorised generator of synthetic claims as term-id arrays (CSR)."""

    def __init__(self, arts: list[list[list[str]]], seed: int = 0) -> None:
        self.rng = np.random.default_rng(seed)
        names: dict[str, int] = {}
        sent_terms: list[int] = []
        sent_ptr = [0]
        art_ptr = [0]
        for sents in arts:
            for s in sents:
                sent_terms.extend(names.setdefault(t, len(names)) for t in s)
                sent_ptr.append(len(sent_terms))
            art_ptr.append(len(sent_ptr) - 1)
        self.base_names = list(names)
        self.sent_terms = np.asarray(sent_terms, dtype=np.int64)
        self.sent_ptr = np.asarray(sent_ptr, dtype=np.int64)
        self.art_ptr = np.asarray(art_ptr, dtype=np.int64)
        freq = np.bincount(self.sent_terms, minlength=len(names)).astype(np.float64)
        self.unigram_cdf = np.cumsum(freq / freq.sum())
        self.n_base = len(names)

    def _zipf_ids(self, size: int) -> np.ndarray:
        ids = self.rng.zipf(1.15, size) - 1
        return np.minimum(ids, EXTENDED_IDS - 1)

    def generate(
        self, n_claims: int, first_article: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(article_ids, ptr, terms)``: claims of consecutive synthetic articles."""
        rng = self.rng
        art = np.arange(n_claims) // CLAIMS_PER_ARTICLE
        n_art = int(art[-1]) + 1
        base_art = rng.integers(0, len(self.art_ptr) - 1, n_art)[art]
        lo, hi = self.art_ptr[base_art], self.art_ptr[base_art + 1]
        sent = lo + (rng.random(n_claims) * (hi - lo)).astype(np.int64)
        lens = self.sent_ptr[sent + 1] - self.sent_ptr[sent]
        owner = np.repeat(np.arange(n_claims), lens)
        start = np.repeat(self.sent_ptr[sent] - np.concatenate(([0], np.cumsum(lens)[:-1])), lens)
        terms = self.sent_terms[start + np.arange(int(lens.sum()))]
        keep = rng.random(terms.size) < 0.75
        owner, terms = owner[keep], terms[keep]
        swap = rng.random(terms.size) < 0.2
        terms[swap] = np.searchsorted(self.unigram_cdf, rng.random(int(swap.sum())))
        extra = rng.poisson(1.5, n_claims)
        x_owner = np.repeat(np.arange(n_claims), extra)
        x_ids = self._zipf_ids(x_owner.size)
        local = rng.random(x_owner.size) < 0.5  # article-specific names
        pool = (art[x_owner][local] + first_article) * 7919 + rng.integers(0, 6, int(local.sum()))
        x_ids[local] = pool % EXTENDED_IDS
        owner = np.concatenate((owner, x_owner))
        terms = np.concatenate((terms, self.n_base + x_ids))
        self.last_sentences = sent  # which base sentence each claim varies
        key = np.unique(owner * (self.n_base + EXTENDED_IDS) + terms)
        owner, terms = key // (self.n_base + EXTENDED_IDS), key % (self.n_base + EXTENDED_IDS)
        ptr = np.zeros(n_claims + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner, minlength=n_claims), out=ptr[1:])
        return art + first_article, ptr, terms

    def name(self, t: int) -> str:
        if t < self.n_base:
            return self.base_names[t]
        x = t - self.n_base
        return f"num:{x}" if x % 3 == 0 else f"ent:x{x}"


def to_strings(gen: ClaimGenerator, ptr: np.ndarray, terms: np.ndarray) -> list[list[str]]:
    used, inverse = np.unique(terms, return_inverse=True)
    names = np.array([gen.name(int(t)) for t in used], dtype=object)[inverse]
    return [names[ptr[i] : ptr[i + 1]].tolist() for i in range(len(ptr) - 1)]


def rss_mb() -> float:
    """Resident set size in MiB, after returning free heap memory to the OS (glibc)."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class BruteForce:
    """Exact IDF-weighted cosine over every stored claim, with numpy, in generator ids."""

    def __init__(self, art: np.ndarray, ptr: np.ndarray, terms: np.ndarray) -> None:
        self.art, self.ptr = art, ptr
        self.vocab, self.local = np.unique(terms, return_inverse=True)
        df = np.bincount(self.local, minlength=len(self.vocab))
        self.n = len(ptr) - 1
        self.idf2 = idf_weights(df, self.n) ** 2
        sq = np.add.reduceat(self.idf2[self.local], ptr[:-1])
        self.inv_norm = 1.0 / np.sqrt(sq)
        self.unknown2 = float(np.log1p(self.n)) ** 2

    def top(self, q_terms: np.ndarray, exclude_article: int, k: int = 10) -> list[int]:
        pos = np.searchsorted(self.vocab, q_terms)
        pos = np.minimum(pos, len(self.vocab) - 1)
        known = self.vocab[pos] == q_terms
        w = np.zeros(len(self.vocab))
        w[pos[known]] = self.idf2[pos[known]]
        scores = np.add.reduceat(w[self.local], self.ptr[:-1]) * self.inv_norm
        scores[self.art == exclude_article] = 0
        top = np.argpartition(-scores, k)[:k]
        top = top[np.lexsort((top, -scores[top]))]
        return [int(i) for i in top if scores[i] > 0]


def parse_size(text: str) -> int:
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * mult)


def run(size: int, arts: list[list[list[str]]], n_articles: int, n_recall: int) -> None:
    gen = ClaimGenerator(arts, seed=size)
    art, ptr, terms = gen.generate(size, first_article=0)
    gen.stored_sentences = gen.last_sentences
    q_art, q_ptr, q_terms = gen.generate(n_articles * QUERY_CLAIMS, first_article=10**8)
    q_art = q_art // 10**8 * 10**8 + (np.arange(len(q_art)) // QUERY_CLAIMS)
    stored = to_strings(gen, ptr, terms)
    queries = to_strings(gen, q_ptr, q_terms)
    avg_terms = len(terms) / size
    gc.collect()
    rss0 = rss_mb()
    t0 = time.perf_counter()
    index = CandidateIndex()
    index.add_many(zip(range(size), art.tolist(), stored, strict=True))
    index.compact()
    build = time.perf_counter() - t0
    gc.collect()
    rss1 = rss_mb()
    # latency per 30-claim article (wall clock, and this process's CPU time)
    lat, cpu = [], []
    results: list[list[tuple[int, float]]] = []
    for a in range(n_articles):
        qs = queries[a * QUERY_CLAIMS : (a + 1) * QUERY_CLAIMS]
        aid = int(q_art[a * QUERY_CLAIMS])
        t, c = time.perf_counter(), time.process_time()
        res = index.query_many(qs, exclude_article=aid, k=50)
        lat.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        results.extend(res)
    lat_ms = sorted(x * 1000 for x in lat)
    # recall@50 vs exact brute-force top-10
    brute = BruteForce(art, ptr, terms)
    rng = np.random.default_rng(1)
    sample = rng.choice(len(queries), min(n_recall, len(queries)), replace=False)
    recalls = []
    for i in sample:
        exact = brute.top(q_terms[q_ptr[i] : q_ptr[i + 1]], int(q_art[i]), 10)
        if exact:
            got = {c for c, _ in results[i]}
            recalls.append(sum(c in got for c in exact) / len(exact))
    # incremental: store one article, then query the next one (tail rebuild)
    qs = queries[:QUERY_CLAIMS]
    t = time.perf_counter()
    index.add_many((10**9 + j, 10**9, q) for j, q in enumerate(qs))
    index.query_many(queries[QUERY_CLAIMS : 2 * QUERY_CLAIMS], exclude_article=10**9 + 1, k=50)
    incr = (time.perf_counter() - t) * 1000
    sem = semantic_run(gen, art, q_art, ptr, q_ptr, size, n_articles, n_recall, lat)
    print(
        f"{size:>9,d} {avg_terms:5.1f} {build:7.2f} {rss1 - rss0:8.0f} "
        f"{index.memory_bytes() / 2**20:8.0f} {statistics.median(lat_ms):9.1f} "
        f"{lat_ms[int(0.95 * (len(lat_ms) - 1))]:8.1f} {statistics.median(cpu) * 1000:8.1f} "
        f"{incr:9.1f} "
        f"{float(np.mean(recalls)):8.3f} {len(recalls):5d}",
        flush=True,
    )
    print(f"{'':>9} semantic: build {sem['build']:.2f} s, RSS {sem['rss']:.0f} MB, "
          f"arrays {sem['bytes'] / 2**20:.0f} MB; query med {sem['med']:.1f} ms, "
          f"p95 {sem['p95']:.1f} ms, cpu {sem['cpu']:.1f} ms; terms + semantic per article med {sem['both']:.1f} ms, "
          f"p95 {sem['both95']:.1f} ms; R@{SEMANTIC_K} {sem['recall']:.3f} "
          f"(int8 codes against float32 brute force, {sem['n']} queries)", flush=True)


SEMANTIC_K = 3  # factdesk.core.matching_service.SEMANTIC_CANDIDATES


def claim_vectors_for(gen: ClaimGenerator, sentences: np.ndarray, seed: int) -> np.ndarray:
    """Unit float32 vectors of synthetic claims: their base sentence's embedding plus
    noise (cosine ~0.9 to it; random base vectors when BASIL is absent)."""
    rng = np.random.default_rng(seed)
    if not hasattr(gen, "base_vectors"):
        if BASE_TEXTS:
            from factdesk.nlp.embeddings import embed_sentences

            gen.base_vectors = embed_sentences(BASE_TEXTS, VECTOR_DIM)
        else:
            base = rng.normal(size=(len(gen.sent_ptr) - 1, VECTOR_DIM)).astype(np.float32)
            gen.base_vectors = base / np.linalg.norm(base, axis=1, keepdims=True)
    noise = rng.normal(scale=0.5 / np.sqrt(VECTOR_DIM), size=(len(sentences), VECTOR_DIM))
    vectors = gen.base_vectors[sentences] + noise.astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def semantic_run(gen: ClaimGenerator, art: np.ndarray, q_art: np.ndarray, ptr: np.ndarray,
                 q_ptr: np.ndarray, size: int, n_articles: int, n_recall: int,
                 term_latency: list[float]) -> dict:
    """Semantic index over the same claims: build, latency, recall against brute force."""
    gen_sent = gen.last_sentences  # the queries' (generated last)
    stored_vectors = claim_vectors_for(gen, gen.stored_sentences, size)
    query_vectors = claim_vectors_for(gen, gen_sent, size + 1)
    rss0 = rss_mb()
    t0 = time.perf_counter()
    index = SemanticIndex()
    codes = quantise(stored_vectors)
    step = 50_000
    for start in range(0, size, step):
        end = min(start + step, size)
        index.add_many(list(zip(range(start, end), art[start:end].tolist(), codes[start:end],
                                strict=True)))
    build = time.perf_counter() - t0
    rss = rss_mb() - rss0
    lat, cpu = [], []
    found: list[list[int]] = []
    for a in range(n_articles):
        q = query_vectors[a * QUERY_CLAIMS : (a + 1) * QUERY_CLAIMS]
        aid = int(q_art[a * QUERY_CLAIMS])
        t, c = time.perf_counter(), time.process_time()
        res = index.query_many(q, exclude_article=aid, k=SEMANTIC_K, floor=-1.0)
        lat.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        found.extend([c for c, _ in hits] for hits in res)
    recalls = []
    rng = np.random.default_rng(2)
    for i in rng.choice(len(found), min(n_recall, len(found)), replace=False):
        scores = stored_vectors @ query_vectors[i]
        scores[art == int(q_art[i])] = -2.0
        exact = np.argsort(-scores)[:SEMANTIC_K]
        recalls.append(len(set(exact.tolist()) & set(found[i])) / SEMANTIC_K)
    lat_ms = sorted(x * 1000 for x in lat)
    both = sorted((x + y) * 1000 for x, y in zip(lat, term_latency, strict=True))
    return {"build": build, "rss": rss, "bytes": index.memory_bytes(),
            "cpu": statistics.median(cpu) * 1000, "med": statistics.median(lat_ms), "p95": lat_ms[int(0.95 * (len(lat_ms) - 1))],
            "both": statistics.median(both), "both95": both[int(0.95 * (len(both) - 1))],
            "recall": float(np.mean(recalls)), "n": len(recalls)}


def project_report(path: Path) -> int:
    """Claim vectors of a whole project: computed and stored once (as the first matching
    run or window after the upgrade does), the file's growth, and the process memory of
    the term and semantic indexes."""
    import shutil
    import tempfile

    from factdesk.core.claim_index import INDEXES, ProjectIndexCache
    from factdesk.core.project import Project
    from factdesk.storage.claim_vectors import ClaimVectorRepository

    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        copy = Path(tmp) / path.name
        shutil.copy(path, copy)
        with Project.open(copy) as project:  # migrates (adds the empty table)
            n_claims = project.claims.count()
        before = copy.stat().st_size
        rss0 = rss_mb()
        t0 = time.perf_counter()
        with Project.open(copy) as project:
            INDEXES.get(project)
            first = time.perf_counter() - t0
            rss1 = rss_mb()
            semantic = INDEXES.semantic(project)
            stored = ClaimVectorRepository(project.db).bytes_stored()
            project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        after = copy.stat().st_size
        cache = ProjectIndexCache()
        t0 = time.perf_counter()
        with Project.open(copy) as project:
            cache.get(project)
        again = time.perf_counter() - t0
    print(f"{path.name}: {n_claims:,} claims; file {before / 2**20:.0f} MB -> "
          f"{after / 2**20:.0f} MB (+{(after - before) / 2**20:.0f} MB, vector codes "
          f"{stored / 2**20:.0f} MB); first index build with vectors computed and stored "
          f"{first:.1f} s, later (vectors read) {again:.1f} s; RSS of both indexes "
          f"{rss1 - rss0:.0f} MB, of which semantic arrays "
          f"{semantic.memory_bytes() / 2**20:.0f} MB")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1M", help="stored claims, e.g. 10k,100k,1M")
    parser.add_argument("--articles", type=int, default=20, help="query articles per size")
    parser.add_argument("--recall-queries", type=int, default=300)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--project", type=Path,
                        help="instead: store the claim vectors of this project (a copy is "
                        "made) and report file growth, time and index memory")
    args = parser.parse_args()
    if args.project:
        return project_report(args.project)
    arts, source = base_articles(np.random.default_rng(0))
    if args.one:
        run(parse_size(args.sizes), arts, args.articles, args.recall_queries)
        return 0
    print(f"base sentences: {sum(len(a) for a in arts)} from {source}")
    print(
        f"{'claims':>9} {'terms':>5} {'build s':>7} {'RSS MB':>8} {'arr MB':>8} "
        f"{'med ms':>9} {'p95 ms':>8} {'cpu ms':>8} {'add+q ms':>9} {'R@50':>8} {'n':>5}"
    )
    for size in (parse_size(s) for s in args.sizes.split(",")):
        if args.one:
            run(size, arts, args.articles, args.recall_queries)
            continue
        # one fresh process per size, so that RSS growth is the index's own
        cmd = [sys.executable, __file__, "--one", "--sizes", str(size)]
        cmd += ["--articles", str(args.articles), "--recall-queries", str(args.recall_queries)]
        subprocess.run(cmd, check=True)
    print(
        "terms = mean terms per claim; RSS MB = RSS growth while building (fresh process);"
        " arr MB = CandidateIndex.memory_bytes(); med/p95 ms = wall time of query_many for"
        " one 30-claim article (k=50); cpu ms = its median CPU time; add+q ms = store one"
        " article then query the next; R@50 = share of the brute-force top-10 in the top 50"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
