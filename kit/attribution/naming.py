"""Whether a phrase names a source at all (a name, a kind of source, a listed word), for cues
that only count with one ("citing witnesses", "a UN report"); re-exported by
:mod:`kit.attribution.sources`.

>>> from kit.core.nlp import parse
>>> names_a_source(parse("citing witnesses")[1:2], ["witness"])
True
"""

from __future__ import annotations

__all__ = ["names_a_source"]


def names_a_source(span, sources: list[str] | None) -> bool:
    """Does ``span`` name someone or something that can be a source? Always true when the
    phrase lists no ``sources``; else a name, a kind of source from source_types.toml, or a
    listed word ("a UN report", "citing witnesses")."""
    if sources is None:
        return True
    if any(t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in span):
        return True
    if span.root.lemma_.lower() in sources or span.root.lower_ in sources:
        return True
    from kit.attribution.sources import _classify_text_span  # sources re-exports this module

    return _classify_text_span(span) is not None
