"""One text-cleaning step for every way text comes in (``kit.parse``, ``kit.analyse``,
``compare_versions``, ``read_text``): odd Unicode that looks like ordinary text to a reader
but hides words and figures from the kit.

:func:`clean_chars` is what :func:`kit.parse` applies before parsing:

* lone surrogates (text cut in the middle of an emoji) become the replacement mark "\ufffd";
* letters are put in the composed form (NFC: "e" + accent becomes "é");
* no-break and other wide spaces become plain spaces ("At least\\u00a061" reads as a hedge).
  The narrow no-break space and the thin space are kept: they group thousands ("40\\u202f000");
* invisible marks are removed: soft hyphens, zero-width spaces and joiners, the direction
  marks of text copied from right-to-left pages, and variation selectors;
* inside a word of mostly Latin letters, a Cyrillic or Greek look-alike letter is read as
  the Latin letter (``data/lookalikes.toml``): "Аleppo" with a Cyrillic "А" reads "Aleppo".

Character offsets: a finder's ``start_char``/``end_char`` point into ``doc.text``. For
ordinary text that is the text given to ``parse``, unchanged. When the text had invisible
marks or decomposed accents, ``doc.text`` is the cleaned text (a little shorter), so slice
``doc.text`` (or ``clean_chars(text)``), never the raw text, with those offsets.
:func:`clean_chars` returns text it would leave unchanged as it is (``clean_chars(clean_chars(t))
== clean_chars(t)``).

>>> clean_chars("At least\\u00a061 re\\u00adbels")
'At least 61 rebels'
>>> clean_chars("\\u0410leppo")  # a Cyrillic capital A
'Aleppo'
>>> mixed_script_words("Forces entered \\u0410leppo.")
['\u0410leppo']
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from importlib import resources

#: Spaces read as a plain space: no-break, en/em and other wide spaces, the ideographic space.
_WIDE_SPACES = re.compile("[\u00a0\u2000-\u2008\u200a\u205f\u3000]")
#: Marks with no width: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
#: space/joiners, direction marks and embeddings, word joiner and invisible operators,
#: byte-order mark, variation selectors (emoji and ideographic).
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
                        "\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WORD = re.compile(r"\w+")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


@functools.lru_cache(maxsize=1)
def lookalikes() -> dict[str, str]:
    """Look-alike letter -> the Latin letter it looks like (``kit/core/data/lookalikes.toml``).

    >>> lookalikes()["\\u043e"]  # Cyrillic small o
    'o'
    """
    raw = resources.files("kit.core").joinpath("data/lookalikes.toml").read_text(encoding="utf-8")
    return {k: v for block in tomllib.loads(raw)["alphabet"] for k, v in block["letters"].items()}


def _script(char: str) -> str:
    if not char.isalpha() or char.isascii():
        return "LATIN" if char.isascii() and char.isalpha() else ""
    try:
        first = unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return ""
    return first if first in _SCRIPTS else ""


def _is_mixed(word: str) -> bool:
    scripts = {_script(c) for c in word} - {""}
    return len(scripts) > 1


def mixed_script_words(text: str, *, limit: int = 10) -> list[str]:
    """Words that mix Latin letters with Cyrillic or Greek ones (at most ``limit``, in order, once each).

    >>> mixed_script_words("The \\u0430rmy said. \\u0410\\u0440\\u043c\\u0438\\u044f is Russian.")
    ['\u0430rmy']
    """
    if not isinstance(text, str) or text.isascii():
        return []
    found: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not word.isascii() and word not in found and _is_mixed(word):
            found.append(word)
            if len(found) >= limit:
                break
    return found


def _latin_lookalikes(text: str) -> str:
    """Each mixed-script word with its look-alike letters read as Latin (one letter for one)."""
    table = lookalikes()

    def fix(m: re.Match) -> str:
        word = m.group()
        if word.isascii() or not _is_mixed(word):
            return word
        latin = sum(_script(c) == "LATIN" for c in word)
        if latin * 2 < len(word):  # mostly Cyrillic or Greek: not an English word in disguise
            return word
        return "".join(table.get(c, c) for c in word)

    return _WORD.sub(fix, text)


def clean_chars(text: str, *, lookalikes: bool = True) -> str:
    """``text`` without the invisible and look-alike characters that hide words (see the module).

    ``lookalikes=False`` leaves look-alike letters as they are (one letter for one, so offsets
    do not move): :func:`clean_text` keeps them, so that the warning of
    :func:`mixed_script_warning` can still name the words after :func:`kit.read_text`.

    >>> clean_chars("Pro\\u200btesters\\u200f said \\u2764\\ufe0f")
    'Protesters said \u2764'
    >>> clean_chars("cut \\ud83d") == "cut \\ufffd"
    True
    """
    if text.isascii():
        return text
    text = _SURROGATE.sub("\ufffd", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", _WIDE_SPACES.sub(" ", text))
    return _latin_lookalikes(text) if lookalikes else text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t]{2,}|\t")
_TRAILING_SPACES = re.compile(r"[ \t]+(?=\n)")


def clean_text(text: str) -> str:
    """Normalise odd Unicode so the parser sees ordinary text (:func:`read_text` uses it).

    :func:`clean_chars` (look-alike letters kept: ``kit.parse`` reads them), then Windows line ends become ``\\n``, control characters go, and
    runs of spaces or tabs inside a line become one space (pasted text often has them;
    "two  thousand" should read as "two thousand"). Letters of any script are kept.

    >>> clean_text("cafe\\u0301 re\\u200bbels\\r\\n")
    'café rebels\\n'
    >>> clean_text("Two  thousand\\tpeople  \\nfled.")
    'Two thousand people\\nfled.'
    """
    text = clean_chars(text, lookalikes=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", _TRAILING_SPACES.sub("", text))


def mixed_script_warning(text: str) -> str | None:
    """A message for the student when ``text`` has words that mix alphabets, else ``None``.

    >>> mixed_script_warning("Troops left \\u0410leppo.").startswith('Some words mix letters of different alphabets ("Аleppo")')
    True
    """
    words = mixed_script_words(text, limit=3)
    if not words:
        return None
    shown = ", ".join(f'"{w[:40]}"' for w in words)
    return (f"Some words mix letters of different alphabets ({shown}). They look like English words but "
            "contain Cyrillic or Greek letters of the same shape, as text copied from some sites does. "
            "The kit read the look-alike letters as the ordinary ones; check the words in the original.")
