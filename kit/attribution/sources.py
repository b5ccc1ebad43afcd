"""What kind of source a speaker is (official, monitor, expert, eyewitness ...), by the rules
and known names in ``kit/attribution/data/en/source_types.toml``.

>>> from kit.core.nlp import parse
>>> doc = parse("A military statement published by the official news agency said so.")
>>> source_type_of(doc[0:9])
'military'
"""

from __future__ import annotations

from kit.attribution.cues import matches, source_data
from kit.attribution.index import doc_index
from kit.attribution.speakers import PRONOUNS

__all__ = ["source_type_of"]


def _classify_text_span(span) -> str | None:
    data = source_data()
    overrides = data.get("override", [])
    groups_o = [(o["type"] + "|" + o["name"], [o["name"]]) for o in overrides]
    if groups_o and any(True for _ in matches(span, "override", groups_o)):
        first = matches(span, "override", groups_o)[0]
        return first[0].split("|", 1)[0]
    rules = data.get("rule", [])
    groups_r = [(f"{n}|{r['type']}", r["words"]) for n, r in enumerate(rules)]
    found = matches(span, "rules", groups_r)
    if found:
        # a word that is the phrase's head noun decides first ("the UN refugee AGENCY" is an
        # organisation, not a refugee); among the rest, the first rule in file order wins
        root = span.root.i
        on_head = [m for m in found if m[1] <= root < m[2]]
        return min(on_head or found, key=lambda m: int(m[0].split("|")[0]))[0].split("|", 1)[1]
    return None


def _core_range(span) -> tuple[int, int]:
    """The speaker without an agent phrase ('a military statement' of 'a military statement
    published by the official news agency'): who made the claim before who passed it on."""
    end = span.end
    for tok in span:
        if tok.dep_ == "agent" or (tok.lower_ == "by" and tok.head.dep_ == "acl"):
            head = tok.head if tok.head.dep_ == "acl" else tok
            end = min(end, head.left_edge.i if head.i >= span.start else tok.i)
    return span.start, max(span.start + 1, end)


def _fuller_mention(doc, span):
    """For a name alone ("al-Assad", "Araghchi"), an earlier, longer mention ending in the
    same word ("Syrian President Bashar al-Assad"), else None: the first such mention in the
    text, looked up once per word and length (:class:`kit.attribution.index.DocIndex`)."""
    toks = [t for t in span if not t.is_punct]
    if not toks or any(t.pos_ not in {"PROPN"} and t.lower_ not in {"al", "el", "de", "van", "von"} for t in toks):
        return None
    i = doc_index(doc).first_longer_mention(doc, span[-1].lower_, len(span), _name_start)
    if i is None or i >= span.start:
        return None
    return doc[_name_start(doc, i) : i + 1]


def _name_start(doc, i: int) -> int:
    """Where the name ending at token ``i`` starts: back over names, adjectives, compounds
    and hyphens ("Syrian President Bashar al-Assad"), not across a line break."""
    s = i + 1
    while s - 1 >= 0 and (doc[s - 1].pos_ in {"PROPN", "ADJ"} or doc[s - 1].dep_ in {"compound", "amod"}
                          or (doc[s - 1].text == "-" and not doc[s - 1].whitespace_)) and "\n" not in doc[s - 1].text:
        s -= 1
    return s


def source_type_of(span) -> str:
    """The source type of a speaker phrase (a spaCy Span), by the rules in
    ``kit/attribution/data/en/source_types.toml``.

    >>> from kit.core.nlp import parse
    >>> doc = parse("Aaron Lee, an analyst at the Delta Institute, said so.")
    >>> source_type_of(doc[0:10])
    'expert'
    """
    data = source_data()
    doc = span.doc
    if len(span) == 1 and span[0].lower_ in PRONOUNS | {"i", "we"}:
        return "unnamed"
    cs, ce = _core_range(span)
    for candidate in (doc[cs:ce], span):
        found = _classify_text_span(candidate)
        if found:
            return found
    fuller = _fuller_mention(doc, span)
    if fuller is not None:
        found = _classify_text_span(fuller)
        if found:
            return found
    content_toks = [t for t in span if not (t.is_punct or t.pos_ in {"DET", "CCONJ"})]
    if content_toks and all(t.ent_type_ == "GPE" for t in content_toks):
        return data.get("country_speaker", "foreign_government")
    if any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span):
        return data.get("named_person", "other")
    return data.get("fallback", "other")


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
    return _classify_text_span(span) is not None
