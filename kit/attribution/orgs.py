"""Which organisation a speaker phrase speaks for: a body of ``organisations.toml`` named in the
phrase (the longest on the role's head noun first), or one made from the structure of a name
("the Regional Water Agency", "Brightwater Inc."), unless the body is not the speaker's own (a
"Union" minister's, an outlet's witness, the world body an envoy is posted to).

>>> from kit.core.nlp import parse
>>> doc = parse("A spokesman for the Regional Water Agency said so.")
>>> speakers_body(doc[0:7], "official", True, (1, 2))["type"]
'official'
"""

from __future__ import annotations

from kit.attribution.bodies import document_nouns, host_body, led_coalition, state_marked, state_role
from kit.attribution.cues import matches, organisation_data
from kit.attribution.places import national_envoy
from kit.attribution.roles import name_structure_type, role_heads

__all__ = ["speakers_body"]

_TOPIC = {"on", "about", "into", "over", "regarding", "concerning"}


def speakers_body(span, rule: str | None, on_head: bool, where: tuple[int, int]) -> dict | None:
    """The ``[[organisation]]`` block (or one made from a name's structure) the speaker of
    ``span`` speaks for, given the role rule at ``where``; None when a body in the phrase is not
    the speaker's: a "Union" minister's (India's federal title), an outlet's own witness, the
    world body an envoy is posted to."""
    state_head = rule == "official" and on_head and state_role(span.doc[where[0] : where[1]])  # "Minister for Power and Petroleum"
    org = _organisation(span)
    named = None if state_head else _named_organisation(span)
    if org is not None and org.get("kind") == "company" and not org.get("on_head") and named is not None \
            and named["kind"] == "government":
        org = named  # "the Telecom Regulatory Authority of India": the name's head, not a word inside it
    org = org or named or led_coalition(span)
    if org is None:
        return None
    if state_head and org.get("kind") == "union" and org["where"][1] <= where[0]:
        return None  # "Union Finance Minister X": a federal title (India's Union government); unions have no ministers
    if org.get("kind") == "outlet" and rule == "eyewitness" and on_head:
        return None  # "a Reuters witness": the outlet's own eyewitness
    o_where = org.get("where", (0, 0))
    if rule == "foreign_government" and on_head and (host_body(span, where, o_where) or national_envoy(span, where, o_where)):
        return None  # "Ruvalia's ambassador to the United Nations" speaks for Ruvalia, not for the UN
    return org


def _named_organisation(span) -> dict | None:
    """An organisation block made from the structure of a name in ``span`` ("the Regional Water
    Agency", "Brightwater Inc."), with the refinements of its kind's block, or None."""
    named = name_structure_type(span)
    if named is None and state_marked(span):
        named = ("official", "government")  # "a federal report", "the country's drug agency"
    if named is None:
        return None
    block = next((b for b in organisation_data().get("organisation", []) if b["kind"] == named[1]), {})
    return {"type": named[0], "kind": named[1], "refine_to": block.get("refine_to", []),
            "role_refine_to": block.get("role_refine_to", [])}


def _organisation(span) -> dict | None:
    """The ``[[organisation]]`` block with a word or acronym in ``span``: the longest match
    on the phrase's head noun first ("the central BANK" is a government body, "the BANK" a
    company), then a body that owns the role ("the group's military spokesman"), then the
    first block in file order."""
    blocks = organisation_data().get("organisation", [])
    found = matches(span, "organisations", [(str(n), b.get("words", [])) for n, b in enumerate(blocks)],
                    [(str(n), b.get("acronyms", [])) for n, b in enumerate(blocks)])
    root = span.root.i
    topics = [(p.i, p.right_edge.i + 1) for p in span.root.children if p.dep_ == "prep" and p.lower_ in _TOPIC
              and span.root.lemma_.lower() in document_nouns()]  # "a report ON police torture": what it is about
    found = [m for m in found if not any(a <= m[1] and m[2] <= b for a, b in topics)]
    if not found:
        return None
    on_head = [m for m in found if m[1] <= root < m[2]]  # "a military GOVERNMENT" is a government
    owners = [(c.left_edge.i, c.i + 1) for i in role_heads(span) for c in span.doc[i].children if c.dep_ == "poss"]
    owner = [m for m in found if any(a <= m[1] and m[2] <= b for a, b in owners)]  # "the GROUP's military spokesman"
    best = (max(on_head, key=lambda m: (m[2] - m[1], -int(m[0]))) if on_head
            else min(owner or found, key=lambda m: int(m[0])))
    return dict(blocks[int(best[0])], where=(best[1], best[2]), on_head=bool(on_head))
