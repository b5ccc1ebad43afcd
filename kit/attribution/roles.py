"""What kind of source a person is by the head noun of their role, and what kind an
organisation is by the structure of its name, when no word list of ``source_types.toml``
or ``organisations.toml`` names it.

* roles: ``roles.toml`` lists occupations by the major groups of the US Standard
  Occupational Classification (public domain), each group with a kit type and whether the
  role alone makes the type sure. The role is read from the phrase's head noun, its
  appositives ("Ana Ruiz, a meteorologist at ...") and a title before a name ("General Ana
  Ruiz"), never from a noun that only modifies another ("a hospital spokesman").
* names: "the Regional Water Agency" (a state's mark + a government head) is official,
  "Northgate Utilities" (a company head) a company (``organisations.toml`` ``[name_structure]``).

>>> from kit.core.nlp import parse
>>> doc = parse("Ana Ruiz, a meteorologist at the weather desk, said so.")
>>> role_type(doc[0:10])
('expert', True)
>>> name_structure_type(parse("The Regional Water Agency said so.")[0:4])
('official', 'government')
"""

from __future__ import annotations

import functools

from kit.attribution.cues import _load_toml, matches, organisation_data

__all__ = ["name_structure_type", "role_heads", "role_type"]

NOUNS = {"NOUN", "PROPN"}


@functools.cache
def role_data() -> dict:
    """``roles.toml``: occupation groups (SOC major groups), their types and head nouns."""
    return _load_toml("roles.toml")


def role_heads(span) -> set[int]:
    """Token positions that name the speaker's role: the phrase's head noun, the head nouns of
    its appositives, the capitalised words in a row before a name ("General" of "General
    Ana Ruiz") and the first of two roles joined by "and" before it, but not words inside an
    organisation's or a place's name.

    >>> from kit.core.nlp import parse
    >>> doc = parse("Dana Cole, a physician at the city hospital, spoke.")
    >>> sorted(doc[i].text for i in role_heads(doc[0:10]))
    ['Cole', 'Dana', 'physician']
    """
    root = span.root
    heads = {root.i} if root.pos_ in NOUNS else set()
    for tok in span:
        if tok.dep_ == "appos" and tok.pos_ in NOUNS and span.start <= tok.head.i < span.end:
            heads.add(tok.i)
        if tok.dep_ == "conj" and tok.pos_ == "NOUN" and tok.head.i in heads and (
                tok.head.i != root.i or tok.tag_ == tok.head.tag_ == "NN"):
            heads.add(tok.i)  # "a former pilot and an aviation expert": one person's two roles (not "police and residents")
        if tok.i < root.i and tok.dep_ in {"compound", "nmod"} and tok.head.i == root.i or (
                tok.i < root.i and tok.head.pos_ == "PROPN" and tok.head.i <= root.i and tok.dep_ == "compound"):
            if tok.ent_type_ not in {"ORG", "GPE", "NORP", "FAC", "LOC"}:
                heads.add(tok.i)
        if tok.i < root.i and tok.pos_ == "NOUN" and tok.i + 1 < span.end and span.doc[tok.i + 1].lower_ == "and" \
                and not tok.ent_type_:  # "election monitor and rights activist Ana Ruiz": two roles
            heads.add(tok.i)
    return heads


def role_type(span) -> tuple[str, bool] | None:
    """(type, sure) of the occupation named by a role head of ``span`` (:func:`role_heads`),
    the longest occupation first ("lieutenant general" before "general"); None when none is.

    >>> from kit.core.nlp import parse
    >>> role_type(parse("A trader at a regional bank said so.")[0:6])
    ('expert', False)
    """
    groups = role_data().get("group", [])
    found = matches(span, "roles", _role_groups())
    heads = role_heads(span)
    on_head = [m for m in found if (m[2] - 1) in heads]
    if not on_head:
        return None
    label = max(on_head, key=lambda m: (m[2] - m[1], -int(m[0])))[0]
    group = groups[int(label)]
    return group["type"], bool(group.get("sure", True))


@functools.cache
def _role_groups() -> list[tuple[str, list[str]]]:
    """One matcher group per occupation group, its words with their plurals (built once)."""
    return [(str(n), _with_plurals(g.get("words", []))) for n, g in enumerate(role_data().get("group", []))]


def _with_plurals(words: list[str]) -> list[str]:
    """The words and their plurals ("forecaster", "forecasters"; "chairman", "chairmen"): a
    capitalised plural at the start of a sentence may get no lemma of its own."""
    out = list(words)
    for w in words:
        if w.endswith("man"):
            out.append(w[:-3] + "men")
        elif w.endswith(("s", "sh", "ch", "x")):
            out.append(w + "es")
        elif w[-1:].isalpha() and len(w) > 2:
            out.append(w + "s")
    return out


def name_structure_type(span) -> tuple[str, str] | None:
    """(type, kind) of an organisation known by the shape of its capitalised name: a
    government head noun ("Agency", "Authority", "Board") with a state's mark ("National",
    "Regional") or a country's name is a state body; a company head ("Inc.", "Utilities",
    "Airlines") a company. None for anything else.

    >>> from kit.core.nlp import parse
    >>> name_structure_type(parse("Northgate Utilities said so.")[0:2])
    ('organisation', 'company')
    """
    data = organisation_data().get("name_structure", {})
    gov, marks, company, state_only = (set(data.get(k, ())) for k in (
        "government_heads", "government_marks", "company_heads", "state_only_heads"))
    heads = sorted((t for t in span if t.text[:1].isupper() and (t.lower_ in gov | company | state_only)),
                   key=lambda t: t.i != span.root.i)  # the phrase's head first, then names inside it
    for head in heads:
        first = max(min(head.left_edge.i, head.head.left_edge.i if head.dep_ == "conj" else head.i), span.start)
        name = [t for t in span.doc[first : head.i] if t.text[:1].isupper() and t.pos_ in {"PROPN", "ADJ", "NOUN"}]
        if head.lower_ in gov and ({t.lower_ for t in name} & marks or any(_a_place(t) for t in name)):
            return "official", "government"
        if head.lower_ in state_only and name and head.dep_ != "compound":  # "the Kestrel Transit Authority"
            return "official", "government"
        if head.lower_ in company and name:
            return "organisation", "company"
    return _state_body_of(span, set(data.get("government_heads_of", ())))


def _a_place(tok) -> bool:
    """Is ``tok`` a country's or a place's name, by its label here or at another mention ("U.S."
    inside "the U.S. Energy Information Administration", which the parser labels as one organisation)?"""
    from kit.attribution.index import doc_index

    doc = tok.doc
    return tok.ent_type_ in {"GPE", "NORP"} or (tok.text[:1].isupper() and any(
        doc[i].ent_type_ in {"GPE", "NORP"} for i in doc_index(doc).positions_of(doc, tok.lower_)))


def _state_body_of(span, heads: set[str]) -> tuple[str, str] | None:
    """("official", "government") for a capitalised state head with "for"/"of" and a capitalised
    name after it ("the Office for Rural Transport"), else None."""
    for tok in span:
        j = tok.i + 1 + (tok.i + 1 < span.end and span.doc[tok.i + 1].text == ".")  # "Dept." split from its full stop
        if tok.text[:1].isupper() and tok.lower_ in heads and j + 1 < span.end:
            prep, nxt = span.doc[j], span.doc[j + 1]
            if prep.lower_ in {"for", "of"} and nxt.text[:1].isupper() and nxt.ent_type_ not in {"PERSON"}:
                return "official", "government"
    return None
