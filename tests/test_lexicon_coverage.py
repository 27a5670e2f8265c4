"""The built-in term lexicons are complete: every loaded variant suggests the neutral wording, every
concept has a neutral wording that counts as a choice, and those neutral phrases fire on their referent
and not on other senses of their words."""

from __future__ import annotations

import pytest

import attribution
from attribution.lexicons import load_terms
from attribution.normalize import fold_term

#: Concepts with no neutral form: a distancing device is dropped, not replaced.
NO_NEUTRAL = {"distancing"}


def test_every_loaded_variant_has_a_suggest() -> None:
    missing = [f"{v.concept}: {v.term} ({v.origin})" for v in load_terms().variants
               if v.stance != "neutral" and not v.suggest.strip()]
    assert not missing, "variants with no suggest:\n" + "\n".join(missing)


def test_a_suggest_is_not_the_term_itself() -> None:
    same = [f"{v.concept}: {v.term} ({v.origin})" for v in load_terms().variants
            if v.suggest and fold_term(v.suggest) == fold_term(v.term)]
    assert not same, "variants that suggest themselves:\n" + "\n".join(same)


def test_every_concept_has_a_neutral_variant() -> None:
    concepts = load_terms().concepts
    assert {c.id for c in concepts} >= NO_NEUTRAL
    missing = [c.id for c in concepts
               if c.id not in NO_NEUTRAL and not any(v.stance == "neutral" for v in c.variants)]
    assert not missing, f"concepts with no neutral variant: {missing}"


def _terms(text: str, concept: str) -> list[tuple[str, str]]:
    return [(t.text, t.stance) for t in attribution.annotate(text).terms if t.concept == concept]


@pytest.mark.parametrize(("text", "concept", "phrase"), [
    ("وتعهدت واشنطن بمواجهة حلفاء إيران في المنطقة.", "resistance", "حلفاء إيران"),
    ("وأعلنت الحكومة بدء الحملة العسكرية في الشمال.", "aggression", "الحملة العسكرية"),
    ("وقال الوزير إن العملية العسكرية ستستمر أسبوعين.", "aggression", "العملية العسكرية"),
    ("ونقلت وسائل الإعلام الرسمية عن الوزير أن المحادثات مستمرة.", "vilifying_labels", "وسائل الإعلام الرسمية"),
    ("وتراجعت مبيعات الصحف الشعبية في بريطانيا هذا العام.", "vilifying_labels", "الصحف الشعبية"),
    ("ووقع هجوم مسلح على نقطة تفتيش قرب الحدود.", "condemnatory_qualifiers", "هجوم مسلح"),
    ("واندلعت اشتباكات بين الشيعة والسنة في المدينة.", "sectarian_slurs", "الشيعة"),
    ("وتضم البلدة أقلية من اليهود وأغلبية مسلمة.", "sectarian_slurs", "اليهود"),
    ("وتعيش الطائفة السنية في الأحياء الشمالية.", "sectarian_slurs", "الطائفة السنية"),
    ("ومثل الرئيس السابق أمام المحكمة أمس.", "tyranny_labels", "الرئيس السابق"),
    ("ونفذت الطائرات ضربة على الأراضي السورية فجر الثلاثاء.", "sovereignty_violation", "ضربة على الأراضي السورية"),
    ("ووثق التقرير انتهاكات القانون الدولي الإنساني في المدينة.", "atrocity_labels",
     "انتهاكات القانون الدولي الإنساني"),
    ("وطاردت الحشود الغاضبة اللص في السوق.", "dehumanizing_labels", "الحشود الغاضبة"),
])
def test_neutral_wording_counts_as_a_choice(text: str, concept: str, phrase: str) -> None:
    found = _terms(text, concept)
    assert found, f"no {concept} term in {text!r}"
    assert all(stance == "neutral" for _, stance in found), found
    assert any(phrase in hit for hit, _ in found), found


@pytest.mark.parametrize(("text", "concept"), [
    ("ووصل الحاخام يهودا إلى المؤتمر أمس.", "sectarian_slurs"),  # a name, not «اليهود»
    ("وارتفعت الأسعار خلال السنة الماضية.", "sectarian_slurs"),  # «السنة»: the year
    ("وخرج الزعيم بين شيعته وأنصاره.", "sectarian_slurs"),  # «شيعته»: his followers
    ("وقاد المهاجم الهجوم في الشوط الثاني.", "aggression"),  # bare «الهجوم» is not a term
    ("وانطلقت الحملة الانتخابية في العاصمة.", "aggression"),  # only «الحملة العسكرية» is
    ("ونقلت وسائل الإعلام الخبر عن مصادر في الوزارة.", "vilifying_labels"),  # the press, unqualified
    ("وقال حلفاء الولايات المتحدة في أوروبا إنهم يؤيدون الخطة.", "resistance"),  # allies of no axis
])
def test_neutral_wording_does_not_fire_in_another_sense(text: str, concept: str) -> None:
    assert _terms(text, concept) == []
