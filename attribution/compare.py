"""Several articles on one story, side by side: who speaks, which words, how the "same" quote drifts.

``compare(articles)`` builds a [`Comparison`][attribution.compare.Comparison] (frozen, JSON-serialisable):

* **speaker mix** per outlet: the share of sentences in its own voice and by source kind, the top
  sources, and the chains of citation ("RT → رويترز → مصادر");
* **concepts**: for each concept, the terms each outlet uses in its own voice and, separately, inside
  attributed speech, with counts and stance; concepts where outlets disagree come first;
* **quote drift**: attributed contents aligned across outlets (same chain or source and similar
  content, measured as the overlap coefficient of their folded content words) with what differs: a
  loaded term swapped, a chain dropped, a source changed, a direct quote turned into paraphrase;
* **only here**: claims and sources that only one outlet carries.

By default only headline and body sentences count (``regions=("headline", "body")``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from os import PathLike
from typing import TYPE_CHECKING, Any

import attrs

from .i18n import N_, _
from .model import Article, Attribution
from .morphology import AFFIXED_DEFINITE, BA, DEFINITE, FA, LAM, WA
from .normalize import fold_term
from .words import builtin_words

if TYPE_CHECKING:
    from .compiled import Compiled

__all__ = [
    "DEFAULT_REGIONS",
    "Comparison",
    "ConceptRow",
    "Difference",
    "OnlyHere",
    "OutletSummary",
    "QuoteGroup",
    "QuoteRef",
    "TermUse",
    "compare",
]

DEFAULT_REGIONS = ("headline", "body")
_WORD = re.compile(r"[^\W\d_]+")
#: A clitic or the article before a word of three letters or more, the longest first.
_CLITIC = re.compile(f"^(?:{'|'.join((*AFFIXED_DEFINITE, DEFINITE, WA, FA, BA, LAM))})(?=\\w{{3,}})")
_RANK = {"unnamed_source": 0, "person": 1, "group": 1, "organization": 1, "media": 2, "news_agency": 2,
         "official": 3, "government": 3, "outlet": 0}
#: Stances and source kinds in a difference's detail: as they are in English, translated in Arabic.
_STANCES = {"positive": N_("positive"), "negative": N_("negative"), "neutral": N_("neutral")}
_KINDS = {"unnamed_source": N_("unnamed_source"), "person": N_("person"), "group": N_("group"),
          "organization": N_("organization"), "media": N_("media"), "news_agency": N_("news_agency"),
          "official": N_("official"), "government": N_("government"), "outlet": N_("outlet")}


#: The comparison's word lists: ``[compare]`` in lexicons/grammar.toml.
_words = builtin_words


def _rank(kind: str, name: str) -> float:
    """How authoritative a source reads: unnamed sources < unnamed officials < media < named officials."""
    rank = float(_RANK.get(kind, 1))
    if kind == "unnamed_source" and any(w in fold_term(name) for w in _words().compare_official_words):
        rank += 0.5
    return rank


def content_words(text: str) -> frozenset[str]:
    """Folded content words without proclitics or function words: the basis of alignment."""
    words = (_CLITIC.sub("", w) for w in _WORD.findall(fold_term(text)))
    stop = _words().compare_stop_words
    return frozenset(w for w in words if len(w) > 2 and w not in stop)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / min(|a|, |b|) (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


@attrs.frozen
class OutletSummary:
    outlet: str
    path: str | None
    sentences: int
    own_voice: float
    by_kind: tuple[tuple[str, float], ...]
    top_sources: tuple[tuple[str, str, int], ...]  # (name, kind, sentences)
    chains: tuple[str, ...]


@attrs.frozen
class TermUse:
    outlet: str
    voice: str  # "own" or "attributed"
    variant: str
    stance: str
    frame: str
    count: int


@attrs.frozen
class ConceptRow:
    concept: str
    disagreement: bool
    uses: tuple[TermUse, ...]
    label: str = ""  # the lexicon's Arabic label (``label_ar``); the id when no lexicon names it


@attrs.frozen
class QuoteRef:
    outlet: str
    source: str
    kind: str
    chain: tuple[str, ...]  # outermost first, the source last
    direct: bool
    text: str
    start: int
    end: int
    terms: tuple[tuple[str, str, str], ...]  # (concept, variant, stance)


@attrs.frozen
class Difference:
    type: str  # term_swap | chain_dropped | source_changed | direct_to_paraphrase
    detail: str


@attrs.frozen
class QuoteGroup:
    similarity: float
    quotes: tuple[QuoteRef, ...]
    differences: tuple[Difference, ...]


@attrs.frozen
class OnlyHere:
    outlet: str
    type: str  # claim | source
    text: str


@attrs.frozen
class Comparison:
    """The comparison of several outlets' coverage of one story."""

    outlets: tuple[OutletSummary, ...]
    concepts: tuple[ConceptRow, ...]
    drift: tuple[QuoteGroup, ...]
    only_here: tuple[OnlyHere, ...]
    regions: tuple[str, ...]
    articles: tuple[Article, ...] = attrs.field(eq=False, repr=False)
    names: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Plain data (articles are referred to by outlet name; their JSON is in ``articles``)."""
        from .jsonio import to_json as article_json

        data = attrs.asdict(self, filter=lambda a, v: a.name != "articles")
        data["articles"] = [dict(article_json(a), outlet_label=n) for a, n in zip(self.articles, self.names)]
        return data

    def rows(self) -> list[dict[str, Any]]:
        """Tidy rows, one per outlet × concept × term × voice."""
        return [
            {"outlet": u.outlet, "concept": row.concept, "label": row.label, "term": u.variant, "voice": u.voice, "stance": u.stance,
             "frame": u.frame, "count": u.count, "disagreement": row.disagreement}
            for row in self.concepts for u in row.uses
        ]

    def to_frame(self) -> Any:
        """The tidy rows as a pandas DataFrame (needs pandas: ``pip install "attribution[pandas]"``)."""
        try:
            import pandas as pd
        except ModuleNotFoundError as exc:
            from .extras import missing_extra

            raise missing_extra(exc, "Comparison.to_frame()", "pandas") from None

        return pd.DataFrame(self.rows(), columns=["outlet", "concept", "label", "term", "voice", "stance", "frame",
                                                  "count", "disagreement"])


# --- building -------------------------------------------------------------------------------------


def _label(article: Article, index: int, names: Sequence[str | None] | None) -> str:
    if names is not None and index < len(names) and names[index]:
        return str(names[index])
    return article.outlet.name or article.path or f"article {index + 1}"


def _in_regions(article: Article, start: int, regions: tuple[str, ...]) -> bool:
    return any(r.start <= start < r.end and r.kind in regions for r in article.regions)


def _chain(a: Attribution) -> tuple[str, ...]:
    return (*(v.name for v in a.via), a.source.name)


def _summary(label: str, article: Article, regions: tuple[str, ...]) -> OutletSummary:
    sentences = [s for s in article.sentences if s.region in regions]
    n = len(sentences)
    kinds = Counter(s.speaker.kind for s in sentences)
    sources = Counter((s.speaker.name, s.speaker.kind) for s in sentences if s.speaker.kind != "outlet")
    chains = []
    for a in article.attributions:
        if _in_regions(article, a.cue.start, regions) and a.via:
            chain = " → ".join((label, *_chain(a)))
            if chain not in chains:
                chains.append(chain)
    return OutletSummary(
        outlet=label, path=article.path, sentences=n,
        own_voice=round(kinds.get("outlet", 0) / n, 4) if n else 0.0,
        by_kind=tuple((k, round(c / n, 4)) for k, c in sorted(kinds.items(), key=lambda kc: -kc[1])) if n else (),
        top_sources=tuple((name, kind, c) for (name, kind), c in sources.most_common(5)),
        chains=tuple(chains),
    )


def _concepts(labelled: list[tuple[str, Article]], regions: tuple[str, ...],
              labels: dict[str, str]) -> tuple[ConceptRow, ...]:
    counts: dict[str, Counter[tuple[str, str, str, str, str]]] = defaultdict(Counter)
    for label, article in labelled:
        for t in article.terms:
            if not _in_regions(article, t.start, regions):
                continue
            voice = "own" if t.voice == "outlet" else "attributed"
            counts[t.concept][(label, voice, t.variant, t.stance, t.frame)] += 1
    rows = []
    for concept, c in counts.items():
        uses = tuple(TermUse(o, v, var, st, fr, n) for (o, v, var, st, fr), n in sorted(c.items()))
        # outlets disagree when, in their own voice, they name the concept with different stances or
        # frames ("فصائل المقاومة" / resistance vs "ميليشيات موالية لإيران" / proxy); two neutral
        # descriptive names ("الولايات المتحدة", "واشنطن") are not a disagreement
        own: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for u in uses:
            if u.voice == "own":
                own[u.outlet].add((u.stance, "" if u.stance == "neutral" else u.frame))
        readings = {r for s in own.values() for r in s}
        disagreement = len(own) >= 2 and len(readings) > 1
        rows.append(ConceptRow(concept, disagreement, uses, labels.get(concept) or concept))
    rows.sort(key=lambda r: (not r.disagreement, -sum(u.count for u in r.uses), r.concept))
    return tuple(rows)


def _quotes(labelled: list[tuple[str, Article]], regions: tuple[str, ...]) -> list[QuoteRef]:
    out = []
    for label, article in labelled:
        for a in article.attributions:
            if not _in_regions(article, a.cue.start, regions):
                continue
            terms = tuple((t.concept, t.variant, t.stance) for t in article.terms
                          if a.content.start <= t.start and t.end <= a.content.end)
            out.append(QuoteRef(label, a.source.name, a.source.kind, _chain(a), a.direct, a.content.text,
                                a.content.start, a.content.end, terms))
    return out


def _related_chain(a: QuoteRef, b: QuoteRef) -> bool:
    fa = {fold_term(x) for x in a.chain}
    fb = {fold_term(x) for x in b.chain}
    return bool(fa & fb)


def _differences(group: tuple[QuoteRef, ...], labels: dict[str, str]) -> tuple[Difference, ...]:
    """How the versions of one quote differ; a concept is named by its id (in Arabic, by its label)."""
    diffs: list[Difference] = []
    by_concept: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for q in group:
        for concept, variant, stance in q.terms:
            by_concept[concept].add((q.outlet, variant, stance))
    for concept, uses in sorted(by_concept.items()):
        variants = {fold_term(v) for _, v, _ in uses}
        if len(variants) > 1:
            detail = _("; ").join(_("{outlet}: «{term}» ({stance})").format(outlet=o, term=v, stance=_(_STANCES[s]))
                                  for o, v, s in sorted(uses))
            diffs.append(Difference("term_swap", _("{concept}: {detail}").format(
                concept=concept, label=labels.get(concept) or concept, detail=detail)))
    lengths = {q.outlet: len(q.chain) for q in group}
    if len(set(lengths.values())) > 1:
        longest = max(group, key=lambda q: len(q.chain))
        for q in group:
            if len(q.chain) < len(longest.chain):
                diffs.append(Difference("chain_dropped", _("{outlet}: {chain} (vs {other}: {other_chain})").format(
                    outlet=q.outlet, chain=_(" → ").join(q.chain), other=longest.outlet,
                    other_chain=_(" → ").join(longest.chain))))
    ranked = sorted({(q.outlet, q.kind, q.source) for q in group}, key=lambda x: (_rank(x[1], x[2]), x[0]))
    low, high = ranked[0], ranked[-1]
    # "ثلاثة مصادر" and "المصادر" are the same sources; "مصادر" and "مسؤولون" are not
    if _rank(low[1], low[2]) != _rank(high[1], high[2]) or not (content_words(low[2]) & content_words(high[2])):
        if len(ranked) > 1:
            direction = _("upgraded") if _rank(high[1], high[2]) > _rank(low[1], low[2]) else _("changed")
            sources = _("; ").join(_("{outlet}: {source} ({kind})").format(outlet=o, source=s, kind=_(_KINDS.get(k, k)))
                                   for o, k, s in ranked)
            diffs.append(Difference("source_changed", f"{direction}: {sources}"))
    if len({q.direct for q in group}) > 1:
        quote, paraphrase = _("quote"), _("paraphrase")
        detail = _("; ").join(f"{q.outlet}: {quote if q.direct else paraphrase}" for q in group)
        diffs.append(Difference("direct_to_paraphrase", detail))
    return tuple(diffs)


def _similar(a: QuoteRef, b: QuoteRef, wa: frozenset[str], wb: frozenset[str]) -> float:
    """Similarity when two attributed contents plausibly report the same thing, else 0.

    Same chain or source (a shared name anywhere in the chains): overlap >= 0.3. Otherwise the same
    source kind and overlap >= 0.6. Contents need at least three content words.
    """
    if a.outlet == b.outlet or min(len(wa), len(wb)) < 3:
        return 0.0
    sim = overlap(wa, wb)
    if _related_chain(a, b):
        return sim if sim >= 0.3 else 0.0
    return sim if sim >= 0.6 and a.kind == b.kind else 0.0


def _drift(quotes: list[QuoteRef], labels: dict[str, str]) -> tuple[QuoteGroup, ...]:
    """Groups of aligned contents, at most one per outlet, every member similar to every other."""
    words = [content_words(q.text) for q in quotes]
    sim: dict[tuple[int, int], float] = {}
    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            s_ij = _similar(quotes[i], quotes[j], words[i], words[j])
            if s_ij:
                sim[i, j] = sim[j, i] = s_ij
    group_of: dict[int, int] = {}
    groups: list[list[int]] = []
    for (i, j), _value in sorted(sim.items(), key=lambda kv: -kv[1]):
        if i > j:
            continue
        gi, gj = group_of.get(i), group_of.get(j)
        if gi is None and gj is None:
            group_of[i] = group_of[j] = len(groups)
            groups.append([i, j])
            continue
        if (gi is None) == (gj is None):
            continue
        g = gi if gi is not None else gj
        new = j if gi is not None else i
        assert g is not None
        members = groups[g]
        if quotes[new].outlet in {quotes[m].outlet for m in members}:
            continue
        if all((new, m) in sim for m in members):
            members.append(new)
            group_of[new] = g
    out = []
    for members in groups:
        group = tuple(quotes[k] for k in sorted(members))
        low = min(sim[a, b] for a in members for b in members if a != b)
        out.append(QuoteGroup(round(low, 3), group, _differences(group, labels)))
    out.sort(key=lambda g: (-sum(d.type == "term_swap" for d in g.differences), -len(g.differences),
                            -len(g.quotes), -g.similarity))
    return tuple(out)


def _only_here(labelled: list[tuple[str, Article]], regions: tuple[str, ...]) -> tuple[OnlyHere, ...]:
    sentences = [(label, s.text, content_words(s.text)) for label, a in labelled for s in a.sentences
                 if s.region == "body"]
    out: list[OnlyHere] = []
    if len(labelled) > 1:
        for label, text, words in sentences:
            if len(words) < 4:
                continue
            if all(overlap(words, other) < 0.3 for o, _, other in sentences if o != label):
                out.append(OnlyHere(label, "claim", text))
    cited: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for label, article in labelled:
        for a in article.attributions:
            if _in_regions(article, a.cue.start, regions):
                for src in (*a.via, a.source):
                    key = fold_term(src.name)
                    cited[key].add(label)
                    names.setdefault(key, src.name)
    if len(labelled) > 1:
        for key, outlets in sorted(cited.items()):
            if len(outlets) == 1:
                out.append(OnlyHere(next(iter(outlets)), "source", names[key]))
    return tuple(out)


def _load(lexicons: Iterable[str | PathLike[str]]) -> Compiled:
    from .compiled import load  # not at import: `import attribution` compiles nothing

    return load(lexicons)


def compare(articles: Iterable[Article], *, names: Sequence[str | None] | None = None,
            regions: Iterable[str] = DEFAULT_REGIONS,
            lexicons: Sequence[str | PathLike[str]] = ()) -> Comparison:
    """Compare articles on one story; ``names`` label the outlets (default: each article's outlet).
    ``lexicons`` are the term files the articles were annotated with beyond the built-in ones: the
    reports name each concept by its Arabic label from them (``label_ar``).

    Examples:
        >>> import attribution
        >>> a = attribution.annotate("قالت مصادر لرويترز إن فصائل المقاومة أوقفت هجماتها على القواعد.")
        >>> b = attribution.annotate("قالت مصادر لرويترز إن ميليشيات موالية لإيران أوقفت هجماتها على القواعد.")
        >>> c = attribution.compare([a, b], names=["A", "B"])
        >>> [d.type for d in c.drift[0].differences]
        ['term_swap']
    """
    arts = list(articles)
    regions = tuple(regions)
    labels = []
    for i, a in enumerate(arts):
        label = _label(a, i, names)
        while label in labels:
            label += "′"
        labels.append(label)
    labelled = list(zip(labels, arts))
    concept_labels = {c.id: c.label_ar for c in _load(lexicons).terms.concepts}
    return Comparison(
        outlets=tuple(_summary(label, a, regions) for label, a in labelled),
        concepts=_concepts(labelled, regions, concept_labels),
        drift=_drift(_quotes(labelled, regions), concept_labels),
        only_here=_only_here(labelled, regions),
        regions=regions,
        articles=tuple(arts),
        names=tuple(labels),
    )
