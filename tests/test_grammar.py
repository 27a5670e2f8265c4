"""Every grammar rule has examples, and each example is a test case."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import attribution_at

import attribution
from attribution.grammar import RULES, Example, Rule

DOCS = Path(__file__).resolve().parent.parent / "docs" / "grammar.md"


def _names(source: attribution.Source) -> list[str]:
    return [source.name, *source.aliases, *([source.mention.text] if source.mention else [])]


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_every_rule_has_examples_and_docs(r: Rule) -> None:
    assert r.examples, f"rule {r.id} has no examples"
    assert r.summary.strip()
    assert f"`{r.id}`" in DOCS.read_text(encoding="utf-8"), f"docs/grammar.md does not document {r.id}"


def _cases() -> list[tuple[str, Example]]:
    return [(r.id, e) for r in RULES for e in (*r.examples, *r.counter_examples)]


@pytest.mark.parametrize(("rule_id", "example"), _cases(), ids=lambda x: x if isinstance(x, str) else "")
def test_rule_example(rule_id: str, example: Example) -> None:
    article = attribution.annotate(example.text)
    att = attribution_at(article, example.anchor)
    if example.speaker is None:
        assert att is None or att.rule != rule_id, f"{rule_id} fired on its counter-example: {att}"
        return
    assert att is not None, f"nothing attributes «{example.anchor}»"
    assert att.rule == rule_id
    assert any(example.speaker in n for n in _names(att.source)), att.source
    if example.kind is not None:
        assert att.source.kind == example.kind
    if example.via:
        names = [_names(v) for v in att.via]
        assert len(names) == len(example.via), att.via
        for want, got in zip(example.via, names, strict=True):
            assert any(want in n for n in got), (want, got)


def test_attributions_name_their_rule() -> None:
    ids = {r.id for r in RULES}
    for r in RULES:
        for e in r.examples:
            for a in attribution.annotate(e.text).attributions:
                assert a.rule in ids, a
