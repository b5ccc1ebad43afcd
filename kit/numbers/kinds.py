"""What kind of figure a number is (count, money, year...), its unit, and what it counts.

>>> from kit.core.nlp import parse
>>> d = parse("In 2015, 61 civilians walked 20 km.")
>>> _kind_and_unit(d, 1, 2, 2015)[0], _counted(d, 4, len(d)), _kind_and_unit(d, 6, 7, 20)
('year', 'civilians', ('measure', 'km', 8))
"""

from __future__ import annotations

import re

from kit.numbers.names import names_a_thing, phone_number
from kit.numbers.records import _fraction_den, _word_set, load_rules
from kit.numbers.words import season_of_years


def _after_currency(doc, i: int) -> bool:
    """Is doc[i] right after a currency sign ("$", "€", "US$")? Then "10m" is ten million."""
    return _currency_word(doc, i) is not None or i > 0 and not doc[i - 1].is_alpha and (
        doc[i - 1].text in _word_set("units.money") or doc[i - 1].text[-1:] in ("$", "€", "£", "¥", "₹"))


def _currency_word(doc, i: int) -> str | None:
    """The currency abbreviation written before doc[i] ("Rs", "Rs." split in two, "INR"), else None.

    >>> from kit.core.nlp import parse
    >>> d = parse("It costs Rs. 450, or INR 500, not 600.")
    >>> _currency_word(d, 4), _currency_word(d, 8), _currency_word(d, 11)
    ('Rs.', 'INR', None)
    """
    before = load_rules()["units"]["money"].get("before", ())
    if i > 0 and doc[i - 1].lower_ in before:
        return doc[i - 1].text  # "Rs 40,000 crore", "INR 500"
    if i > 1 and doc[i - 1].text == "." and not doc[i - 2].whitespace_ and doc[i - 2].lower_ + "." in before:
        return doc[i - 2].text + "."  # "Rs. 450": the tokenizer splits the full stop off
    return None


_CURRENCY_GLUED = re.compile(r"^(rs\.?|inr|rm|ksh|[a-z]{1,2}\$)(\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(\.\d+)?$", re.I)


def currency_prefixed(text: str) -> tuple[float | int, str] | None:
    """(value, currency) of one token with a currency abbreviation glued before its digits
    ("Rs.3", "Rs3,000", Malaysia's "RM267.2", Kenya's "KSh500", Singapore's "S$40"), None for other tokens.

    >>> currency_prefixed("Rs.3"), currency_prefixed("Rs3,000"), currency_prefixed("Rs"), currency_prefixed("R2")
    ((3, 'Rs.'), (3000, 'Rs'), None, None)
    """
    m = _CURRENCY_GLUED.match(text)
    if not m or len(text) > 40:
        return None
    value = float((m.group(2) + (m.group(3) or "")).replace(",", ""))
    return (int(value) if value.is_integer() else value), m.group(1)


_GLUED = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-zA-Z\u00b0]+\d?)$")


def glued_unit(text: str) -> tuple[float | int, str, str] | None:
    """(value, kind, unit) of a token with a unit glued to its digits ("25lbs", "100ml", "2hrs"),
    None for other tokens ("10k" is ten thousand, read elsewhere).

    >>> glued_unit("25lbs"), glued_unit("2hrs"), glued_unit("10k"), glued_unit("3rd"), glued_unit("4.5pc")
    ((25, 'measure', 'lbs'), (2, 'duration', 'hrs'), None, None, (4.5, 'percent', '%'))
    """
    m = _GLUED.match(text)
    if not m or len(text) > 40:
        return None
    unit = m.group(3)
    if unit.lower() in ("pc", "percent"):  # "40.65pc": the British and East African press
        kind, unit = "percent", "%"
    elif unit.lower() in _word_set("units.duration"):
        kind = "duration"
    elif unit.lower() in _word_set("units.measure"):
        kind = "measure"
    else:
        return None
    value = float((m.group(1) + (m.group(2) or "")).replace(",", ""))
    return (int(value) if value.is_integer() else value), kind, unit


def glued_million(doc, j: int) -> bool:
    """Is doc[j], an "m" glued to the digits before it, a million, not metres: a plural noun, a
    unit or a currency after it ("40m people", "3m tonnes", "40m euros"; not "a 40m wall", "the
    400m hurdles": ``[glued_million]`` in numbers.toml)?

    >>> from kit.core.nlp import parse
    >>> doc = parse("About 40m people watched the 400m hurdles and a 40m jump.")
    >>> [glued_million(doc, j) for j in (2, 7, 12)]
    [True, False, False]
    """
    table = load_rules()["glued_million"]
    if j < 1 or j + 1 >= len(doc) or doc[j].lower_ not in table["suffixes"] or doc[j - 1].whitespace_ \
            or not doc[j - 1].like_num or not doc[j].whitespace_:
        return False
    nxt = doc[j + 1]
    low = nxt.lower_
    if low in table["metres_before"]:
        return False
    lengths = frozenset(load_rules()["units"]["measure"]["ambiguous"])
    return low in _word_set("units.money") or (low in _word_set("units.measure") and low not in lengths) \
        or nxt.tag_ in ("NNS", "NNPS")


def ordinal_after_article(doc, i: int) -> bool:
    """Is doc[i] ("third", "fifth") after "a"/"an" an ordinal, because a noun follows it?
    "A third patient" is the third one, "a third of the patients" a share; "a half", "a quarter"
    are always shares.

    >>> from kit.core.nlp import parse
    >>> d = parse("A third patient died; a third of them left; a third more came.")
    >>> ordinal_after_article(d, 1), ordinal_after_article(d, 6), ordinal_after_article(d, 12)
    (True, False, False)
    """
    tok = doc[i]
    if i == 0 or doc[i - 1].lower_ not in ("a", "an") or i + 1 >= len(doc) or tok.lower_ in ("half", "quarter"):
        return False
    nxt = doc[i + 1]
    if _fraction_den(tok.lower_) is not None and nxt.tag_ == "VBN" and nxt.dep_ == "amod" and i + 2 < len(doc) \
            and doc[i + 2].tag_ in ("NN", "NNP"):
        return True  # "a fourth paid firefighter": a participle describing one singular noun
    return _fraction_den(tok.lower_) is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and \
        nxt.tag_ not in ("JJR", "RBR") and nxt.lower_ not in _word_set("units.duration") | {"of", "more", "less"}


def magnitude_prefixed(text: str) -> float | int | None:
    """The value of one token with a magnitude word glued before it ("magnitude-6.1"), else None.

    >>> magnitude_prefixed("magnitude-6.1"), magnitude_prefixed("Magnitude-7"), magnitude_prefixed("6.1")
    (6.1, 7, None)
    """
    head, dash, tail = text.partition("-")
    if not dash or head.lower() not in _word_set("magnitude") or not re.fullmatch(r"\d{1,2}(\.\d+)?", tail):
        return None
    value = float(tail)
    return int(value) if value.is_integer() else value


def _magnitude_end(doc, start: int, end: int) -> int | None:
    """End of an earthquake magnitude at doc[start:end] ("7.0 magnitude", "magnitude 5.2",
    "magnitude-6.1", "a 6.4 quake"), None when the number is no magnitude ([magnitude] in numbers.toml).

    >>> from kit.core.nlp import parse
    >>> d = parse("A 7.0 magnitude quake, a 6.4 tremor and 3 quakes.")
    >>> _magnitude_end(d, 1, 2), _magnitude_end(d, 6, 7), _magnitude_end(d, 9, 10)
    (3, 7, None)
    """
    words, quakes = _word_set("magnitude"), load_rules()["magnitude"]["quakes"]
    first, n = doc[start], len(doc)
    if end - start != 1 or not re.fullmatch(r"\d{1,2}(\.\d+)?", first.text):
        return end if end - start == 1 and magnitude_prefixed(first.text) is not None else None
    k = end + 1 if end + 1 < n and doc[end].text in ("-", "\u2013") else end
    if k < n and doc[k].lower_ in words:
        return k + 1  # "7.0 magnitude", "6.4-magnitude"
    if start > 0 and doc[start - 1].lower_ in words or start > 1 and doc[start - 1].lower_ == "of" and \
            doc[start - 2].lower_ in words:
        return end  # "magnitude 5.2", "a magnitude of 5.8"
    if [t.lower_ for t in doc[end : end + 3]] == ["on", "the", "richter"]:
        return end  # "6.2 on the Richter scale"
    if "." in first.text and end < n and doc[end].lemma_.lower() in quakes and doc[end].tag_ != "NNS":
        return end  # "a 7.0 earthquake"
    return None


def _named_currency_end(doc, end: int) -> int | None:
    """Where "<country or people> <currency>" after a figure ends ("Algerian dinars", "Hong Kong
    dollars", "US dollars": one or two capitalised words, then a currency word), or None."""
    for width in (1, 2):
        k = end + width
        if k >= len(doc) or doc[k].lower_ not in _word_set("units.money") or not doc[k].is_alpha:
            continue
        if all(t.text[:1].isupper() and t.is_alpha for t in doc[end:k]):
            return k + 1
    return None


def _singular_noun(tok) -> bool:
    """A singular common noun that is no unit: after a year-shaped number ("the 2021 budget")
    it names the year, since a count above one takes a plural."""
    units = _word_set("units.measure") | _word_set("units.money") | _word_set("units.duration")
    return tok.tag_ == "NN" and tok.is_alpha and tok.lower_ not in units and tok.lower_ not in _word_set("time_of_day")


def _kind_and_unit(doc, start: int, end: int, value) -> tuple[str, str | None, int]:
    """(kind, unit, end) for the figure doc[start:end]; ``end`` grows over a unit word."""
    rules = load_rules()
    n = len(doc)
    first, last = doc[start], doc[end - 1]
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end] if end < n else None
    nxt_low = nxt.lower_ if nxt is not None else ""
    if prev is not None and _after_currency(doc, start):
        return "money", _currency_word(doc, start) or prev.text, end
    if currency_prefixed(first.text):  # "Rs.3 lakh"
        return "money", currency_prefixed(first.text)[1], end
    glued = glued_unit(first.text) if end - start == 1 else None
    if glued:  # "25lbs", "2hrs"
        return glued[1], glued[2], end
    if end - start == 1 and phone_number(doc, start):
        return "identifier", None, end  # "0800 80 70 60": a line to call
    if nxt is not None and nxt_low.endswith(".") and nxt_low[:-1].isalpha():
        nxt_low = nxt_low[:-1]  # "10m." at the end of a sentence
    if nxt_low in ("%", "percent", "pc"):
        return "percent", "%", end + 1
    if nxt_low == "-" and not last.whitespace_ and not nxt.whitespace_ and end + 1 < n and doc[end + 1].lower_ == "percent":
        return "percent", "%", end + 2  # "a 5-percent rise"
    if nxt_low == "of" and end + 2 < n and doc[end + 1].lower_ in ("a", "an") and doc[end + 2].lower_ in ("percent", "%") \
            and any(_fraction_den(t.lower_) for t in doc[start:end]):
        return "percent", "%", end + 3  # "a quarter of a percent": 0.25 %
    if nxt is not None and nxt_low in ("per", "percentage") and end + 1 < n and doc[end + 1].lower_ in ("cent", "points"):
        return "percent", "%" if nxt_low == "per" else "percentage points", end + 2
    magnitude = _magnitude_end(doc, start, end)
    if magnitude is not None:
        return "measure", "magnitude", magnitude
    if nxt_low in _word_set("time_of_day") or (":" in first.text and first.text.replace(":", "").isdigit()):
        return "time", None, end
    if names_a_thing(doc, start, end, value, nxt_low):
        return "identifier", None, end
    if end - start == 1 and season_of_years(first.text):
        return "year", None, end  # "the crisis of 2007/08": a season or fiscal year, no fraction
    months = _word_set("months")
    is_int = isinstance(value, int)
    if is_int and 1 <= value <= 31 and end - start == 1 and first.is_digit and (
        (nxt is not None and nxt_low in months) or (prev is not None and prev.lower_ in months)
    ):
        return "date", None, end
    years = rules["years"]
    if is_int and end - start == 1 and first.is_digit and len(first.text) == 4 and years["low"] <= value <= years["high"]:
        counted_noun = nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.ent_type_ != "DATE" \
            and nxt_low not in years.get("events", ())  # "the 1991 killings": when, not how many
        if not counted_noun and (first.ent_type_ == "DATE" or (prev is not None and prev.lower_ in years["before"])
                                 or (nxt is not None and nxt.is_punct) or nxt is None or nxt.pos_ in ("PROPN", "ADP")
                                 or _singular_noun(nxt)):
            return "year", None, end
    if nxt_low in _word_set("units.duration"):
        return "duration", nxt.text, end + 1
    if nxt_low in ("-", "\u2013") and not last.whitespace_ and not nxt.whitespace_ and end + 1 < n and \
            doc[end + 1].lower_ in _word_set("units.duration"):
        return "duration", doc[end + 1].text, end + 2  # "a 10-year-old boy", "a two-week ceasefire"
    if nxt_low in _word_set("units.money"):
        return "money", nxt.text, end + 1
    named = _named_currency_end(doc, end)
    if named is not None:
        return "money", doc[named - 1].text, named  # "145 Algerian dinars", "20 Hong Kong dollars"
    if nxt_low == "-" and not last.whitespace_ and not nxt.whitespace_ and end + 1 < n and \
            doc[end + 1].lower_ in _word_set("units.money") and doc[end + 1].is_alpha:
        return "money", doc[end + 1].text, end + 2  # "a 2-million-dollar house"
    ambiguous = nxt_low in rules["units"]["measure"]["ambiguous"] and (
        any(c.dep_ in ("pobj", "pcomp") for c in nxt.children) or nxt.i + 1 < n and doc[nxt.i + 1].pos_ in ("PROPN", "DET", "NUM"))
    if nxt_low in _word_set("units.measure") and not (nxt_low == "m" and nxt.text == "M") and not ambiguous:
        unit_end = end + 1
        if nxt_low in ("square", "sq", "cubic") and unit_end < n and doc[unit_end].is_alpha:
            unit_end += 1
        return "measure", doc[end:unit_end].text, unit_end
    if isinstance(value, float) and 0 < value < 1 and any(_fraction_den(t.lower_) for t in doc[start:end]) or (
        first.lower_ == "half" and end - start == 1
    ):
        return "proportion", None, end
    return "count", None, end


def _counted(doc, start: int, end: int) -> str | None:
    """What a count counts: the noun after it ('61 civilians'), after 'of' ('dozens of
    people', 'most of them combatants'), or a noun-like adjective ('412 dead')."""
    adjectives = set(load_rules()["counted"]["adjectives"])
    k = start
    n = min(end, len(doc))
    steps = 0
    while k < n and steps < 5:
        t = doc[k]
        if t.lower_ in adjectives and (k + 1 >= n or doc[k + 1].pos_ not in ("NOUN", "PROPN")):
            return t.text
        if t.is_alpha and t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _word_set("units.duration") | {"%"}:
            # the head noun of the phrase, with its compound words ("police officers")
            head = t
            # (a plural noun ends the phrase: "households lack water" misread as one compound)
            while head.dep_ == "compound" and head.tag_ not in ("NNS", "NNPS") and head.head.i > head.i and \
                    head.head.i < n and head.head.i - k < 4:
                head = head.head
            first = min([c.i for c in head.lefts if c.dep_ == "compound" and c.i >= k] + [head.i])
            return doc[first : head.i + 1].text
        if t.lower_ in ("of", "them", "those", "these", "the", "their", "its", "his", "her", "our") or \
                t.pos_ == "ADJ" or t.dep_ in ("amod", "compound", "det") or t.pos_ == "ADV" and t.lower_ not in ("ago",):
            k += 1
            steps += 1
            continue
        return None
    return None


def one_no_count(doc, i: int) -> bool:
    """"one" that claims no count of 1 ([one_word] in numbers.toml): after a form of "be" before
    "of" ("Bajaur is one of several regions" says what a thing belongs to), before "of" and a
    superlative ("in one of the worst floods": a rank), as a pronoun before
    a relative word ("a delay, and one that cost them"), before a word for a remark ("one thing").

    >>> from kit.core.nlp import parse
    >>> d = parse("The town is one of many ports, and one that grew. One odd thing: one of us left.")
    >>> [one_no_count(d, t.i) for t in d if t.lower_ == "one"]
    [True, True, True, False]
    """
    n, rules = len(doc), load_rules()["one_word"]
    nxt = doc[i + 1] if i + 1 < n else None
    if nxt is None:
        return False
    if nxt.lower_ == "of" and i > 0 and doc[i - 1].lemma_ == "be" and doc[i - 1].pos_ in ("AUX", "VERB"):
        return True
    if nxt.lower_ == "of" and any(t.tag_ in ("JJS", "RBS") for t in doc[i + 2 : i + 6]):
        return True  # "one of the country's worst floods": a rank among many, not a count of 1
    counting = i > 0 and doc[i - 1].lower_ in rules["counting_before"]  # "only one that survived"
    if nxt.lower_ in rules["relatives"] and nxt.tag_ in ("WDT", "WP", "WP$") and not counting:
        return True
    k = i + 1
    while k < n and (doc[k].pos_ == "ADJ" or doc[k].tag_ in ("JJ", "VBG")) and k - i < 3:
        k += 1
    return k < n and doc[k].lower_ in rules["remark_nouns"]
