"""Passives whose "be" is left out and understood (issue 21, after batch L).

English drops the helping verb of a passive in several places; the parser then hangs the
participle somewhere else and :mod:`kit.framing.participles` does not see a passive:

* after "as" and the other joining words, with adverbs between: "the shops open as
  previously agreed", "goods are spared as listed in the schedule" (as [it was] agreed);
* a participle whose subject is its object of a verb of seeing, finding or reporting: "a
  conviction would see him banned", "police confirmed two homes destroyed";
* a clause with a subject and no verb of its own after a comma: "dozens were treated, several
  seriously hurt";
* a noun and a participle joined with "and" to a passive whose "be" it shares: "until the case
  is heard and a ruling issued" (and a ruling [is] issued);
* a participle clause that opens a sentence: "Set out in a long memo, the budget cuts ...";
* a reporting participle with "to" after a comma: "the driver was hunted, thought to have fled".

Each function takes a participle and returns the noun it was done to (or, for "as", the
subject of the clause it hangs on), else None. Verbs that take no object and participles that
only describe ("based", "expected", "stranded") never count (``kit/framing/data/en/passives.toml``).

>>> from kit import parse, find_passives
>>> [p.verb for p in find_passives(parse("The shops will open on Monday as previously agreed."))]
['agree']
"""

from __future__ import annotations

import functools

import tomllib

from kit.framing.labels import DATA
from kit.framing.tree import Tree
from kit.framing.withstate import participle_with_state

_JOINERS = ("as", "when", "if", "once", "unless", "until", "though", "although", "while", "where")
_OWN = ("nsubjpass", "aux", "auxpass", "dobj", "ccomp", "expl", "csubj")


@functools.lru_cache(maxsize=1)
def _lists() -> dict:
    """The ``[elliptic]`` word lists of passives.toml, as sets."""
    with open(DATA / "passives.toml", "rb") as fh:
        table = tomllib.load(fh).get("elliptic", {})
    return {k: frozenset(v) for k, v in table.items() if isinstance(v, list)}


def _base(tok) -> str:
    from kit.framing.participles import _base as base

    return base(tok)


def _doable(tok, words: dict) -> bool:
    """A participle of a verb that takes an object and does more than describe ("banned", not
    "based", "stranded" or "drowned")."""
    if not (tok.tag_ == "VBN" or tok.tag_ == "VBD" and tok.dep_ == "acl") or not tok.is_alpha:
        return False
    base = _base(tok)
    intransitive = base in words["intransitives"] and tok.lower_ != "laid"  # "laid" is of "lay" (lay out), never of "lie"
    return not (base in words["stative"] or intransitive or base in words["intransitive_participles"]
                or base in words["states_with_be"])


def joined_participle(tok, tree: Tree, words: dict):
    """The subject of the clause that "as" + participle (or "when", "if" ... with adverbs between)
    hangs on: "the shops will open as previously agreed" -> "shops"; the verb it hangs on when that
    has no subject; None otherwise. Right after "when", "if" ... :func:`participle_clause` looks.

    >>> from kit import parse
    >>> w = {"stative": frozenset({"expect"}), "intransitives": frozenset(), "intransitive_participles": frozenset(),
    ...      "states_with_be": frozenset()}
    >>> d = parse("The shops will open as previously agreed, and sales rose as expected.")
    >>> joined_participle(d[6], Tree(d), w).text, joined_participle(d[13], Tree(d), w)
    ('shops', None)
    """
    if not _doable(tok, words) or tree.has(tok, *_OWN, "nsubj"):
        return None
    mark = tree.first(tok, "mark")
    if mark is None or mark.lower_ not in _JOINERS or mark.i > tok.i:
        return None
    if any(t.dep_ != "advmod" for t in tok.doc[mark.i + 1 : tok.i]):
        return None
    if mark.lower_ != "as" and mark.i + 1 == tok.i or mark.lower_ == "as" and _base(tok) in _lists()["not_after_as"]:
        return None  # "When released, ...": participle_clause's; "as planned": how things went
    head = tok.head if tok.head.i != tok.i else None
    if head is None:
        return None
    return tree.first(head, "nsubj", "nsubjpass") or head


def small_clause(tok, tree: Tree, words: dict):
    """The subject of a participle with a subject and no helping verb: the object of a verb of
    seeing or reporting ("would see him banned", "confirmed two homes destroyed") or a clause
    after a comma ("were treated, several seriously hurt"). None otherwise, and when the
    participle is a past tense the tagger misread (it has an object or a clause of its own).

    >>> from kit import parse
    >>> w = {"stative": frozenset(), "intransitives": frozenset(), "intransitive_participles": frozenset(),
    ...      "states_with_be": frozenset()}
    >>> d = parse("A conviction would see him banned from the next season.")
    >>> small_clause(d[5], Tree(d), w).text
    'him'
    """
    if not _doable(tok, words) or tree.has(tok, "nsubjpass", "aux", "auxpass", "dobj", "expl") \
            or any(c.dep_ == "ccomp" and c.i > tok.i for c in tree.children(tok)):  # "he reported that ...": a past tense
        return None
    subj = tree.first(tok, "nsubj")
    if subj is None or subj.i > tok.i or subj.lower_ in ("who", "which", "that", "what"):
        return None
    if tok.dep_ in ("ccomp", "xcomp", "oprd") and tok.head.i < subj.i and tok.head.lemma_.lower() in _lists()["object_verbs"]:
        return subj  # "see him banned": the verb before the subject
    start = subj.left_edge.i
    if start > 0 and tok.doc[start - 1].text in (",", ";", "\u2013", "\u2014") and tok.dep_ not in ("relcl", "acl") \
            and subj.lower_ in _lists()["comma_subjects"]:  # "some", "two of them"; not "two trains collided"
        return subj  # "..., several seriously hurt"
    return None


def gapped_participle(tok, tree: Tree, words: dict):
    """The noun of "and" + noun + participle joined to a passive whose "be" it shares: "until
    the case is heard and a ruling issued" -> "ruling"; not "and a chase ensued" (a past tense).

    >>> from kit import parse
    >>> w = {"stative": frozenset(), "intransitives": frozenset(), "intransitive_participles": frozenset(),
    ...      "states_with_be": frozenset()}
    >>> d = parse("The rules stay until the case is heard and a ruling issued.")
    >>> gapped_participle(d[11], Tree(d), w).text
    'ruling'
    """
    if not _doable(tok, words) or tok.dep_ != "acl" or tree.has(tok, *_OWN):
        return None
    noun = tok.head
    if noun.dep_ == "dobj" and noun.i + 1 == tok.i and noun.head.lemma_.lower() in _lists()["object_verbs"]:
        return noun  # "police reported two cars stolen": the object's state, done by someone
    if noun.dep_ != "conj" or noun.i + 1 != tok.i:
        return None
    first = noun.left_edge.i
    if first == 0 or tok.doc[first - 1].lower_ not in ("and", "or"):
        return None
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head  # "reported 40 acres burned, ... and 300 staff assigned": up to "burned"
    shared = (noun.head, tok.doc[first - 1].head, top)  # the verb whose "be" the participle shares
    if any(tree.has(v, "auxpass") for v in shared) or top.tag_ == "VBN" and top.dep_ == "ccomp" and \
            top.head.lemma_.lower() in _lists()["object_verbs"]:
        return noun
    return None  # not "and a chase ensued"


def opening_participle(tok, tree: Tree, words: dict):
    """The subject a sentence-opening participle clause describes, when a comma closes the
    clause: "Set out in a long memo, the new budget cuts ..." -> "budget". None otherwise.

    >>> from kit import parse
    >>> w = {"stative": frozenset(), "intransitives": frozenset(), "intransitive_participles": frozenset(),
    ...      "states_with_be": frozenset()}
    >>> d = parse("Set out in a long memo, the new budget cuts spending on roads.")
    >>> opening_participle(d[0], Tree(d), w).text
    'budget'
    """
    if not _doable(tok, words) or tok.i != tok.sent.start or tok.dep_ != "advcl" or tree.has(tok, *_OWN, "nsubj", "mark"):
        return None
    end = tok.right_edge.i + 1
    if end >= len(tok.doc) or tok.doc[end].text != ",":
        return None
    subj = tree.first(tok.head, "nsubj", "nsubjpass")
    return subj if subj is not None and subj.i > end else None


def comma_report(tok, tree: Tree, words: dict):
    """The subject of the clause that a reporting participle with "to" follows after a comma:
    "the driver was still hunted, thought to have fled north" -> "driver" (who is thought to ...).

    >>> from kit import parse
    >>> w = {"stative": frozenset(), "intransitives": frozenset(), "intransitive_participles": frozenset(),
    ...      "states_with_be": frozenset(), "report_participles": frozenset({"think"})}
    >>> d = parse("The driver was still being hunted, thought to have fled north.")
    >>> comma_report(d[7], Tree(d), w).text
    'driver'
    """
    if _base(tok) not in words["report_participles"] or tok.tag_ not in ("VBN", "VBD") or tok.i == 0:
        return None
    if tok.doc[tok.i - 1].text != "," or tree.has(tok, "nsubj", "nsubjpass", "aux", "auxpass", "dobj"):
        return None
    to = next((c for c in tree.children(tok) if c.dep_ == "xcomp" and tree.first(c, "aux") is not None
               and tree.first(c, "aux").lower_ == "to"), None)
    if to is None or tok.head.i == tok.i:
        return None
    return tree.first(tok.head, "nsubj", "nsubjpass") or tok.head


def elliptic_participle(tok, tree: Tree, words: dict):
    """The noun of a passive whose "be" is understood (see the module; "with" and a state:
    :func:`participle_with_state`), else None."""
    return (participle_with_state(tok, tree, words) or joined_participle(tok, tree, words)
            or small_clause(tok, tree, words)
            or gapped_participle(tok, tree, words) or opening_participle(tok, tree, words) or comma_report(tok, tree, words))
