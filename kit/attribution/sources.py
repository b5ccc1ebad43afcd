"""What kind of source a speaker is (official, monitor, expert, eyewitness ...), by the rules
and known names in ``kit/attribution/data/en/source_types.toml``.

>>> from kit.core.nlp import parse
>>> doc = parse("A military statement published by the official news agency said so.")
>>> source_type_of(doc[0:9])
'military'
"""

from __future__ import annotations

import re

from kit.attribution.chains import acronym_names, is_name, mention_context
from kit.attribution.cues import matches, organisation_data, source_data
from kit.attribution.index import doc_index
from kit.attribution.speakers import PRONOUNS
from kit.core.nlp import doc_text

__all__ = ["source_of", "source_type_of"]


def _classify_text_span(span) -> str | None:
    """The source type the words of ``span`` give, or None (see :func:`_classify`)."""
    found = _classify(span)
    return None if found is None else found[0]


def _classify(span) -> tuple[str, str] | None:
    """(type, organisation kind) from the words of ``span``: a known name first; then the
    organisation named in the phrase (``organisations.toml``), which a role word may only
    refine (``refine_to``); then the role rules of ``source_types.toml``.

    >>> from kit.core.nlp import parse
    >>> doc = parse("A nurses' union leader and airline officials")
    >>> _classify(doc[0:4]), _classify(doc[5:7])
    (('organisation', 'union'), ('organisation', 'company'))
    """
    overrides = source_data().get("override", [])
    groups_o = [(o["type"] + "|" + o["name"], [o["name"]]) for o in overrides]
    found_o = matches(span, "override", groups_o) if groups_o else []
    if found_o:
        return found_o[0][0].split("|", 1)[0], ""
    org = _organisation(span)
    rule = _rule_type(span)
    if rule == "foreign_government" and names_home_country(span):
        rule = "official"  # the Afghan foreign ministry in a story from Kabul speaks for its own state
    if org is not None:
        if rule is not None and rule in org.get("refine_to", ()):
            return rule, org["kind"]
        return org["type"], org["kind"]
    return None if rule is None else (rule, "")


_DATELINE = re.compile(r"^\W*[A-Z][A-Z .'\-]+,\s*([A-Z][A-Za-z .'\-]+?)\s*[()\u2014\u2013-]", re.MULTILINE)


def home_country(doc) -> str | None:
    """The country of the story's dateline ("KABUL, Afghanistan (AP) -" gives "Afghanistan"),
    from its first lines; None when there is no dateline.

    >>> from kit.core.nlp import parse
    >>> home_country(parse("Headline\\n\\nKABUL, Afghanistan (AP) - Gunmen attacked."))
    'Afghanistan'
    """
    if "kit.home" not in doc.user_data:
        m = _DATELINE.search(doc_text(doc)[:600])
        doc.user_data["kit.home"] = m.group(1).strip() if m else None
    return doc.user_data["kit.home"]


def names_home_country(span) -> bool:
    """Does ``span`` name the dateline's country, by name or a word for its people ("Afghan",
    "Syrian": the first four letters)?"""
    home = home_country(span.doc)
    if not home or len(home) < 4:
        return False
    return any(t.pos_ in ("PROPN", "ADJ") and t.text[:4].lower() == home[:4].lower() for t in span)


def _organisation(span) -> dict | None:
    """The first ``[[organisation]]`` block (in file order) with a word or acronym in ``span``,
    one on the phrase's head noun first."""
    blocks = organisation_data().get("organisation", [])
    found = matches(span, "organisations", [(str(n), b.get("words", [])) for n, b in enumerate(blocks)],
                    [(str(n), b.get("acronyms", [])) for n, b in enumerate(blocks)])
    if not found:
        return None
    root = span.root.i
    on_head = [m for m in found if m[1] <= root < m[2]]  # "a military GOVERNMENT" is a government
    return blocks[min(int(m[0]) for m in on_head or found)]


def _rule_type(span) -> str | None:
    """The type of the first role rule matching ``span``; a word that is the phrase's head
    noun decides first ("the UN refugee AGENCY" is an organisation, not a refugee); a word
    inside a possessive only says whose the speaker is ("the president's supporters")."""
    rules = source_data().get("rule", [])
    found = matches(span, "rules", [(f"{n}|{r['type']}", r["words"]) for n, r in enumerate(rules)])
    poss = [(t.left_edge.i, t.i + 2) for t in span if t.dep_ == "poss" and t.head.i != t.i]
    found = [m for m in found if not any(a <= m[1] and m[2] <= b for a, b in poss)]
    if not found:
        return None
    root = span.root.i
    on_head = [m for m in found if m[1] <= root < m[2]]
    return min(on_head or found, key=lambda m: int(m[0].split("|")[0]))[0].split("|", 1)[1]


def _core_range(span) -> tuple[int, int]:
    """The speaker without an agent phrase ('a military statement' of 'a military statement
    published by the official news agency'): who made the claim before who passed it on."""
    end = span.end
    for tok in span:
        if tok.dep_ == "agent" or (tok.lower_ == "by" and tok.head.dep_ == "acl"):
            head = tok.head if tok.head.dep_ == "acl" else tok
            end = min(end, head.left_edge.i if head.i >= span.start else tok.i)
    return span.start, max(span.start + 1, end)


def _chain_type(doc, span) -> tuple[str, str] | None:
    """The type of the chain a short mention belongs to: an acronym defined earlier ("the
    CBR" after "the Central Bank of Russia (CBR)"), or a name alone ("Reyes") typed by the
    first mention of its last word that says who it is: with its title ("Col. Dana Reyes"),
    an appositive, or a role in the sentence before (:mod:`kit.attribution.chains`).
    Looked up once per word (:class:`kit.attribution.index.DocIndex`)."""
    defs = acronym_names(doc)
    for tok in span:
        if tok.text in defs and defs[tok.text][1] <= span.start:
            found = _classify(doc[slice(*defs[tok.text])])
            if found:
                return found
    if not is_name(span):
        return None
    cache = doc_index(doc).__dict__.setdefault("chain_types", {})
    key = span[-1].lower_
    if key not in cache:
        cache[key] = []
        for i in doc_index(doc).positions_of(doc, key):
            if doc[i].pos_ != "PROPN":
                continue
            for rng in [(_name_start(doc, i), i + 1)] + mention_context(doc, i):
                found = _classify(doc[rng[0] : rng[1]])
                if found:
                    cache[key].append((i, found))
                    break
    return next((found for i, found in cache[key] if i < span.end), None)


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
    ``kit/attribution/data/en/source_types.toml`` and ``organisations.toml``.

    >>> from kit.core.nlp import parse
    >>> doc = parse("Aaron Lee, an analyst at the Delta Institute, said so.")
    >>> source_type_of(doc[0:10])
    'expert'
    """
    return source_of(span)[0]


def source_of(span) -> tuple[str, str]:
    """(source type, organisation kind or "") of a speaker phrase: its own words (without an
    agent phrase first), else its mention chain, else a country, a name or the fallback.

    >>> from kit.core.nlp import parse
    >>> doc = parse("Col. Dana Reyes, a spokeswoman for the coalition, spoke. Reyes said no.")
    >>> source_of(doc[13:14])
    ('military', '')
    """
    data = source_data()
    doc = span.doc
    if len(span) == 1 and span[0].lower_ in PRONOUNS | {"i", "we"}:
        return "unnamed", ""
    cs, ce = _core_range(span)
    for candidate in (doc[cs:ce], span):
        found = _classify(candidate)
        if found:
            return found
    found = _chain_type(doc, span)
    if found:
        return found
    content_toks = [t for t in span if not (t.is_punct or t.pos_ in {"DET", "CCONJ"})]
    if content_toks and all(t.ent_type_ == "GPE" for t in content_toks):
        return data.get("country_speaker", "foreign_government"), ""
    if any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span):
        return data.get("named_person", "other"), ""
    return data.get("fallback", "other"), ""


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
