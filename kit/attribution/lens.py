"""The attribution lens: *who says so?*

For each claim in a story, find who is said to have made it (the **speaker**, as the
full noun phrase with titles and appositives), the **cue** that introduces it ("said",
"claimed", "according to"), the **content**, and what **kind of source** the speaker is.
Then list the sentences that state contested facts (deaths, strikes, who controls a
place, blame) with no source at all.

>>> doc = parse("Police said the protest was peaceful.")
>>> [(a.speaker, a.cue, a.content, a.kind, a.source_type) for a in find_attributions(doc)]
[('Police', 'said', 'the protest was peaceful', 'indirect', 'official')]

What the finder covers (each rule is general; language resources are data files):

* indirect speech: ``X said (that) ...``, ``X confirmed ...``, ``..., saying that ...``
* inverted order: ``..., said X`` and ``..., X said`` (the content may run over several
  sentences when the parser split one sentence, as in a translation that lost its quote marks)
* ``according to X``, ``citing X``: kind ``"according_to"``
* direct quotes with quote marks (``"..." he said``; a follow-on quote in the next sentence
  with no cue of its own goes to the same speaker), and **without** quote marks: content in
  the first or second person ("I don't think ..."), an imperative ("Thank God ...") or an
  exclamation is direct speech, the rest indirect
* object cues: ``X stressed the importance of ...``, ``X called the advance a reminder ...``
  (verbs marked ``object = true`` in the data)
* pronoun speakers (he, she, it, they) resolved to the last speaker in the preceding
  sentences; ``resolved_from`` keeps the pronoun
* a surname alone ("al-Assad") is typed by its fuller earlier mention ("Syrian President
  Bashar al-Assad")

Data files in ``kit/attribution/data/en/``: ``verbs.toml`` (cues and what they signal),
``source_types.toml`` (rules and known names), ``contested_claims.toml`` (what makes a
sentence a claim that needs a source).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import tomllib

from kit.core.errors import InputError
from kit.core.nlp import doc_text, load_model, parse

__all__ = [
    "Attribution",
    "Claim",
    "SOURCE_TYPES",
    "SOURCE_COLORS",
    "SOURCE_LABELS",
    "describe",
    "source_map",
    "find_attributions",
    "find_unattributed",
    "cue_signals",
    "source_type_of",
    "source_shares",
]

#: Every source type the kit knows, in the order charts and legends show them.
SOURCE_TYPES = (
    "official", "state_media", "military", "monitor", "expert", "foreign_government",
    "eyewitness", "unnamed", "media", "organisation", "other",
)

#: One colour per source type (Okabe-Ito based, lightened), used by the map and the chart.
SOURCE_COLORS = {
    "official": "#9fd3f0",
    "state_media": "#f9c784",
    "military": "#c7c7c7",
    "monitor": "#a8e0c8",
    "expert": "#d9b8e8",
    "foreign_government": "#a7c4f2",
    "eyewitness": "#f6ef9a",
    "unnamed": "#f7c6e0",
    "media": "#b9d7a8",
    "organisation": "#e8d5b5",
    "other": "#e0e0e0",
    "unattributed": "#f5a3a3",
}

#: Words a student sees for each type (legend, chart, hints).
SOURCE_LABELS = {
    "official": "official", "state_media": "state media", "military": "military",
    "monitor": "monitor group", "expert": "expert", "foreign_government": "foreign government",
    "eyewitness": "eyewitness", "unnamed": "unnamed", "media": "media",
    "organisation": "organisation", "other": "other", "unattributed": "NO SOURCE",
}

PRONOUNS = {"he", "she", "it", "they"}
FIRST_SECOND_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
                       "you", "your", "yours"}
QUOTE_CHARS = {'"', "\u201c", "\u201d", "``", "''", "\u00ab", "\u00bb"}


@dataclass(frozen=True)
class Attribution:
    """One claim and its source.

    ``start_char``/``end_char`` cover the whole attribution (speaker, cue and content);
    ``speaker_*``, ``cue_*`` and ``content_*`` give each part. When the speaker was a
    pronoun, ``speaker`` is the resolved name, ``resolved_from`` the pronoun, and
    ``speaker_start``/``speaker_end`` point at the pronoun in the text.
    """

    speaker: str
    cue: str
    content: str
    kind: str  # "direct" | "indirect" | "according_to"
    source_type: str
    start_char: int
    end_char: int
    speaker_start: int
    speaker_end: int
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    cue_signal: str = "neutral"
    resolved_from: str | None = None


@dataclass(frozen=True)
class Claim:
    """A sentence stating a contested fact with no attribution covering it."""

    text: str
    start_char: int
    end_char: int
    reason: str  # the first category, e.g. "casualties"
    categories: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()  # the words that made it contested, e.g. ("killed",)
    question: str = ""  # what a reader should ask


# ---------------------------------------------------------------- data


def _load_toml(name: str) -> dict:
    with resources.files("kit.attribution").joinpath("data", "en", name).open("rb") as fh:
        return tomllib.load(fh)


@functools.lru_cache(maxsize=None)
def _verb_data() -> dict:
    return _load_toml("verbs.toml")


@functools.lru_cache(maxsize=None)
def _source_data() -> dict:
    return _load_toml("source_types.toml")


@functools.lru_cache(maxsize=None)
def _claim_data() -> dict:
    return _load_toml("contested_claims.toml")


def cue_signals() -> dict[str, str]:
    """What each cue verb (lemma) or phrase signals, from ``kit/attribution/data/en/verbs.toml``.

    >>> s = cue_signals()
    >>> s["say"], s["claim"], s["confirm"], s["admit"]
    ('neutral', 'distancing', 'endorsing', 'conceding')
    """
    data = _verb_data()
    out = {c["lemma"]: c["signal"] for c in data.get("cue", [])}
    out.update({c["phrase"]: c["signal"] for c in data.get("according_to", [])})
    return out


def _object_cues() -> set[str]:
    return {c["lemma"] for c in _verb_data().get("cue", []) if c.get("object")}


def _phrase_matchers(key: str, groups: list[tuple[str, list[str]]]):
    """Two PhraseMatchers (LOWER and LEMMA) with one label per group; cached per key."""
    return _matchers_cached(key, tuple((label, tuple(words)) for label, words in groups))


@functools.lru_cache(maxsize=None)
def _matchers_cached(key, groups):
    from spacy.matcher import PhraseMatcher

    nlp = load_model()
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
    for label, words in groups:
        lower.add(label, [nlp.make_doc(w) for w in words])
        lemma.add(label, list(nlp.pipe(words)))
    return lower, lemma


def _matches(doclike, key, groups):
    """(label, start, end) token matches in ``doclike`` (Doc or Span), both matchers, sorted."""
    lower, lemma = _phrase_matchers(key, groups)
    vocab = doclike.vocab
    found = set()
    for matcher in (lower, lemma):
        for mid, s, e in matcher(doclike):  # token indices into the Doc, also for a Span
            found.add((vocab.strings[mid], s, e))
    return sorted(found, key=lambda m: (m[1], -(m[2] - m[1])))


def _cue_groups():
    data = _verb_data()
    return [(c["lemma"], [c["lemma"]]) for c in data.get("cue", [])]


def _according_groups():
    return [(c["phrase"], [c["phrase"]]) for c in _verb_data().get("according_to", [])]


def _as_doc(doc):
    """A parsed Doc: text given as a str is parsed; anything else gets a clear message."""
    if isinstance(doc, str):
        return parse(doc)
    if hasattr(doc, "sents") and hasattr(doc, "text") and hasattr(doc, "vocab"):
        return doc
    raise InputError(
        f"The attribution lens needs a parsed text, not {type(doc).__name__}: "
        "use kit.find_attributions(kit.parse(text))."
    )


# ---------------------------------------------------------------- units


def _units(doc):
    """Sentence-like units: spaCy sentences split at line breaks, with fragments that start
    in lower case joined to the unit before them on the same line (a sentence the parser cut
    in two, e.g. at a stray full stop). Returns a list of Spans without space at the ends."""
    pieces = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                pieces.append((start, tok.i))
                start = tok.i + 1
        pieces.append((start, sent.end))
    spans = []
    for s, e in pieces:
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if s < e:
            spans.append([s, e])
    merged: list[list[int]] = []
    for s, e in spans:
        first = doc[s]
        if merged:
            ps, pe = merged[-1]
            gap = doc_text(doc)[doc[pe - 1].idx + len(doc[pe - 1].text) : first.idx]
            if "\n" not in gap and first.text[:1].islower():
                merged[-1][1] = e
                continue
        merged.append([s, e])
    return [doc[s:e] for s, e in merged]


def _unit_index(units, i: int) -> int:
    for n, u in enumerate(units):
        if u.start <= i < u.end:
            return n
    return -1


# ---------------------------------------------------------------- spans


def _trim(doc, s: int, e: int) -> tuple[int, int]:
    """Drop punctuation, spaces and a leading 'that' from the token range [s, e)."""
    while s < e and (doc[s].is_punct or doc[s].is_space or (doc[s].dep_ == "mark" and doc[s].lower_ in {"that", "whether"})):
        if doc[s].text in QUOTE_CHARS:
            break
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space) and doc[e - 1].text not in QUOTE_CHARS:
        last = doc[e - 1].text
        opened = next((t.text for t in doc[s : e - 1] if t.text in ("(", "[")), None)
        if last in ("%", "?", "!") or (opened, last) in (("(", ")"), ("[", "]")):
            break  # "turnout was 41%", "(...)": part of what was said
        e -= 1
    return s, e


def _subtree_range(tok) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _name_like(tok) -> bool:
    return tok.pos_ in {"PROPN", "ADJ"} or (tok.pos_ == "NOUN" and tok.dep_ in {"compound", "appos", "nmod"})


def _speaker_range(doc, tok, unit, exclude: tuple[int, int] | None) -> tuple[int, int]:
    """The speaker phrase around head token ``tok``: its subtree (titles, appositives),
    widened over name words the parser hung elsewhere, without the content."""
    s, e = _subtree_range(tok)
    s, e = max(s, unit.start), min(e, unit.end)
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
    # widen right over adjacent proper nouns ("... news agency" + "SANA")
    # (the tagger may call a name in capitals something else: take named-entity words too)
    while e < unit.end and not (exclude and exclude[0] <= e < exclude[1]) and (
        doc[e].pos_ == "PROPN" or (doc[e].ent_type_ and doc[e].text[:1].isupper())
    ):
        e += 1
    return _trim(doc, s, e)


def _is_direct_without_marks(doc, s: int, e: int) -> bool:
    """Content without quote marks reads as the speaker's own words: first or second person,
    an imperative at its start ("Thank God ..."), or an exclamation."""
    toks = [t for t in doc[s:e] if not t.is_space]
    if not toks:
        return False
    if any(t.lower_ in FIRST_SECOND_PERSON and t.pos_ == "PRON" for t in toks):
        return True
    first = toks[0]
    if first.tag_ in {"VB", "VBP"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in first.children):
        return True
    return any(t.text in {"!", "?"} for t in toks)


# ---------------------------------------------------------------- source types


def _classify_text_span(span) -> str | None:
    data = _source_data()
    overrides = data.get("override", [])
    groups_o = [(o["type"] + "|" + o["name"], [o["name"]]) for o in overrides]
    if groups_o and any(True for _ in _matches(span, "override", groups_o)):
        first = _matches(span, "override", groups_o)[0]
        return first[0].split("|", 1)[0]
    rules = data.get("rule", [])
    groups_r = [(f"{n}|{r['type']}", r["words"]) for n, r in enumerate(rules)]
    found = _matches(span, "rules", groups_r)
    if found:
        # a word that is the phrase's head noun decides first ("the UN refugee AGENCY" is an
        # organisation, not a refugee); among the rest, the first rule in file order wins
        root = span.root.i
        on_head = [m for m in found if m[1] <= root < m[2]]
        return min(on_head or found, key=lambda m: int(m[0].split("|")[0]))[0].split("|", 1)[1]
    return None


def _core_range(span) -> tuple[int, int]:
    """The speaker without an agent phrase ('a military statement' of 'a military statement
    published by the official news agency'): who made the claim before who passed it on."""
    end = span.end
    for tok in span:
        if tok.dep_ == "agent" or (tok.lower_ == "by" and tok.head.dep_ == "acl"):
            head = tok.head if tok.head.dep_ == "acl" else tok
            end = min(end, head.left_edge.i if head.i >= span.start else tok.i)
    return span.start, max(span.start + 1, end)


def _fuller_mention(doc, span):
    """For a name alone ("al-Assad", "Araghchi"), an earlier, longer mention ending in the
    same word ("Syrian President Bashar al-Assad"), else None."""
    toks = [t for t in span if not t.is_punct]
    if not toks or any(t.pos_ not in {"PROPN"} and t.lower_ not in {"al", "el", "de", "van", "von"} for t in toks):
        return None
    last = span[-1].lower_
    for tok in doc[: span.start]:
        if tok.lower_ == last:
            s = tok.i + 1
            while s - 1 >= 0 and (doc[s - 1].pos_ in {"PROPN", "ADJ"} or doc[s - 1].dep_ in {"compound", "amod"}
                                  or (doc[s - 1].text == "-" and not doc[s - 1].whitespace_)) and "\n" not in doc[s - 1].text:
                s -= 1
            if tok.i + 1 - s > len(span):
                return doc[s : tok.i + 1]
    return None


def source_type_of(span) -> str:
    """The source type of a speaker phrase (a spaCy Span), by the rules in
    ``kit/attribution/data/en/source_types.toml``.

    >>> doc = parse("Aaron Lee, an analyst at the Delta Institute, said so.")
    >>> source_type_of(doc[0:10])
    'expert'
    """
    data = _source_data()
    doc = span.doc
    if len(span) == 1 and span[0].lower_ in PRONOUNS | {"i", "we"}:
        return "unnamed"
    cs, ce = _core_range(span)
    for candidate in (doc[cs:ce], span):
        found = _classify_text_span(candidate)
        if found:
            return found
    fuller = _fuller_mention(doc, span)
    if fuller is not None:
        found = _classify_text_span(fuller)
        if found:
            return found
    content_toks = [t for t in span if not (t.is_punct or t.pos_ in {"DET", "CCONJ"})]
    if content_toks and all(t.ent_type_ == "GPE" for t in content_toks):
        return data.get("country_speaker", "foreign_government")
    if any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span):
        return data.get("named_person", "other")
    return data.get("fallback", "other")


# ---------------------------------------------------------------- finder


def _subject_of(verb):
    """The subject token of a cue verb, climbing from participles ('..., saying ...')
    and coordinated verbs to the verb that has one."""
    tok = verb
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in {"nsubj"}]
        if subj:
            return subj[0]
        if tok.dep_ in {"advcl", "acl", "conj", "xcomp"} and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def _quotes(doc, units):
    """Quoted stretches (token ranges inside the marks) with at least three words."""
    marks = [t.i for t in doc if t.text in QUOTE_CHARS]
    out = []
    k = 0
    while k + 1 < len(marks):
        a, b = marks[k], marks[k + 1]
        if "\n" in doc[a:b].text:
            k += 1
            continue
        words = [t for t in doc[a + 1 : b] if not (t.is_punct or t.is_space)]
        if len(words) >= 3:
            out.append((a, b + 1))  # including the marks
        k += 2
    return out


def _make(doc, speaker_rng, cue_rng, content_rng, kind, cue_text, signal, units, resolved=None):
    ss, se = speaker_rng
    cs, ce = cue_rng
    ts, te = content_rng
    speaker_span = doc[ss:se]
    start = min(doc[ss].idx, doc[cs].idx, doc[ts].idx)
    end = max(speaker_span.end_char, doc[cs:ce].end_char, doc[ts:te].end_char)
    if resolved is not None:
        speaker_text, stype = resolved
        pron = speaker_span.text
    else:
        speaker_text, stype, pron = speaker_span.text, source_type_of(speaker_span), None
    return Attribution(
        speaker=speaker_text,
        cue=cue_text,
        content=doc[ts:te].text,
        kind=kind,
        source_type=stype,
        start_char=start,
        end_char=end,
        speaker_start=speaker_span.start_char,
        speaker_end=speaker_span.end_char,
        cue_start=doc[cs].idx,
        cue_end=doc[cs:ce].end_char,
        content_start=doc[ts].idx,
        content_end=doc[ts:te].end_char,
        cue_signal=signal,
        resolved_from=pron,
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _verb_candidates(doc, units, quotes):
    """Raw (unit, speaker range, cue range, content range, kind, cue text, lemma) tuples
    for cue verbs."""
    signals = cue_signals()
    objects = _object_cues()
    out = []
    for label, s, e in _matches(doc, "cues", _cue_groups()):
        verb = doc[s]
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        if any(qs < s < qe - 1 for qs, qe in quotes):
            continue  # a verb inside a direct quote is the speaker's wording, not a cue
        unit = units[_unit_index(units, s)]
        if e - s > 1:  # "call for": the content hangs on the particle / preposition
            prep = doc[e - 1]
            objs = [c for c in prep.children if c.dep_ in {"pobj", "dobj"}]
            if not objs:
                continue
            content = (min(o.left_edge.i for o in objs), max(o.right_edge.i for o in objs) + 1)
        else:
            if any(m for m in _matches(doc[s : min(s + 2, len(doc))], "cues", _cue_groups()) if m[2] - m[1] > 1 and m[1] == s):
                continue  # the longer phrase ("called for") handles it
            comps = [c for c in verb.children if c.dep_ == "ccomp"]
            content = None
            if comps:
                # the clause after the cue ("X said <clause>"); else the one before it
                # ("<clause>, X said"), unless that one is introduced by a subordinator
                after = [c for c in comps if c.i > verb.i]
                before = [c for c in comps if c.i < verb.i and c.left_edge.i >= unit.start]
                if after:
                    content = _subtree_range(after[0])
                elif before:
                    content = _subtree_range(before[-1])
            elif label in objects:
                objs = [c for c in verb.children if c.dep_ in {"dobj", "oprd", "xcomp"}]
                if objs:
                    # "accused the army of shelling the camp", "blamed rebels for the blast":
                    # what the object is accused of belongs to the claim
                    objs += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}
                             and c.i > max(o.i for o in objs)]
                    content = (min(o.left_edge.i for o in objs), max(o.right_edge.i for o in objs) + 1)
        subj = _subject_of(verb)
        quoted = False
        wrapped = content is None and verb.dep_ == "parataxis" and subj is not None
        if wrapped:
            # "The workers, the union said, had not been paid": the claim wraps around
            # the cue; the content is the whole sentence (speaker and cue inside it)
            content = (unit.start, unit.end)
        if subj is None or (content and content[0] <= subj.i < content[1] and not wrapped):
            continue
        if content is None:
            # 'X replied: "No comment."': a quote right after the cue (or after "cue:") is the content
            after = max(verb.i, subj.right_edge.i) + 1
            colon = after < len(doc) and doc[after].text == ":"
            after += colon
            content = next(((qs, qe) for qs, qe in quotes if qs == after and qe <= unit.end), None)
            if content is None and colon and after < unit.end and doc[after].text in QUOTE_CHARS:
                # a short quote is a quote too when a colon introduces it ('replied: "No comment."')
                close = next((t.i for t in doc[after + 1 : unit.end] if t.text in QUOTE_CHARS), None)
                content = (after, close + 1) if close is not None else None
            quoted = content is not None
        if content is None:
            # inverted order without a parsed clause: "<content>, said X." The content is
            # everything in the unit before the comma that precedes cue and speaker.
            first = min(verb.i, subj.left_edge.i)
            if first - 1 > unit.start and doc[first - 1].text == ",":
                content = (unit.start, first - 1)
            elif first - 1 > unit.start and doc[first - 1].text in QUOTE_CHARS:
                content = (unit.start, first)  # '"...!" insists X': the quote, marks included
            else:
                continue
        ts, te = _trim(doc, max(content[0], unit.start), min(content[1], unit.end))
        if ts >= te:
            continue
        speaker = _speaker_range(doc, subj, unit, None if wrapped else (ts, te))
        if speaker[0] >= speaker[1]:
            continue
        if quoted:
            ts, te = _trim(doc, ts + 1, te - 1)  # the words inside the marks
            if ts >= te:
                continue
        kind = "direct" if quoted or _is_direct_without_marks(doc, ts, te) else "indirect"
        cue_text = doc[s:e].text
        out.append((unit, speaker, (s, e), (ts, te), kind, cue_text, signals.get(label, "neutral")))
    return out


def _according_entry(label: str) -> dict:
    return next((a for a in _verb_data().get("according_to", []) if a["phrase"] == label), {})


def _names_a_source(span, sources: list[str] | None) -> bool:
    """Does ``span`` name someone or something that can be a source? Always true when the
    phrase lists no ``sources``; else a name, a kind of source from source_types.toml, or a
    listed word ("a UN report", "citing witnesses")."""
    if sources is None:
        return True
    if any(t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in span):
        return True
    if span.root.lemma_.lower() in sources or span.root.lower_ in sources:
        return True
    return _classify_text_span(span) is not None


def _according_candidates(doc, units):
    signals = cue_signals()
    out = []
    for label, s, e in _matches(doc, "according", _according_groups()):
        unit = units[_unit_index(units, s)]
        last = doc[e - 1]
        heads = [c for c in last.children if c.dep_ in {"pobj", "dobj"}]
        if not heads and e < len(doc):
            nxt = doc[e]
            chunk = next((nc for nc in doc.noun_chunks if nc.start == e), None)
            heads = [chunk.root] if chunk is not None else ([nxt] if nxt.pos_ in {"NOUN", "PROPN"} else [])
        if not heads:
            continue
        speaker = _speaker_range(doc, heads[0], unit, None)
        speaker = (speaker[0], min(speaker[1], unit.end))
        if speaker[0] >= speaker[1]:
            continue
        if not _names_a_source(doc[speaker[0] : speaker[1]], _according_entry(label).get("sources")):
            continue  # "citing stubborn inflation": a reason, not a source
        after = [t for t in doc[speaker[1] : unit.end] if not (t.is_punct or t.is_space)]
        before = [t for t in doc[unit.start : s] if not (t.is_punct or t.is_space)]
        if not after and before:
            content = (unit.start, s)
        elif not before and after:
            content = (speaker[1], unit.end)
        elif before:
            content = (unit.start, unit.end)  # the phrase sits in the middle of the claim
        else:
            continue
        ts, te = _trim(doc, *content)
        if ts >= te:
            continue
        out.append((unit, speaker, (s, e), (ts, te), "according_to", doc[s:e].text, signals.get(label, "neutral")))
    return out


def find_attributions(doc, *, resolve_pronouns: bool = True, window: int = 3) -> list[Attribution]:
    """Every attribution in ``doc``: speaker, cue, content, kind and source type.

    ``resolve_pronouns``: replace he/she/it/they by the last speaker found in the
    ``window`` sentences before (the pronoun is kept in ``resolved_from``).

    >>> doc = parse("The army claimed it had retaken the bridge. It also said two soldiers died.")
    >>> [(a.speaker, a.cue, a.cue_signal, a.resolved_from) for a in find_attributions(doc)]
    [('The army', 'claimed', 'distancing', None), ('The army', 'said', 'neutral', 'It')]
    """
    doc = _as_doc(doc)
    cache = getattr(doc, "user_data", None)  # a Doc has one; a Span does not
    cache_key = ("kit.attributions", resolve_pronouns, window)
    if cache is not None and cache_key in cache:  # several views of one text ask for the same results
        return list(cache[cache_key])
    units = _units(doc)
    unit_no = {u.start: n for n, u in enumerate(units)}
    quotes = _quotes(doc, units)
    raw = _verb_candidates(doc, units, quotes) + _according_candidates(doc, units)

    # direct quotes with marks: upgrade the cue whose content overlaps the quote, or
    # attach a cue-less quote to the speaker of a quote in the same or previous unit
    direct = []
    used_quotes = set()
    for q in quotes:
        inner = _trim(doc, q[0] + 1, q[1] - 1)
        for n, cand in enumerate(raw):
            unit, speaker, cue, content, kind, cue_text, sig = cand
            if _overlaps(content, q) and not _overlaps(speaker, q) and not _overlaps(cue, q):
                raw[n] = (unit, speaker, cue, inner, "direct", cue_text, sig)
                used_quotes.add(q)
                break
    for q in quotes:
        if q in used_quotes:
            continue
        qu = _unit_index(units, q[0])
        inner = _trim(doc, q[0] + 1, q[1] - 1)
        prev = [c for c in raw if c[4] == "direct" and unit_no[c[0].start] in {qu, qu - 1} and c[3][1] <= q[0]]
        if prev:
            unit, speaker, cue, content, kind, cue_text, sig = prev[-1]
            direct.append((units[qu], speaker, cue, inner, "direct", cue_text, sig))

    cands = sorted(raw + direct, key=lambda c: (c[3][0], c[2][0]))
    # one attribution per (cue, content)
    seen = set()
    result: list[Attribution] = []
    history: list[tuple[int, Attribution]] = []
    for unit, speaker, cue, content, kind, cue_text, sig in sorted(cands, key=lambda c: min(c[1][0], c[2][0], c[3][0])):
        key = (cue, content)
        if key in seen:
            continue
        seen.add(key)
        uidx = unit_no[unit.start]
        resolved = None
        sp = doc[speaker[0] : speaker[1]]
        if resolve_pronouns and len(sp) == 1 and sp[0].lower_ in PRONOUNS:
            # the speaker named last before the pronoun: in this sentence ("The agency said it
            # had reached ..., blaming ...": "it" is the agency), else in the sentences before
            earlier = [a for u, a in history if uidx - window <= u < uidx or (u == uidx and a.speaker_end <= sp.start_char)]
            earlier.sort(key=lambda a: a.speaker_start)
            if earlier:
                ante = earlier[-1]
                resolved = (ante.speaker, ante.source_type)
        att = _make(doc, speaker, cue, content, kind, cue_text, sig, units, resolved)
        result.append(att)
        if not (att.resolved_from is None and len(sp) == 1 and sp[0].lower_ in PRONOUNS):
            history.append((uidx, att))
    result.sort(key=lambda a: (a.start_char, a.cue_start))
    if cache is not None:
        cache[cache_key] = tuple(result)
    return result


# ---------------------------------------------------------------- unattributed


def find_unattributed(doc, *, attributions: list[Attribution] | None = None) -> list[Claim]:
    """Sentences that state a contested fact (deaths, strikes, control of a place, blame;
    see ``kit/attribution/data/en/contested_claims.toml``) and that no attribution covers.

    >>> doc = parse("Troops shelled the town, the mayor said. Six people were killed.")
    >>> [(c.text, c.reason) for c in find_unattributed(doc)]
    [('Six people were killed.', 'casualties')]
    """
    doc = _as_doc(doc)
    data = _claim_data()
    cats = data.get("category", [])
    groups = [(c["name"], c["words"]) for c in cats]
    questions = {c["name"]: c.get("question", "") for c in cats}
    order = {c["name"]: n for n, c in enumerate(cats)}
    atts = find_attributions(doc) if attributions is None else attributions
    hits = _matches(doc, "claims", groups)
    claims = []
    for unit in _units(doc):
        if any(a.start_char < unit.end_char and unit.start_char < a.end_char for a in atts):
            continue
        mine = [(label, s, e) for label, s, e in hits if unit.start <= s and e <= unit.end]
        if not mine:
            continue
        categories = tuple(sorted({m[0] for m in mine}, key=order.get))
        words = tuple(dict.fromkeys(doc[s:e].text for _, s, e in mine))
        claims.append(Claim(unit.text, unit.start_char, unit.end_char, categories[0], categories, words,
                            questions.get(categories[0], "")))
    return claims


def source_shares(attributions: list[Attribution], *, by: str = "chars") -> dict[str, float]:
    """How much of the story each source type supplies: share of attributed content
    (``by="chars"``, the default) or of attributions (``by="count"``), summing to 1.

    >>> a = Attribution("X", "said", "abcd", "indirect", "monitor", 0, 9, 0, 1, 2, 6, 5, 9)
    >>> b = Attribution("Y", "said", "ab", "indirect", "expert", 10, 15, 10, 11, 12, 16, 13, 15)
    >>> source_shares([a, b])
    {'monitor': 0.6666666666666666, 'expert': 0.3333333333333333}
    """
    totals: dict[str, float] = {}
    for a in attributions:
        w = (a.content_end - a.content_start) if by == "chars" else 1
        totals[a.source_type] = totals.get(a.source_type, 0) + w
    whole = sum(totals.values())
    if not whole:
        return {}
    ordered = sorted(totals, key=lambda t: SOURCE_TYPES.index(t) if t in SOURCE_TYPES else len(SOURCE_TYPES))
    return {t: totals[t] / whole for t in ordered}


def describe(a: Attribution) -> str:
    """One line a student can read: who, with which verb, what kind of source.

    >>> a = find_attributions(parse("The army claimed the bridge was safe."))[0]
    >>> describe(a)
    'The army (military) | cue: "claimed" (distancing) | indirect'
    """
    who = a.speaker + (f" [= {a.resolved_from}]" if a.resolved_from else "")
    return (f"{who} ({SOURCE_LABELS.get(a.source_type, a.source_type)}) | cue: \"{a.cue}\" "
            f"({a.cue_signal}) | {a.kind.replace('_', ' ')}")


def source_map(doc, *, by: str = "source_type", attributions=None, claims=None) -> list:
    """Highlights for a source map: each attribution coloured by its source type (or
    ``by="cue_signal"``), with its speaker and cue in the hover text; unsourced claims
    tagged ``"unattributed"``. An attribution inside another one is named in the outer
    one's hover text (the renderer marks each stretch of text once).

    >>> hl = source_map(parse("Two people died. Police said the road was closed."))
    >>> [(h.tag, h.start_char) for h in hl]
    [('unattributed', 0), ('official', 17)]
    """
    from kit.core.render import Highlight

    atts = find_attributions(doc) if attributions is None else attributions
    claims = find_unattributed(doc, attributions=atts) if claims is None else claims
    out = []
    for a in atts:
        inner = [b for b in atts if b is not a and a.start_char <= b.start_char and b.end_char <= a.end_char]
        tip = describe(a) + "".join(f"\n  inside: {describe(b)}" for b in inner)
        start, end = a.start_char, a.end_char
        crossed = [b for b in atts if b is not a and b.start_char < start < b.end_char < end]
        if crossed and not any(b.start_char < a.content_end and a.content_start < b.end_char for b in crossed):
            # a second quote given to a speaker named in the first one: mark its own words
            start, end = a.content_start, a.content_end
        out.append(Highlight(start, end, getattr(a, by), tip))
    for c in claims:
        out.append(Highlight(c.start_char, c.end_char, "unattributed",
                             f"No source given ({c.reason}: {', '.join(c.cues)}). {c.question}"))
    return sorted(out, key=lambda h: (h.start_char, -h.end_char))
