"""Source types settled by convention rather than read from a role word: the judgement calls
of bench/dev/README.md ("Source-type judgement calls, settled") that need a rule of their own.

>>> from kit.core.nlp import parse
>>> unsigned_reports(parse("Reports say the bridge fell.")[0:1])
True
>>> unsigned_reports(parse("A police report said the bridge fell.")[0:3])
False
"""

from __future__ import annotations

from kit.attribution.cues import matches, source_data

__all__ = ["politician", "unsigned_reports"]


def unsigned_reports(span) -> bool:
    """Is the phrase a bare "reports" (or a headline's "report") with no determiner, owner or
    modifier ("reports say", "according to reports", "Bridge to close: report")? By the
    settled call these are the news media's reports (``unsigned_report_nouns`` of
    source_types.toml); the caller gives them the type media, as a guess."""
    nouns = set(source_data().get("unsigned_report_nouns", ()))
    words = [t for t in span if not t.is_punct]
    if len(words) != 1:
        return False
    tok = words[0]
    return tok.lower_ in nouns and not any(c.dep_ in _MODIFIERS for c in tok.children)


#: Children that make a report someone's or a particular one ("the", "police", "early", "two").
_MODIFIERS = {"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "prep", "acl", "relcl"}


def politician(span, found: tuple[str, str, bool] | None) -> tuple[str, str, bool] | None:
    """("other", "", False) for a person on the side that does not govern ("opposition sources",
    "Opposition leader Ana Ruiz", "runner-up Ana Ruiz", "the leader of rival Kestrel Party"):
    by the settled call a politician, whose type is a question for students; else ``found``.
    A phrase headed by a body ("the opposition party") keeps ``found``."""
    conf = source_data().get("politics", {})
    if span.root.lemma_.lower() in conf.get("body_heads", ()) or span.root.lower_ in conf.get("body_heads", ()):
        return found
    if found is not None and found[0] not in {"official", "organisation", "unnamed", "other"}:
        return found  # "an opposition-held town's military commander": the role says more
    # "other" too becomes a question: a governing lawmaker's type is one ("an official?"), so the
    # opposition's is one as well (even-handed)
    words = {t.lower_ for t in span}
    side = matches(span, "not_governing", [("side", list(conf.get("not_governing", ())))])
    rival = "rival" in words and matches(span, "politics", [("politics", list(conf.get("words", ())))])
    return ("other", "", False) if side or rival else found
