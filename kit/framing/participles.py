"""Passives without "be" that the parser reads as something else.

News writing drops the "be" of a passive in three places, and each hides who did it:

* after a noun, a **reduced relative**: "civilians killed in the strikes", "the arrests, made
  during raids", "the victim - fatally stabbed on Monday - ...";
* before the main verb, where the parser takes the participle for the verb: "troops killed
  Tuesday were buried today", "protesters arrested last week have been released";
* in a **headline**: "Aid worker killed in attack", "Mayor Accused of Fraud", "Three Wounded
  After Blast";
* after "with" ("with many evacuated") or a share ("the plan was 40 percent funded").

The word lists (harm verbs, headline verbs, participles that only describe) live in
``kit/framing/data/en/passives.toml``. Used by :func:`kit.framing.passives.find_passives`.

>>> from kit import parse, find_passives
>>> [p.verb for p in find_passives(parse("The ban, announced on Friday, starts today."))]
['announce']
"""

from __future__ import annotations

from kit.attribution.units import after_dateline
from kit.core.nlp import doc_text, parse
from kit.framing.tree import Tree
from kit.framing.verbs import _base_form, of_manner

_NOT_A_PASSIVE = ("dobj", "aux", "auxpass", "ccomp", "xcomp", "attr", "oprd", "dative")
_DASHES = (",", "\u2014", "\u2013", "--", "(")
_SUBORDINATORS = ("when", "if", "once", "unless", "until", "while", "though", "although", "whether")


LONGEST_LINE = 300  # characters: no headline is longer, so a line is looked at only this far


def line_end(tok, longest: int = LONGEST_LINE) -> int | None:
    """Where the line with ``tok`` ends in the text, or None when the line is longer than
    ``longest`` characters (no headline is; looked at only this far, so it stays linear)."""
    text = doc_text(tok.doc)
    lo = max(0, tok.idx - longest)
    if text.rfind("\n", lo, tok.idx) == -1 and lo > 0:
        return None
    end = text.find("\n", tok.idx, tok.idx + longest)
    if end == -1:
        end = len(text) if tok.idx + longest >= len(text) else None
    return end


def headline_line(tok) -> bool:
    """``tok`` is in a short line with no full stop at its end: a headline or a subhead.

    >>> doc = parse("Aid worker killed in attack\\n\\nHe was 30.")
    >>> headline_line(doc[2]), headline_line(doc[-2])
    (True, False)
    """
    end = line_end(tok)
    if end is None:
        return False
    line = doc_text(tok.doc)[max(0, tok.idx - LONGEST_LINE) : end].rstrip()  # the line only, not all text before it
    return bool(line) and line[-1] not in ".!?;:\"\u201d\u2019"


def _has(tok, tree: Tree, deps) -> bool:
    """``tok`` has a child with one of ``deps`` in its own line (the parser may hang a word of
    the next paragraph on a headline's verb)."""
    end = line_end(tok) or len(doc_text(tok.doc))
    return any(c.dep_ in deps and c.idx < end for c in tree.children(tok))


def _base(tok) -> str:
    return _base_form(tok.lower_) if tok.pos_ in ("PROPN", "NOUN", "ADJ") else tok.lemma_.lower()


def _headline_verb(tok, words: dict) -> bool:
    """A harm or headline verb; a hyphenated one by its last part ("re-elected": "elect")."""
    base = _base(tok)
    if "-" in tok.text and tok.text.split("-")[0].lower() in words.get("hyphen_prefixes", ()):
        base = _base_form(tok.text.rsplit("-", 1)[1].lower())
    return base in words["harm_verbs"] or base in words["headline_verbs"]


def headline_passive(tok, tree: Tree, words: dict):
    """The subject of a headline's passive without "be", when the parser read it as an active
    verb: "Aid worker killed in attack", "Man charged over crash", "Three wounded after blast"
    (a harm or headline verb with a subject, no object and no helping verb, in a line with no
    full stop). None otherwise.

    >>> w = {"harm_verbs": frozenset({"shoot"}), "headline_verbs": frozenset()}
    >>> doc = parse("Guard shot near the border")
    >>> headline_passive(doc[1], Tree(doc), w).text
    'Guard'
    >>> doc = parse("Guard shot near the border.")
    >>> headline_passive(doc[1], Tree(doc), w) is None
    True
    """
    if tok.tag_ not in ("VBN", "VBD") or tok.dep_ in ("amod", "compound") or not _headline_verb(tok, words):
        return None
    if not headline_line(tok) or _has(tok, tree, _NOT_A_PASSIVE):
        return None
    subj = tree.first(tok, "nsubj", "nummod")  # "Three wounded ...": the parser's count
    if subj is None or subj.i > tok.i or subj.pos_ == "PRON":
        return None
    return subj


def title_headline_passive(tok, tree: Tree, words: dict):
    """A title-case headline's passive, which the parser reads as a name: "Mayor Accused of
    Fraud", "Friendly Fire Suspected in Deaths". The word before it (the one it happened to),
    else None. Only harm and headline verbs, with a noun right before and a preposition or the
    end of the line right after.

    >>> w = {"harm_verbs": frozenset(), "headline_verbs": frozenset({"accuse"})}
    >>> doc = parse("Mayor Accused of Fraud by Rivals")
    >>> title_headline_passive(doc[1], Tree(doc), w).text
    'Mayor'
    """
    doc = tok.doc
    if tok.tag_ not in ("NNP", "NNPS", "VBN", "VBD") or not tok.text[:1].isupper() or tok.i == tok.sent.start:
        return None
    if not tok.lower_.endswith(("ed", "en", "wn")) and tok.lower_ not in ("shot", "hit", "held", "hurt", "cut"):
        return None
    if not _headline_verb(tok, words) or not headline_line(tok):
        return None
    before = doc[tok.i - 1]
    after = doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
    if before.tag_ not in ("NN", "NNS", "NNP", "NNPS", "CD") or tree.has(tok, "dobj"):
        return None
    if after is not None and after.tag_ not in ("IN", "TO", ",", ":", "RB"):
        return None
    return before


def by_phrase(tok, tree: Tree, manner: frozenset):
    """The "by" phrase after a verb the parser did not read as passive, and its noun, or (None, None)."""
    for child in tree.children(tok):
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            noun = tree.first(child, "pobj")
            if noun is not None and not of_manner(noun, tree, manner):
                return child, noun
    return None, None


def reduced_relative(tok, tree: Tree, words: dict) -> bool:
    """A participle after a noun that hides who did it: always for a harm verb ("civilians killed
    in strikes"); for other verbs set off by commas or dashes ("the arrests, made during raids,
    ..."), right after the noun with a when or where ("a report released on Friday"), or in a
    headline; never for participles that only describe ("a group based in Geneva", "a man
    named Ali").

    >>> w = {"harm_verbs": frozenset({"kill"}), "headline_verbs": frozenset(), "stative": frozenset({"base"})}
    >>> doc = parse("The vote, held in May, and a group, based in Rome, met.")
    >>> [t.text for t in doc if reduced_relative(t, Tree(doc), w)]
    ['held']
    """
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or (
            tok.head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") and tok.head.tag_ != "JJS"):
        return False  # a superlative is a noun's stand-in: "the highest recorded in years"
    base = _base(tok)
    if base in words["stative"] or _has(tok, tree, ("dobj", "aux", "nsubj")):
        return False
    if base in words["harm_verbs"] or base in words["headline_verbs"] and headline_line(tok):
        return True
    if base in words.get("report_participles", ()) and tok.head.i < tok.i and _has(tok, tree, ("xcomp", "oprd", "acomp")):
        return True  # "200 people feared trapped", "a man believed dead": who fears is not said
    if tok.head.i > tok.i or tok.tag_ != "VBN" and not (tok.lower_.endswith("ed") and (
            tok.head.i < tok.i - 1 or tok.head.tag_ in ("NNS", "NNPS") or tok.head.like_num or tok.doc[tok.i - 2].like_num)):
        return False  # "patients with flu admitted to ...", tagged as a past tense: a participle all the same
    start = _clause_start(tok)
    if start is not None and start > 0 and tok.doc[start - 1].text in _DASHES:
        return True
    # right after its noun, with a when or a where of its own: "a report released on Friday",
    # "figures published today", "studies carried out across Europe"
    # or a clause of time: "the first case reported since the fair opened"
    near = start == tok.i and _after_noun(tok) or (  # or adverbs between: "the highest ever recorded on ..."
        start is not None and start < tok.i and tok.doc[start - 1].i == tok.head.i)
    after = any(c.dep_ == "advmod" and c.i == tok.i + 1 for c in tree.children(tok)) or \
        tok.doc[tok.i + 1 : tok.i + 3].text.lower() in ("so far", "to date")  # "a warning posted online", "pledges made so far"
    return near and (_has(tok, tree, ("npadvmod", "prep", "prt")) or after or _purpose(tok, tree)
                                                    or _time_clause(tok, tree)) \
        and not _has(tok, tree, ("agent", "xcomp", "ccomp"))


def _time_clause(tok, tree: Tree) -> bool:
    """A clause of time of its own, opened by "since", "after", "before" or "when"."""
    return any(c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("since", "after", "before", "when")
                                         for k in tree.children(c)) for c in tree.children(tok))


def _after_noun(tok) -> bool:
    """``tok`` follows its noun at once, or the last noun of that noun's phrase: "patients with
    flu admitted to clinics", "sorting and checking parcels sent from abroad" (hung on "sorting").

    >>> doc = parse("They saw people with flu admitted to clinics.")
    >>> _after_noun(doc[5]) or doc[5].head.i != 2
    True
    """
    head, before = tok.head, tok.doc[tok.i - 1]
    if before.i == head.i:
        return True
    return before.pos_ in ("NOUN", "PROPN") and head.i < before.i and head.left_edge.i <= before.i <= head.right_edge.i


def _purpose(tok, tree: Tree) -> bool:
    """A purpose clause of its own ("steps taken to cut costs")."""
    return any(c.dep_ == "advcl" and any(k.dep_ == "aux" and k.lower_ == "to" for k in tree.children(c))
               for c in tree.children(tok))


def absolute_participle(tok, tree: Tree, words: dict):
    """The noun of a participle that says what was done to it without "be": after "with"
    ("with many evacuated from the valley", "with half the bridges damaged") or after a share
    of "be" ("the plan was 40 percent funded"). The noun, else None.

    >>> w = {"stative": frozenset()}
    >>> doc = parse("Thousands fled, with many evacuated. The plan was 40 percent funded.")
    >>> absolute_participle(doc[5], Tree(doc), w).text, absolute_participle(doc[12], Tree(doc), w).text
    ('many', 'plan')
    """
    if tok.tag_ != "VBN" or _base(tok) in words["stative"] or _has(tok, tree, ("dobj", "aux", "auxpass", "agent")):
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("with", "without") for c in tree.children(tok)):
        return None if _base(tok) in words.get("absolute_intransitives", ()) else tree.first(tok, "nsubj")
    if tok.dep_ == "acomp" and tok.head.lemma_ == "be" and any(
            c.dep_ == "npadvmod" and c.lower_ in ("percent", "per", "%") for c in tree.children(tok)):
        return tree.first(tok.head, "nsubj")
    return None


def _clause_start(tok) -> int | None:
    """Where a participle's clause starts: the participle, or adverbs right before it ("fatally
    stabbed"); None when other words come first."""
    first = tok.left_edge
    while first.i < tok.i and first.dep_ == "advmod":
        first = tok.doc[first.i + 1]
    return tok.left_edge.i if first.i == tok.i else None


def participle_clause(tok, tree: Tree, words: dict):
    """The noun of a participle clause without "be", which the parser hung on a verb: of harm,
    set off by a comma or a dash ("Wounded in the blast, he ...", "the victim - fatally stabbed
    on Monday - ..."), or of any verb after "when", "if", "once" ... ("When released, detainees
    said ...", "If convicted, she faces ..."). The noun before the dash, else the subject of
    the verb it hangs on; None otherwise. ("If needed": a describing participle, never.)

    >>> w = {"harm_verbs": frozenset({"wound"}), "stative": frozenset({"need"})}
    >>> doc = parse("Wounded in the blast, the driver was taken to hospital. If convicted, he faces jail.")
    >>> participle_clause(doc[0], Tree(doc), w).text, participle_clause(doc[13], Tree(doc), w).text
    ('driver', 'he')
    """
    if tok.dep_ != "advcl" or tok.tag_ != "VBN" or _base(tok) in words["stative"]:
        return None
    if _has(tok, tree, ("nsubj", "nsubjpass", "aux", "auxpass", "dobj")):
        return None
    first = tok.left_edge
    linked = first.lower_ in _SUBORDINATORS and first.head.i == tok.i and first.i + 1 == tok.i
    if linked:
        start = first.i  # "When released, ..."
    elif _base(tok) in words["harm_verbs"] and not _has(tok, tree, ("mark",)):
        start = _clause_start(tok)
    elif _base(tok) in words.get("fronted_participles", ()) and _clause_start(tok) == tok.sent.start:
        start = tok.sent.start  # "(Long) accused of ..., the mayor said ...": opens the sentence
    elif first.i == tok.i and _set_off_after_noun(tok):
        start = tok.i  # "the review, released on Monday, ...": the parser hung it on the main verb
    else:
        return None
    if start is None:
        return None
    before = tok.doc[start - 1] if start > tok.sent.start else None
    if before is not None and before.text in _DASHES and start > 1 and tok.doc[start - 2].pos_ in ("NOUN", "PROPN"):
        return tok.doc[start - 2]
    subj = tree.first(tok.head, "nsubj", "nsubjpass")
    if linked and subj is not None and subj.lower_ not in ("that", "which", "who"):
        return subj  # "the film is shown to pupils when finished": the subject before it
    return subj if (linked or before is None) and subj is not None and subj.i > tok.i else None


def _set_off_after_noun(tok) -> bool:
    """A participle clause between commas right after a noun, with a when, where or how of its
    own: "according to the review, released ahead of the summit, pledges ..."."""
    doc, end = tok.doc, tok.right_edge.i + 1
    return tok.i > 1 and doc[tok.i - 1].text == "," and doc[tok.i - 2].pos_ in ("NOUN", "PROPN") \
        and end < len(doc) and doc[end].text == "," and any(c.dep_ in ("prep", "advmod", "npadvmod") for c in tok.children)


def fronted_participle(tok, tree: Tree, words: dict):
    """The noun of a reduced relative that the parser took for the main verb: in "troops killed
    Tuesday were buried today", "killed" has "troops" as subject and "were buried" hangs on it
    with no subject of its own. The noun ("troops"), else None.

    >>> w = {"harm_verbs": frozenset(), "stative": frozenset()}
    >>> doc = parse("Protesters arrested last week have been released.")
    >>> fronted_participle(doc[1], Tree(doc), w).text
    'Protesters'
    """
    own = [d for d in _NOT_A_PASSIVE if d != "oprd"]  # "shot dead" keeps its "dead"
    if tok.tag_ not in ("VBN", "VBD") or tree.has(tok, *own) or _base(tok) in words["stative"]:
        return None
    subj = tree.first(tok, "nsubj")
    if subj is None or subj.i > tok.i or subj.pos_ == "PRON":
        return None
    if _present_without_subject(tok, tree) or _past_without_subject(tok, tree, words):
        return subj  # "figures released today show a rise", "the rocket fired from a jet ignited"
    if tok.tag_ == "VBD" and _base(tok) not in words["harm_verbs"]:
        return None  # "arrived", "rose": a past tense, not a participle the tagger missed
    if tok.dep_ in ("ccomp", "advcl") and tok.head.i > tok.i and _finite_without_subject(tok.head, tree):
        return subj
    for conj in tree.children(tok):
        if conj.dep_ == "conj" and _finite_without_subject(conj, tree):
            between = [t for t in tok.doc[tok.i + 1 : conj.i] if t.head.i in (tok.i, conj.i)]
            if not any(t.dep_ == "cc" or t.text in (",", ";") for t in between):  # "... and were", "..., were": a list
                return subj
    return None


def _present_without_subject(tok, tree: Tree) -> bool:
    """A present-tense verb after ``tok``, hung on it with no subject, no "and" and no comma:
    the sentence's real verb, so ``tok`` is a participle ("studies carried out across the world
    agree")."""
    for verb in tree.children(tok):
        if verb.i > tok.i and verb.tag_ in ("VBP", "VBZ") and verb.dep_ in ("dep", "advcl", "ccomp", "conj") \
                and not tree.has(verb, "nsubj", "nsubjpass", "expl", "mark", "cc"):
            between = [t for t in tok.doc[tok.i + 1 : verb.i] if t.head.i in (tok.i, verb.i)]
            if not any(t.dep_ in ("cc", "mark") or t.text in (",", ";", ":") for t in between):
                return True
    return False


def _past_without_subject(tok, tree: Tree, words: dict) -> bool:
    """A past-tense verb hung on ``tok`` after a phrase of its own ("sent south of the border",
    "fired from a jet plane"), with no subject, "and", comma or "that" in between: two past
    verbs in a row cannot share one subject, so ``tok`` is a participle ("most of the people sent
    south of the border arrived in ..."). Not for verbs that take no object ("rose", "arrived")."""
    if _base(tok) in words.get("absolute_intransitives", ()) or _base(tok) in words.get("intransitive_participles", ()):
        return False
    for verb in tree.children(tok):
        if verb.i > tok.i + 1 and verb.tag_ == "VBD" and verb.dep_ in ("dep", "advcl", "conj") \
                and not tree.has(verb, "nsubj", "nsubjpass", "expl", "mark", "aux", "auxpass") \
                and not any(c.dep_ == "cc" and c.i < verb.i for c in tree.children(verb)):
            between = tok.doc[tok.i + 1 : verb.i]
            if between[0].dep_ in ("prep", "advmod", "npadvmod") and between[0].head.i == tok.i and not any(
                    t.dep_ in ("cc", "mark", "dobj", "relcl") or t.text in (",", ";", ":", "\u2014", "-", "(") for t in between):
                return True
    return False


def _finite_without_subject(verb, tree: Tree) -> bool:
    """A verb with its own helping verb ("were", "have been") but no subject: it needs one."""
    aux = tree.first(verb, "aux", "auxpass")
    return (aux is not None and aux.i < verb.i and not tree.has(verb, "nsubj", "nsubjpass", "expl")
            and verb.tag_ in ("VBN", "VBG", "VB"))


def past_dateline(tok):
    """The noun after a dateline that the parser took for a clause's subject ("MILLBROOK, Pa. -
    Jerry Smith was sentenced": "Smith", not "MILLBROOK"); ``tok`` itself otherwise.

    >>> doc = parse("MILLBROOK, Pa. - Jerry Smith was sentenced on Tuesday.")
    >>> past_dateline(doc[0]).text
    'Smith'
    """
    doc = tok.doc
    if not (tok.i == 0 or "\n" in doc[tok.i - 1].text):
        return tok  # a dateline opens its line
    j = after_dateline(doc, tok.i, len(doc))
    if j == tok.i or j >= len(doc):
        return tok
    while j + 1 < len(doc) and doc[j + 1].pos_ in ("PROPN", "NOUN") and doc[j].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM"):
        j += 1
    return doc[j] if doc[j].pos_ in ("PROPN", "NOUN", "PRON") else tok


def cause_participle(tok, tree: Tree, words: dict):
    """The noun of a past participle with "due to" / "owing to" and no helping verb: "... were
    killed and damage caused due to the storm", "reports of deaths, mostly caused due to
    debris" (the cause is named, who caused it not). The noun, or None.

    >>> doc = parse("Two people were killed and damage caused due to the storm.")
    >>> cause_participle(doc[6], Tree(doc), {}).text
    'damage'
    """
    if tok.tag_ != "VBN" or tok.dep_ not in ("conj", "dep", "acl", "advcl"):
        return None
    if _has(tok, tree, ("aux", "auxpass", "dobj", "nsubjpass")):
        return None
    if not any(c.dep_ == "prep" and c.lower_ in ("due", "owing") for c in tree.children(tok)):
        return None
    subj = tree.first(tok, "nsubj")
    if subj is not None:
        return subj if subj.i < tok.i else None
    if tok.dep_ == "acl" and tok.head.i < tok.i:
        return tok.head
    i = tok.left_edge.i - 1  # after a comma: the noun before it
    doc = tok.doc
    return doc[i - 1] if i > 0 and doc[i].text == "," and doc[i - 1].pos_ in ("NOUN", "PROPN") else None
