"""Mention chains: what a later, shorter mention of a speaker stands for, built once per Doc.

A story names a source in full once ("Col. Dana Reyes, a spokeswoman for the coalition",
"the Central Bank of Russia (CBR)") and then shortens it ("Reyes", "the CBR", "she"). The
type of the short mention is the type of the chain: the first mention with its title,
its appositive ("X, the agency's director"), or the role stated as the subject of the
sentence just before ("The head of the electoral commission rejected ... . Ana Ruiz told ...").

>>> from kit.core.nlp import parse
>>> doc = parse("The Northern Grain Board (NGB) raised prices. The NGB said demand fell.")
>>> [doc[s:e].text for s, e in acronym_names(doc).values()]
['The Northern Grain Board']
"""

from __future__ import annotations

import weakref

_ACRONYMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_SPELLED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

NAME_PARTICLES = {"al", "el", "de", "van", "von", "da", "di", "bin", "ibn"}


def acronym_names(doc) -> dict[str, tuple[int, int]]:
    """Acronyms defined in brackets after a name ("the Central Bank of Russia (CBR)"): the
    acronym as written -> the token range of the name before the bracket."""
    found = _ACRONYMS.get(doc)
    if found is not None:
        return found
    found = {}
    for tok in doc:
        if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
            continue
        acr = doc[tok.i + 1].text
        if not (acr.replace(".", "").isupper() and 2 <= len(acr.replace(".", "")) <= 8):
            continue
        e = tok.i
        s = e
        while s - 1 >= 0 and (doc[s - 1].text[:1].isupper() or doc[s - 1].lower_ in {"of", "for", "and", "the"}) \
                and "\n" not in doc[s - 1].text and doc[s - 1].text not in {".", ","}:
            s -= 1
        if e - s >= 2:
            found.setdefault(acr, (s, e))
    _ACRONYMS[doc] = found
    return found


def defined_acronyms(doc) -> dict[str, tuple[int, int]]:
    """Acronyms the story spells out, in brackets (:func:`acronym_names`) or as a name written
    in full elsewhere (:func:`_spelled_out`): the acronym -> the token range of the name."""
    found = _SPELLED.get(doc)
    if found is None:
        found = {**_spelled_out(doc, acronym_names(doc)), **acronym_names(doc)}
        _SPELLED[doc] = found
    return found


_SMALL = {"of", "for", "and", "the", "on", "in", "&"}


def _spelled_out(doc, known) -> dict[str, tuple[int, int]]:
    """Acronyms used with no bracket that spell the initials of a capitalised name written
    out elsewhere in the story ("the HSPD" after "the Hilltop Springs Police Department"):
    the acronym -> the token range of the name. Small words inside the name are skipped."""
    acrs = {t.text for t in doc if 3 <= len(t.text) <= 6 and t.text.isalpha() and t.text.isupper()
            and t.text not in known and t.ent_type_ not in {"GPE", "LOC"}}
    out = {}
    if not acrs:
        return out
    words = [t for t in doc if t.text[:1].isupper() and t.text.isalpha() and not t.text.isupper()]
    for k, first in enumerate(words):
        run = [first]
        for t in words[k + 1 :]:
            gap = doc[run[-1].i + 1 : t.i]
            if len(run) >= 6 or any(g.lower_ not in _SMALL for g in gap) or "\n" in gap.text:
                break
            run.append(t)
            acr = "".join(w.text[0] for w in run)
            if acr in acrs and acr not in out:
                out[acr] = (first.i, t.i + 1)
    return out


def is_name(span) -> bool:
    """Is the phrase a bare name (proper nouns, name particles), with no role word?"""
    toks = [t for t in span if not t.is_punct and t.lower_ != "the"]
    return bool(toks) and all(t.pos_ == "PROPN" or t.lower_ in NAME_PARTICLES
                              or (t.text[:1].isupper() and t.pos_ in {"NOUN", "X"}) for t in toks)


def name_key(span) -> str:
    """The word a name is looked up by: its last word, before a bracket that closes it
    ("Kifle" of "Ana Kifle (PhD)")."""
    words = [t for t in span if not t.is_punct]
    if span[-1].text == ")" and any(t.text == "(" for t in span):
        cut = max(t.i for t in span if t.text == "(")
        words = [t for t in words if t.i < cut] or words
    return (words or list(span))[-1].lower_


def mention_context(doc, i: int) -> list[tuple[int, int]]:
    """Token ranges that say who the name ending at token ``i`` is: the phrase it is an
    appositive of ("the chair of the board, Ana Ruiz"), its own appositives ("Ana Ruiz, the
    board's chair"), the body named with it ("Ana Ruiz from the State University") or that a
    relative clause says the person heads or works for ("Ana Ruiz, who heads the agency"), the
    group it is one of ("evacuees such as Ana Ruiz"), what it is said to be ("Ana Ruiz is the board's chair"), and a role-only subject of the sentence before when the name opens
    its sentence ("The head of the board rejected it. Ana Ruiz said ...")."""
    tok = doc[i]
    out = []
    if tok.dep_ == "appos":
        h = tok.head
        out.append((h.left_edge.i, h.i + 1))
    for c in tok.children:
        if c.dep_ == "appos":
            out.append((c.left_edge.i, c.right_edge.i + 1))
    for c in tok.children:  # "Ana Ruiz from the State University": the body named with the name
        if c.dep_ == "prep" and c.lower_ in {"from", "of", "at", "with"} and any(
                t.ent_type_ == "ORG" for t in c.subtree):
            out.append((tok.left_edge.i, c.right_edge.i + 1))
    if tok.dep_ == "pobj" and tok.head.lower_ in {"as", "like", "including"} and tok.head.head.pos_ == "NOUN":
        group = tok.head.head  # "evacuees, such as Ana Ruiz": one of the group
        out.append((group.left_edge.i, group.i + 1))
    out += _bodies_run(tok)
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":  # "Ana Ruiz is the forecaster for the weather service"
        out += [(c.left_edge.i, c.right_edge.i + 1) for c in tok.head.children if c.dep_ == "attr"]
    if not out and tok.dep_ in {"nsubj", "nsubjpass"}:
        prev = _role_subject_before(doc, tok)
        if prev is not None:
            out.append(prev)
    return _role_written_before(doc, tok) + out


_PHRASE_DEPS = {"conj", "appos", "pobj", "prep", "compound"}


def _role_written_before(doc, tok) -> list[tuple[int, int]]:
    """The role written before a name with a comma or a title run ("State Minister for Trade,
    Ana Ruiz (PhD) said", "Minister for Energy, Power and Ports Ana Ruiz said"), which the
    parser hangs on the role as a conjunct or an appositive: the phrase from the role's start
    to the name's end. Not across "and"/"or" straight before the name (a list of people), nor
    past another person's name."""
    while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head  # "Ana" of "Ana Ruiz": the name's last word
    start = tok.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].head.i == tok.i:
        start -= 1
    if start < 2 or doc[start - 1].pos_ == "CCONJ":
        return []
    if doc[start - 1].text == ",":  # the phrase before the comma, wherever the parser hung it
        top = doc[start - 2]
        while top.head.i < start - 1 and top.head.i != top.i:
            top = top.head
    elif tok.dep_ in {"conj", "appos"}:  # a title run with no comma: up the phrase the name hangs in
        top = tok
        while top.dep_ in _PHRASE_DEPS and top.head.i < top.i:
            top = top.head
    else:
        return []
    s = top.left_edge.i
    if top.i >= start or top.pos_ not in {"NOUN", "PROPN"} or s >= start - 1 or any(
            t.ent_type_ == "PERSON" for t in doc[s:start]) or "\n" in doc[s:start].text:
        return []
    return [(s, tok.i + 1)]


def _bodies_run(tok) -> list[tuple[int, int]]:
    """Token ranges of the roles and bodies a relative clause on the name gives the person: what
    they are ("X, who is the board's chair", "X, who as chief engineer runs ...") and what they
    head or work for ("Ana Ruiz, who heads the county's emergency office", "X, who works for the
    agency"): the verbs of ``[attachment]`` in source_types.toml, their object or their
    "for"/"at"/"with" object."""
    from kit.attribution.cues import source_data

    conf = source_data().get("attachment", {})
    heads, works = set(conf.get("heads", ())), set(conf.get("works", ()))
    out = []
    for verb in (c for c in tok.children if c.dep_ == "relcl"):
        lemma = verb.lemma_.lower()
        for c in verb.children:
            if c.dep_ == "attr" and lemma == "be":  # "X, who is the city's fire chief"
                out.append((c.left_edge.i, c.right_edge.i + 1))
            if c.dep_ == "prep" and c.lower_ == "as":  # "X, who as deputy commissioner oversees ...", "who served as mayor"
                out += [(o.left_edge.i, o.right_edge.i + 1) for o in c.children if o.dep_ == "pobj"]
            if c.dep_ == "dobj" and lemma in heads:
                out.append((c.left_edge.i, c.right_edge.i + 1))
            if c.dep_ == "prep" and c.lower_ in {"for", "at", "with", "on"} and lemma in heads | works:
                out += [(o.left_edge.i, o.right_edge.i + 1) for o in c.children if o.dep_ == "pobj"]
    return out


def _role_subject_before(doc, tok) -> tuple[int, int] | None:
    """The subject of the sentence before, when ``tok`` opens its sentence and that subject
    is a role with no name in it ("The head of the electoral commission")."""
    sent = tok.sent
    if sent.start == 0 or tok.left_edge.i - sent.start > 2:
        return None
    prev = doc[sent.start - 1].sent
    subj = next((t for t in prev if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
    if subj is None or subj.pos_ != "NOUN" or any(t.pos_ == "PROPN" for t in subj.subtree if t.i <= subj.i):
        return None
    return subj.left_edge.i, subj.right_edge.i + 1


DEFINITE = {"the", "this", "that"}


def is_definite_mention(span) -> bool:
    """Is the phrase a short definite mention of something named before ("the agency", "the
    utility", "the statement", "this report"): a determiner and a common noun, nothing else?
    A document that follows another ("a second tweet", "another statement") counts too."""
    toks = [t for t in span if not t.is_punct]
    if 2 <= len(toks) <= 3 and span.root.lemma_.lower() in _documents() and (
            toks[0].lower_ == "another" or (toks[0].lower_ == "a" and toks[1].lower_ in _NEXT)):
        return True  # "a second tweet", "another statement": the one named before says whose
    return (2 <= len(toks) <= 3 and toks[0].lower_ in DEFINITE and span.root.pos_ == "NOUN"
            and all(t.pos_ in {"NOUN", "ADJ"} and not t.text[:1].isupper() for t in toks[1:]))


_NEXT = {"second", "third", "further", "later", "new", "separate", "follow-up"}


def _documents() -> set[str]:
    """Nouns for documents (``[coreference]`` ``document_nouns`` of source_types.toml)."""
    from kit.attribution.cues import source_data

    return set(source_data().get("coreference", {}).get("document_nouns", ()))


def definite_antecedents(doc, span, *, window: int = 400, org_nouns=frozenset()) -> list[tuple[int, int]]:
    """Fuller earlier mentions that "the X" may stand for, nearest first, within ``window``
    tokens: a phrase headed by the same noun with more to it than a determiner (a name, "of"
    or "by" someone: "the Lakeview Water Agency" for "the agency"), or the subject that made a
    bare one ("The health department conducted the study. The study said ..."); for the nouns
    in ``org_nouns``, then the organisations named before (spaCy's ORG label), marked
    ``(start, end, "org")``; with none of these, the first fuller mention after it, marked
    ``(start, end, "later")``.

    >>> from kit.core.nlp import parse
    >>> doc = parse("A report by the Lakeview Water Agency warned of drought. The report said rain was needed.")
    >>> [doc[s:e].text for s, e in definite_antecedents(doc, doc[11:13])]
    ['A report by the Lakeview Water Agency']
    """
    from kit.attribution.index import doc_index

    root = span.root
    from kit.attribution.cues import source_data

    series = set(source_data().get("coreference", {}).get("series_words", ()))
    mods = {t.lower_ for t in span if t.i < root.i and t.dep_ in {"amod", "compound"}
            and t.lower_ not in series and t.ent_type_ != "ORDINAL"}  # "the CENTRAL bank", not "a SECOND tweet"

    def fuller(found) -> bool:  # says more than the mention, and all it says ("Regions Bank" is no central bank)
        words = [t for t in doc[found[0] : found[1]] if not t.is_punct]
        return len(words) > len(span) and mods <= {t.lower_ for t in words}

    out = []
    for i in reversed(doc_index(doc).positions_of(doc, root.lower_)):
        if i >= span.start:
            continue
        if span.start - i > window:
            break
        found = _fuller_mention(doc, doc[i], span.start)
        if found is not None and fuller(found):
            out.append(found)
    if root.lemma_.lower() in org_nouns:
        out += [(s, e, "org") for s, e in _organisations_before(doc, span.start, window)]
    if not out:  # "the captain said ... The ferry captain, Ana Ruiz, added": named in full only later
        for i in doc_index(doc).positions_of(doc, root.lower_):
            if span.end <= i < span.end + window:
                found = _fuller_mention(doc, doc[i], len(doc))
                if found is not None and fuller(found):
                    out.append((*found, "later"))
                    break
    return out


def _fuller_mention(doc, tok, stop: int) -> tuple[int, int] | None:
    """The phrase around an earlier mention ``tok`` when it says more than "the X": its own
    words, the name it sits in, or the subject of the verb it is the object of."""
    i = tok.i
    s, e = tok.left_edge.i, min(tok.right_edge.i + 1, i + 12, stop)
    if tok.dep_ == "compound":  # "the Water Agency office": the name the word sits in
        s, e = tok.head.left_edge.i, min(tok.head.i + 1, stop)
    rest = [t for t in doc[s:e] if t.i != i and not t.is_punct and t.lower_ not in DEFINITE | {"a", "an"}]
    if rest:
        return s, e
    if tok.dep_ in {"dobj", "nsubjpass"}:  # "X conducted the study", "the study was funded by X"
        for k in tok.head.children:
            if k.dep_ in {"nsubj", "agent"} and k.i < stop:
                head = next((c for c in k.children if c.dep_ == "pobj"), k) if k.dep_ == "agent" else k
                if head.pos_ in {"PROPN", "NOUN"} and head.lower_ not in {"who", "which", "that"}:
                    return head.left_edge.i, min(head.right_edge.i + 1, stop)
    return None


def _organisations_before(doc, start: int, window: int) -> list[tuple[int, int]]:
    """Organisations named (spaCy's ORG label) before token ``start``, nearest first."""
    out = []
    for ent in reversed(doc.ents):
        if ent.end > start:
            continue
        if start - ent.end > window:
            break
        if ent.label_ == "ORG":
            out.append((ent.start, ent.end))
    return out
