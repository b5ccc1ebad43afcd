"""Numbers that name a thing, not an amount: "Resolution 2254", "Year 9", "Forms 1 to 6",
"clade 1b", "0800 80 70 60" (word lists: ``[identifiers]`` in ``data/en/numbers.toml``).

>>> from kit.core.nlp import parse
>>> d = parse("Pupils in Years 9 and 10 sat 3 papers.")
>>> [names_a_thing(d, i, i + 1, int(d[i].text), d[i + 1].lower_) for i in (3, 5, 7)]
[True, True, False]
"""

from __future__ import annotations

import re

from kit.numbers.notations import hyphen_chain
from kit.numbers.records import _word_set, load_rules


def _verbal(word) -> bool:
    """A naming word used as a verb ("refugees number 2 million"), which the tagger may call a noun."""
    return word.pos_ in ("VERB", "AUX") or any(c.dep_ == "nsubj" and c.i < word.i for c in word.children)


def _lower_case_names() -> frozenset:
    """Words that make the number after them a name even in lower case ("clade 1b")."""
    return frozenset(load_rules()["identifiers"].get("lower_case_words", ()))


def _forms(word) -> frozenset:
    """The lower-case word and its singulars, to look up in a word list ("Years" -> "year",
    "Classes" -> "class"; the tagger may call a capitalised plural a name and keep its "s")."""
    low = word.lower_
    forms = {low, word.lemma_.lower()}
    if low.endswith("s") and len(low) > 3:
        forms |= {low[:-1], low[:-2]} if low.endswith("es") else {low[:-1]}
    return frozenset(forms)


def _school_level(word, number) -> bool:
    """A lower-case school-level word before a small number: "in year 9", "years 7 to 9", "form 4
    students", "class 10 exams" (``[identifiers] school_words``, at most ``school_max``), not
    "last year 12 people" (a word before it that makes "year" a time) nor "form 3 groups" (a verb)."""
    rules = load_rules()["identifiers"]
    if not _forms(word) & set(rules.get("school_words", ())) or word.pos_ != "NOUN" or _verbal(word):
        return False
    if not number.is_digit or int(number.text) > rules.get("school_max", 13):
        return False
    before = word.nbor(-1) if word.i > 0 else None
    return before is None or not (before.like_num or before.pos_ in ("DET", "ADJ", "NUM", "PRON") or
                                  before.lower_ in rules.get("school_not_after", ()))


def naming_word(word, number) -> bool:
    """Does ``word`` make the ``number`` after it a name ("Resolution 2254", "Years 9", "clade 1b")?
    Capitalised words of ``[identifiers] words`` (singular or plural), lower-case ``lower_case_words``
    not used as a verb, and lower-case school levels (:func:`_school_level`).

    >>> from kit.core.nlp import parse
    >>> d = parse("Forms 1 to 6 and in year 9 but last year 12 people left.")
    >>> naming_word(d[0], d[1]), naming_word(d[6], d[7]), naming_word(d[10], d[11])
    (True, True, False)
    """
    forms = _forms(word)
    if forms & _lower_case_names():
        return not _verbal(word)
    if forms & _word_set("identifiers") and (word.text[:1].isupper() or not word.is_alpha):
        return not word.tag_.startswith("VB")  # "Residents Form 3 Groups": a verb in a headline
    return _school_level(word, number)


def _list_start(doc, start: int) -> int:
    """Back from ``start`` over a list of numbers ("9, 11, and 12", "10 (Form 4), 12", "7 to 9"):
    the index of the word before the list's first number, or -1."""
    k = start - 1
    while k >= 0 and start - k <= 14:
        if doc[k].text == ")":  # "10 (Form 4), 12": a short aside inside the list
            opening = next((j for j in range(k - 1, max(k - 5, -1), -1) if doc[j].text == "("), None)
            if opening is None:
                return k
            k = opening - 1
        elif doc[k].like_num or doc[k].lower_ in (",", "or", "and", "to", "&", "through"):
            k -= 1
        else:
            return k
    return k


def named_list(doc, start: int) -> bool:
    """Do the numbers from ``start`` continue a name ("Phase 2 or 3", "Category 3, 4 or 5",
    "Years 10 (Form 4), 12 and 13")? Back over numbers, commas, "or"/"and"/"to" and short
    asides in brackets to a word that makes a number a name (:func:`naming_word`).

    >>> from kit.core.nlp import parse
    >>> d = parse("Category 3, 4 or 5 storms and 3 or 4 towns.")
    >>> named_list(d, 3), named_list(d, 9)
    (True, False)
    """
    k = _list_start(doc, start)
    if k < 0 or k == start - 1 and not doc[k].is_alpha or not doc[k + 1].like_num:
        return False
    return naming_word(doc[k], doc[k + 1])


def _in_named_list(doc, start: int, end: int) -> bool:
    """A single number inside a list that a naming word begins: after "and"/"or"/"to", or after a
    comma when the list goes on after it ("Years 9, 11, and 12"; not "Year 9, 30 pupils")."""
    if start < 2 or end - start != 1 or not doc[start].is_digit:
        return False
    before, after = doc[start - 1].lower_, doc[end].lower_ if end < len(doc) else ""
    if before not in ("and", "or", "to", "&", "through") and not (before == "," and after in (",", "and", "or", "(", ")")):
        return False
    return named_list(doc, start)


def phone_number(doc, start: int) -> bool:
    """Is doc[start] part of a telephone number ("0800 80 70 60", "call 0121 496 0000")?
    A run of bare digit groups that begins with a trunk prefix (a group of three or more
    digits with a leading zero) dials a line; it counts nothing.

    >>> from kit.core.nlp import parse
    >>> d = parse("Ring 0300 12 34 56 or send 12 letters.")
    >>> [phone_number(d, i) for i in (1, 2, 4, 7)]
    [True, True, True, False]
    """
    k = start
    while k >= 0 and start - k <= 5 and doc[k].is_digit:
        if doc[k].text.startswith("0") and len(doc[k].text) >= 3:
            return True
        k -= 1
    return hyphen_chain(doc, start) >= 3  # "9-1-1", "555-012-3456"



def names_a_thing(doc, start: int, end: int, value, nxt_low: str) -> bool:
    """Is the figure doc[start:end] part of a name ("Resolution 2254", "clade 1b", "Optics 20/20",
    "999 calls", "the 300 block of Elm Street"), not an amount? ``nxt_low``: the word after it."""
    first = doc[start]
    prev = doc[start - 1] if start > 0 else None
    ident = _word_set("identifiers")
    if prev is not None and prev.text == "." and prev.i > 0 and doc[prev.i - 1].text in ("No", "Nos", "no") \
            and not doc[prev.i - 1].whitespace_:
        return True  # "No. 1" split as "No", ".", "1": a rank, not one of anything
    if prev is not None and end - start == 1 and any(c.isdigit() for c in first.text) and naming_word(prev, first) \
            and not (prev.i > 0 and doc[prev.i - 1].like_num):  # "Resolution 2254", "No. 5", "Years 9"; not "No one"
        return True
    if _in_named_list(doc, start, end):
        return True  # "Years 9, 11 and 12": each number names a class
    if prev is not None and prev.lower_ in _lower_case_names() and end - start <= 2 and any(c.isdigit() for c in first.text) \
            and nxt_low not in ("%", "percent", "per") and not (prev.lower_ in ident and prev.i > 0 and doc[prev.i - 1].like_num) \
            and not _verbal(prev):  # "refugees now number 2 million": the verb counts them
        return True  # "clade 1b", "type 2 diabetes": a name, not a billion or two
    if prev is not None and prev.lower_ in ident and prev.is_alpha and end - start == 1 and first.is_digit \
            and len(first.text) >= 3 and (end == len(doc) or doc[end].pos_ not in ("NOUN", "PROPN", "NUM")):
        return True  # "adopted as resolution 2402,": a long number right after a naming word names it
    if end - start == 1 and first.is_digit and value != 1 and nxt_low in load_rules()["identifiers"].get("singular_after", ()):
        return True  # "the 300 block of Elm Street": an address, not 300 blocks
    if prev is not None and end - start == 1 and "/" in first.text and prev.pos_ == "PROPN" and prev.text[:1].isupper() \
            and not prev.is_sent_start:
        return True  # "Optics 20/20": part of a name, not a share
    rules = load_rules()["identifiers"]
    if prev is not None and start > 1 and prev.lower_ == "of" and doc[start - 2].text in rules.get("before_of", ()):
        return True  # "the Group of 20 summit": a name
    letters = rules.get("call_letters", "^$")
    if prev is not None and end - start == 1 and first.like_num and re.match(letters, prev.text):
        return True  # "WXYZ 1010": a station on the dial
    if prev is not None and end - start == 1 and first.is_digit and _after_a_name(doc, start):
        return True  # "the channel France 24 said": a number inside a name
    if end - start == 1 and _capitalised_compound(doc, start):
        return True  # "the 12th Five-Year Plan": a name, not five years
    emergency = load_rules()["emergency_numbers"]
    if end - start == 1 and first.text in emergency["numbers"] and nxt_low in emergency["nouns"]:
        return True  # "999 calls": calls to 999
    return False


def _after_a_name(doc, start: int) -> bool:
    """Is doc[start] a number inside a name, right after a capitalised proper name of a place, a
    body or a product, with no noun after it ("broadcaster France 24 said", "on Sky 1")? Not after
    a month ("Aug. 24"), a person or the first word of a sentence, nor before "more", a dash or "to".

    >>> from kit.core.nlp import parse
    >>> d = parse("He told the channel France 24 on Monday that Germany sent 24 more.")
    >>> _after_a_name(d, 5), _after_a_name(d, 12)
    (True, False)
    """
    prev = doc[start - 1]
    nxt = doc[start + 1] if start + 1 < len(doc) else None
    if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.is_sent_start or any(c.isdigit() for c in prev.text):
        return False
    if prev.ent_type_ not in load_rules()["identifiers"].get("name_entities", ()) or prev.lower_.rstrip(".") in _word_set("months"):
        return False
    return nxt is None or nxt.is_punct and nxt.text not in ("-", "\u2013", "/", "%") or nxt.pos_ in ("VERB", "AUX", "ADP", "CCONJ") \
        and nxt.lower_ not in ("to", "of", "more", "per", "percent")



def _capitalised_compound(doc, start: int) -> bool:
    """Is doc[start] a capitalised number word hyphen-joined to a capitalised word inside a
    sentence written in ordinary case ("during the Five-Year Plan"), so part of a name? Not at the
    start of a sentence, nor in a headline in title case ("Two-Day Strike Ends").

    >>> from kit.core.nlp import parse
    >>> d = parse("China began its 13th Five-Year Plan, a plan for growth, and a two-year review.")
    >>> _capitalised_compound(d, 4), _capitalised_compound(d, 16)
    (True, False)
    >>> _capitalised_compound(parse("Two-Day Strike Ends In Capital"), 0)
    False
    """
    tok = doc[start]
    if not (tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start) or start + 2 >= len(doc):
        return False
    hyphen, word = doc[start + 1], doc[start + 2]
    if hyphen.text != "-" or tok.whitespace_ or hyphen.whitespace_ or not word.text[:1].isupper():
        return False
    lower = [t for t in tok.sent if t.is_alpha and len(t.text) > 3 and t.text[:1].islower()]
    return len(lower) >= 2  # a headline in title case has almost no lower-case words
