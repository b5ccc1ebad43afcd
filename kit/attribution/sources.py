"""What kind of source a speaker is (official, monitor, expert, eyewitness ...), by the rules
and known names in ``kit/attribution/data/en/source_types.toml``.

>>> from kit.core.nlp import parse
>>> doc = parse("A military statement published by the official news agency said so.")
>>> source_type_of(doc[0:9])
'military'
"""

from __future__ import annotations

from kit.attribution.chains import defined_acronyms, name_key, definite_antecedents, is_definite_mention, is_name, mention_context
from kit.attribution.bodies import a_place_speaks, political, coordinated_role, document_issuer, envoy_to, guess_word, state_employer, acronym, attached_body, document_author, based_name, document_nouns, bracketed_acronym, firms_lawyer, firms_people, state_role, leads_a_place, lives_there, place_role, police_rank, unknown_organisation
from kit.attribution.conventions import politician, unsigned_reports
from kit.attribution.cues import matches, source_data
from kit.attribution.index import doc_index
from kit.attribution.places import at_home, home_country, names_home_country, state_voice
from kit.attribution.roles import role_heads, role_type
from kit.attribution.orgs import speakers_body
from kit.attribution.naming import names_a_source  # noqa: F401  (re-exported: kit.attribution.candidates)
from kit.attribution.speakers import PRONOUNS

__all__ = ["source_of", "source_type_of", "typed_source"]


#: Roles that only speak for a body: the body named before them decides ("the Foreign Ministry spokeswoman").
_VOICES = {"spokesman", "spokeswoman", "spokesperson", "official", "representative"}
#: Prepositions after a document noun that give its topic, not its author ("a report on police abuses").


def _classify_text_span(span) -> str | None:
    """The source type the words of ``span`` give, or None (see :func:`_classify`)."""
    found = _classify(span)
    return None if found is None else found[0]


def _classify(span) -> tuple[str, str, bool] | None:
    """(type, organisation kind, sure) from the words of ``span`` (:func:`_classify_words`); a
    guess when the phrase is a politician's or a party's (:func:`kit.attribution.bodies.political`)."""
    found = politician(span, _classify_words(span))  # "opposition sources": a politician (settled), a guess
    return (found[0], found[1], False) if found and found[2] and found[0] != "other" and political(span) else found


def _classify_words(span) -> tuple[str, str, bool] | None:
    """(type, organisation kind, sure) from the words of ``span``: a known name first; then
    the organisation named in the phrase (``organisations.toml``), which a role word may only
    refine (``refine_to``); then a role rule of ``source_types.toml`` on the role's head noun;
    then an occupation of ``roles.toml`` on it; then a role rule on another word (not sure);
    then the structure of an organisation's name (:mod:`kit.attribution.roles`).

    >>> from kit.core.nlp import parse
    >>> doc = parse("A nurses' union leader and airline officials")
    >>> _classify(doc[0:4]), _classify(doc[5:7])
    (('organisation', 'union', True), ('organisation', 'company', True))
    """
    overrides = source_data().get("override", [])
    groups_o = [(o["type"] + "|" + o["name"], [o["name"]]) for o in overrides]
    found_o = matches(span, "override", groups_o) if groups_o else []
    rule, on_head, where = _rule_type(span)
    if found_o and not (rule == "eyewitness" and on_head):  # "a Reuters witness" saw it: an eyewitness
        return found_o[0][0].split("|", 1)[0], "", True
    body = attached_body(span, _classify) if len(span) > 1 and not (on_head and where[1] - where[0] > 2) else None  # "head of state"
    if body is not None and not (rule == "unnamed" and on_head) and not (rule == "foreign_government" and body[0] == "official"):
        return body  # "an organizer for the union", "Chief of the Disaster Authority": the body speaks
    org = speakers_body(span, rule, on_head, where)
    if rule == "foreign_government" and names_home_country(span, most_named=True):
        if not home_country(span.doc):
            return "official", "government", False  # a story that names Iran most: its own ministry, a guess
        rule = "official"  # the Afghan foreign ministry in a story from Kabul speaks for its own state
    if rule == "expert" and on_head and state_employer(span, where, _rule_type):
        return "official", "government", True  # "an analyst at the Energy Department" speaks for a state body
    role = role_type(span)
    if rule == "unnamed" and on_head and span.root.lemma_.lower() in source_data().get("unnamed_heads", ()):
        return "unnamed", "", True  # "a source in the armed group": who it is stays hidden
    if rule == "unnamed" and (on_head or unsigned_reports(span)) and org is None:
        by = _rule_type(_before_head(span))[0]  # "local media reports": media; "police reports": official
        if by not in (None, "unnamed") or unsigned_reports(span):  # "reports say": the media's, a guess
            return by or "media", "", by is not None
    if org is not None:
        o_start, o_end = org.get("where", (0, 0))
        inside = o_start <= where[0] and where[1] <= o_end and where[1] - where[0] < o_end - o_start
        by = _rule_type(span.doc[span.start : where[0]])[0] if rule == "official" and on_head and span.doc[
            where[0]].lemma_.lower() in _VOICES else None
        if by not in (None, "official") and by in org.get("refine_to", ()):
            return by, org["kind"], True  # "the Foreign Ministry spokeswoman" speaks for the foreign ministry
        if rule is not None and rule in org.get("refine_to", ()) and not inside:  # "police FORCE" stays police
            return rule, org["kind"], True
        if role is not None and role[0] in org.get("role_refine_to", ()):
            # "a trader at a bank": the trade says more (a state body's staff speak for it: no refinement there)
            return role[0], org["kind"], role[1] and org["kind"] != "government"
        # a state body's scientist ("forecasters with the weather service") speaks for it, but may be asked as an expert
        return org["type"], org["kind"], org.get("sure", True) and not (role is not None and role[0] == "expert" and org["kind"] == "government")
    if (role is not None and role[0] == "other" and not role[1] and firms_lawyer(span)) or (
            rule in {"eyewitness", None} and firms_people(span)):
        return "organisation", "", False  # "Brightline lawyer Ed Vane" speaks for the firm
    if police_rank(span) and (role is None or role[0] in {"military", "official"}):
        return "official", "", False  # "Sgt. Ana Ruiz" in a story about the police
    if place_role(span) and (role is None or role[0] == "organisation") and rule in (None, "official"):
        return "official", "", True  # "Burbank's chief financial officer" works for the city
    if rule is not None and on_head:
        # "magistrate Ana Ruiz": the name after a role is a person's, whatever the parser's label
        skip = range(where[0], span.root.i + 1) if span.root.pos_ == "PROPN" and where[1] <= span.root.i else range(*where)
        voice = span.doc[where[0]].lemma_.lower() in _VOICES - {"official"}  # "Skyway spokesman Tom Berry"
        if rule == "official" and unknown_organisation(span, skip=skip, voice=voice) and not state_role(span.doc[where[0] : where[1]]) and (
                _rule_type(span.doc[span.start : where[0]])[0] is None):  # "Kremlin spokesman": a known state body
            return state_voice(span) or ("organisation", "", False)  # "Amtrak officials": a body the kit does not know
        return rule, "", span.root.lemma_.lower() not in document_nouns() and not guess_word(span.doc[where[0]:where[1]], rule)
    if role is not None and role[0] == "organisation" and rule == "official" and all(t.is_lower for t in span.doc[slice(*where)]):
        return "official", "", role[1]  # "board of finance chairman X", "county health department director X"
    if role is not None:
        return role[0], "", role[1]
    if rule is None and (leads_a_place(span) or a_place_speaks(span)):
        return "official", "", True  # "leaders in the city of X" run a city; "the county said"
    if rule is None and role is None and any(t.lemma_ in {"live", "reside"} and t.dep_ in {"acl", "relcl"} for t in span):
        return "eyewitness", "", True  # "a man living near the tracks", "a woman who lives there": a resident
    if rule is None and based_name(span.root):
        return "organisation", "", False  # "California-based Brightline": a firm, most likely
    return None if rule is None else (rule, "", False)


def _rule_type(span) -> tuple[str | None, bool, tuple[int, int]]:
    """(type, on a role head?, where its words are) of the first role rule matching ``span``; a word that is a head
    noun of the role (:func:`kit.attribution.roles.role_heads`) decides first ("the UN refugee
    AGENCY" is an organisation, not a refugee); a word inside a possessive only says whose the
    speaker is ("the president's supporters")."""
    rules = source_data().get("rule", [])
    found = matches(span, "rules", [(f"{n}|{r['type']}", r["words"]) for n, r in enumerate(rules)])
    poss = [(t.left_edge.i, t.i + 2) for t in span if t.dep_ == "poss" and t.head.i != t.i
            and not (t.i == span.root.i and t.ent_type_ == "PERSON")]  # "Council Member X's motion": X's own title
    found = [m for m in found if not any(a <= m[1] and m[2] <= b for a, b in poss)]
    if not found:
        return None, False, (0, 0)
    heads = role_heads(span)
    on_head = [m for m in found if any(m[1] <= h < m[2] for h in heads)]
    # on a role head, the longest words first ("general secretary" before "secretary"), then file order
    best = min(on_head or found, key=lambda m: (-(m[2] - m[1]) if on_head else 0, int(m[0].split("|")[0])))
    return best[0].split("|", 1)[1], bool(on_head), (best[1], best[2])


def _core_range(span) -> tuple[int, int]:
    """The speaker without an agent phrase ('a military statement' of 'a military statement
    published by the official news agency'): who made the claim before who passed it on."""
    end = span.end
    for tok in span:
        if tok.dep_ == "agent" or (tok.lower_ == "by" and tok.head.dep_ == "acl"):
            head = tok.head if tok.head.dep_ == "acl" else tok
            end = min(end, head.left_edge.i if head.i >= span.start else tok.i)
    return span.start, max(span.start + 1, end)


def _chain_type(doc, span) -> tuple[str, str] | None:
    """The type of the chain a short mention belongs to: an acronym defined earlier ("the
    CBR" after "the Central Bank of Russia (CBR)"), or a name alone ("Reyes") typed by the
    first mention of its last word that says who it is: with its title ("Col. Dana Reyes"),
    an appositive, or a role in the sentence before (:mod:`kit.attribution.chains`).
    Looked up once per word (:class:`kit.attribution.index.DocIndex`)."""
    defs = defined_acronyms(doc)
    for tok in span:
        if tok.text in defs and defs[tok.text][1] <= span.start:
            found = _classify(doc[slice(*defs[tok.text])])
            if found:
                return found
    if not is_name(span):
        return None
    cache = doc_index(doc).__dict__.setdefault("chain_types", {})
    key = name_key(span)
    if key not in cache:
        cache[key] = []
        index = doc_index(doc)
        for i in sorted(index.positions_of(doc, key) + index.positions_of(doc, key + ".")):  # "... of X." ends a line
            if doc[i].pos_ != "PROPN" and not based_name(doc[i]) or (i and doc[i - 1].lower_ in {"of", "for"}):
                continue  # "California-based SpaceX." may be a noun; "Department of Health" ends in no surname
            if lives_there(doc, i):
                cache[key].append((i, ("eyewitness", "", False)))  # "X, who lives next door"
                continue
            for rng in [(min(_name_start(doc, i), i), i + 1)] + mention_context(doc, i):
                found = _classify(doc[rng[0] : rng[1]])
                if found:
                    if rng[1] <= doc[i].sent.start:  # a role in the sentence before: a guess
                        found = (found[0], found[1], False)
                    cache[key].append((i, found))
                    break
    early = next((found for i, found in cache[key] if i < span.end), None)
    return early or next(((f[0], f[1], False) for i, f in cache[key]), None)  # a role given only later: a guess


def _name_start(doc, i: int) -> int:
    """Where the name ending at token ``i`` starts: back over names, adjectives, compounds,
    hyphens, an "of" between capitals, a title cut from its full stop and a possessive name
    ("Syrian President Bashar al-Assad", "Chief of the Flood Authority Gen. X", "Spokesman
    Sgt. X", "Kestrel's lawyer X"), not across a line break."""
    s = i + 1
    while s - 1 >= 0 and "\n" not in doc[s - 1].text:
        prev = doc[s - 1]
        if bracketed_acronym(doc, s - 1) or prev.pos_ in {"PROPN", "ADJ"} or prev.dep_ in {"compound", "amod"} or (
                prev.lower_ in {"of", "for"} and s >= 2 and doc[s - 2].text[:1].isupper() and doc[s].text[:1].isupper()) or (
                prev.text == "-" and not prev.whitespace_):
            s -= 1
        elif s >= 3 and doc[s - 2].lower_ in {"of", "for"} and prev.pos_ == doc[s - 3].pos_ == "NOUN" and doc[s - 3].head.i >= s:
            s -= 3  # "board of finance Chairman X": the body a title belongs to, in lower case before it
        elif s >= 3 and prev.lower_ in {"to", "the"} and envoy_to(doc, s - 1):
            s -= 2 if prev.lower_ == "to" else 3  # "Ambassador to the United Nations X": the envoy's title
        elif s >= 2 and ((prev.text == "." and doc[s - 2].lower_ in source_data().get("titles", ()))
                         or (prev.dep_ == "case" and doc[s - 2].dep_ == "poss" and doc[s - 2].pos_ == "PROPN")):
            s -= 2  # "Sgt" "." the parser split; "Kestrel" "'s"
        else:
            break
    return s


def source_type_of(span) -> str:
    """The source type of a speaker phrase (a spaCy Span), by the rules in
    ``kit/attribution/data/en/source_types.toml`` and ``organisations.toml``.

    >>> from kit.core.nlp import parse
    >>> doc = parse("Aaron Lee, an analyst at the Delta Institute, said so.")
    >>> source_type_of(doc[0:10])
    'expert'
    """
    return source_of(span)[0]


def source_of(span) -> tuple[str, str]:
    """(source type, organisation kind or "") of a speaker phrase: its own words (without an
    agent phrase first), else its mention chain, else a country, a name or the fallback.

    >>> from kit.core.nlp import parse
    >>> doc = parse("Col. Dana Reyes, a spokeswoman for the coalition, spoke. Reyes said no.")
    >>> source_of(doc[13:14])
    ('military', '')
    """
    return typed_source(span)[:2]


def typed_source(span) -> tuple[str, str, bool]:
    """(type, kind, sure) of a speaker phrase, as :func:`source_of`, and whether the kit is
    sure of the type: a known name, an organisation, a role's head noun are sure; a role word
    that only modifies another, a name with no role, a bare pronoun are not.

    >>> from kit.core.nlp import parse
    >>> doc = parse("The Regional Water Agency cut supplies. The agency said rain was needed.")
    >>> typed_source(doc[7:9])
    ('official', 'government', True)
    >>> typed_source(parse("Jo Marsh said so.")[0:2])
    ('other', '', False)
    """
    return at_home(span, _typed_source(span))  # a foreign state's voice in a story with no dateline: a guess


def _typed_source(span) -> tuple[str, str, bool]:
    """(type, kind, sure) of a speaker phrase (:func:`typed_source`) before the home check."""
    data = source_data()
    doc = span.doc
    if len(span) == 1 and span[0].lower_ in PRONOUNS | {"i", "we"}:
        return "unnamed", "", False
    guess = _antecedent_type(doc, span) if is_definite_mention(span) else None  # "the agency" named before
    if guess and guess[2]:
        return guess
    found = _possessor_type(doc, span) or document_author(span, typed_source)  # "the agency's chair", "X said in a tweet that"
    if found:
        return found
    found = _body_after(doc, span)  # "Alan Walters, of the agency", "a survey of doctors by the Trust"
    if found:
        return found
    cs, ce = _core_range(span)
    cs = min(cs, _name_start(doc, ce - 1)) if bracketed_acronym(doc, cs - 1) else cs  # "... (AAF) President X"
    cs = coordinated_role(doc, cs)
    own = None if guess else _classify(doc[cs:ce]) or (_classify(span) if ce < span.end else None)
    if own and own[2]:
        return own
    found = _chain_type(doc, span)
    if found and (found[2] or not (guess or own)) and not (own and own[0] == found[0] and not is_name(span)):  # a role's doubt stands
        return found  # "Dr. Ali" after "President Dr. Ali", "the DfE" after "the Department for Education (DfE)"
    if guess or own:
        return guess or own
    found = document_issuer(span, typed_source)  # "according to a press release", "said the email"
    if found:
        return found
    content_toks = [t for t in span if not (t.is_punct or t.pos_ in {"DET", "CCONJ"})]
    if content_toks and all(t.ent_type_ == "GPE" for t in content_toks):
        if names_home_country(span, most_named=True):
            return "official", "", True  # "Uganda said" in a story about Uganda: its own government
        return data.get("country_speaker", "foreign_government"), "", True
    if any(t.ent_type_ == "ORG" for t in span) and not any(t.ent_type_ == "PERSON" for t in span):
        return "organisation", "", False  # a body the kit does not know: probably an organisation
    if len(content_toks) == 1 and acronym(content_toks[0]) and content_toks[0].pos_ == "PROPN":
        return "organisation", "", False  # "MLGW said": initials the kit does not know, most likely a body
    if any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span):
        return data.get("named_person", "other"), "", False
    return data.get("fallback", "other"), "", False


def _before_head(span):
    """The words of ``span`` before its head ("local media" of "local media reports")."""
    return span.doc[span.start : max(span.start, span.root.i)]


def _body_after(doc, span) -> tuple[str, str, bool] | None:
    """The type of the body named after the speaker's head when the head says nothing of its
    own: a name "of the agency" (that agency, named before) or a study, survey or tweet "by" or
    "from" someone (its author)."""
    root = span.root
    words = {"by", "from"} if root.lemma_.lower() in document_nouns() else {"of"} if root.pos_ == "PROPN" else set()
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in words
                 and (c.lower_ != "of" or doc[c.i - 1].text == ",")):  # "Ana Bloom, of the agency", "a tweet from X"
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.i >= span.end:
            continue
        ent = next((e for e in doc.ents if e.label_ == "ORG" and e.start <= obj.i < e.end and e.end <= span.end), None)
        body = ent if ent is not None else doc[obj.left_edge.i : obj.i + 1]  # "of the Centers for Disease Control"
        found = _antecedent_type(doc, body) if is_definite_mention(body) else _classify(body)
        if found is None and any(t.ent_type_ == "ORG" for t in body):
            found = ("organisation", "", False)
        if found:
            return found
    return None


def _possessor_type(doc, span) -> tuple[str, str, bool] | None:
    """The type of the organisation a role belongs to when it is written as a definite
    possessive of an organisation noun ("the agency's chair", "the company's spokesman")."""
    org_nouns = set(source_data().get("coreference", {}).get("org_nouns", ()))
    for tok in span:
        if tok.dep_ == "poss" and tok.lemma_.lower() in org_nouns and tok.i - 1 >= span.start \
                and span.doc[tok.i - 1].lower_ in {"the", "this", "that"}:
            return _antecedent_type(doc, span.doc[tok.i - 1 : tok.i + 1])
    return None


def _antecedent_type(doc, span) -> tuple[str, str, bool] | None:
    """The type of the fuller mention "the agency" / "the report" points back to, within a
    window (:func:`kit.attribution.chains.definite_antecedents`)."""
    conf = source_data().get("coreference", {})
    backup = None
    own = _classify(span)  # "the company" is a company whatever was named before it
    document = span.root.lemma_.lower() in document_nouns()
    named = False  # a fuller name of the mention's own noun the kit cannot type ("the Delta Fire Center")
    for s, e, *how in definite_antecedents(doc, span, window=conf.get("window", 400),
                                           org_nouns=frozenset(conf.get("org_nouns", ()))):
        found = _classify(doc[s:e])
        if how == ["org"] and named:
            break  # that name is what "the center" stands for: not another organisation named before it
        named = named or (not how and found is None and any(t.pos_ == "PROPN" for t in doc[s:e]))
        if found and how == ["org"] and own is not None and found[0] != own[0]:
            continue  # an organisation named before, of another kind than the mention says
        if found and document and own is not None and found[0] == own[0]:
            backup = backup or found  # "the study by examining ...": its author may be named further back
            continue
        if found:
            if how == ["later"]:  # named in full only later: a guess, unless the mention's own words agree
                return own if own is not None and own[0] == found[0] else (found[0], found[1], False)
            return found
        if backup is None and any(t.ent_type_ == "ORG" for t in doc[s:e]):
            backup = ("organisation", "", False)  # an organisation the kit does not know, if none it knows
    backup = backup or ((own or ("organisation", "", False)) if named else None)  # "the fire center": that center
    if backup == ("organisation", "", False) and own is not None:
        return own  # "the force" in a police story: the noun says more than a body the kit does not know
    return backup
