"""Finding number cores: the runs of tokens that spell one number ("412", "four hundred and twelve", "10 000").

A core is only the number: hedges, units and what is counted are read around it later.

>>> from kit.core.nlp import parse
>>> d = parse("Some four hundred and twelve people and 10 000 sheep.")
>>> [(d[s:e].text, v) for s, e, v in number_cores(d)]
[('four hundred and twelve', 412), ('10 000', 10000)]
"""

from __future__ import annotations

import re

from kit.core.nlp import doc_text
from kit.numbers.kinds import (_after_currency, currency_prefixed, glued_million, glued_unit, magnitude_prefixed,
                               one_no_count, ordinal_after_article)
from kit.numbers.records import LONGEST_RUN, LONGEST_TOKEN, _clean_int, _fraction_den, _multiplier, drawable, load_rules
from kit.numbers.words import _is_num_token, _number_word, _read_words, parse_figure

_PRONOUN_ONE_BEFORE = ("no", "the", "that", "this", "which", "each", "every", "any", "another", "whichever")
_GROUP_SPACES = ("\u00a0", "\u202f", "\u2009")
_THREE_DIGITS = re.compile(r"\d{3}(?:\.\d+)?")  # a group of thousands; the last may have decimals
_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?")
_MONEY_SUFFIXED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-zA-Z]+)\.?$")


def _starts_with_article(doc, i: int) -> bool:
    """"a hundred", "a dozen", "half a million", "a half", "a third", "half the people"."""
    n = len(doc)
    tok = doc[i]
    if tok.lower_ not in ("a", "an", "half") or i + 1 >= n:
        return False
    nxt = doc[i + 1].lower_
    if _multiplier(nxt) and nxt not in ("dozens", "score"):
        return True
    if tok.lower_ == "half" and nxt in ("a", "an") and i + 2 < n and _multiplier(doc[i + 2].lower_):
        return True
    if tok.lower_ != "half" and (nxt in ("half", "third", "quarter") or _fraction_den(nxt)) and nxt != "second" and not (
        i + 2 < n and doc[i + 2].lower_ in load_rules()["units"]["duration"]["words"]
    ) and not ordinal_after_article(doc, i + 1):
        return True  # "a half", "a third of the city" (not "a quarter century")
    if tok.lower_ == "half" and i > 0 and doc[i - 1].lower_ in ("first", "second", "latter", "back", "front"):
        return False  # "the second half of the year": a period, not a share
    return tok.lower_ == "half" and (nxt == "of" or doc[i + 1].pos_ in ("NOUN", "DET") or doc[i + 1].tag_ == "PRP$")  # "half of the town", "half its staff"


def _one_of_ranked(doc, i: int) -> bool:
    """"one of the biggest", "one of the deadlier", "one of the first": a superlative, a comparative or a
    ranking word after "one of the"
    ([one_of] in numbers.toml)."""
    k = i + 3
    if k >= len(doc) or doc[i + 1].lower_ != "of" or doc[i + 2].pos_ not in ("DET", "PRON"):
        return False
    return doc[k].tag_ in ("JJS", "RBS", "JJR", "RBR") or doc[k].lower_ in load_rules()["one_of"]["words"]


def _starts_number(doc, i: int) -> bool:
    """Does a number start at doc[i]? Not for "one" used as a pronoun ("no one was hurt").

    >>> from kit.core.nlp import parse
    >>> d = parse("No one saw one or a dozen of them.")
    >>> [t.text for t in d if _starts_number(d, t.i)]
    ['one', 'a', 'dozen']
    """
    n = len(doc)
    tok = doc[i]
    starts = _is_num_token(tok) or _starts_with_article(doc, i)
    if not starts and _fraction_den(tok.lower_) and i + 1 < n and (_multiplier(doc[i + 1].lower_) or 0) >= 1000:
        starts = True  # "quarter million"
    if starts and tok.lower_ == "one" and _one_of_ranked(doc, i):
        return False  # "one of the biggest", "one of the first": ranks, counts nothing
    if starts and tok.lower_ == "one" and i > 1 and doc[i - 1].pos_ == "ADJ" and doc[i - 2].lower_ in ("a", "an", "the", "this", "that") \
            and (i + 1 >= n or doc[i + 1].pos_ not in ("NOUN", "PROPN", "NUM")):
        return False  # "a major one", "the last one": a pronoun after an adjective
    if starts and tok.lower_ == "one" and one_no_count(doc, i):
        return False  # "X is one of several regions", "and one that has", "one interesting thing"
    if starts and tok.lower_ == "one" and i > 0 and doc[i - 1].lower_ in _PRONOUN_ONE_BEFORE and (
            i + 1 >= n or doc[i + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")):
        return False  # "no one was hurt", "the one you saw": a pronoun, not a count
    return starts


def _money_token(doc, i: int) -> float | int | None:
    """The value of "€3.5M." kept as one token after a currency sign at the end of a sentence."""
    m = _MONEY_SUFFIXED.match(doc[i].text) if _after_currency(doc, i) else None
    if not m:
        return None
    mult = load_rules()["suffixes"].get(m.group(2).lower())
    if isinstance(mult, (int, float)) and drawable(value := float(m.group(1).replace(",", "")) * mult):
        return _clean_int(value)
    return None


# ---------------------------------------------------------------- how far a number reaches
# Each rule looks at doc[j] (with doc[j - 1] before it, the number started at doc[i]) and
# says how many tokens it adds to the number, 0 for none. Rules are tried in order.


def _joined_words(doc, i: int, j: int) -> int:
    """"twenty-one", "two-thirds"; "four hundred and twelve"; "two hundred three"."""
    n = len(doc)
    t, prev = doc[j], doc[j - 1]
    w = t.lower_
    if doc[j - 1].whitespace_ == "" and w in ("-", "\u2013") and j + 1 < n and _number_word(prev.lower_) is not None \
            and (_number_word(doc[j + 1].lower_) is not None or _fraction_den(doc[j + 1].lower_)):
        return 2  # "twenty-one", "two-thirds"
    if [x.lower_ for x in doc[j:j + 5]] in (["-", "and", "-", "a", "-"], ["-", "and", "-", "an", "-"]) and j + 5 < n \
            and _fraction_den(doc[j + 5].lower_) and not prev.whitespace_ and (_number_word(prev.lower_) is not None or prev.is_digit):
        return 6  # "seven-and-a-half years": one number, spelled with hyphens
    if not prev.whitespace_ and w in ("-", "\u2013") and j + 1 < n and not t.whitespace_ and \
            (_multiplier(doc[j + 1].lower_) or 0) >= 1000 and doc[j + 1].is_alpha and parse_figure(prev.text) is not None:
        return 2  # "a $5-million deal", "the Rs 500-crore project": one amount, not a range
    if w == "," and j + 1 < n and _long_words_go_on(doc, i, j):
        return 2  # "two million, three hundred and ten thousand"
    if w == "and" and j + 1 < n and (parse_figure(doc[j + 1].text) is not None and _multiplier(prev.lower_) or (
        (_number_word(doc[j + 1].lower_) is not None and _number_word(prev.lower_) is not None and
         _multiplier(prev.lower_) is not None or _multiplier(prev.lower_) is not None and _number_word(doc[j + 1].lower_) is not None)
        or doc[j + 1].lower_ in ("a", "an") and j + 2 < n and _fraction_den(doc[j + 2].lower_)
        and not (i > 0 and doc[i - 1].lower_ == "between")  # "between zero and a quarter": a range
        or _number_word(doc[j + 1].lower_) is not None and j + 2 < n and _fraction_den(doc[j + 2].lower_)
    )):
        return 1  # "four hundred and twelve", "one and a half", "forty two and a third"
    if prev.is_alpha and (_multiplier(prev.lower_) or 0) >= 100 and prev.lower_ not in ("dozen", "dozens") and (
            _number_word(w) is not None or t.is_digit and t.pos_ == "NUM"):
        return 1  # "two hundred three", "4 thousand 3 hundred"
    return 0


def _long_words_go_on(doc, i: int, j: int) -> bool:
    """Does a number in words go on after the comma at ``j`` ("two million, three hundred and
    ten thousand")? Only when every word so far is a number word, the word before the comma
    is a multiplier of at least a thousand and the word after it a smaller number word."""
    prev, nxt = doc[j - 1].lower_, doc[j + 1].lower_
    big = _multiplier(prev) or 0
    if big < 1000 or _number_word(nxt) is None or not all(doc[k].is_alpha or doc[k].text in {",", "-"} for k in range(i, j)):
        return False
    return j + 2 < len(doc) and ((_multiplier(doc[j + 2].lower_) or 0) < big and (
        _multiplier(doc[j + 2].lower_) is not None or doc[j + 2].lower_ == "and"))


def _grouped_digits(doc, i: int, j: int) -> int:
    """Thousands grouped with spaces: "10 000", "1 234 567", "40\u202f000"."""
    n = len(doc)
    t, prev = doc[j], doc[j - 1]
    if prev.is_digit and len(prev.text) <= 3 and prev.whitespace_ and _THREE_DIGITS.fullmatch(t.text) and \
            j - i == 1 and (j + 1 >= n or not doc[j + 1].is_digit or len(doc[j + 1].text) == 3):
        return 1  # "10 000", "1 234 567": thousands grouped with spaces
    if prev.is_digit and len(prev.text) == 3 and prev.whitespace_ and _THREE_DIGITS.fullmatch(t.text) and \
            all(doc[k].is_digit for k in range(i, j)):
        return 1
    if t.is_space and t.text in _GROUP_SPACES and prev.is_digit and j + 1 < n and _THREE_DIGITS.fullmatch(doc[j + 1].text) \
            and all(doc[k].is_digit or doc[k].is_space for k in range(i, j)):
        return 2  # "40\u202f000": thousands grouped with a (narrow) no-break space
    return 0


def _suffix_letters(doc, i: int, j: int) -> int:
    """"10M" split by the tokenizer into "10" "M"; "$10m" (not "10m", ten metres)."""
    w, prev = doc[j].lower_, doc[j - 1]
    suffix = w[:-1] if w.endswith(".") and w[:-1].isalpha() else w
    if suffix in load_rules()["suffixes"] and prev.whitespace_ == "" and parse_figure(prev.text) is not None and (
            suffix not in ("m", "t", "b") or _after_currency(doc, i) or doc[j].text in ("M", "M.")
            or glued_million(doc, j)):
        return 1  # "5M users": a capital M is never metres; "40m people": millions
    return 0


def _small_words(doc, i: int, j: int) -> int:
    """"a quarter of a million", the number after a joining "and", "half a million", "and a half"."""
    n = len(doc)
    t, prev = doc[j], doc[j - 1]
    w = t.lower_
    if _fraction_den(prev.lower_) and w == "of" and j + 2 < n and doc[j + 1].lower_ in ("a", "an") and \
            (_multiplier(doc[j + 2].lower_) or 0) >= 1000:
        return 3  # "a quarter of a million"
    if prev.lower_ == "and" and (_number_word(w) is not None or parse_figure(t.text) is not None):
        return 1  # the number after a joining "and"
    if w in ("a", "an") and prev.lower_ in ("half",) and j + 1 < n and _multiplier(doc[j + 1].lower_):
        return 1
    if w in ("a", "an") and prev.lower_ == "and" and j + 1 < n and _fraction_den(doc[j + 1].lower_):
        return 1
    return 0


def _more_number_words(doc, i: int, j: int) -> int:
    """"million", "thirds", "a half", "forty two", "2 1/2"."""
    t, prev = doc[j], doc[j - 1]
    w = t.lower_
    if _multiplier(w) is not None and (w != "score" or _number_word(prev.lower_) is not None):
        return 1
    if _fraction_den(w) is not None and (parse_figure(prev.text) is None or prev.lower_ in ("a", "an")) and (
        _number_word(prev.lower_) is not None or prev.lower_ in ("a", "an", "half")
    ):
        return 1
    if w in ("half", "halves") and prev.lower_ in ("a", "an"):
        return 1
    if _number_word(w) is not None and _number_word(prev.lower_) is not None and prev.whitespace_ and \
            parse_figure(prev.text) is None and parse_figure(t.text) is None and \
            (_number_word(prev.lower_) or 0) % 10 == 0 and (_number_word(prev.lower_) or 0) >= 20 and \
            (_number_word(w) or 0) < 10:
        return 1  # "forty two"
    if parse_figure(t.text) is not None and parse_figure(prev.text) is not None and "/" in t.text and \
            "/" not in prev.text and prev.whitespace_:
        return 1  # "2 1/2"
    return 0


def _point_decimal(doc, i: int, j: int) -> int:
    """Decimals said in words: "three point five", "one point two five" ([decimal_point] in numbers.toml)."""
    cfg = load_rules()["decimal_point"]
    n = len(doc)
    w, prev = doc[j].lower_, doc[j - 1].lower_
    if w in cfg["words"] and j + 1 < n and doc[j + 1].lower_ in cfg["digits"] and \
            not any(doc[k].lower_ in cfg["words"] for k in range(i, j)) and \
            (_number_word(prev) is not None or doc[j - 1].is_digit or _multiplier(prev) is not None):
        return 2
    if w in cfg["digits"] and prev in cfg["digits"] and any(doc[k].lower_ in cfg["words"] for k in range(i, j)):
        return 1  # "one point two five"
    if w == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and j + 1 < n and (
            doc[j + 1].lower_ in cfg["words"] and j + 3 < n and doc[j + 2].text == "-" and doc[j + 3].lower_ in cfg["digits"]
            and not doc[j + 2].whitespace_ and (_number_word(prev) is not None or doc[j - 1].is_digit)):
        return 4  # "18-point-five", "seventeen-point-six": a radio script's decimal
    return 0


_REACH_RULES = (_point_decimal, _joined_words, _grouped_digits, _suffix_letters, _small_words, _more_number_words)


def _run_end(doc, i: int) -> int:
    """End (exclusive) of the run of tokens that spells the number starting at doc[i];
    at most :data:`~kit.numbers.records.LONGEST_RUN` tokens.

    >>> from kit.core.nlp import parse
    >>> d = parse("About two and a half million people.")
    >>> d[1:_run_end(d, 1)].text
    'two and a half million'
    """
    stop = min(len(doc), i + 2 * LONGEST_RUN)
    if _has_extra_spaces(doc) and any(_extra_space(doc, k) for k in range(i + 1, stop)):  # "fifty  two"
        view = _Gapless(doc, i + 1, stop)
        return view.index(_reach(view, i) - 1) + 1  # after the run's last word
    return _reach(doc, i)


def _reach(doc, i: int) -> int:
    j = i + 1
    while j < min(len(doc), i + LONGEST_RUN):
        step = next((s for rule in _REACH_RULES if (s := rule(doc, i, j))), 0)
        if not step:
            break
        j += step
    return j


def _has_extra_spaces(doc) -> bool:
    """Does the text have a doubled space anywhere? (Looked up once per text.)"""
    if "kit.extra_spaces" not in doc.user_data:
        doc.user_data["kit.extra_spaces"] = "  " in doc_text(doc)
    return doc.user_data["kit.extra_spaces"]


def _extra_space(doc, k: int) -> bool:
    """doc[k] is a token of spaces only (the tokenizer's token for a second space)."""
    return doc[k].is_space and not doc[k].text.strip(" \u00a0")


class _Gapless:
    """The tokens of ``doc`` without the extra-space tokens in ``start:stop``, for the rules of
    :func:`_run_end`, which look at neighbouring tokens. Only that window is mapped."""

    def __init__(self, doc, start: int, stop: int):
        self.doc, self.start = doc, start
        self.kept = [k for k in range(start, stop) if not _extra_space(doc, k)]
        self.shift = (stop - start) - len(self.kept)

    def __len__(self) -> int:
        return len(self.doc) - self.shift

    def index(self, k: int) -> int:
        """The Doc index of view index ``k``."""
        if k < self.start:
            return k
        if k - self.start < len(self.kept):
            return self.kept[k - self.start]
        return k + self.shift

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[x] for x in range(*k.indices(len(self)))]
        return self.doc[self.index(k)]


def _core_value(doc, i: int, j: int) -> tuple[int, int, float | int | None]:
    """(start, end, value) of the number doc[i:j]; a lone "a" or "half" that builds no number
    shrinks to one token; "minus" before it makes it negative. Value None: no number here
    (a run of digits too big to compute with is skipped whole).

    >>> from kit.core.nlp import parse
    >>> d = parse("It fell to minus 10 000 and 2 1/2 more.")
    >>> _core_value(d, 4, 6), _core_value(d, 7, 9)
    ((3, 6, -10000), (7, 9, 2.5))
    """
    words = [doc[k].text for k in range(i, j) if not doc[k].is_space and doc[k].text != ","]
    grouped = doc[i:j].text
    if j - i > 1 and _GROUPED.fullmatch(grouped):
        value = parse_figure(re.sub(r"\s", "", grouped))  # "10 000" is ten thousand
        if value is None:
            return i, j, None
    elif len(words) == 2 and "/" in words[1] and None not in (parse_figure(words[0]), parse_figure(words[1])):
        value = parse_figure(words[0]) + parse_figure(words[1])
    else:
        value = _read_words(words)
    if value is None and j - i > 1:  # a lone "a" or "half" that did not build a number
        j = i + 1
        value = _read_words([doc[i].text])
    if value is None:
        return i, j, None
    if i > 0 and doc[i - 1].lower_ in ("minus", "negative"):
        i, value = i - 1, -value
    return i, j, _clean_int(value)


def cut_figures(doc) -> set[int]:
    """Tokens inside a stretch without spaces longer than :data:`~kit.numbers.records.LONGEST_TOKEN`
    characters (a 5,000-digit string, a long link). Such a stretch holds no figure to read, and
    the kit's parser may cut a very long one into pieces that each look like a number.

    >>> from kit.core.nlp import parse
    >>> d = parse("Some " + "7" * 2500 + ",000 people and 12 more.")
    >>> cut = cut_figures(d)
    >>> all(t.i in cut for t in d if t.text[:1] in "7,"), [t.text for t in d if t.i not in cut]
    (True, ['Some', 'people', 'and', '12', 'more', '.'])
    """
    cut: set[int] = set()
    text = doc_text(doc)
    for m in re.finditer(r"\S{%d,}" % (LONGEST_TOKEN + 1), text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            cut.update(range(span.start, span.end))
    return cut


def _with_multipliers(doc, i: int, value) -> tuple[int, int, float | int]:
    """(start, end, value) of the one-token figure doc[i] with the multiplier words after it
    ("Rs.3 lakh crore").

    >>> from kit.core.nlp import parse
    >>> _with_multipliers(parse("Rs.3 lakh fine"), 0, 3)
    (0, 2, 300000)
    """
    end = i + 1
    while end < len(doc) and doc[end].is_alpha and (_multiplier(doc[end].lower_) or 0) >= 1000:
        value *= _multiplier(doc[end].lower_)
        end += 1
    return i, end, _clean_int(value)


def number_cores(doc) -> list[tuple[int, int, float | int]]:
    """Runs of tokens that spell one number: (start, end, value). Not ordinals, not ranges.

    >>> from kit.core.nlp import parse
    >>> d = parse("No one expected $3.5m, half a million or forty two.")
    >>> [(d[s:e].text, v) for s, e, v in number_cores(d)]
    [('3.5m', 3500000), ('half a million', 500000), ('forty two', 42)]
    """
    out = []
    i = 0
    while i < len(doc):
        starts = _starts_number(doc, i)
        money = None if starts else _money_token(doc, i)
        glued = None if starts or money is not None else glued_unit(doc[i].text)
        money = glued[0] if glued else money  # "25lbs": one token, the number and its unit
        if money is None and not starts:
            money = magnitude_prefixed(doc[i].text)  # "magnitude-6.1": one token
        if money is None and not starts and currency_prefixed(doc[i].text):
            out.append(_with_multipliers(doc, i, currency_prefixed(doc[i].text)[0]))  # "Rs.3 lakh"
            i = out[-1][1]
            continue
        if money is not None:  # "€3.5M." kept as one token at the end of a sentence
            out.append((i, i + 1, money))
            i += 1
            continue
        if not starts:
            i += 1
            continue
        start, end, value = _core_value(doc, i, _run_end(doc, i))
        if value is not None:
            out.append((start, end, value))
        i = end
    return out
