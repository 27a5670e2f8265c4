"""The attributions step: who says what, in each paragraph of a page.

Everything here works on the folded view and returns drafts in view coordinates; `attribute`
is the one entry point. The rules are grouped by family, one module each, layered so that each
builds on the ones below it:

- `.base`: drafts, paragraphs, tokens and the attributor's shared state;
- `.clauses`: where a clause starts and what may stand before a cue;
- `.content`: where a cue's content starts and ends;
- `.subjects`: who the subject is, and reference to earlier speakers;
- `.chains`: intermediaries after the subject and by nesting;
- `.continuation`: who a cue without a subject goes on with;
- `.verbal`, `.prepositional`, `.labels`: the rules themselves, by cue type;
- `.engine`: the order they run in.

Each sentence's speaker is decided afterwards, in `attribution.speaker`.
"""

from .base import Draft, DraftSource, Paragraph
from .engine import Attributor, attribute

__all__ = ["Attributor", "Draft", "DraftSource", "Paragraph", "attribute"]
