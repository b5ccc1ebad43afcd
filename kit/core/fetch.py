"""Reading a web page's article text (needs the internet): one function for notebook 06,
``python -m kit versions`` and ``python -m kit report``.

:func:`fetch_page` never hangs and never leaks an error:

* one **overall deadline** (``DEADLINE`` seconds) for everything: connecting, each redirect,
  the headers and the whole body. A server that sends a byte every few seconds is cut off
  at the deadline (the download runs in a helper thread whose connection is closed then);
* a **size cap**: at most ``MAX_FILE_BYTES`` bytes, the limit of :func:`kit.read_text`;
* only web pages and plain text: a PDF, a picture or a zip file gets a message saying what
  it is. A compressed (gzip) body is unpacked, up to the same cap;
* every failure (offline, a refused address, a broken server answer, an unknown text
  encoding, a malformed link) raises :class:`kit.InputError` with a message for a student.

>>> fetch_page("https://[::1")
Traceback (most recent call last):
...
kit.core.errors.InputError: "https://[::1" is not a web address. Copy the whole link, starting with https://
"""

from __future__ import annotations

import codecs
import re
import threading
import time
import zlib

from kit.core.errors import InputError

#: Seconds for the whole download, redirects included (a class should not wait longer).
DEADLINE = 20.0
#: Redirects followed at most.
MAX_REDIRECTS = 5
#: Content types read as text; anything else is refused with a message.
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
#: What the first bytes or the content type of a file say it is, for the message.
_KINDS = ((b"%PDF", "application/pdf", "a PDF file"), (b"\x89PNG", "image/", "a picture"),
          (b"PK\x03\x04", "application/zip", "a zip file"), (b"\xff\xd8\xff", "image/", "a picture"),
          (b"GIF8", "image/", "a picture"), (b"", "video/", "a video"), (b"", "audio/", "a sound file"))
_URL = re.compile(r"^https?://[^\s/]+", re.I)
_OFFLINE = ("the computer may be offline, or the site refused. Use the excerpts bundled with the lesson, "
            "or save the page (File > Save page as > HTML only) and paste its text into the box.")


def _not_an_address(url) -> InputError:
    return InputError(f'"{url}" is not a web address. Copy the whole link, starting with https://')


def fetch_page(url: str, *, deadline: float = DEADLINE, max_bytes: int | None = None) -> str:
    """The article text of the web page at ``url`` (see the module for the limits)."""
    from kit.core.text import MAX_FILE_BYTES, read_text

    max_bytes = MAX_FILE_BYTES if max_bytes is None else int(max_bytes)
    if not isinstance(url, str) or not _URL.match(url.strip()):
        raise _not_an_address(url)
    url = url.strip()
    try:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        parts.port  # noqa: B018  (a bad port raises here, not later)
    except ValueError:
        raise _not_an_address(url) from None
    body, ctype, charset = _download(url, float(deadline), max_bytes)
    page = _decode(body, charset)
    return read_text(page, name="page.txt" if ctype == "text/plain" else "page.html")


def _download(url: str, deadline: float, max_bytes: int) -> tuple[bytes, str, str]:
    """``(body, content type, charset)`` within ``deadline`` seconds, in a helper thread."""
    state: dict = {"conns": []}
    ends = time.monotonic() + max(0.5, deadline)

    def work():
        try:
            state["result"] = _get(url, ends, max_bytes, state["conns"])
        except BaseException as err:  # handed to the caller below
            state["error"] = err

    thread = threading.Thread(target=work, name="kit-fetch", daemon=True)
    thread.start()
    thread.join(max(0.0, ends - time.monotonic()) + 0.5)
    if thread.is_alive():
        for conn in state["conns"]:
            _close(conn)
        raise InputError(f"The page did not arrive within {deadline:.0f} seconds (the site is very slow "
                         f"or keeps the connection open): {_OFFLINE}")
    if "error" in state:
        raise _message(state["error"]) from None
    return state["result"]


def _close(conn) -> None:
    import socket

    try:
        if conn.sock is not None:
            conn.sock.shutdown(socket.SHUT_RDWR)
        conn.close()
    except OSError:
        pass


def _get(url: str, ends: float, max_bytes: int, conns: list) -> tuple[bytes, str, str]:
    import http.client
    from urllib.parse import urljoin, urlsplit

    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        cls = http.client.HTTPSConnection if parts.scheme.lower() == "https" else http.client.HTTPConnection
        conn = cls(parts.hostname or "", parts.port, timeout=max(0.5, min(10.0, ends - time.monotonic())))
        conns.append(conn)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", target, headers={"User-Agent": "Mozilla/5.0 (media-literacy kit)",
                                             "Accept": "text/html, text/plain;q=0.9", "Accept-Encoding": "identity"})
        response = conn.getresponse()
        location = response.getheader("Location")
        if response.status in (301, 302, 303, 307, 308) and location:
            url = urljoin(url, location)
            conn.close()
            continue
        if response.status >= 400:
            reason = response.reason or "an error"
            raise InputError(f"Could not fetch this page: the site answered {response.status} ({reason}). The page "
                             f"may have moved, or need a log-in. Check the link in a browser; {_OFFLINE}")
        ctype = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
        _check_type(ctype, b"")
        body = _body(response, ends, max_bytes)
        _check_type(ctype, body[:8])
        if (response.getheader("Content-Encoding") or "").lower() in ("gzip", "x-gzip") or body[:2] == b"\x1f\x8b":
            body = _gunzip(body, max_bytes)
        return body, ctype, response.headers.get_content_charset() or ""
    raise InputError(f"The link sends the browser on more than {MAX_REDIRECTS} times. Open it in a browser "
                     "and copy the address of the page you end on.")


def _body(response, ends: float, max_bytes: int) -> bytes:
    """The body, read a chunk at a time (each read returns what has arrived), up to the cap."""
    chunks, size = [], 0
    while True:
        if time.monotonic() > ends:
            raise TimeoutError("deadline")
        chunk = response.read1(65536)
        if not chunk:
            if response.length:  # the server promised more than it sent
                import http.client

                raise http.client.IncompleteRead(b"".join(chunks), response.length)
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"This page is bigger than {max_bytes / 1e6:g} MB, more than the kit reads. "
                             "Save just the article as text and try again.")
        chunks.append(chunk)


def _check_type(ctype: str, head: bytes) -> None:
    for magic, prefix, what in _KINDS:
        if (magic and head.startswith(magic)) or (ctype and ctype.startswith(prefix)):
            raise InputError(f"This link is {what}, not a web page. Open it, copy the article's text and "
                             "paste it, or save it as a .txt file.")
    if ctype and ctype not in TEXT_TYPES and not ctype.startswith("text/"):
        raise InputError(f"This link is not a web page (the site says it is {ctype[:60]!r}). Give the link "
                         "of the article's page, or copy and paste its text.")


def _gunzip(body: bytes, max_bytes: int) -> bytes:
    try:
        unpack = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = unpack.decompress(body, max_bytes + 1)
    except zlib.error:
        raise InputError("The site sent a compressed page the kit could not unpack. Save the page from a "
                         "browser (File > Save page as > HTML only) and paste its text into the box.") from None
    if len(out) > max_bytes:
        raise InputError(f"This page is bigger than {max_bytes / 1e6:g} MB once unpacked, more than the kit reads.")
    return out


def _decode(body: bytes, charset: str) -> str:
    """``body`` as text in its declared encoding when Python knows it as a text encoding, else UTF-8.

    >>> _decode("café".encode("latin-1"), "iso-8859-1"), _decode(b"caf\\xc3\\xa9", "idna")
    ('café', 'café')
    """
    try:
        if charset and codecs.lookup(charset)._is_text_encoding and codecs.lookup(charset).name != "idna":
            return body.decode(charset, errors="replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        pass
    return body.decode("utf-8", errors="replace")


def _message(err: BaseException) -> InputError:
    """Any failure of a download as an InputError for a student."""
    import http.client

    if isinstance(err, InputError):
        return err
    if isinstance(err, (TimeoutError, )) or "timed out" in str(err):
        return InputError(f"The page did not arrive in time: {_OFFLINE}")
    if isinstance(err, http.client.HTTPException):  # BadStatusLine, IncompleteRead, LineTooLong...
        return InputError(f"The site sent a broken answer ({type(err).__name__}), so the page could not be "
                          f"read: {_OFFLINE}")
    if isinstance(err, (UnicodeError, ValueError)):
        return InputError(f"This link could not be read as a web address ({type(err).__name__}). Copy the "
                          "whole link again, starting with https://")
    if isinstance(err, OSError):
        return InputError(f"Could not fetch this page ({getattr(err, 'strerror', None) or err}): {_OFFLINE}")
    return InputError(f"Could not fetch this page ({type(err).__name__}): {_OFFLINE}")
