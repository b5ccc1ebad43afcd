"""The passes that run after the first alignment (see :mod:`kit.compare.version_align`): a cut and an
added sentence side by side that are one sentence rewritten become a pair; a cut and an added sentence
that are one sentence in another place become a moved row; a sentence split in two joins its pair.

>>> from kit.compare.version_align import align, units_of
>>> a = units_of("Talks failed. Rebels took the town.", [(0, 13), (14, 35)])
>>> b = units_of("Rebels took the town. Talks failed.", [(0, 21), (22, 35)])
>>> sorted(r[2] for r in align(a, b))
['moved', 'same']
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from kit.compare.version_align import (MAX_COMPARISONS, MOVED_MIN, MOVED_RUN, PAIR_MIN, SHORT_SPLIT, SPLIT_MIN,
                                       _Unit, best_pairs, pair_score, similarity)

#: A cut and an added sentence side by side are one sentence rewritten when this share of their content
#: words (compared by their first five letters: "Kenyan" / "Kenya's") and at least REWRITE_WORDS of them are shared.
REWRITE_MIN, REWRITE_WORDS = 0.4, 3
#: Between two aligned sentences, k cut and k added sentences are paired in order (one sentence rewritten
#: each) when they share at least LOOSE_WORDS content words that are not names or numbers (the claim, not
#: only who makes it), or one and LOOSE_MIN of all their words.
LOOSE_WORDS, LOOSE_MIN = 3, 0.5
#: ... and, where there are more on one side, a cut and an added sentence sharing this many such words,
#: or a number and FACT_WORDS other content words (see _one_fact).
UNEVEN_WORDS, FACT_WORDS = 5, 2
#: A cut and an added sentence that alone state one figure of at least this many digits are one sentence moved.
FIGURE_DIGITS = 4
#: ... or that share at least this many numbers of two digits or more (not years) and some words (see _same_facts).
FACTS_MOVED = 2
#: Two sentences joined into one (or one split in two): the sentence on one side only joins its neighbour's
#: pair also when it holds at least three and MERGE_MIN of the words the other side has beyond that pair,
#: and those are MERGE_OWN of its own words ("The storm tore the roof off the clinic." + "The clinic was
#: closed." / "With its roof torn off by the storm, the clinic was closed.").
MERGE_MIN, MERGE_OWN = 0.5, 0.25


def rewrite_score(x: _Unit, y: _Unit) -> float:
    """How alike two heavily rewritten sentences are: the share of content words they share, each
    compared by its first five letters; 0 when they share fewer than REWRITE_WORDS.

    >>> from kit.compare.version_align import units_of
    >>> a = units_of("Mayor Ana Lopez was named the winner of the disputed runoff on Sunday.", [(0, 70)])[0]
    >>> b = units_of("Ana Lopez has kept her post as mayor after Sunday's runoff vote, the city's election board said.",
    ...              [(0, 96)])[0]
    >>> pair_score(a, b) < PAIR_MIN, rewrite_score(a, b) >= REWRITE_MIN
    (True, True)
    """
    return _rewrite(_stems(x), _stems(y))


def _stems(u: _Unit) -> Counter:
    return Counter(w[:5] for w in u.content.elements())


def _rewrite(cx: Counter, cy: Counter) -> float:
    shared = sum((cx & cy).values())
    return 2 * shared / (sum(cx.values()) + sum(cy.values())) if shared >= REWRITE_WORDS else 0.0


def rewritten(ua, ub, rows: list) -> list:
    """In each run of cut and added sentences side by side, pair (in order) a cut and an added
    sentence that say much the same in other words (:func:`rewrite_score`): one sentence rewritten,
    whose sources and figures are then compared, not a cut and an unrelated added sentence."""
    out, run = [], []
    for row in rows + [(None, None, "end")]:
        if row[2] in ("cut", "added"):
            run.append(row)
            continue
        cuts, adds = [r[0] for r in run if r[2] == "cut"], [r[1] for r in run if r[2] == "added"]
        if cuts and adds and len(cuts) * len(adds) <= MAX_COMPARISONS:
            sx, sy = [_stems(ua[i]) for i in cuts], [_stems(ub[j]) for j in adds]
            found = best_pairs([[_rewrite(x, y) for y in sy] for x in sx], REWRITE_MIN)
            pairs = {cuts[x]: adds[y] for x, y in found}
            taken = set(pairs.values())
            pairs.update(_in_order([i for i in cuts if i not in pairs], [j for j in adds if j not in taken], ua, ub))
            taken = set(pairs.values())
            run = [(i, pairs[i], "paired") if st == "cut" and i in pairs else (i, j, st)
                   for i, j, st in run if not (st == "added" and j in taken)]
        out += run
        run = []
        if row[2] != "end":
            out.append(row)
    return out


def _claim(u: _Unit) -> Counter:
    """Content words of a sentence by their first five letters, less names and numbers."""
    return Counter(w[:5] for w in u.content.elements() if w not in u.names and not w[:1].isdigit())


def _shared(x: Counter, y: Counter) -> int:
    return sum((x & y).values())


def _in_order(cuts: list, adds: list, ua, ub) -> dict:
    """As many cut as added sentences left between two aligned ones: each cut and the added sentence in
    its place are one sentence rewritten when they share a little of what they claim ("The gunman was hit
    several times." / "The attacker was shot several times."), not only a name or a number."""
    if len(cuts) != len(adds):  # not one for one: the best pairs in order that share much of their claim
        if not cuts or not adds or len(cuts) * len(adds) > MAX_COMPARISONS:
            return {}
        sx, sy = [_claim(ua[i]) for i in cuts], [_claim(ub[j]) for j in adds]
        fx, fy = [_facts(ua[i]) for i in cuts], [_facts(ub[j]) for j in adds]
        score = [[max(_shared(sx[x], sy[y]), UNEVEN_WORDS * _one_fact(fx[x], fy[y])) for y in range(len(adds))]
                 for x in range(len(cuts))]
        found = best_pairs(score, UNEVEN_WORDS - 0.5)  # whole words: at least UNEVEN_WORDS, each pair a gain
        return {cuts[x]: adds[y] for x, y in found}
    out = {}
    for i, j in zip(cuts, adds):
        shared = sum((_claim(ua[i]) & _claim(ub[j])).values())
        if shared >= LOOSE_WORDS or shared and similarity(ua[i].words, ub[j].words) >= LOOSE_MIN \
                or _same_report(ua[i], ub[j]):
            out[i] = j
    return out


def _facts(u: _Unit) -> tuple[frozenset, Counter | None]:
    """A sentence's numbers of two digits or more, and its words by their first five letters (None when it
    has no such number: nothing to compare)."""
    numbers = frozenset(w for w in u.content if len(w) >= 2 and w[:2].isdigit())
    return numbers, (_stems(u) if numbers else None)


def _one_fact(x: tuple, y: tuple) -> bool:
    """True when two sentences share a number of two digits or more ("44", "2018") and FACT_WORDS other content
    words (names too; compared by their first five letters): "Rivas also beat Ortiz in the 2019 election." /
    "Rivas won the elections of 2019, too." tell one fact in other words."""
    numbers = x[0] & y[0]  # (see _facts)
    return bool(numbers) and _shared(x[1], y[1]) - len(numbers) >= FACT_WORDS


def _same_report(x: _Unit, y: _Unit) -> bool:
    """True when two sentences report a figure with the same speech word ("Police said three died." /
    "Officials said four were killed."): in the same place, one report of a toll, updated."""
    from kit.compare.version_changes import _words_data

    data = _words_data()

    def figure(u: _Unit) -> bool:
        return any(w[:1].isdigit() or w in data["number_words"] for w in u.words)

    said = set(x.words) & set(y.words) & data["report_words"]
    return bool(said) and figure(x) and figure(y)


def _run(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """The longest run of words two sentences share in a row."""
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size


def moved(ua, ub, ka, kb, rows: list) -> list:
    """A cut and an added sentence that are one sentence in another place become a moved row."""
    added = {r[1]: n for n, r in enumerate(rows) if r[2] == "added"}
    by_key: dict[str, list[int]] = {}
    for j in added:
        by_key.setdefault(kb[j], []).append(j)
    cut = [n for n, r in enumerate(rows) if r[2] == "cut"]
    few = len(cut) * len(added) <= MAX_COMPARISONS
    drop, counts = set(), None
    for n in cut:
        i = rows[n][0]
        same = [j for j in by_key.get(ka[i], []) if added.get(j) is not None]
        match = same[0] if same else (_best_move(ua[i], ub, added) if few else None)
        if match is None and few:
            counts = counts if counts is not None else Counter(f for u in list(ua) + list(ub) for f in _big_figures(u))
            match = _same_figure(ua[i], ub, added, counts)
        if match is None and few:
            match = _same_facts(ua[i], ub, added)
        if match is not None:
            rows[n] = (i, match, "moved")
            drop.add(added.pop(match))
    return [r for n, r in enumerate(rows) if n not in drop]


def _big_figures(u: _Unit) -> set[str]:
    """Figures of at least FIGURE_DIGITS digits in a sentence, not years ("114,000", "5,939"; not "2013")."""
    out, run, end = set(), "", -2
    for w, (s, e) in list(zip(u.words, u.spans)) + [("", (-9, -9))]:
        if w.isdigit() and (not run or s == end + 1):
            run, end = run + w, e
            continue
        if len(run) >= FIGURE_DIGITS and not (len(run) == 4 and run[:2] in ("19", "20")):
            out.add(run)
        run, end = (w, e) if w.isdigit() else ("", -2)
    return out


def _same_figure(u: _Unit, ub, added: dict, counts: Counter) -> int | None:
    """The added sentence that states a big figure of the cut sentence ``u`` that no other sentence of either
    version has (``counts``: how many sentences state each figure): "That's 12,400 more than planned." / "The
    plan was beaten by 12,400 homes." tell one fact in other words, in another place."""
    figures = {f for f in _big_figures(u) if counts[f] == 2}
    found = [j for j in added if figures & _big_figures(ub[j])] if figures else []
    return found[0] if len(found) == 1 else None


def _numbers(u: _Unit) -> frozenset:
    """A sentence's numbers of two digits or more that are not years ("93", "1,500"; not "2015")."""
    return frozenset(w for w in _facts(u)[0] if not (len(w) == 4 and w[:2] in ("19", "20")))


def _same_facts(u: _Unit, ub, added: dict) -> int | None:
    """The one added sentence that states at least FACTS_MOVED numbers of the cut sentence ``u`` and shares
    UNEVEN_WORDS words of its claim (names and numbers left out: not only "40 km (25 miles) from the border"):
    "Although the count is not over, party X has won 93 seats and party Y 83 seats." / "Although the count
    was not yet over, X had won 93 seats against the 83 won by Y." tell one result, in another place."""
    numbers = _numbers(u)
    if len(numbers) < FACTS_MOVED:
        return None
    claim = _claim(u)
    found = [j for j in added if len(numbers & _numbers(ub[j])) >= FACTS_MOVED
             and _shared(claim, _claim(ub[j])) >= UNEVEN_WORDS]
    return found[0] if len(found) == 1 else None


def _best_move(u: _Unit, ub, added: dict) -> int | None:
    scored = [(pair_score(u, ub[j]), j) for j in added]
    score, j = max(scored, default=(0.0, None))
    if j is None or score < PAIR_MIN:
        return None
    if score >= MOVED_MIN:
        return j
    # a sentence moved far and rewritten (most of its words changed) is a cut and an added sentence
    return j if similarity(u.words, ub[j].words) >= PAIR_MIN and _run(u.words, ub[j].words) >= MOVED_RUN else None


def _joined(text_units, u: _Unit, v: _Unit) -> _Unit:
    first, second = (u, v) if u.start <= v.start else (v, u)
    return _Unit(first.start, second.end, first.words + second.words, first.spans + second.spans,
                 first.bag + second.bag, first.content + second.content, first.names | second.names)


def merge_splits(ua, ub, rows: list, quotes=((), ())) -> list:
    """One sentence split in two (or two joined into one): a pair takes in the sentence on one
    side only just before or after it, when that makes the two sides more alike, or when it holds
    much of what the other side has beyond the pair (see MERGE_MIN), or when that
    sentence is part of a quotation the pair's sentence goes on with ("There are people inside.
    We are careful," / "We are careful,": the quotation was shortened, no sentence was cut).
    ``quotes``: the inner spans of each version's quotations."""
    out = [(ua[i] if i is not None else None, ub[j] if j is not None else None, st) for i, j, st in rows]
    r = 0
    while r < len(out):
        if out[r][2] == "paired" and _absorb(out, r, quotes):
            continue
        r += 1
    return out


def _one_quote(part: _Unit, this: _Unit, spans) -> bool:
    """True when ``part`` lies inside a quotation that goes on into ``this`` (its neighbour)."""
    return any(qs <= part.start + 1 and part.end <= qe + 2 and qs < this.end and qe > this.start for qs, qe in spans)


def _absorb(rows: list, r: int, quotes=((), ())) -> bool:
    a, b, status = rows[r]
    for k in (r + 1, r - 1, r + 2, r - 2):
        if not 0 <= k < len(rows) or rows[k][2] not in ("cut", "added"):
            continue
        na, nb, nstatus = rows[k]
        part, this, other = (na, a, b) if nstatus == "cut" else (nb, b, a)
        left_over = other.content - this.content  # words the pair does not share yet
        shared, own = sum((part.content & left_over).values()), sum(part.content.values())
        a2, b2 = (_joined(None, a, na), b) if nstatus == "cut" else (a, _joined(None, b, nb))
        enough = shared >= 3 and shared >= SPLIT_MIN * own or shared >= 2 and shared >= SHORT_SPLIT * own
        merged = shared >= 3 and shared >= MERGE_MIN * sum(left_over.values()) and shared >= MERGE_OWN * own
        if abs(k - r) == 1 and _one_quote(part, this, quotes[0] if nstatus == "cut" else quotes[1]) or \
                enough and pair_score(a2, b2) > pair_score(a, b) or merged and pair_score(a2, b2) >= PAIR_MIN:
            rows[r] = (a2, b2, status)
            del rows[k]
            return True
    return False
