"""spaCy integration: registered components, extensions, and use in a user's own pipeline."""

from __future__ import annotations

import json
import pickle
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import attribution
from attribution import components


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


# Texts of our own: a plain report, a colon quote, a page with headline and source lines, a sentence
# that starts inside a token («قريب.وأضاف»), two voices in one sentence, the outlet's own voice and a
# loaded term.
TEXTS = [
    "قالت وزارة الصحة إن المستشفيات امتلأت.",
    'وأضاف المتحدث باسم الجيش: "الوضع هادئ".',
    "عنوان: الطريق مفتوح\nأعلن الدفاع المدني أن الطريق فتح صباحا. وأكد أن «الخطر زال».\nالمصدر: صحيفة الغد",
    "قال الوزير إن الاتفاق قريب.وأضاف أن التوقيع سيتم غدا.",
    "بينما قالت الوزارة إن الطريق مفتوح، ذكرت وكالة رويترز أن القوات انسحبت من المدينة.",
    "وصلت قافلة المساعدات إلى المدينة مساء أمس.",
    "وقال وزير الخارجية إن «الاحتلال الإسرائيلي» يعرقل الاتفاق.",
]


def _span_groups(doc: spacy.tokens.Doc) -> dict[str, list[tuple[int, int, str, str]]]:
    return {key: [(s.start, s.end, s.label_, s.text) for s in group] for key, group in doc.spans.items()}


def _speakers(doc: spacy.tokens.Doc) -> list[attribution.Source]:
    return [s._.speaker for s in doc.spans["attribution_sentences"]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return attribution.pipeline()


@pytest.mark.parametrize("text", TEXTS, ids=[f"text{i}" for i in range(len(TEXTS))])
def test_doc_article_is_annotate(nlp: Language, text: str) -> None:
    doc = nlp(text)
    article = attribution.annotate(text)
    assert doc._.article == article
    assert doc._.attributions == article.attributions and doc._.outlet == article.outlet
    assert [s.speaker for s in article.sentences] == _speakers(doc)
    assert [s.label_ for s in doc.spans["attribution_regions"]] == [r.kind for r in article.regions]


def test_only_json_data_is_stored(nlp: Language) -> None:
    doc = nlp(TEXTS[2])
    assert set(doc.user_data) == {components.ARTICLE_KEY}
    data = doc.user_data[components.ARTICLE_KEY]
    assert json.loads(json.dumps(data)) == data == attribution.to_json(attribution.annotate(TEXTS[2]))
    assert attribution.from_json(data) == doc._.article


def test_docbin_round_trip(nlp: Language) -> None:
    docs = [nlp(t) for t in TEXTS]
    before = [(d._.article, _span_groups(d), _speakers(d), [s.text for s in d.sents]) for d in docs]
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    vocab = attribution.pipeline().vocab  # a fresh Vocab from the same kind of pipeline
    back = list(DocBin().from_bytes(data).get_docs(vocab))
    after = [(d._.article, _span_groups(d), _speakers(d), [s.text for s in d.sents]) for d in back]
    assert after == before
    assert [d._.article for d in back] == [attribution.annotate(t) for t in TEXTS]


def test_doc_bytes_and_pickle_round_trip(nlp: Language) -> None:
    doc = nlp(TEXTS[6])
    assert doc._.article.terms
    for copy in (Doc(attribution.pipeline().vocab).from_bytes(doc.to_bytes()), pickle.loads(pickle.dumps(doc))):
        assert copy._.article == doc._.article == attribution.annotate(TEXTS[6])
        assert _span_groups(copy) == _span_groups(doc)
        assert next(s._.term for s in copy.spans["attribution_terms"]) == doc._.article.terms[0]


def test_pipe_with_two_processes(nlp: Language) -> None:
    texts = TEXTS[:4]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [d._.article for d in docs] == [attribution.annotate(t) for t in texts]
    assert [_span_groups(d) for d in docs] == [_span_groups(nlp(t)) for t in texts]
    assert [s.text for s in docs[3].sents] == [s.text for s in nlp(texts[3]).sents]


def test_doc_sents_follow_the_articles_sentences(nlp: Language) -> None:
    for text in TEXTS:
        doc = nlp(text)
        sents = list(doc.sents)
        assert "".join(s.text_with_ws for s in sents) == text
        # every article sentence starts in a doc sentence, in order, and no doc sentence is without one
        holder = [max(i for i, s in enumerate(sents) if s.start_char <= a.start) for a in doc._.article.sentences]
        assert holder == sorted(holder) and set(holder) == set(range(len(sents)))
    page = nlp(TEXTS[2])  # headline, two body sentences, source line: a «\n» token ends a sentence
    assert [s.text.strip() for s in page.sents] == [s.text for s in page._.article.sentences]
    # a sentence starting inside a token starts at that token (proclitics and «.» stay attached)
    assert [s.text for s in nlp(TEXTS[3]).sents] == ["قال الوزير إن الاتفاق", "قريب.وأضاف أن التوقيع سيتم غدا."]
    # two voices split one sentence into two attribution sentences, but doc.sents keeps the sentence
    assert len(nlp(TEXTS[4])._.article.sentences) == 2 and len(list(nlp(TEXTS[4]).sents)) == 1


def test_factories_declare_what_they_assign(nlp: Language) -> None:
    assert "token.is_sent_start" in nlp.get_pipe_meta("attribution_sentences").assigns
    assert "doc._.article" in nlp.get_pipe_meta("attribution_speakers").assigns
    assert "span._.term" in nlp.get_pipe_meta("attribution_terms").assigns
    assert not any(nlp.analyze_pipes(pretty=False)["problems"].values())


def test_outlet_and_lexicons_come_from_config(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text('[[concept]]\nid = "convoy"\n\n[[concept.variant]]\nterm = "قافلة المساعدات"\n'
                       'stance = "neutral"\nframe = "aid"\n', encoding="utf-8")
    mine = spacy.blank("ar")
    mine.add_pipe("attribution_terms", config={"outlet": "صحيفتي", "lexicons": [str(lexicon)]})
    doc = mine(TEXTS[5])
    assert doc._.article == attribution.annotate(TEXTS[5], outlet="صحيفتي", lexicons=[lexicon])
    assert [s.label_ for s in doc.spans["attribution_terms"]] == ["convoy"]
    assert doc._.outlet.name == "صحيفتي"


def test_a_later_component_and_a_doc_may_set_the_outlet() -> None:
    text = TEXTS[0]
    mine = spacy.blank("ar")
    mine.add_pipe("attribution_regions")  # detects the outlet (none shown on this page)
    mine.add_pipe("attribution_speakers", config={"outlet": "صحيفتي"})
    assert mine(text)._.article == attribution.annotate(text, outlet="صحيفتي")
    doc = mine.make_doc(text)
    doc.user_data[components.OUTLET_KEY] = "صحيفة أخرى"
    assert mine(doc)._.article == attribution.annotate(text, outlet="صحيفة أخرى")
