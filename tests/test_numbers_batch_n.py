"""Number patterns seen in batch N, each tested on sentences of our own."""
from kit.numbers import find_numbers


def _one(text: str, part: str):
    """The figure whose text contains ``part``."""
    found = [q for q in find_numbers(text) if part in q.text]
    assert found, [q.text for q in find_numbers(text)]
    return found[0]


def test_singapore_dollars_glued_to_the_number_are_money():
    q = _one("The fine was RM5,000 (S$1,620) in total.", "1,620")
    assert (q.kind, q.low, q.high) == ("money", 1620, 1620)


def test_the_vast_majority_of_is_more_than_half():
    q = _one("The poll found that the vast majority of farmers sell their crops locally.", "majority")
    assert (q.kind, q.low, q.high, q.low_inclusive) == ("proportion", 0.5, 1, False)


def test_near_before_a_number_is_just_under_it():
    q = _one("Visitor numbers near 2 million this year.", "2 million")
    assert (q.low, q.high, q.high_inclusive) == (1800000, 2000000, False)


def test_within_before_a_count_of_places_is_no_limit():
    q = _one("Divers counted fish within three lagoons along the coast.", "three")
    assert (q.low, q.high) == (3, 3)
    q = _one("Results are due within three days.", "three")
    assert (q.low, q.high) == (None, 3)
