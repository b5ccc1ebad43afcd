"""Who speaks: the subject of a cue verb, the speaker phrase around it, whether the words
are the speaker's own, and which earlier speaker a pronoun stands for.

>>> from kit.core.nlp import parse
>>> doc = parse("Iranian Foreign Minister Abbas Araghchi said the talks failed.")
>>> subj = subject_of(doc[5])
>>> doc[slice(*speaker_range(doc, subj, doc[0:len(doc)], (6, 9)))].text
'Iranian Foreign Minister Abbas Araghchi'
"""

from __future__ import annotations

from bisect import bisect_left, insort

from kit.attribution.cues import verb_data
from kit.attribution.index import children, doc_index, first_in
from kit.attribution.units import DASHES, ends_in_title, trim

PRONOUNS = {"he", "she", "it", "they"}


def subtree_range(tok) -> tuple[int, int]:
    """The token range of ``tok`` and everything that hangs on it."""
    return tok.left_edge.i, tok.right_edge.i + 1


def _name_like(tok) -> bool:
    return tok.pos_ in {"PROPN", "ADJ"} or (tok.pos_ == "NOUN" and tok.dep_ in {"compound", "appos", "nmod"})


def _role_before(doc, tok, unit, s: int) -> int:
    """Where the speaker starts when a role opens the sentence before the name and a comma
    ("Head of the agency, Maria Ruiz said"; "The defendant's lawyer, Tom Reed said"): the
    parser hangs the role elsewhere. Not a time ("Last week, Ruiz said") nor a phrase with a
    preposition first ("In Paris, Ruiz said")."""
    if tok.pos_ != "PROPN" or s - 1 <= unit.start or doc[s - 1].text != "," or s - 1 - unit.start > 8:
        return s
    lead = doc[unit.start : s - 1]
    roots = [t for t in lead if t.head.i == t.i or not unit.start <= t.head.i < s - 1]
    # (a role that opens a sentence may be tagged as a name, "Head of ...", but is no entity)
    if len(roots) == 1 and (roots[0].pos_ == "NOUN" or roots[0].pos_ == "PROPN" and any(t.lower_ == "of" for t in lead)) \
            and not roots[0].ent_type_ \
            and lead[0].pos_ in ("NOUN", "DET", "PROPN", "ADJ") and not any(t.ent_type_ in ("DATE", "TIME") for t in lead):
        return unit.start
    return s


def speaker_range(doc, tok, unit, exclude: tuple[int, int] | None, *, relative: bool = True) -> tuple[int, int]:
    """The speaker phrase around head token ``tok``: its subtree (titles, appositives),
    widened over name words the parser hung elsewhere, without the content (nor, unless
    ``relative``, a relative clause after the head: "Smith, who denies it, said")."""
    s, e = subtree_range(tok)
    s, e = max(s, unit.start), min(e, unit.end)
    for c in children(tok):
        if not relative and c.dep_ == "relcl" and c.i > tok.i:
            e = min(e, c.left_edge.i)  # "Smith, who denies ..., said": the speaker is Smith
        if c.dep_ == "acl" and c.i > tok.i and tok.dep_ == "ROOT" and c.tag_ in {"VBD", "VBG"}:
            e = min(e, c.left_edge.i)  # "A man called 9-1-1 saying ..." read as a noun phrase: "A man"
    if exclude and exclude[0] < e and s < exclude[1]:
        # keep only the part of the subtree on tok's side of the content
        if tok.i < exclude[0]:
            e = min(e, exclude[0])
        else:
            s = max(s, exclude[1])
    # widen left over adjacent title / name words ("Iranian Foreign Minister" + "Abbas Araghchi")
    while s - 1 >= unit.start and _name_like(doc[s - 1]) and doc[s - 1].dep_ in {"compound", "amod", "appos", "nmod", "nsubj"}:
        if exclude and exclude[0] <= s - 1 < exclude[1]:
            break
        s -= 1
    # a title cut off by its full stop ("Sgt" "." "Ana Ruiz") belongs to the name
    if s - 2 >= unit.start and doc[s - 1].text == "." and ends_in_title(doc, s):
        s -= 2
    elif s - 1 >= unit.start and ends_in_title(doc, s):
        s -= 1
    # a dateline is not the speaker ("LONDON - Hundreds of nurses said")
    dash = next((k for k in range(s, min(tok.i, s + 4)) if doc[k].text in DASHES), None)
    if dash is not None and all(t.is_upper or t.is_punct for t in doc[s:dash]):
        s = dash + 1
    s = _role_before(doc, tok, unit, s)
    # widen right over adjacent proper nouns ("... news agency" + "SANA")
    # (the tagger may call a name in capitals something else: take named-entity words too)
    while e < unit.end and not (exclude and exclude[0] <= e < exclude[1]) and (
        doc[e].pos_ == "PROPN" or (doc[e].ent_type_ and doc[e].text[:1].isupper())
    ):
        e += 1
    return trim(doc, s, e)


def subject_of(verb, unit=None):
    """The subject token of a cue verb, climbing from participles ('..., saying ...'),
    coordinated verbs and "issued a statement saying" to the verb that has one. Only a
    subject inside ``unit`` counts (a headline above is not the subject of the next line).
    A relative pronoun is never the subject shown: "the group, which said ..." gives "group".
    "Papers quoted X as saying ..." and "X was quoted as saying ..." give X.

    >>> from kit.core.nlp import parse
    >>> doc = parse("The minister left, saying the talks had failed.")
    >>> subject_of(doc[4]).text
    'minister'
    >>> doc = parse("The lawyers, who said the trial was unfair, left.")
    >>> subject_of(doc[4]).text
    'lawyers'
    """
    inverted = _inverted_object(verb)
    if inverted is not None:
        return inverted
    left = _subject_left_behind(verb, unit)
    if left is not None:
        return left
    tok = verb
    for _ in range(5):
        subj = [c for c in children(tok) if c.dep_ == "nsubj" and (unit is None or unit.start <= c.i < unit.end)]
        if subj:
            found = subj[-1] if len(subj) > 1 and subj[-1].i < verb.i else subj[0]
            if len(subj) > 1 and tok is verb and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
                # "<claim>, said X": the parser may take the claim's noun for a second subject
                found = next((t for t in subj if t.i > verb.i), found)
            if found.tag_ in {"WDT", "WP"} and tok.dep_ == "relcl":
                return tok.head  # the antecedent of "who" / "which" / "that"
            return found
        if tok.dep_ in {"advcl", "acl", "conj", "xcomp"} and tok.head is not tok:
            tok = tok.head
            continue
        if tok.dep_ == "dobj" and tok.pos_ == "NOUN" and tok is not verb:
            if tok.head.lemma_.lower() in _receiving_verbs():
                return None  # "X received a letter saying ...": X read it, someone else wrote it
            tok = tok.head  # "X issued a statement saying ...": the statement's issuer
            continue
        if tok.dep_ in {"relcl", "acl"} and tok.head.dep_ == "attr" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)):
            tok = tok.head.head  # "X was the first to report that ...": X
            continue
        return _quoted_as(tok) or _noun_read_as_root(tok, verb)
    return None


def _subject_left_behind(verb, unit=None):
    """The name right before a finite cue with no subject of its own, when the parser hung that
    name on the words before it: the object of "after" ("prices fell after the agency said
    ..."), or an apposition of a place ("He died at home in Leeds, spokesman Tom Hay told the
    BBC"). The cue is then the name's verb, not a second verb of the main clause's subject.

    >>> from kit.core.nlp import parse
    >>> doc = parse("The minister left, saying the talks had failed.")
    >>> _subject_left_behind(doc[4]) is None  # a participle takes the subject of the clause
    True
    """
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.dep_ not in {"advcl", "conj"} or verb.i == 0:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in children(verb)):
        return None
    prev = verb.doc[verb.i - 1]
    if unit is not None and prev.i < unit.start:
        return None
    if prev.pos_ not in {"PROPN", "NOUN"} or prev.dep_ not in {"pobj", "appos"} or prev.head.i > verb.i:
        return None
    if prev.dep_ == "pobj" and prev.head.lower_ not in {"after", "before", "since", "until", "as", "when", "while"}:
        return None  # "in a letter to the mayor said ..." is not "the mayor said"
    return prev


def _receiving_verbs() -> frozenset:
    """Verbs whose subject gets a message rather than sends it ("received", "read"; verbs.toml)."""
    return frozenset(verb_data().get("not_speech", {}).get("receiving_verbs", ()))


def _noun_read_as_root(tok, verb):
    """The subject of "A man called 9-1-1 late at night saying he had been shot" when the
    parser read the sentence as a noun phrase: the cue participle and a verb in the past
    before it ("called") both hang on the noun at its root. That noun, or None."""
    if tok.dep_ != "ROOT" or tok.pos_ not in {"NOUN", "PROPN"} or verb.tag_ != "VBG" or verb.head.i != tok.i:
        return None
    return tok if any(c.dep_ == "acl" and c.tag_ in {"VBD", "VBN"} and tok.i < c.i < verb.i for c in children(tok)) else None


CLOSING_QUOTES = {'"', "\u201d", "''"}


def _inverted_object(verb):
    """The speaker of "<claim>, reported Ana Ruiz of the health agency, and colleagues." when the
    parser read the name after the cue as its object: the cue follows a comma, has no subject
    and no clause of its own, and the object runs to the end of the sentence. Or None."""
    doc = verb.doc
    if verb.i > 0 and verb.i + 1 < len(doc) and doc[verb.i - 1].text in CLOSING_QUOTES:
        after = doc[verb.i + 1]  # '"...," said Ruiz, who ...': the name after the cue, hung elsewhere
        if after.pos_ == "PROPN" and after.head.i != verb.i and not any(
                k.dep_ in {"nsubj", "nsubjpass"} for k in children(verb)):
            return after
    if verb.i == 0 or doc[verb.i - 1].text != "," or verb.dep_ not in {"conj", "ROOT"}:
        return None
    kids = children(verb)
    if any(k.dep_ in {"nsubj", "nsubjpass", "ccomp"} for k in kids):
        return None
    obj = next((k for k in kids if k.dep_ == "dobj" and k.i > verb.i), None)
    if obj is None or obj.pos_ != "PROPN" or obj.left_edge.i != verb.i + 1:
        return None
    rest = doc[obj.right_edge.i + 1 : obj.right_edge.i + 3]
    return obj if all(t.is_punct or t.is_space for t in rest) and (len(rest) == 0 or rest[0].text in {".", "!", "?"}) else None


def _quoting_verbs() -> frozenset[str]:
    """Verbs of "<media> quoted / cited X as saying" (``verbs.toml`` ``[quoted_as]``)."""
    return frozenset(verb_data().get("quoted_as", {}).get("verbs", ("quote",)))


def _quoted_as(tok):
    """The one quoted in "<media> quoted X as saying ..." (X) and "X was quoted as saying ...",
    or None: the words are X's, the one who quotes only passes them on."""
    prep = tok.head
    if tok.dep_ not in {"pcomp", "pobj"} or prep.lower_ != "as" or prep.head.lemma_.lower() not in _quoting_verbs():
        return None
    quoted = [c for c in children(prep.head) if c.dep_ in {"dobj", "nsubjpass"} and c.i < prep.i]
    return quoted[-1] if quoted else None


def quoting_clause(verb) -> tuple[int, int] | None:
    """The claim of "saying" in '"<quote>," <media> quoted / cited X as saying.': the parser
    hangs the quote on the quoting verb, not on "saying". Its (start, end), or None."""
    prep = verb.head
    if verb.dep_ not in {"pcomp", "pobj"} or prep.lower_ != "as" or prep.head.lemma_.lower() not in _quoting_verbs():
        return None
    comps = [c for c in children(prep.head) if c.dep_ == "ccomp"]
    return subtree_range(comps[0]) if comps else None


def is_direct_without_marks(doc, s: int, e: int) -> bool:
    """Content without quote marks reads as the speaker's own words: first or second person,
    an imperative at its start ("Thank God ..."), or an exclamation.

    >>> from kit.core.nlp import parse
    >>> doc = parse("I don't think the city will fall.")
    >>> is_direct_without_marks(doc, 0, len(doc)), is_direct_without_marks(doc, 4, 8)
    (True, False)
    """
    while s < e and doc[s].is_space:
        s += 1
    if s >= e:
        return False
    index, off = doc_index(doc), doc[s].i - s  # off: 0 for a Doc
    if first_in(index.own_words, s + off, e + off) is not None:
        return True
    first = doc[s]
    if first.tag_ in {"VB", "VBP"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children(first)):
        return True
    return first_in(index.exclaims, s + off, e + off) is not None


def is_pronoun(span) -> bool:
    """Is the speaker phrase a lone he / she / it / they?"""
    return len(span) == 1 and span[0].lower_ in PRONOUNS


class SpeakerHistory:
    """The speakers named so far, by unit, to say whom a pronoun stands for: the speaker
    named last before it, in its own unit ("The agency said it had reached ..., blaming ...":
    "it" is the agency) or in the ``window`` units before.

    A look-up reads each earlier unit's last-named speaker (at most ``window`` of them) and,
    in the pronoun's own unit, the speakers from the pronoun backwards, never the whole history.

    >>> h = SpeakerHistory(window=3)
    >>> h.add(0, "The army", speaker_start=0, speaker_end=8)
    >>> h.add(5, "The mayor", speaker_start=90, speaker_end=99)
    >>> h.antecedent(2, pronoun_start=40), h.antecedent(9, pronoun_start=140)
    ('The army', None)
    """

    def __init__(self, window: int):
        self.window = window
        self._seq = 0  # order of naming: among speakers starting at one place, the later wins
        self._last: dict[int, tuple[int, int, object]] = {}  # unit -> its last-named speaker
        self._in_unit: dict[int, list[tuple[int, int, int, object]]] = {}  # sorted by (start, seq)

    def add(self, unit: int, item, *, speaker_start: int, speaker_end: int) -> None:
        """Record that ``item`` (any value) was named at [speaker_start, speaker_end) in ``unit``."""
        self._seq += 1
        key = (speaker_start, self._seq, item)
        if unit not in self._last or key[:2] > self._last[unit][:2]:
            self._last[unit] = key
        insort(self._in_unit.setdefault(unit, []), (speaker_start, self._seq, speaker_end, item),
               key=lambda entry: entry[:2])

    def antecedent(self, unit: int, *, pronoun_start: int, accept=None):
        """The item named last before ``pronoun_start``: in ``unit`` (ending before the pronoun)
        or anywhere in the ``window`` units before; None if there is none. ``accept(item)``: only
        items it accepts ("he" stands for no report); an earlier unit offers its last item only."""
        found = []
        earlier = range(max(0, unit - self.window), unit)
        if len(earlier) <= len(self._last):
            found += [self._last[u] for u in earlier if u in self._last]
        else:
            found += [v for u, v in self._last.items() if unit - self.window <= u < unit]
        if accept is not None:
            found = [v for v in found if accept(v[2])]
        here = self._in_unit.get(unit, [])
        refused = 0
        for k in range(bisect_left(here, (pronoun_start,), key=lambda entry: entry[:1]) - 1, -1, -1):
            if here[k][2] > pronoun_start:
                continue
            if accept is not None and not accept(here[k][3]):
                refused += 1
                if refused > 8:  # a few steps back: the work stays linear
                    break
                continue
            found.append((here[k][0], here[k][1], here[k][3]))
            break
        return max(found, key=lambda entry: entry[:2])[2] if found else None


def subject_antecedent(doc, all_units, uidx: int, pron, can_speak=lambda tok: True):
    """The subject a pronoun most likely stands for when no speaker was named after it: the
    last noun subject before the pronoun in its own unit or the unit before ("The minister
    cited a survey. She said ..." -> "The minister"), agreeing in number and kind (he / she
    no organisation, they a plural), and one that ``can_speak(tok)`` (a person or a kind of
    source, not "the road"). Returns a token range or None.

    >>> from kit.core.nlp import parse
    >>> from kit.attribution.units import units
    >>> doc = parse("The minister cited a survey. She said exports fell.")
    >>> doc[slice(*subject_antecedent(doc, units(doc), 1, doc[6]))].text
    'The minister'
    """
    for n in (uidx, uidx - 1):
        if n < 0:
            continue
        unit = all_units[n]
        end = pron.i if n == uidx else unit.end
        for tok in reversed(doc[unit.start : end]):
            if (tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.dep_ == "ROOT" and tok.pos_ in {"NOUN", "PROPN"}
                    and _agrees(tok, pron.lower_) and can_speak(tok)):  # a main-clause subject, not one inside a claim
                return speaker_range(doc, tok, unit, None, relative=False)
    return None


def _agrees(tok, pronoun: str) -> bool:
    """Could ``pronoun`` stand for the noun ``tok``?"""
    plural = tok.tag_ in {"NNS", "NNPS"}
    if pronoun == "they":
        return plural or tok.ent_type_ == "ORG"
    if plural:
        return False
    if pronoun == "it":
        return tok.ent_type_ != "PERSON"
    return tok.ent_type_ not in {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP"} or _a_person_elsewhere(tok)


def _a_person_elsewhere(tok) -> bool:
    """Is the name ``tok`` labelled a person at another mention in the text ("Hasina" taken for
    an organisation in one sentence, a person in two others)?"""
    return tok.pos_ == "PROPN" and any(tok.doc[i].ent_type_ == "PERSON" for i in doc_index(tok.doc).positions_of(tok.doc, tok.lower_))
