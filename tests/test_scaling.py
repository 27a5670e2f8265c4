"""Cost grows linearly with the input, whatever its shape: each shape is annotated (and checked) at
50 KB and 200 KB, and the larger must cost no more than 2.5 times the linear four times the smaller (a
quadratic step costs sixteen). Ratios within one run, so a slow machine does not fail them; the time
limit is generous on purpose. The absolute figures, up to 5 MB, are in ``benchmarks/run.py``."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import attribution
from attribution.check import check_text

SMALL, LARGE = 50_000, 200_000
SENTENCE = "وقال وزير الزراعة في مؤتمر صحفي إن الموسم جيد، مضيفا أن التصدير سيبدأ قريبا. وأكدت مصادر مطلعة للوكالة أن الأسعار مستقرة."
LOADED = "وقال المتحدث إن الميليشيات الموالية لإيران هاجمت قوات الاحتلال قرب المعبر."


def _repeat(unit: str, n: int, sep: str = " ") -> str:
    return sep.join([unit] * max(1, n // (len(unit) + len(sep))))


#: Text shapes that once cost the square of their size.
SHAPES: dict[str, Callable[[int], str]] = {
    "paragraphs": lambda n: _repeat(SENTENCE, n, "\n"),
    "one line": lambda n: _repeat(SENTENCE, n),
    "no full stop": lambda n: _repeat(SENTENCE.replace(".", "،"), n),
    "quotes and cues": lambda n: _repeat('قال «المدير» إن "العمل مستمر".', n),
    "unbalanced quotes": lambda n: "«« " + _repeat("كلمة «", n),
    "one long word": lambda n: "ب" * n,
    "dense terms": lambda n: _repeat(LOADED, n),
    # words whose war is read from their paragraphs, on a line that is all one paragraph
    "ambiguous on one line": lambda n: _repeat("وقال الناطق في مؤتمر صحفي عقده أمس إن المقاومة تقدمت نحو المدينة الساحلية.", n),
    # an ambiguous word waiting for release beside a general loaded word, in every sentence of one line
    "released on one line": lambda n: _repeat("ويجند العدو الإرهابيين في المدن.", n),
}
#: Markdown shapes for `check`: openers never closed.
MARKDOWN: dict[str, Callable[[int], str]] = {
    "unclosed fences": lambda n: _repeat("```\n" + SENTENCE, n, "\n"),
    "unclosed comments": lambda n: _repeat("<!-- " + SENTENCE, n, "\n"),
    "unclosed links": lambda n: _repeat("[" + SENTENCE + "](", n),
    "unclosed tags": lambda n: _repeat("<a " + SENTENCE, n),
    "many findings": lambda n: _repeat("وهاجمت الميليشيات الموالية لإيران المعبر ليلا.", n, "\n"),  # one each line
}


def _best(fn: Callable[[], object], times: int) -> float:
    best = float("inf")
    for _ in range(times):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _assert_linear(run: Callable[[str], object], make: Callable[[int], str]) -> None:
    small, large = make(SMALL), make(LARGE)
    run(small)  # warm the caches
    t_small = _best(lambda: run(small), 3)
    t_large = _best(lambda: run(large), 2)  # best of two: one run on a busy machine can stall
    growth = len(large) / len(small)
    assert t_large < 60, f"{t_large:.1f} s for {len(large):,} characters"
    assert t_large <= 2.5 * growth * t_small + 0.3, (
        f"{len(small):,} chars {t_small:.3f} s, {len(large):,} chars {t_large:.3f} s: grows faster than linear")


@pytest.mark.parametrize("shape", SHAPES)
def test_annotate_cost_is_linear(shape: str) -> None:
    _assert_linear(attribution.annotate, SHAPES[shape])


@pytest.mark.parametrize("shape", MARKDOWN)
def test_check_cost_is_linear(shape: str) -> None:
    _assert_linear(lambda text: check_text("draft.md", text), MARKDOWN[shape])
