"""spaCy integration: registered components, extensions, and use in a user's own pipeline."""

from __future__ import annotations

from importlib.metadata import entry_points

import spacy

import attribution


def test_pipeline_sets_extensions() -> None:
    nlp = attribution.pipeline()
    assert nlp.pipe_names == ["attribution_regions", "attribution_sentences", "attribution_speakers",
                              "attribution_terms"]
    doc = nlp("قالت وزارة الصحة في غزة إن عدد الضحايا ارتفع.")
    assert doc._.attributions and doc._.attributions[0].source.kind == "government"
    sentence = doc.spans["attribution_sentences"][0]
    assert sentence._.speaker.kind == "government"
    assert doc.spans["attribution_quotes"][0].label_ == "government"
    tagged = nlp("وقال مسؤول إن «الكيان الصهيوني» يواصل العدوان على غزة.")
    terms = tagged.spans["attribution_terms"]
    assert {s.label_ for s in terms} >= {"israel", "gaza_war"}
    hit = next(s._.term for s in terms if s.label_ == "gaza_war")
    assert hit.voice == "reported" and hit.stance == "negative"


def test_speakers_alone_in_a_users_pipeline() -> None:
    import attribution.components  # noqa: F401  registers the factories

    nlp = spacy.blank("ar")
    nlp.add_pipe("attribution_speakers", config={"outlet": "صحيفة تجريبية"})
    doc = nlp("وأفاد مسؤول أمريكي بأن القوات ستبقى.")
    assert doc._.outlet.name == "صحيفة تجريبية"
    assert doc._.attributions[0].source.kind == "unnamed_source"


def test_factories_are_exposed_as_entry_points() -> None:
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"attribution_regions", "attribution_sentences", "attribution_speakers", "attribution_terms"} <= names


def test_pipeline_and_annotate_agree() -> None:
    text = "عنوان: خبر\nوقال الوزير إن «الاتفاق قريب». وأضاف أن التوقيع سيتم قريبا.\nالمصدر: صحيفة الغد"
    nlp = attribution.pipeline()
    assert nlp(text)._.article == attribution.annotate(text)
