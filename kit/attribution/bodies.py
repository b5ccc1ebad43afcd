"""What the shape of a speaker phrase says about the body behind it, for source types
(:mod:`kit.attribution.sources`): a role of an organisation no list knows ("president of
California-based Brightline", "a KWA spokesperson"), a body or document marked as a state's
("a federal report", "the country's food agency"), and leaders of a named place.

>>> from kit.core.nlp import parse
>>> doc = parse("Leaders of Brant County said the budget was short.")
>>> leads_a_place(doc[0:4]), state_marked(parse("A federal report said so.")[0:3])
(True, True)
"""

from __future__ import annotations

from kit.attribution.chains import acronym_names
from kit.attribution.cues import matches, organisation_data, source_data
from kit.attribution.roles import role_data, role_heads

__all__ = ["a_place_speaks", "acronym", "attached_body", "document_author", "state_role", "based_name", "document_nouns", "bracketed_acronym", "led_coalition", "firms_lawyer", "firms_people", "leads_a_place", "lives_there", "place_role", "police_rank", "state_marked", "unknown_organisation"]

_OF_WORDS = {"of", "at", "for", "with", "from"}


def document_nouns() -> tuple[str, ...]:
    """Nouns for documents that speak for whoever made them ("study", "report"; source_types.toml)."""
    return tuple(source_data().get("coreference", {}).get("document_nouns", ()))


def unknown_organisation(span, skip=range(0), voice: bool = False) -> bool:
    """Does the phrase name an organisation (spaCy's ORG label) that is no place and no people,
    beside a role word ("Amtrak officials", "officials at Dunmore"), or is the role of an
    organisation ("Jo Lane, president of California-based Brightline")? ``voice``: the role
    only speaks for a body ("Skyway spokesman Tom Berry"), so the speaker's own name in ``skip``
    is no sign that the body is a person's."""
    heads = role_heads(span)
    if any(t.lower_ in _OF_WORDS and t.head.i in heads and any(
            c.dep_ == "pobj" and c.i not in skip and any(_names_organisation(x) or (acronym(x) and x.pos_ == "PROPN")
                                                       for x in c.subtree) for c in t.children) for t in span):
        return True
    return any((t.ent_type_ == "ORG" or acronym(t)) and t.pos_ == "PROPN" and t.i not in skip for t in span) and not any(
        t.ent_type_ in {"GPE", "NORP", "PERSON"} and not _based_in(t) and not (voice and t.i in skip) for t in span)


def acronym(tok) -> bool:
    """Is ``tok`` an acronym no list knows and no earlier phrase defines ("a KWA spokesman"):
    most such are organisations? Places ("US", "UK") are not."""
    return (2 <= len(tok.text) <= 6 and tok.text.isalpha() and tok.text.isupper()
            and tok.ent_type_ not in {"GPE", "NORP", "LOC"} and tok.text not in acronym_names(tok.doc))


def _names_organisation(tok) -> bool:
    """Is ``tok`` a name spaCy labels an organisation, or a name said to be based somewhere
    ("California-based Brightline": the parser may take the name for a person's)?"""
    return tok.text[:1].isupper() and ((tok.ent_type_ == "ORG" and tok.pos_ == "PROPN") or based_name(tok))


def based_name(tok) -> bool:
    """Is ``tok`` a capitalised name said to be based somewhere ("California-based Brightline")?
    People are seldom written so; organisations often are."""
    return tok.text[:1].isupper() and any(_based_in(t) for t in tok.doc[tok.left_edge.i : tok.i])


def _based_in(tok) -> bool:
    """Is ``tok`` the place of a "-based" modifier ("California-based Brightline"): it says
    where an organisation sits, not that the speaker works for that place?"""
    nxt = tok.doc[tok.i + 1 : tok.i + 3]
    return len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ == "based"


def state_marked(span) -> bool:
    """Is the phrase's head a body or a document of a state, by a state's mark on it: "a
    federal report", "the national water agency", "the country's anti-fraud office"
    (``[name_structure]`` government heads and marks of organisations.toml; a possessive
    country, nation or place)?"""
    data = organisation_data().get("name_structure", {})
    root = span.root
    documents = document_nouns()
    heads = set(data.get("government_heads", ())) | set(documents)
    ofs = [o for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    for noun in [root] + ofs:  # "the head of the country's agency": the body the role heads
        if noun.lemma_.lower() not in heads or not span.start <= noun.i < span.end:
            continue
        marks = set(data.get("government_marks", ())) | ({"official"} if noun.lemma_.lower() in documents else set())
        for c in noun.children:
            if c.dep_ in {"amod", "compound"} and c.lower_ in marks:  # "an official report", "a federal agency"
                return True
            if c.dep_ == "poss" and (c.lemma_.lower() in {"country", "nation", "state"} or c.ent_type_ == "GPE"):
                return True
    return False


def a_place_speaks(span) -> bool:
    """Is the speaker "the city", "the county", "the state" (a place word of ``[place_roles]``
    with "the" and nothing else)? A place that says something speaks through its government."""
    toks = [t for t in span if not t.is_punct]
    return (len(toks) == 2 and toks[0].lower_ == "the" and toks[1].lemma_.lower() in
            source_data().get("place_roles", {}).get("places", ()))


def leads_a_place(span) -> bool:
    """Is the phrase's head a role that runs a place ("leader") and says which place: "leaders
    in the border city of X", "leaders of Harlan County" (``[place_roles]``)?"""
    conf = source_data().get("place_roles", {})
    root = span.root
    if root.lemma_.lower() not in conf.get("roles", ()):
        return False
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.ent_type_ == "GPE" or obj.lemma_.lower() in conf.get("places", ()):
                return True
    return False


def police_rank(span) -> bool:
    """Is the phrase's role a rank police and armies share ("Sgt.", "Lt.", "captain") in a
    story about the police (a police word within ``[shared_ranks]`` ``window`` tokens)? Or is
    it "the force", a body police and armies share? Then the rank is a police officer's: official."""
    conf = source_data().get("shared_ranks", {})
    ranks = set(conf.get("ranks", ()))
    titled = [t.i for t in span[:3] if t.text[:1].isupper()]  # "Sgt" the parser cut from its name
    bare = [t for t in span if not t.is_punct]
    if not (any(span.doc[i].lower_.rstrip(".") in ranks for i in role_heads(span) | set(titled)) or (
            len(bare) == 2 and bare[0].lower_ == "the" and bare[1].lemma_.lower() in conf.get("bodies", ()))):
        return False
    start, end = max(0, span.start - conf.get("window", 400)), span.end + conf.get("window", 400)
    police = set(conf.get("police_words", ()))
    return any((t.lower_ in police or t.lemma_.lower() in police) and t.pos_ != "VERB" for t in span.doc[start:end])  # not "ships patrol"


def place_role(span) -> bool:
    """Is a role of the phrase owned by a place ("Burbank's chief financial officer", "the
    city's planner") or marked as a place's ("the district administrator")? A place's officer
    works for its government."""
    heads = role_heads(span)
    places = place_names(span.doc)
    words = set(source_data().get("place_roles", {}).get("places", ()))
    return any((c.dep_ == "poss" and (c.ent_type_ == "GPE" or c.lemma_.lower() in {"city", "town", "county"} or c.text in places))
               or (c.dep_ in {"compound", "amod"} and c.lower_ in words)  # "the district administrator"
               for i in heads for c in span.doc[i].children)


def place_names(doc) -> frozenset:
    """Names the text shows to be places even where the parser labels them otherwise: a name
    written before a place word of ``[place_roles]`` ("the Burbank City Council", "Harlan
    County") or after "city of" ("the city of Burbank")."""
    if "kit.places" not in doc.user_data:
        places = set(source_data().get("place_roles", {}).get("places", ()))
        found = set()
        for tok in doc[:-1]:
            nxt = doc[tok.i + 1]
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() and nxt.text[:1].isupper() and nxt.lower_ in places:
                found.add(tok.text)
            if tok.lower_ == "of" and tok.i > 0 and doc[tok.i - 1].lower_ in places and nxt.pos_ == "PROPN":
                found.add(nxt.text)
        doc.user_data["kit.places"] = frozenset(found)
    return doc.user_data["kit.places"]


def lives_there(doc, i: int) -> bool:
    """Does the sentence say the person named at token ``i`` lives nearby ("Ana Ruiz also lives
    on the street", "Ana Ruiz, who lives next door", "Ana Ruiz, whose house was flooded", "one of
    the houses is owned by Ana Ruiz")?
    Or that they saw it ("Ana Ruiz, who witnessed the crash")? Then they speak as an eyewitness."""
    tok = doc[i]
    verbs = {"live", "reside"}
    if tok.dep_ in {"nsubj"} and tok.head.lemma_ in verbs:
        return True
    homes = set(source_data().get("residents", {}).get("homes", ()))
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.lemma_ == "own":  # "a house owned by X"
        owned = [c for c in tok.head.head.children if c.dep_ == "nsubjpass"] + [tok.head.head.head]
        if any(t.lemma_.lower() in homes for o in owned for t in o.subtree):
            return True
    saw = set(source_data().get("residents", {}).get("saw", ()))  # "X, who witnessed the crash"
    return any(c.dep_ == "relcl" and (any(t.lemma_ in verbs for t in c.subtree) or c.lemma_ in saw or any(
        t.lower_ == "whose" and t.head.lemma_.lower() in homes for t in c.subtree)) for c in tok.children)  # "whose house"


def firms_lawyer(span) -> bool:
    """Is the phrase a lawyer named with a firm's name before the role ("Kestrel lawyer Ed
    Vane", "Kestrel's lawyer Ed Vane")? A lawyer speaks for the client: a company or organisation, not a state."""
    lawyers = {"lawyer", "attorney", "solicitor", "counsel", "barrister"}
    for i in role_heads(span):
        tok = span.doc[i]
        if tok.lemma_.lower() in lawyers and any(
                c.dep_ in {"compound", "amod", "poss"} and c.text[:1].isupper() and c.i < tok.i
                and c.lower_ not in _lawyer_sides() and (c.ent_type_ == "ORG" or acronym(c) or (c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ not in {"GPE", "NORP"}))
                for c in tok.children):
            return True
    return False


def _lawyer_sides() -> frozenset:
    """Words before "lawyer" that name a side or a field of law ("defense attorney"; roles.toml)."""
    return frozenset(role_data().get("lawyer_sides", ()))


def firms_people(span) -> bool:
    """Is a role of the phrase owned by a name spaCy labels an organisation ("Kestrel's owners",
    "Kestrel's managers")? They speak for the firm."""
    return any(c.dep_ == "poss" and c.ent_type_ == "ORG" and c.text[:1].isupper() and c.text not in place_names(span.doc)
               for i in role_heads(span) for c in span.doc[i].children)


def led_coalition(span) -> dict | None:
    """The military block for "the U.S.-led coalition", where the tokenizer keeps "U.S.-led" as
    one word (so the block's "-led coalition" cannot match)."""
    if any(t.lower_.endswith("-led") and t.head.lemma_.lower() in {"coalition", "force", "alliance"} for t in span):
        return next((dict(b, where=(span.start, span.end)) for b in organisation_data().get("organisation", [])
                     if b["kind"] == "military"), None)
    return None


def bracketed_acronym(doc, i: int) -> bool:
    """Is token ``i`` part of an acronym in brackets inside a name ("Athletics Federation (AAF)
    President Ana Ruiz")?"""
    for a in (i - 2, i - 1, i):
        if a >= 0 and a + 2 < len(doc) and doc[a].text == "(" and doc[a + 2].text == ")" and doc[a + 1].text.isupper():
            return True
    return False


_ATTACH = {"for", "of", "with", "at"}
_BODY_TYPES = {"organisation", "official", "military", "monitor", "state_media", "media", "expert", "foreign_government"}
_GENERIC = {None, "official", "organisation", "other"}


def attached_body(span, classify) -> tuple[str, str, bool] | None:
    """(type, kind, sure) of the body a person's role ties them to when the role word is one
    any body has ("an organizer for the machinists' union", "Chief of the Disaster Authority",
    "a spokesman with the agency"): the person speaks for that body, whatever trade the
    phrase gives them besides ("a former plant worker and an organizer for ..."). ``classify``
    types a token range (:func:`kit.attribution.sources._classify`); a role with a trade of
    its own ("an analyst at the bank", "a doctor at the clinic") or after "former" is left out."""
    doc = span.doc
    heads = role_heads(span)
    heads |= {c.i for i in list(heads) for c in doc[i].children if c.dep_ == "conj" and c.pos_ == "NOUN"}
    for i in sorted(heads):
        tok = doc[i]
        if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and not tok.ent_type_) or tok.lemma_.lower() in document_nouns() or any(
                c.lower_ == "former" for c in tok.children):
            continue
        own = classify(doc[i : i + 1])
        if (own[0] if own else None) not in _GENERIC or state_role(doc[i : i + 1]):
            continue  # "the mayor of X" runs a place, whatever the parser takes X for
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in _ATTACH):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            found = _body_of(doc, obj, span.end, classify) if obj is not None else None
            if found is not None:
                return found
    return None


def _body_of(doc, obj, stop: int, classify) -> tuple[str, str, bool] | None:
    """The type of the body an object of "for" / "of" names: the organisation spaCy labels in it
    (its whole name, not a person written after it), else the object's phrase; a body only."""
    ents = [e for e in doc.ents if e.label_ == "ORG" and obj.left_edge.i <= e.start <= obj.right_edge.i and e.end <= stop]
    org_nouns = set(source_data().get("coreference", {}).get("org_nouns", ()))
    places = source_data().get("place_roles", {}).get("places", ())
    if not ents and (obj.lemma_.lower() in places and any(c.lower_ in {"the", "this"} for c in obj.children) or any(
            t.text[:1].isupper() and t.lower_ in places and t.i > obj.left_edge.i and doc[t.i - 1].pos_ == "PROPN"
            for t in doc[obj.left_edge.i : min(obj.right_edge.i + 1, stop)])):
        return "official", "government", True  # "an attorney for the city", "director of services for Dunmore County"
    named = ents or obj.lemma_.lower() in org_nouns or (obj.pos_ == "PROPN" and obj.ent_type_ not in {"PERSON", "GPE"})
    rng = (ents[0].start, ents[0].end) if ents else (obj.left_edge.i, min(obj.right_edge.i + 1, stop))
    if rng[0] > 0 and doc[rng[0] - 1].lower_ == "the" and not ents:
        rng = (rng[0] - 1, rng[1])
    found = classify(doc[rng[0] : rng[1]])
    if found is None and ents:
        whole = classify(doc[obj.left_edge.i : min(obj.right_edge.i + 1, stop)])  # "the country's agency (ABC)"
        return whole if whole is not None and whole[0] in _BODY_TYPES else ("organisation", "", False)  # "a partner with X"
    if found is None or found[0] not in _BODY_TYPES or not (named or (found[2] and obj.is_lower and classify(doc[obj.i : obj.i + 1]))):
        return None  # "an analysis of figures": no body; "an official at the embassy": a body by its own word
    return found[0], found[1], bool(found[2] or ents)


def document_author(span, type_of) -> tuple[str, str, bool] | None:
    """(type, kind, sure) of who wrote a document that speaks ("X confirmed the arrest in a
    tweet that said ...", "the board announced it in a statement that read ..."): the subject
    of the verb the document is the means of; ``type_of`` types that subject's phrase
    (:func:`kit.attribution.sources.typed_source`). None when the phrase is no such document."""
    root = span.root
    if root.lemma_.lower() not in document_nouns() or root.dep_ != "pobj" or root.head.lower_ not in {"in", "on", "via", "through"}:
        return None
    verb = root.head.head
    for _ in range(2):  # "confirmed the arrest in a tweet": the object's verb
        if verb.pos_ in {"NOUN", "PROPN"} and verb.dep_ in {"dobj", "pobj"}:
            verb = verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < root.i), None) if verb.pos_ in {"VERB", "AUX"} else None
    if subj is None or subj.pos_ == "PRON":
        return None
    found = type_of(span.doc[subj.left_edge.i : subj.i + 1])
    return found if found[0] not in {"other", "unnamed"} else None


def state_role(words) -> bool:
    """Is the role word only a state's or a place's ("mayor", "governor", "senator";
    ``[state_roles]`` of source_types.toml)? "The mayor of X" speaks for X's government even when
    the parser takes X for an organisation."""
    roles = set(source_data().get("state_roles", {}).get("words", ()))
    text = " ".join(t.lemma_.lower() for t in words)
    return text in roles or words.text.lower().rstrip(".") in roles


def state_employer(span, where: tuple[int, int], rule_type) -> bool:
    """Does the expert's role at ``where`` belong to a state body ("an analyst AT the Energy
    Department", "a statistician with the finance ministry"): its staff speak for the state?
    ``rule_type``: :func:`kit.attribution.sources._rule_type`."""
    doc = span.doc
    for i in range(*where):
        for prep in (c for c in doc[i].children if c.dep_ == "prep" and c.lower_ in {"at", "with"}):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.i < span.end:
                found = rule_type(doc[obj.left_edge.i : min(obj.i + 1, span.end)])
                if found[0] == "official" and found[1]:
                    return True
    return False


def host_body(span, where: tuple[int, int], o_where: tuple[int, int]) -> bool:
    """Is the organisation at ``o_where`` the body a diplomat at ``where`` is sent to ("the
    ambassador TO the United Nations", "an envoy to the African Union"), not the one they speak for?"""
    doc = span.doc
    for i in range(*where):
        for prep in (c for c in doc[i].children if c.dep_ == "prep" and c.lower_ == "to"):
            if prep.i < o_where[0] and o_where[1] <= prep.right_edge.i + 1:
                return True
    return False


def envoy_to(doc, i: int) -> bool:
    """Is token ``i`` the "to" (or the "the" after it) of an envoy's title ("Ambassador to the
    United Nations", "envoy to Mali"; ``[envoys]`` of source_types.toml) before a capital?"""
    to = i - 1 if doc[i].lower_ == "the" else i
    return (to >= 1 and doc[to].lower_ == "to" and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()
            and doc[to - 1].lower_ in source_data().get("envoys", {}).get("titles", ()))


def guess_word(words, rule: str) -> bool:
    """Is the rule word ``words`` one whose type is only a guess (``unsure`` in its ``[[rule]]``
    block of source_types.toml: "students", "a watchdog")?"""
    lemmas, text = " ".join(t.lemma_.lower() for t in words), words.text.lower()
    return any(lemmas in b.get("unsure", ()) or text in b.get("unsure", ())
               for b in source_data().get("rule", []) if b["type"] == rule)


def document_issuer(span, type_of) -> tuple[str, str, bool] | None:
    """(type, kind, not sure) of who issued a release, statement or email that speaks with no
    author in the phrase (``issued_documents`` of source_types.toml): "X cut its rates, according
    to a press release": the sentence's subject X; "X sent an email ... 'Y,' said the email": the
    subject of the verb the email was the object of, in the nearest earlier mention. A guess:
    students see a question. None when there is no such subject."""
    nouns = source_data().get("coreference", {}).get("issued_documents", ())
    root = span.root
    if root.lemma_.lower() not in nouns and root.lower_ not in nouns:
        return None
    mention = root
    if span[0].lower_ in {"the", "this", "that"}:
        earlier = [t for t in span.doc[max(0, root.i - 400) : span.start] if t.lemma_ == root.lemma_ and t.dep_ in {"dobj", "pobj"}]
        mention = earlier[-1] if earlier else None
    if mention is None:
        return None
    if mention.dep_ == "pobj" and mention.head.lower_ == "to" and mention.head.head.lower_ == "according":
        verb = mention.sent.root  # "X cut its rates, according to a press release"
    elif mention.dep_ == "dobj" or (mention.dep_ == "pobj" and mention.head.lower_ in {"in", "via", "through"}):
        verb = mention.head if mention.dep_ == "dobj" else mention.head.head  # "X sent an email", "X said in a statement"
    else:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < mention.i), None)
    if subj is None or subj.pos_ == "PRON" or verb.pos_ not in {"VERB", "AUX"}:
        return None
    found = type_of(span.doc[subj.left_edge.i : subj.i + 1])
    return (found[0], found[1], False) if found[0] not in {"other", "unnamed"} else None


def coordinated_role(doc, start: int) -> int:
    """Where a speaker's roles start when the phrase found opens with the second of two roles
    joined by "and" ("[Independent election observer and] civil society activist Ana Ruiz"):
    the first role is the speaker's too. ``start`` when there is none."""
    if start < 2 or doc[start - 1].lower_ != "and" or doc[start - 2].pos_ != "NOUN" or doc[start].pos_ not in {"NOUN", "ADJ"}:
        return start
    first = doc[start - 2].left_edge.i
    sent = doc[start].sent.start
    words = doc[first : start - 1]
    if first < sent or any(t.pos_ in {"PROPN", "PUNCT", "VERB", "AUX", "PRON"} for t in words):
        return start
    return first


def political(span) -> bool:
    """Does the phrase name a politician or a party ("opposition sources", "the leader of the
    rival party", "a lawmaker"; ``[politics]`` of source_types.toml)? Whether they speak for a
    state, a party or themselves depends on who governs: the kit's type is a guess."""
    words = source_data().get("politics", {}).get("words", ())
    return bool(matches(span, "politics", [("politics", list(words))]))
