#!/usr/bin/env python3
"""Benchmarks, each reported as a ratio against a baseline measured in the same run.

    python benchmarks/run.py [--repeat N] [--multi N | --multi all] [--only NAME ...]

* annotate: full ``attribution.annotate`` vs ``spacy.blank("ar")`` tokenizing the same texts, the seeds
  repeated to ~300 KB, like with like: a fresh tokenizer for each copy and our word caches emptied before
  each (target: at most 2.5x); the ratio against one tokenizer reused over every copy, which answers the
  repeats from its cache, is printed for information.
* memory: peak RSS of ``attribution annotate`` streaming 10x a JSONL corpus vs 1x (target: at most 1.1x).
* parallel: ``--jobs 2`` vs ``--jobs 1`` on the same corpus (target: at least 1.7x on 2 cores).
* check start-up: ``attribution check`` on a 2,000-word draft vs ``python -c "import spacy"``, wall time of
  whole processes (target: at most 0.5x).
* lexicon size: annotate with the built-in lexicons plus 10,000 made-up term variants vs the built-in
  lexicons alone (target: at most 1.3x).
* size curve: one document of 10 KB, 100 KB, 1 MB and 5 MB, in paragraphs and run together on one line,
  annotated vs tokenized by ``spacy.blank("ar")`` (target: at most 2.5x at every size; a ratio that
  climbs with the size is a cost that grows faster than the input). Real news from
  ``../shared/corpus/multi`` when it is beside the checkout, else the texts above. At 1 MB and 5 MB also the
  hostile shapes of issue 14, built from the same news so that every sentence is new to the tokenizer (one
  sentence repeated lets spaCy answer from its cache, which says nothing about our cost; the test suite's
  ``tests/test_scaling.py`` checks those repeated shapes for linear growth instead): no full stop, a
  quotation and a cue on every line, unbalanced «« marks, one huge word, and a loaded phrase on every line.
  Then ``attribution check`` on a 1 MB Markdown draft of each shape (prose, unclosed fences, comments and
  links, a finding on every line), target at most 3x. The tokenizer is a fresh ``spacy.blank("ar")`` for
  every measurement, warmed on another text, so it never answers from a cache of the text it is timed on.

* multi-outlet corpus: ``../shared/corpus/multi/saudinewsnet.jsonl.gz`` (29,600 articles, 14 outlets), the
  first N articles (``--multi N`` or ``ATTRIBUTION_BENCH_MULTI``, default 2,000; ``all`` for the whole corpus,
  ``0`` to skip), decompressed to a temporary JSONL file. Text every process sees for the first time:
  ``attribution.annotate`` vs a fresh ``spacy.blank("ar")`` tokenizer, one pass each in a new process (the
  tokenizer's cache and ours start empty, as on unseen news; the seeds repeated to 300 KB let both answer
  from their caches); ``attribution annotate --jobs 2`` vs ``--jobs 1`` (whole processes); peak RSS of the
  ``--jobs 1`` run on N articles vs on the first N/10 (for information: unseen words fill two bounded word
  caches). Absolute articles/s and MB/s are printed for information only. Skipped, with a message, when the corpus is not beside the checkout.
* stories: on the same N articles, ``attribution stories --jobs 2`` against ``attribution annotate --jobs 2``
  (wall time of whole processes; target at most 1.3x: grouping adds little to the annotation it needs), its
  peak RSS and articles/s (information), pairwise precision and recall on the labelled stories of
  ``benchmarks/stories_gold.jsonl``, on which the settings were tuned, and on the held-out stories of
  ``benchmarks/stories_heldout.jsonl``, which played no part in choosing them (both meaningful with
  ``--multi all``), and whether a Dask LocalCluster of two workers writes the same stories.

Texts for the other benchmarks: the bundled examples, the seed corpus when ``../shared`` is beside the
checkout, and synthetic paragraphs built from them, about 300 KB in all.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[str]:
    paths = sorted((ROOT / "examples").glob("*.txt"))
    seeds = ROOT.parent / "shared" / "corpus" / "seeds"
    if seeds.is_dir():
        paths += sorted(seeds.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    out: list[str] = []
    while sum(map(len, out)) < 300_000:
        out.extend(texts)
    return out


def best_of(fn: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


#: A text the fresh tokenizers of `bench_annotate` are warmed on (their first call pays set-up costs): not
#: from the corpus, so that it caches none of the corpus's words.
WARM_TEXT = "نص قصير للتسخين فقط، لا يتكرر في الأخبار. A warm-up line."


def copies(texts: list[str]) -> list[list[str]]:
    """``texts`` (the output of `corpus`: a list of articles repeated) cut into its copies of that list."""
    period = next((i for i in range(1, len(texts)) if texts[i] is texts[0]), len(texts))
    return [texts[i:i + period] for i in range(0, len(texts), period)]


def clear_word_caches() -> None:
    """Empty our per-string memo caches (folded strings, clitic forms): the state of a process that has not
    seen the text, as a fresh tokenizer has not."""
    from attribution.normalize import fold_term
    from attribution.sources import strip_clitics

    fold_term.cache_clear()
    strip_clitics.cache_clear()


def bench_annotate(texts: list[str], repeat: int) -> dict[str, float]:
    """``attribution.annotate`` on the seeds repeated to ~300k characters vs the spaCy tokenizer, like with
    like: a fresh ``spacy.blank("ar")`` for each copy of the articles, and our word caches emptied before each
    copy, so neither side answers a copy from what it cached on the one before (the ratio against one
    tokenizer reused over every copy, which answers copies 2..n from its cache while we annotate them again,
    is reported for information)."""
    import spacy

    import attribution

    parts = copies(texts)
    nlp = spacy.blank("ar")
    attribution.annotate(texts[0])  # load lexicons and build tables once, as a long run would

    def tokenize() -> None:
        for t in texts:
            nlp.make_doc(t)

    def fresh_tokenizers() -> float:
        spent = 0.0
        for part in parts:
            fresh = spacy.blank("ar")
            fresh.make_doc(WARM_TEXT)
            t0 = time.perf_counter()
            for t in part:
                fresh.make_doc(t)
            spent += time.perf_counter() - t0
        return spent

    def annotate_copies() -> float:
        spent = 0.0
        for part in parts:
            clear_word_caches()
            t0 = time.perf_counter()
            for t in part:
                attribution.annotate(t)
            spent += time.perf_counter() - t0
        return spent

    def annotate() -> None:
        for t in texts:
            attribution.annotate(t)

    pipe = attribution.pipeline()

    def through_spacy() -> None:
        for t in texts:
            pipe(t)

    pairs = [(fresh_tokenizers(), annotate_copies()) for _ in range(repeat)]  # interleaved: load shifts hit both
    base = min(b for b, _ in pairs)
    full = min(f for _, f in pairs)
    warm_base = best_of(tokenize, repeat)
    warm_full = best_of(annotate, repeat)
    spacy_full = best_of(through_spacy, repeat)
    chars = sum(map(len, texts))
    size = sum(len(t.encode("utf-8")) for t in texts)
    return {"chars": chars, "copies": len(parts), "tokenizer_s": base, "annotate_s": full, "ratio": full / base,
            "warm_tokenizer_s": warm_base, "warm_annotate_s": warm_full, "warm_ratio": warm_full / warm_base,
            "annotate_chars_per_s": chars / full, "annotate_docs_per_s": len(texts) / full,
            "annotate_mb_per_s": size / 1e6 / full, "pipeline_s": spacy_full, "pipeline_ratio": spacy_full / warm_base}


def synthetic_lexicon(path: Path, n: int, seed: int = 7) -> None:
    """``n`` made-up variants (1-3 words of 4-8 Arabic letters) in one concept file."""
    import random

    rng = random.Random(seed)
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    seen: set[str] = set()
    lines = ['[[concept]]\nid = "synthetic"\n']
    while len(seen) < n:
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 8))) for _ in range(rng.randint(1, 3))]
        term = " ".join(words)
        if term in seen:
            continue
        seen.add(term)
        lines.append(f'[[concept.variant]]\nterm = "{term}"\nstance = "negative"\nframe = "synthetic"\n')
    path.write_text("\n".join(lines), encoding="utf-8")


def bench_lexicon_size(texts: list[str], repeat: int, n: int = 10_000) -> dict[str, float]:
    import tempfile

    import attribution

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "synthetic.toml"
        synthetic_lexicon(big, n)
        attribution.annotate(texts[0])
        attribution.annotate(texts[0], lexicons=[big])  # compile both matchers before timing

        def builtin() -> None:
            for t in texts:
                attribution.annotate(t)

        def large() -> None:
            for t in texts:
                attribution.annotate(t, lexicons=[big])

        base = best_of(builtin, repeat)
        full = best_of(large, repeat)
    return {"variants": n, "builtin_s": base, "large_s": full, "ratio": full / base}


def bench_check_startup(repeat: int) -> dict[str, float]:
    """Wall time of ``attribution check`` on a 2,000-word draft vs ``python -c "import spacy"``."""
    import compileall
    import random
    import subprocess
    import sys
    import tempfile

    import attribution

    # as pip does at install: an editable checkout under PYTHONDONTWRITEBYTECODE would otherwise compile
    # every module from source on every run, which no installed copy does (spaCy's bytecode is compiled)
    compileall.compile_dir(Path(attribution.__file__).parent, quiet=1)
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))).split()
    rng = random.Random(3)
    paragraphs: list[str] = []
    while sum(len(x.split()) for x in paragraphs) < 2000:
        paragraphs.append(" ".join(rng.choice(words) for _ in range(40)) + ".")
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.md"
        draft.write_text("\n\n".join(paragraphs), encoding="utf-8")

        def run(args: list[str]) -> Callable[[], None]:
            return lambda: subprocess.run(args, capture_output=True, check=False)

        spacy_s = best_of(run([sys.executable, "-c", "import spacy"]), repeat)
        check_s = best_of(run([sys.executable, "-m", "attribution.cli", "check", str(draft)]), repeat)
    return {"import_spacy_s": spacy_s, "check_s": check_s, "ratio": check_s / spacy_s}


def _corpus_jsonl(path: Path, texts: list[str], copies: int) -> None:
    import json

    with path.open("w", encoding="utf-8") as fh:
        n = 0
        for _ in range(copies):
            for t in texts:
                fh.write(json.dumps({"id": f"d{n}", "text": t}, ensure_ascii=False) + "\n")
                n += 1


def _peak_rss_kb(args: list[str]) -> int:
    """Peak resident memory of a command, measured in a fresh wrapper process."""
    import subprocess
    import sys

    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def bench_streaming(texts: list[str], repeat: int) -> dict[str, float]:
    """Peak RSS of ``attribution annotate`` on 10x a corpus vs 1x; and --jobs 2 vs --jobs 1."""
    import subprocess
    import sys
    import tempfile

    base = texts[: max(1, len(texts) // 4)]
    with tempfile.TemporaryDirectory() as tmp:
        one, ten = Path(tmp) / "one.jsonl", Path(tmp) / "ten.jsonl"
        _corpus_jsonl(one, base, 1)
        _corpus_jsonl(ten, base, 10)
        big = Path(tmp) / "big.jsonl"
        _corpus_jsonl(big, texts, 16)
        cmd = [sys.executable, "-m", "attribution.cli", "annotate", "--force", "--out",
               str(Path(tmp) / "out.jsonl")]
        rss_one = min(_peak_rss_kb([*cmd, str(one)]) for _ in range(2))
        rss_ten = min(_peak_rss_kb([*cmd, str(ten)]) for _ in range(2))

        def jobs(n: int) -> Callable[[], None]:
            return lambda: subprocess.run([*cmd, "--jobs", str(n), str(big)], capture_output=True, check=True)

        serial = best_of(jobs(1), max(1, repeat // 2))
        parallel = best_of(jobs(2), max(1, repeat // 2))
    return {"docs": len(base), "rss_one_mb": rss_one / 1024, "rss_ten_mb": rss_ten / 1024,
            "rss_ratio": rss_ten / rss_one, "serial_s": serial, "parallel_s": parallel, "speedup": serial / parallel}


def _long_text(size: int, texts: list[str]) -> str:
    multi = ROOT.parent / "shared" / "corpus" / "multi" / "saudinewsnet.jsonl.gz"
    if multi.is_file():
        import gzip
        import json

        parts: list[str] = []
        with gzip.open(multi, "rt", encoding="utf-8") as f:
            for line in f:
                parts.append(json.loads(line).get("text", ""))
                if sum(map(len, parts)) > size:
                    break
    else:
        parts = texts * (1 + size // max(1, sum(map(len, texts))))
    return "\n".join(parts)[:size]


def _quotes_and_cues(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(f'قال «{line[:len(line) // 2]}» إن "{line[len(line) // 2:]}"' for line in lines)


def _unbalanced(text: str) -> str:
    return "«« " + " ".join(w + (" «" if i % 3 == 0 else "") for i, w in enumerate(text.split(" ")))


#: Issue 14's hostile shapes, made from real news so that the tokenizer sees new text throughout.
HOSTILE_SHAPES: dict[str, Callable[[str], str]] = {
    "no stop": lambda t: t.translate(str.maketrans(".!?؟", "،،،،")),
    "quotes": _quotes_and_cues,
    "unbalanced": _unbalanced,
    "one word": lambda t: "".join(c for c in t if c.isalpha()),
    "dense": lambda t: "\n".join("وقال المتحدث إن الميليشيات الموالية لإيران هاجمت " + line for line in t.split("\n")),
    # an ambiguous word beside a general loaded word in every sentence, all on one line: each waits for release
    "enemy": lambda t: " ".join("ويجند العدو الإرهابيين. " + line for line in t.split("\n")),
}


#: Markdown drafts for `attribution check`, from real news: openers never closed, and a loaded term on every line.
MARKDOWN_SHAPES: dict[str, Callable[[str], str]] = {
    "prose": lambda t: t,
    "fences": lambda t: "\n".join("```\n" + line for line in t.split("\n")),
    "comments": lambda t: "\n".join("<!-- " + line for line in t.split("\n")),
    "links": lambda t: " ".join("[" + w + "](" if i % 7 == 0 else w for i, w in enumerate(t.split(" "))),
    "findings": lambda t: "\n".join("وهاجمت الميليشيات الموالية لإيران " + line for line in t.split("\n")),
}


def fresh_tokenizer_time(doc: str, warm: str, repeat: int = 1) -> float:
    """The best time of a fresh ``spacy.blank("ar")`` tokenizer on ``doc``, warmed on ``warm`` (its first call
    pays set-up costs that are not tokenizing): one that has not cached this text's words from an earlier
    run or an earlier shape."""
    import spacy

    best = float("inf")
    for _ in range(repeat):
        nlp = spacy.blank("ar")
        nlp.max_length = len(doc) + 1
        nlp.make_doc(warm)
        t0 = time.perf_counter()
        nlp.make_doc(doc)
        best = min(best, time.perf_counter() - t0)
    return best


def bench_check_size(texts: list[str], size: int = 1_000_000) -> list[dict[str, float | str]]:
    """`check_text` on one Markdown draft of ``size`` characters per shape vs a fresh tokenizer on it."""
    from attribution.check import check_text

    base = _long_text(size, texts)
    rows: list[dict[str, float | str]] = []
    for shape, make in MARKDOWN_SHAPES.items():
        doc = make(base)[:size]
        tok = fresh_tokenizer_time(doc, texts[0])
        t0 = time.perf_counter()
        check_text("draft.md", doc)
        chk = time.perf_counter() - t0
        rows.append({"shape": shape, "tokenizer_s": tok, "check_s": chk, "ratio": chk / tok})
    return rows


def bench_size_curve(texts: list[str], sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000, 5_000_000)
                     ) -> list[dict[str, float | str]]:
    import attribution

    attribution.annotate(texts[0])
    rows: list[dict[str, float | str]] = []
    for size in sizes:
        base = _long_text(size, texts)
        shapes = [("paragraphs", base), ("one line", base.replace("\n", " "))]
        if size >= 1_000_000:
            shapes += [(name, make(base)[:size]) for name, make in HOSTILE_SHAPES.items()]
        for shape, doc in shapes:
            repeat = 3 if size <= 100_000 else 1
            tok = fresh_tokenizer_time(doc, texts[0], repeat)
            ann = best_of(lambda d=doc: attribution.annotate(d), repeat)  # type: ignore[misc]
            rows.append({"size": size, "shape": shape, "tokenizer_s": tok, "annotate_s": ann, "ratio": ann / tok})
    return rows


MULTI = ROOT.parent / "shared" / "corpus" / "multi" / "saudinewsnet.jsonl.gz"


def _multi_sample(dest: Path, n: int | None) -> tuple[int, int, int]:
    """The first ``n`` articles (all when None) of the multi-outlet corpus as a plain JSONL file at ``dest``.
    Returns (articles, characters, UTF-8 bytes) of their texts."""
    import gzip
    import json

    docs = chars = size = 0
    with gzip.open(MULTI, "rt", encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for line in src:
            if n is not None and docs >= n:
                break
            text = json.loads(line).get("text", "")
            out.write(line if line.endswith("\n") else line + "\n")
            docs += 1
            chars += len(text)
            size += len(text.encode("utf-8"))
    return docs, chars, size


def _one_pass(mode: str, path: str) -> None:
    """Child process: warm up on the bundled examples, then time one pass over the texts of a JSONL file
    that this process has never seen; prints the CPU seconds of the pass (both sides are one thread, and CPU
    time does not count other work on a busy machine)."""
    import json

    texts = [json.loads(line)["text"] for line in Path(path).read_text(encoding="utf-8").splitlines()]
    warm = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    if mode == "tokenizer":
        import spacy

        nlp = spacy.blank("ar")  # a fresh tokenizer: its cache holds only the warm-up words
        nlp.max_length = max(map(len, texts), default=0) + 1
        run: Callable[[str], object] = nlp.make_doc
    else:
        import attribution

        run = attribution.annotate
    for t in warm:
        run(t)
    t0 = time.process_time()
    for t in texts:
        run(t)
    print(time.process_time() - t0)


def _pass_seconds(mode: str, path: Path, repeat: int) -> float:
    import subprocess
    import sys

    def once() -> float:
        out = subprocess.run([sys.executable, __file__, "--one-pass", mode, str(path)], capture_output=True,
                             text=True, check=True)
        return float(out.stdout.strip().splitlines()[-1])

    return min(once() for _ in range(repeat))


def bench_multi(n: int | None, repeat: int) -> dict[str, float] | None:
    """Unseen news from 14 outlets: throughput against a fresh tokenizer, --jobs 2 against --jobs 1, peak RSS."""
    import subprocess
    import sys
    import tempfile

    if not MULTI.is_file():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        sample, tenth = Path(tmp) / "sample.jsonl", Path(tmp) / "tenth.jsonl"
        docs, chars, size = _multi_sample(sample, n)
        _multi_sample(tenth, max(1, docs // 10))
        tok = _pass_seconds("tokenizer", sample, repeat)
        ann = _pass_seconds("annotate", sample, repeat)
        cmd = [sys.executable, "-m", "attribution.cli", "annotate", "--force", "--out", str(Path(tmp) / "out.jsonl")]

        def jobs(k: int) -> Callable[[], None]:
            return lambda: subprocess.run([*cmd, "--jobs", str(k), str(sample)], capture_output=True, check=True)

        runs = max(1, repeat // 2)
        serial = best_of(jobs(1), runs)
        parallel = best_of(jobs(2), runs)
        rss_tenth = _peak_rss_kb([*cmd, str(tenth)])
        rss_full = _peak_rss_kb([*cmd, str(sample)])
    return {"docs": docs, "chars": chars, "mb": size / 1e6, "tokenizer_s": tok, "annotate_s": ann,
            "ratio": ann / tok, "annotate_docs_per_s": docs / ann, "annotate_mb_per_s": size / 1e6 / ann,
            "tokenizer_docs_per_s": docs / tok, "serial_s": serial, "parallel_s": parallel,
            "speedup": serial / parallel, "serial_docs_per_s": docs / serial, "parallel_docs_per_s": docs / parallel,
            "parallel_mb_per_s": size / 1e6 / parallel, "rss_tenth_mb": rss_tenth / 1024,
            "rss_full_mb": rss_full / 1024, "rss_ratio": rss_full / rss_tenth}


def _multi_n(value: str) -> int | None:
    """``--multi``: a number of articles, or ``all``; None means the whole corpus."""
    if value.strip().lower() == "all":
        return None
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--multi takes a number of articles or 'all', not {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"--multi takes a number of articles (0 skips), not {n}")
    return n


def report_multi(n: int | None, repeat: int) -> None:
    if n == 0:
        print("multi-outlet corpus: skipped (--multi 0)")
        return
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0  # before our own work adds to it
    r = bench_multi(n, repeat)
    if r is None:
        print(f"multi-outlet corpus: skipped, {MULTI} is not beside the checkout")
        return
    print(f"multi-outlet corpus: the first {r['docs']:,} articles ({r['mb']:.1f} MB, {r['chars']:,} chars), "
          f"text each process sees for the first time; {os.cpu_count()} CPUs, load average {load:.1f}"
          + (" (busy: wall-time figures are not reliable)" if load > (os.cpu_count() or 1) / 2 else ""))
    print(f"  throughput (CPU time): fresh spacy.blank('ar') tokenizer {r['tokenizer_s']:.2f}s, annotate {r['annotate_s']:.2f}s "
          f"-> ratio {r['ratio']:.2f}x (target <= 2.5x); annotate {r['annotate_docs_per_s']:,.0f} articles/s, "
          f"{r['annotate_mb_per_s']:.2f} MB/s, {r['chars'] / r['annotate_s'] / 1000:,.0f}k chars/s (information)")
    print(f"  parallel: attribution annotate --jobs 1 {r['serial_s']:.2f}s ({r['serial_docs_per_s']:,.0f} articles/s), "
          f"--jobs 2 {r['parallel_s']:.2f}s ({r['parallel_docs_per_s']:,.0f} articles/s, "
          f"{r['parallel_mb_per_s']:.2f} MB/s) -> speed-up {r['speedup']:.2f}x (target >= 1.7x on 2 cores)")
    print(f"  memory: peak RSS on the first {max(1, r['docs'] // 10):,} articles {r['rss_tenth_mb']:.0f} MB, "
          f"on {r['docs']:,} {r['rss_full_mb']:.0f} MB -> ratio {r['rss_ratio']:.2f}x (information: unseen words fill "
          f"two word caches, bounded at 65,536 entries each, so it levels off; repeated text stays at 1.0x)")


def _stand_in_stories(annotated: Path, dest: Path) -> int:
    """A stories file for the profile benchmark when this checkout has no `attribution stories`: articles of one
    day whose headlines open with the same three words (crude, but the same shape and size of work)."""
    import json
    from collections import defaultdict

    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for line in annotated.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        outlet = (d.get("outlet") or {}).get("name") or ""
        head = " ".join(d["text"].split("\n", 1)[0].split()[:3])
        groups[str(d.get("date")), head].append({"id": d["id"], "outlet": outlet, "date": str(d.get("date"))})
    with dest.open("w", encoding="utf-8") as out:
        for n, ((date, _), articles) in enumerate(sorted(groups.items()), 1):
            out.write(json.dumps({"story": f"s-{date}-{n:05d}", "label": "", "first": date, "last": date,
                                  "outlets": sorted({a["outlet"] for a in articles}), "articles": articles},
                                 ensure_ascii=False) + "\n")
    return len(groups)


def bench_profiles(n: int | None, repeat: int) -> dict[str, float | str] | None:
    """Outlet profiles and story comparisons on an annotated sample of the multi-outlet corpus, against reading
    the same annotated file back into Articles (the cost any corpus-scale reader pays)."""
    import subprocess
    import sys
    import tempfile

    from attribution.profiles import ProfileBuilder
    from attribution.records import read_records
    from attribution.storycompare import write_story_comparisons
    from attribution.storyfile import read_stories

    if not MULTI.is_file():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        sample, annotated, stories = Path(tmp) / "sample.jsonl", Path(tmp) / "annotated.jsonl", Path(tmp) / "stories.jsonl"
        docs, _, _ = _multi_sample(sample, n)
        cli = [sys.executable, "-m", "attribution"]
        subprocess.run([*cli, "annotate", "--jobs", "2", "--out", str(annotated), str(sample)], capture_output=True,
                       check=True)
        grouped = subprocess.run([*cli, "stories", "--out", str(stories), str(annotated)], capture_output=True)
        source = "attribution stories"
        if grouped.returncode != 0:
            _stand_in_stories(annotated, stories)
            source = "stand-in grouping (same day, same three headline words)"
        story_list = list(read_stories(stories))
        multi = sum(len(set(s.outlets)) >= 2 for s in story_list)

        def read() -> None:
            for _ in read_records([str(annotated)]):
                pass

        def profile(with_stories: bool) -> Callable[[], None]:
            def run() -> None:
                builder = ProfileBuilder(story_list if with_stories else ())
                for record in read_records([str(annotated)]):
                    builder.add(record)
                builder.build()
            return run

        def compare_all() -> None:
            write_story_comparisons([str(annotated)], str(stories), Path(tmp) / "pages")

        runs = max(1, repeat // 2)
        base = min(_cpu(read) for _ in range(runs))
        alone = min(_cpu(profile(False)) for _ in range(runs))
        prof = min(_cpu(profile(True)) for _ in range(runs))
        comp = min(_cpu(compare_all) for _ in range(runs))
        cmd = [*cli, "profiles", "--stories", str(stories), "--out", str(Path(tmp) / "prof"), str(annotated)]
        rss = _peak_rss_kb(cmd)
    return {"docs": docs, "stories": len(story_list), "multi": multi, "source": source, "read_s": base,
            "alone_s": alone, "alone_ratio": alone / base, "profiles_s": prof, "compare_s": comp,
            "profiles_ratio": prof / base, "compare_ratio": comp / base, "profiles_docs_per_s": docs / prof,
            "rss_mb": rss / 1024}


def _cpu(fn: Callable[[], None]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def report_profiles(n: int | None, repeat: int) -> None:
    if n == 0:
        print("profiles: skipped (--multi 0)")
        return
    r = bench_profiles(n, repeat)
    if r is None:
        print(f"profiles: skipped, {MULTI} is not beside the checkout")
        return
    print(f"profiles: the first {r['docs']:,} multi-outlet articles, annotated; {r['stories']:,} stories "
          f"({r['multi']:,} of two or more outlets) from {r['source']}")
    print(f"  reading the annotated JSONL back into Articles {r['read_s']:.2f}s (CPU); attribution.profiles "
          f"{r['alone_s']:.2f}s -> ratio {r['alone_ratio']:.2f}x (target <= 1.5x); with the stories' quotes aligned "
          f"across outlets {r['profiles_s']:.2f}s -> {r['profiles_ratio']:.2f}x (information), "
          f"{r['profiles_docs_per_s']:,.0f} articles/s; peak RSS of attribution profiles --stories {r['rss_mb']:.0f} MB")
    print(f"  compare --stories (a comparison and an HTML report per story, and the index) {r['compare_s']:.2f}s "
          f"-> ratio {r['compare_ratio']:.2f}x the reading (information)")


def pairwise(stories_jsonl: Path, gold_jsonl: Path) -> tuple[float, float, int]:
    """Pairwise precision and recall of a stories.jsonl against the labelled stories, on the labelled articles
    that the file holds (the others are not scored); and how many labelled articles it holds."""
    import itertools
    import json

    found = {a["id"]: s["story"] for line in stories_jsonl.read_text(encoding="utf-8").splitlines()
             for s in (json.loads(line),) for a in s["articles"]}
    truth = {a: g["story"] for line in gold_jsonl.read_text(encoding="utf-8").splitlines()
             for g in (json.loads(line),) for a in g["articles"] if a in found}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(truth), 2):
        same, said = truth[a] == truth[b], found[a] == found[b]
        tp += same and said
        fp += said and not same
        fn += same and not said
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), len(truth)


def _dask_stories(path: str, out: str) -> None:
    """Child process: the same stories on a Dask LocalCluster (2 workers of 1 thread), written to ``out``."""
    import json

    from dask.distributed import Client, LocalCluster

    from attribution.dask import find_stories
    from attribution.stories import story_json

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster, Client(cluster):
        stories = find_stories([path], npartitions=64)
    with open(out, "w", encoding="utf-8") as fh:
        for s in stories:
            fh.write(json.dumps(story_json(s), ensure_ascii=False) + "\n")


def bench_stories(n: int | None, dask: bool = True) -> dict[str, float] | None:
    """``attribution stories --jobs 2`` against ``attribution annotate --jobs 2`` on the same articles (wall
    time of whole processes), its peak RSS, the pairwise precision and recall of the labelled set the settings
    were tuned on and of the held-out one, and the same stories on a Dask LocalCluster."""
    import json
    import subprocess
    import sys
    import tempfile

    if not MULTI.is_file():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        docs, _chars, size = _multi_sample(sample, n)
        cli = [sys.executable, "-m", "attribution.cli"]
        t0 = time.perf_counter()
        subprocess.run([*cli, "annotate", "--jobs", "2", "--force", "--out", str(Path(tmp) / "a.jsonl"), str(sample)],
                       capture_output=True, check=True)
        annotate_s = time.perf_counter() - t0
        out = Path(tmp) / "stories.jsonl"
        t0 = time.perf_counter()
        rss = _peak_rss_kb([*cli, "stories", "--jobs", "2", "--out", str(out), str(sample)])
        stories_s = time.perf_counter() - t0
        precision, recall, labelled = pairwise(out, ROOT / "benchmarks" / "stories_gold.jsonl")
        h_precision, h_recall, h_labelled = pairwise(out, ROOT / "benchmarks" / "stories_heldout.jsonl")
        lines = out.read_text(encoding="utf-8").splitlines()
        r = {"docs": docs, "mb": size / 1e6, "annotate_s": annotate_s, "stories_s": stories_s,
             "ratio": stories_s / annotate_s, "docs_per_s": docs / stories_s, "rss_mb": rss / 1024,
             "precision": precision, "recall": recall, "labelled": labelled, "heldout_precision": h_precision,
             "heldout_recall": h_recall, "heldout_labelled": h_labelled, "stories": len(lines),
             "multi": sum(len(json.loads(x)["outlets"]) >= 2 for x in lines)}
        if dask:
            other = Path(tmp) / "dask.jsonl"
            t0 = time.perf_counter()
            subprocess.run([sys.executable, __file__, "--dask-stories", str(sample), str(other)], capture_output=True,
                           check=True)
            r["dask_s"] = time.perf_counter() - t0
            r["dask_same"] = float(other.read_text(encoding="utf-8").splitlines() == lines)
    return r


def report_stories(n: int | None) -> None:
    if n == 0:
        print("stories: skipped (--multi 0)")
        return
    r = bench_stories(n)
    if r is None:
        print(f"stories: skipped, {MULTI} is not beside the checkout")
        return
    print(f"stories: the first {r['docs']:,} multi-outlet articles ({r['mb']:.1f} MB), wall time of whole processes")
    print(f"  attribution annotate --jobs 2 {r['annotate_s']:.1f}s, attribution stories --jobs 2 {r['stories_s']:.1f}s "
          f"-> ratio {r['ratio']:.2f}x (target <= 1.3x: grouping adds little to annotating); "
          f"{r['docs_per_s']:,.0f} articles/s, peak RSS {r['rss_mb']:.0f} MB (information)")
    print(f"  {r['stories']:,} stories, {r['multi']:,} told by two outlets or more; labelled set "
          f"(benchmarks/stories_gold.jsonl, {r['labelled']} of its articles in this sample): pairwise precision "
          f"{r['precision']:.3f}, recall {r['recall']:.3f} (the settings were tuned on it)")
    print(f"  held-out labelled set (benchmarks/stories_heldout.jsonl, {r['heldout_labelled']} of its articles in this "
          f"sample, not used to tune): pairwise precision {r['heldout_precision']:.3f}, "
          f"recall {r['heldout_recall']:.3f}")
    if "dask_s" in r:
        print(f"  Dask LocalCluster (2 workers): {r['dask_s']:.1f}s, the same stories: "
              f"{'yes' if r['dask_same'] else 'NO'}")


SECTIONS = ("annotate", "lexicon", "streaming", "size", "multi", "stories", "profiles", "check")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--multi", type=_multi_n, default=os.environ.get("ATTRIBUTION_BENCH_MULTI", "2000"),
                    metavar="N|all", help="articles of the multi-outlet corpus to run on (default 2000, or "
                    "$ATTRIBUTION_BENCH_MULTI; 'all' for the whole corpus, 0 to skip)")
    ap.add_argument("--only", action="append", choices=SECTIONS, metavar="NAME",
                    help=f"run only these benchmarks (repeatable): {', '.join(SECTIONS)}")
    ap.add_argument("--one-pass", nargs=2, metavar=("MODE", "JSONL"), help=argparse.SUPPRESS)
    ap.add_argument("--dask-stories", nargs=2, metavar=("JSONL", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one_pass:
        _one_pass(*args.one_pass)
        return
    if args.dask_stories:
        _dask_stories(*args.dask_stories)
        return
    only = set(args.only or SECTIONS)
    texts = corpus() if only - {"multi", "profiles", "check"} else []
    if "annotate" in only:
        r = bench_annotate(texts, args.repeat)
        print(f"annotate: {r['chars']:,} chars ({r['copies']} copies of the seeds); a fresh spacy.blank('ar') "
              f"tokenizer per copy {r['tokenizer_s']:.3f}s, annotate with our word caches emptied per copy "
              f"{r['annotate_s']:.3f}s -> ratio {r['ratio']:.2f}x (target <= 2.5x); "
              f"{r['annotate_chars_per_s'] / 1000:,.0f}k chars/s, {r['annotate_docs_per_s']:,.0f} articles/s, "
              f"{r['annotate_mb_per_s']:.2f} MB/s")
        print(f"annotate, warm (information): one tokenizer over every copy {r['warm_tokenizer_s']:.3f}s, annotate "
              f"{r['warm_annotate_s']:.3f}s -> ratio {r['warm_ratio']:.2f}x (the tokenizer answers copies 2..n from "
              f"its cache; we annotate them again)")
        print(f"pipeline: attribution.pipeline()(text) with a spaCy Doc and spans {r['pipeline_s']:.3f}s "
              f"-> ratio {r['pipeline_ratio']:.2f}x the bare tokenizer (it includes that tokenizer)")
    if "lexicon" in only:
        r = bench_lexicon_size(texts, args.repeat)
        print(f"lexicon size: built-in {r['builtin_s']:.3f}s, built-in + {r['variants']:,} variants "
              f"{r['large_s']:.3f}s -> ratio {r['ratio']:.2f}x (target <= 1.3x)")
    if "streaming" in only:
        r = bench_streaming(texts, args.repeat)
        print(f"memory: peak RSS on {r['docs']} docs {r['rss_one_mb']:.0f} MB, on 10x {r['rss_ten_mb']:.0f} MB "
              f"-> ratio {r['rss_ratio']:.2f}x (target <= 1.1x)")
        print(f"parallel: --jobs 1 {r['serial_s']:.2f}s, --jobs 2 {r['parallel_s']:.2f}s -> speed-up "
              f"{r['speedup']:.2f}x (target >= 1.7x on 2 cores)")
    if "size" in only:
        for row in bench_size_curve(texts):
            print(f"size curve: {int(row['size']) // 1000:>5,} KB {row['shape']:<10} tokenizer "
                  f"{row['tokenizer_s']:.3f}s, annotate {row['annotate_s']:.3f}s -> ratio {row['ratio']:.2f}x "
                  f"(target <= 2.5x)")
        for row in bench_check_size(texts):
            print(f"check size: 1,000 KB Markdown {row['shape']:<9} tokenizer {row['tokenizer_s']:.3f}s, check "
                  f"{row['check_s']:.3f}s -> ratio {row['ratio']:.2f}x (target <= 3x)")
    if "multi" in only:
        report_multi(args.multi, args.repeat)
    if "stories" in only:
        report_stories(args.multi)
    if "profiles" in only:
        report_profiles(args.multi, args.repeat)
    if "check" in only:
        r = bench_check_startup(args.repeat)
        print(f"check start-up: python -c 'import spacy' {r['import_spacy_s']:.3f}s, attribution check on a "
              f"2,000-word draft {r['check_s']:.3f}s -> ratio {r['ratio']:.2f}x (target <= 0.5x)")

if __name__ == "__main__":
    main()
