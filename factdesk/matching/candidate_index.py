"""Fast candidate retrieval among a project's stored claims, for cross-article matching.

:class:`CandidateIndex` holds, in memory, every stored claim of a project as a set of
terms (content lemmas plus keys such as ``ent:zelensky`` and ``num:450``) and, for the
claims of a newly imported article, returns the top ``k`` most similar claims of *other*
articles, to be re-ranked by the slower matching stages.

Similarity is the IDF-weighted cosine of the two term sets::

    sim(q, d) = sum(idf(t)^2 for t in q & d) / (|q| * |d|),  |x| = sqrt(sum(idf(t)^2 for t in x))
    idf(t) = ln(1 + N / df(t))

with ``N`` and ``df`` counted over the stored claims (a query term never stored gets
``df = 1``). Scores are in ``[0, 1]``. :meth:`CandidateIndex.brute_force` scores every
stored claim exactly; :meth:`CandidateIndex.query` is the fast approximation:

1. the query's terms are taken rarest first, and their posting arrays (numpy ``int32``)
   are accumulated (sorting ``(claim, term)`` keys, then ``np.add.reduceat``) until ``max_postings`` postings have been read
   (the rarest ``min_terms`` terms are always read);
2. the ``rescore_factor * k`` best claims by that partial score are re-scored exactly,
   the skipped (common) terms being looked up with ``np.searchsorted`` in their sorted
   postings;
3. the excluded article's and removed claims are dropped and the top ``k`` returned.

Claims missed are only those sharing nothing but very common terms with the query, or
ranked below ``rescore_factor * k`` on rare terms alone; ``bench/matching_scale.py``
measures recall against brute force.

Storage is a main segment (compressed postings and forward term lists, rebuilt on
merge) plus a small tail segment for claims added since, rebuilt lazily on the next
query. IDF weights and claim norms are a snapshot taken when the main segment is
built; the tail is merged (and the snapshot refreshed) once it exceeds ``merge_ratio``
of the main segment, or when removed claims exceed it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["CandidateIndex", "idf_weights"]

#: Postings up to which a query of :meth:`CandidateIndex.query_many` is accumulated with
#: the others: below this numpy's per-call cost dominates a query; above, sorting one
#: larger array costs more than it saves (100k claims: 11 ms against 9.6 per article).
BATCHED_QUERY_POSTINGS = 2_000


def idf_weights(df: np.ndarray, n_docs: int) -> np.ndarray:
    """``ln(1 + N / df)`` per term (``df`` below 1 counts as 1)."""
    return np.log1p(max(n_docs, 1) / np.maximum(df, 1).astype(np.float64))


def _concat_csr(chunks: Sequence[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Concatenate CSR ``(ptr, values)`` chunks into one."""
    ptrs = [np.zeros(1, dtype=np.int64)]
    offset = 0
    for ptr, _ in chunks:
        ptrs.append(ptr[1:] + offset)
        offset += int(ptr[-1])
    values = [v for _, v in chunks]
    terms = np.concatenate(values).astype(np.int32, copy=False) if values else np.zeros(0, np.int32)
    return np.concatenate(ptrs), terms


def _run_sums(groups: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each run of equal sorted ``groups`` and the sum of its ``weights`` (in order)."""
    first = np.empty(len(groups), dtype=bool)
    first[0] = True
    np.not_equal(groups[1:], groups[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return groups[starts], np.add.reduceat(weights, starts)


def _best(cand: np.ndarray, score: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` candidates of highest score (unordered), or all when fewer."""
    if cand.size > k:
        top = np.argpartition(-score, k - 1)[:k]
        return cand[top], score[top]
    return cand, score


class _Segment:
    """Immutable postings over a contiguous range of slots, plus their forward lists."""

    __slots__ = ("base", "n", "fwd_ptr", "fwd_terms", "ptr", "docs", "inv_norm")

    def __init__(self, base: int, fwd_ptr: np.ndarray, fwd_terms: np.ndarray, n_terms: int):
        self.base = base
        self.n = len(fwd_ptr) - 1
        self.fwd_ptr = fwd_ptr
        self.fwd_terms = fwd_terms
        lengths = np.diff(fwd_ptr)
        width = max(self.n, 1)
        keys = np.repeat(np.arange(self.n, dtype=np.int64), lengths)
        keys += fwd_terms.astype(np.int64) * width
        keys.sort()  # by term, then by claim: each posting list comes out sorted
        self.docs = (keys % width).astype(np.int32)
        del keys
        counts = np.bincount(fwd_terms, minlength=n_terms)
        self.ptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(counts, out=self.ptr[1:])
        self.inv_norm = np.zeros(self.n, dtype=np.float32)

    def set_norms(self, idf2: np.ndarray) -> None:
        """Recompute the claims' inverse norms from squared term weights ``idf2``."""
        if self.n == 0:
            return
        sq = np.zeros(self.n, dtype=np.float64)
        nonempty = np.diff(self.fwd_ptr) > 0
        if self.fwd_terms.size:
            sums = np.add.reduceat(idf2[self.fwd_terms], self.fwd_ptr[:-1][nonempty])
            sq[nonempty] = sums
        with np.errstate(divide="ignore"):
            inv = np.where(sq > 0, 1.0 / np.sqrt(sq), 0.0)
        self.inv_norm = inv.astype(np.float32)

    def postings(self, t: int) -> np.ndarray:
        if t + 1 >= len(self.ptr):
            return self.docs[:0]
        return self.docs[self.ptr[t] : self.ptr[t + 1]]

    def df(self, tids: np.ndarray) -> np.ndarray:
        out = np.zeros(len(tids), dtype=np.int64)
        ok = tids + 1 < len(self.ptr)
        out[ok] = self.ptr[tids[ok] + 1] - self.ptr[tids[ok]]
        return out

    def nbytes(self) -> int:
        return sum(
            a.nbytes for a in (self.fwd_ptr, self.fwd_terms, self.ptr, self.docs, self.inv_norm)
        )


class CandidateIndex:
    """In-memory term index over stored claims; see the module docstring for the method.

    ``max_postings`` bounds the postings read per query claim (the speed/recall knob),
    ``min_terms`` how many of the rarest terms are always read, ``rescore_factor`` the
    size (times ``k``) of the exactly re-scored shortlist.
    """

    def __init__(
        self,
        *,
        max_postings: int = 20_000,
        min_terms: int = 2,
        rescore_factor: int = 4,
        merge_ratio: float = 0.1,
        min_merge: int = 2_000,
    ) -> None:
        self.max_postings = max_postings
        self.min_terms = min_terms
        self.rescore_factor = rescore_factor
        self.merge_ratio = merge_ratio
        self.min_merge = min_merge
        self._vocab: dict[str, int] = {}
        cap = 1024
        self._claim = np.zeros(cap, dtype=np.int64)
        self._article = np.zeros(cap, dtype=np.int64)
        self._alive = np.zeros(cap, dtype=bool)
        self._n_slots = 0
        self._n_dead = 0
        self._df = np.zeros(cap, dtype=np.int64)  # live document frequency per term id
        self._main = _Segment(0, np.zeros(1, np.int64), np.zeros(0, np.int32), 0)
        # forward term lists of the slots after the main segment, as CSR chunks
        self._tail_chunks: list[tuple[np.ndarray, np.ndarray]] = []
        self._tail_n = 0
        self._tail: _Segment | None = None
        self._idf2 = np.zeros(0, dtype=np.float64)  # snapshot of idf^2 per term id
        self._snap_n = 0

    # -- adding and removing ---------------------------------------------------------------

    def __len__(self) -> int:
        return self._n_slots - self._n_dead

    def _grow(self, slots: int, terms: int) -> None:
        if slots > len(self._claim):
            cap = max(slots, 2 * len(self._claim))
            for name in ("_claim", "_article", "_alive"):
                old = getattr(self, name)
                new = np.zeros(cap, dtype=old.dtype)
                new[: len(old)] = old
                setattr(self, name, new)
        if terms > len(self._df):
            new_df = np.zeros(max(terms, 2 * len(self._df)), dtype=np.int64)
            new_df[: len(self._df)] = self._df
            self._df = new_df

    def add(self, claim_id: int, article_id: int, terms: Sequence[str]) -> None:
        """Store one claim (its terms are de-duplicated; order does not matter)."""
        self.add_many([(claim_id, article_id, terms)])

    def add_many(self, claims: Iterable[tuple[int, int, Sequence[str]]]) -> None:
        """Store many claims given as ``(claim_id, article_id, terms)``."""
        ids: list[int] = []
        arts: list[int] = []
        lengths: list[int] = []
        flat: list[str] = []
        for claim_id, article_id, terms in claims:
            ids.append(int(claim_id))
            arts.append(int(article_id))
            before = len(flat)
            flat.extend(terms)
            lengths.append(len(flat) - before)
        if not ids:
            return
        vocab = self._vocab
        new_terms = [t for t in dict.fromkeys(flat) if t not in vocab]
        vocab.update(zip(new_terms, range(len(vocab), len(vocab) + len(new_terms)), strict=True))
        tids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
        n_new = len(ids)
        width = max(len(vocab), 1)
        keys = np.repeat(np.arange(n_new, dtype=np.int64) * width, lengths) + tids
        keys.sort()
        if keys.size:  # de-duplicate terms within a claim
            keep = np.empty(keys.size, dtype=bool)
            keep[0] = True
            np.not_equal(keys[1:], keys[:-1], out=keep[1:])
            keys = keys[keep]
        owner = keys // width
        terms_arr = (keys - owner * width).astype(np.int32)
        fwd_ptr = np.zeros(n_new + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner, minlength=n_new), out=fwd_ptr[1:])
        start = self._n_slots
        end = start + n_new
        self._grow(end, len(vocab))
        self._claim[start:end] = ids
        self._article[start:end] = arts
        self._alive[start:end] = True
        self._n_slots = end
        self._df[: len(vocab)] += np.bincount(terms_arr, minlength=len(vocab))
        self._tail_chunks.append((fwd_ptr, terms_arr))
        self._tail_n += n_new
        self._tail = None

    def _kill(self, slots: np.ndarray) -> int:
        slots = slots[self._alive[slots]]
        if slots.size == 0:
            return 0
        self._alive[slots] = False
        self._n_dead += int(slots.size)
        for s in slots.tolist():
            self._df[self._forward(int(s))] -= 1
        return int(slots.size)

    def remove(self, claim_id: int) -> bool:
        """Forget a claim; False when it was not stored."""
        n = self._n_slots
        return self._kill(np.flatnonzero(self._claim[:n] == claim_id)) > 0

    def remove_article(self, article_id: int) -> int:
        """Forget every claim of an article; returns how many were removed."""
        n = self._n_slots
        return self._kill(np.flatnonzero(self._article[:n] == article_id))

    def _forward(self, slot: int) -> np.ndarray:
        main = self._main
        if slot < main.n:
            return main.fwd_terms[main.fwd_ptr[slot] : main.fwd_ptr[slot + 1]]
        i = slot - main.n
        for fwd_ptr, terms in self._tail_chunks:
            if i < len(fwd_ptr) - 1:
                return terms[fwd_ptr[i] : fwd_ptr[i + 1]]
            i -= len(fwd_ptr) - 1
        raise IndexError(slot)

    # -- segments ----------------------------------------------------------------------------

    def _prepare(self) -> None:
        """Merge or rebuild segments as needed before a query."""
        main_n = self._main.n
        limit = max(self.min_merge, self.merge_ratio * main_n)
        if self._tail_n > limit or self._n_dead > limit or (main_n == 0 and self._tail_n):
            self._merge()
        elif self._tail_n and self._tail is None:
            fwd_ptr, terms = _concat_csr(self._tail_chunks)
            self._tail = _Segment(main_n, fwd_ptr, terms, len(self._vocab))
            self._tail.set_norms(self._idf2_all())

    def _merge(self) -> None:
        """Rebuild the main segment from all live claims and refresh the IDF snapshot."""
        n = self._n_slots
        main = self._main
        fwd_ptr, fwd_terms = _concat_csr([(main.fwd_ptr, main.fwd_terms), *self._tail_chunks])
        keep = np.flatnonzero(self._alive[:n])
        if keep.size < n:
            lengths = np.diff(fwd_ptr)[keep]
            starts = fwd_ptr[:-1][keep]
            fwd_ptr = np.zeros(keep.size + 1, dtype=np.int64)
            np.cumsum(lengths, out=fwd_ptr[1:])
            gather = np.repeat(starts - fwd_ptr[:-1], lengths) + np.arange(int(fwd_ptr[-1]))
            fwd_terms = fwd_terms[gather]
        m = keep.size
        self._claim[:m] = self._claim[keep]
        self._article[:m] = self._article[keep]
        self._alive[:m] = True
        self._alive[m:n] = False
        self._n_slots, self._n_dead = m, 0
        self._main = _Segment(0, fwd_ptr, fwd_terms, len(self._vocab))
        self._tail_chunks, self._tail_n, self._tail = [], 0, None
        self._snap_n = m
        self._idf2 = idf_weights(self._df[: len(self._vocab)], m) ** 2
        self._main.set_norms(self._idf2)

    def _idf2_all(self) -> np.ndarray:
        """Snapshot idf^2 extended to terms first seen after the snapshot."""
        v = len(self._vocab)
        if len(self._idf2) < v:
            extra = idf_weights(self._df[len(self._idf2) : v], max(self._snap_n, len(self)))
            self._idf2 = np.concatenate((self._idf2, extra**2))
        return self._idf2

    def idf(self, terms: Sequence[str]) -> np.ndarray:
        """Inverse document frequency (over the indexed claims) of each term, in order;
        a term never seen counts as seen once."""
        vocab = self._vocab
        n = max(self._snap_n, len(self), 1)
        unseen = float(np.log1p(n))
        idf2 = self._idf2_all() if vocab else np.zeros(0)
        ids = np.fromiter((vocab.get(t, -1) for t in terms), dtype=np.int64)
        out = np.full(len(ids), unseen, dtype=np.float64)
        known = ids >= 0
        out[known] = np.sqrt(idf2[ids[known]])  # at once, not a numpy scalar per term
        return out

    def compact(self) -> None:
        """Merge everything into the main segment now (e.g. after loading a project)."""
        if self._tail_n or self._n_dead:
            self._merge()

    def memory_bytes(self) -> int:
        """Approximate bytes held by the numpy arrays (the vocabulary dict excluded)."""
        total = self._main.nbytes() + self._claim.nbytes + self._article.nbytes
        total += self._alive.nbytes + self._df.nbytes + self._idf2.nbytes
        total += sum(p.nbytes + t.nbytes for p, t in self._tail_chunks)
        return total + (self._tail.nbytes() if self._tail else 0)

    # -- querying ----------------------------------------------------------------------------

    def _query_terms(self, terms: Iterable[str]) -> tuple[np.ndarray, np.ndarray, float]:
        """Known term ids, their idf^2, and the query norm (unknown terms count, df=1)."""
        vocab = self._vocab
        unique = set(terms)
        known = [vocab[t] for t in unique if t in vocab]
        tids = np.asarray(sorted(known), dtype=np.int64)
        idf2 = self._idf2_all()[tids] if tids.size else np.zeros(0)
        n_unknown = len(unique) - len(known)
        unknown2 = n_unknown * float(np.log1p(max(self._snap_n, len(self), 1))) ** 2
        return tids, idf2, float(np.sqrt(idf2.sum() + unknown2))

    def _segments(self) -> list[_Segment]:
        self._prepare()
        segs = [self._main]
        if self._tail is not None:
            segs.append(self._tail)
        return segs

    def _score_segment(
        self,
        seg: _Segment,
        tids: np.ndarray,
        idf2: np.ndarray,
        exclude_article: int | None,
        k: int,
        exact: bool,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Best ``k`` (global slot, unnormalised score) pairs of one segment."""
        empty = (np.zeros(0, np.int64), np.zeros(0))
        if seg.n == 0 or tids.size == 0:
            return empty
        dfs = seg.df(tids)
        order = np.argsort(dfs, kind="stable")
        if exact:
            n_read = len(order)
        else:
            cum = np.cumsum(dfs[order])
            n_read = max(int(np.searchsorted(cum, self.max_postings, side="right")), self.min_terms)
        read, skipped = order[:n_read], order[n_read:]
        parts = [seg.postings(int(tids[i])) for i in read]
        lens = [len(p) for p in parts]
        if not sum(lens):
            return empty
        # accumulate by sorting (doc, term) keys: cost independent of the segment size
        shift = max(len(read) - 1, 1).bit_length()
        keys = np.concatenate(parts).astype(np.int64) << shift
        keys |= np.repeat(np.arange(len(read), dtype=np.int64), lens)
        keys.sort()
        cand, acc = _run_sums(keys >> shift, idf2[read][keys & ((1 << shift) - 1)])
        ok = self._live(seg, cand, exclude_article)
        cand, acc = cand[ok], acc[ok]
        score = acc * seg.inv_norm[cand]
        if skipped.size and cand.size:
            shortlist = max(k * self.rescore_factor, k)
            if cand.size > shortlist:
                top = np.argpartition(-score, shortlist - 1)[:shortlist]
                cand, acc = cand[top], acc[top]
            for i in skipped:
                post = seg.postings(int(tids[i]))
                if post.size == 0:
                    continue
                pos = np.minimum(np.searchsorted(post, cand), len(post) - 1)
                acc = acc + idf2[i] * (post[pos] == cand)
            score = acc * seg.inv_norm[cand]
        cand, score = _best(cand, score, k)
        return cand + seg.base, score

    def _live(self, seg: _Segment, cand: np.ndarray, exclude_article: int | None
              ) -> np.ndarray:
        """Which of the segment's candidate docs are live claims of other articles."""
        slots = cand + seg.base
        ok = self._alive[slots]
        if exclude_article is not None:
            ok &= self._article[slots] != exclude_article
        return ok

    def _search(
        self, terms: Iterable[str], exclude_article: int | None, k: int, exact: bool
    ) -> list[tuple[int, float]]:
        if k <= 0:
            return []
        segs = self._segments()
        tids, idf2, qnorm = self._query_terms(terms)
        if qnorm == 0:
            return []
        found = [self._score_segment(s, tids, idf2, exclude_article, k, exact) for s in segs]
        return self._top(np.concatenate([f[0] for f in found]),
                         np.concatenate([f[1] for f in found]) / qnorm, k)

    def _top(self, slots: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The best ``k`` (claim id, cosine) of the segments' candidates, best first."""
        claims = self._claim[slots]
        order = np.lexsort((claims, -scores))[:k]
        order = order[scores[order] > 0]
        top_scores = np.minimum(scores[order], 1.0).tolist()
        return list(zip(claims[order].tolist(), top_scores, strict=True))

    def query(
        self, terms: Iterable[str], exclude_article: int | None = None, k: int = 50
    ) -> list[tuple[int, float]]:
        """Top ``k`` ``(claim_id, cosine)`` of other articles' claims, best first (fast)."""
        return self._search(terms, exclude_article, k, exact=False)

    def query_many(
        self,
        queries: Iterable[Iterable[str]],
        exclude_article: int | None = None,
        k: int = 50,
    ) -> list[list[tuple[int, float]]]:
        """:meth:`query` for each claim of one article (term lists), in order.

        The same results as one :meth:`query` per claim. The claims whose terms have few
        postings (all of them in a project of a few thousand claims) share one
        accumulation of their postings per segment, so that a small index is not
        queried at numpy's per-call cost twenty times per article.
        """
        queries = list(queries)
        if k <= 0:
            return [[] for _ in queries]
        segs = self._segments()
        prepared = [self._query_terms(q) for q in queries]
        per_segment = [self._score_segment_many(seg, prepared, exclude_article, k)
                       for seg in segs]
        out: list[list[tuple[int, float]]] = []
        for j, (_, _, qnorm) in enumerate(prepared):
            if qnorm == 0:
                out.append([])
                continue
            found = [scored[j] for scored in per_segment]
            out.append(self._top(np.concatenate([f[0] for f in found]),
                                 np.concatenate([f[1] for f in found]) / qnorm, k))
        return out

    def _score_segment_many(
        self, seg: _Segment, prepared: Sequence[tuple[np.ndarray, np.ndarray, float]],
        exclude_article: int | None, k: int,
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        """:meth:`_score_segment` of each prepared query (``_query_terms``): the ones
        with at most :data:`BATCHED_QUERY_POSTINGS` postings (all read) accumulated
        together, the others one by one."""
        empty = (np.zeros(0, np.int64), np.zeros(0))
        results: list[tuple[np.ndarray, np.ndarray]] = [empty] * len(prepared)
        live = [j for j, (tids, _, qnorm) in enumerate(prepared) if qnorm and tids.size]
        if seg.n == 0 or not live:
            return results
        tids = np.concatenate([prepared[j][0] for j in live])
        idf2 = np.concatenate([prepared[j][1] for j in live])
        owner = np.repeat(np.arange(len(live), dtype=np.int64),
                          [prepared[j][0].size for j in live])
        dfs = seg.df(tids)
        postings_read = np.bincount(owner, weights=dfs, minlength=len(live))
        batch: list[int] = []  # the queries that read all of their few postings
        for slot, j in enumerate(live):
            if postings_read[slot] <= min(self.max_postings, BATCHED_QUERY_POSTINGS):
                batch.append(slot)
            else:
                results[j] = self._score_segment(seg, prepared[j][0], prepared[j][1],
                                                 exclude_article, k, False)
        if len(batch) < len(live):
            keep = np.isin(owner, batch)
            tids, idf2, dfs = tids[keep], idf2[keep], dfs[keep]
            owner = np.searchsorted(np.asarray(batch), owner[keep])  # renumbered 0..
        # each query's terms rarest first (stable), as one query reads them
        order = np.lexsort((dfs, owner))
        tids, weights, lens, owner = tids[order], idf2[order], dfs[order], owner[order]
        total = int(lens.sum())
        if not total:
            return results
        starts = np.where(lens > 0, seg.ptr[np.minimum(tids, len(seg.ptr) - 1)], 0)
        offsets = np.zeros(len(lens), dtype=np.int64)
        np.cumsum(lens[:-1], out=offsets[1:])
        gather = np.repeat(starts - offsets, lens) + np.arange(total)
        term_of_posting = np.repeat(np.arange(len(lens), dtype=np.int64), lens)
        term_bits = max(len(lens) - 1, 1).bit_length()
        doc_bits = max(seg.n - 1, 1).bit_length()
        if term_bits + doc_bits + max(len(batch) - 1, 1).bit_length() > 62:
            for slot in batch:
                j = live[slot]
                results[j] = self._score_segment(seg, prepared[j][0], prepared[j][1],
                                                 exclude_article, k, False)
            return results
        # (query, doc, term position) keys: within each query and doc the weights are
        # summed in the order one query sums them
        keys = ((owner[term_of_posting] << doc_bits | seg.docs[gather].astype(np.int64))
                << term_bits | term_of_posting)
        keys.sort()
        group, acc = _run_sums(keys >> term_bits, weights[keys & ((1 << term_bits) - 1)])
        cand, query = group & ((1 << doc_bits) - 1), group >> doc_bits
        ok = self._live(seg, cand, exclude_article)
        cand, acc, query = cand[ok], acc[ok], query[ok]
        score = acc * seg.inv_norm[cand]
        bounds = np.searchsorted(query, np.arange(len(batch) + 1)).tolist()
        for n, slot in enumerate(batch):
            c, sc = _best(cand[bounds[n]:bounds[n + 1]], score[bounds[n]:bounds[n + 1]], k)
            results[live[slot]] = (c + seg.base, sc)
        return results

    def brute_force(
        self, terms: Iterable[str], exclude_article: int | None = None, k: int = 10
    ) -> list[tuple[int, float]]:
        """Exact top ``k`` by the same similarity: every posting of every term is scored."""
        return self._search(terms, exclude_article, k, exact=True)
