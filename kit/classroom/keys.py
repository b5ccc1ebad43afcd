"""Quiz keys a student cannot read or release: sealed banks and the teacher's release codes.

In the repository (the teacher's side) the banks hold their keys: :func:`kit.load_bank`
returns every item with its ``answer`` and ``explanation``. A **student copy** made for a class
(``python -m kit student-copy``, see ``lessons/README.md``) holds *sealed* banks instead:

* no answer in the file, and nothing that can tell a right option from a wrong one (no hash,
  no score): until the teacher releases the key, the student's computer saves the choices and
  says the teacher will share the score; the gradebook scores them from the repository's key;
* the answers and explanations are encrypted with the form's **release code**, an HMAC of the
  class name and the form with the teacher's secret. The secret stays on the teacher's side
  (``$KIT_TEACHER_SECRET`` or the file ``~/.kit_teacher_secret``); a student cannot make a code
  that opens the key, and a file named like the old release flag releases nothing.

The teacher releases a form's key by giving the class its code (``python -m kit release-code``):
typed into the quiz's *Teacher's code* box, or set for the kernels as ``$KIT_QUIZ_KEY``.

Once the teacher releases a form, its key opens on the students' computers: then the quiz
shows the score and the explanations. The first final attempt is the one that counts.

>>> secret = b"teacher secret for a doctest"
>>> code = release_code("9B", "quiz_b", secret)
>>> blob = seal_items({"b01": ["junta", "Why."]}, code)
>>> open_items(blob, code)
{'b01': ['junta', 'Why.']}
>>> open_items(blob, "AAAA-AAAA-AAAA") is None
True
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

RELEASE_ENV = "KIT_QUIZ_KEY"
CODES_ENTRY = "quiz_release_codes"  #: where codes a student typed are kept in kit_answers.json
SECRET_ENV = "KIT_TEACHER_SECRET"
SECRET_FILE = Path.home() / ".kit_teacher_secret"
#: The only fields a sealed item keeps (everything else stays in the sealed key or is left out).
SEALED_FIELDS = ("id", "lens", "skill", "text", "question", "choices")


def teacher_secret(*, create: bool = False) -> bytes | None:
    """The teacher's secret: ``$KIT_TEACHER_SECRET``, else ``~/.kit_teacher_secret`` (made on first use when ``create``)."""
    env = os.environ.get(SECRET_ENV, "").strip()
    if env:
        return env.encode()
    try:
        return SECRET_FILE.read_bytes().strip() or None
    except OSError:
        pass
    if not create:
        return None
    value = secrets.token_hex(32).encode()
    fd = os.open(SECRET_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # readable by the teacher only
    with os.fdopen(fd, "wb") as f:
        f.write(value)
    return value


def release_code(class_name: str, form: str, secret: bytes) -> str:
    """The code that releases ``form``'s key for one class: 12 letters and digits in three groups.

    >>> release_code("9B", "quiz_a", b"s") == release_code("9B", "quiz_a", b"s") != release_code("9C", "quiz_a", b"s")
    True
    """
    digest = hmac.new(secret, f"{class_name.strip()}|{form}".encode(), hashlib.sha256).digest()
    text = base64.b32encode(digest).decode()[:12]
    return "-".join(text[i:i + 4] for i in (0, 4, 8))


def normal_code(code: str) -> str:
    """A typed code in its standard form (case, spaces and dashes do not matter).

    >>> normal_code(" abcd efgh-ijkl ")
    'ABCD-EFGH-IJKL'
    """
    text = "".join(c for c in str(code).upper() if c.isalnum())[:12]
    return "-".join(text[i:i + 4] for i in (0, 4, 8)) if len(text) == 12 else text


def _stream(code: str, nonce: bytes, length: int) -> bytes:
    key = hashlib.sha256(b"kit-seal|" + normal_code(code).encode()).digest()
    out = b""
    counter = 0
    while len(out) < length:
        out += hmac.new(key, nonce + counter.to_bytes(8, "big"), hashlib.sha256).digest()
        counter += 1
    return out[:length]


def seal_items(keys: dict, code: str) -> str:
    """``{item id: [answer, explanation]}`` encrypted and authenticated with a release code (text)."""
    plain = json.dumps(keys, ensure_ascii=False).encode()
    nonce = secrets.token_bytes(16)
    body = bytes(a ^ b for a, b in zip(plain, _stream(code, nonce, len(plain))))
    mac_key = hashlib.sha256(b"kit-mac|" + normal_code(code).encode()).digest()
    tag = hmac.new(mac_key, nonce + body, hashlib.sha256).digest()
    return base64.b64encode(nonce + tag + body).decode("ascii")


def open_items(blob: str, code: str) -> dict | None:
    """The sealed keys when ``code`` is the right release code, else None. Never raises."""
    try:
        raw = base64.b64decode(str(blob).encode("ascii"), validate=True)
        nonce, tag, body = raw[:16], raw[16:48], raw[48:]
        mac_key = hashlib.sha256(b"kit-mac|" + normal_code(code).encode()).digest()
        if not hmac.compare_digest(tag, hmac.new(mac_key, nonce + body, hashlib.sha256).digest()):
            return None
        plain = bytes(a ^ b for a, b in zip(body, _stream(code, nonce, len(body))))
        data = json.loads(plain.decode("utf-8"))
        return data if isinstance(data, dict) else None
    except (ValueError, UnicodeDecodeError):
        return None


def seal_bank(raw: dict, class_name: str, secret: bytes) -> dict:
    """A bank's JSON as a student copy holds it: no answers, explanations or hashes; a sealed key.

    >>> from kit.classroom.quiz import DATA
    >>> raw = json.loads((DATA / "quiz_a.json").read_text(encoding="utf-8"))
    >>> sealed = seal_bank(raw, "9B", b"s")
    >>> "answer" in sealed["items"][0] or raw["items"][0]["explanation"] in json.dumps(sealed)
    False
    >>> sorted(sealed["items"][0]) == sorted(SEALED_FIELDS)
    True
    """
    code = release_code(class_name, str(raw["id"]), secret)
    items, keys = [], {}
    for item in raw["items"]:
        keys[item["id"]] = [item["answer"], item["explanation"]]
        items.append({k: item[k] for k in SEALED_FIELDS if k in item})
    return {k: v for k, v in raw.items() if k != "items"} | {"items": items, "sealed": seal_items(keys, code)}


def typed_codes() -> list[str]:
    """Codes the teacher gave for the kernels (``$KIT_QUIZ_KEY``, several separated by commas)."""
    return [c for c in os.environ.get(RELEASE_ENV, "").split(",") if c.strip()]


def known_codes() -> list[str]:
    """Release codes this student has: set for the kernels, or typed into a quiz's code box."""
    from kit.classroom.answers import load_answers

    saved = load_answers().get(CODES_ENTRY, {})
    saved = saved.get("answer", []) if isinstance(saved, dict) else []
    return typed_codes() + [str(c) for c in (saved if isinstance(saved, list) else [])]
