"""Hostile suite, second pass (issue 25): reading a URL never hangs and never leaks an error.

A small local server (127.0.0.1, in a thread) plays the bad sites: one that drips a byte every
0.3 s, a PDF, a gzip-compressed page, a broken status line, a body cut short, a header line
too long, an unknown charset ("idna"), a page over the size cap, a redirect loop. The deadline
given is a few seconds; the wide margins below are for a loaded machine, not a speed test.
"""

from __future__ import annotations

import gzip
import socketserver
import threading
import time

import pytest

from kit.compare.trace import fetch_text
from kit.core.errors import InputError
from kit.core.fetch import fetch_page

ARTICLE = b"<html><body><h1>Talks resume</h1><p>Officials said at least 12 people were hurt on Monday.</p></body></html>"


def _reply(status: bytes, headers: dict, body: bytes) -> bytes:
    head = b"".join(k.encode() + b": " + v.encode() + b"\r\n" for k, v in headers.items())
    return b"HTTP/1.1 " + status + b"\r\n" + head + b"Connection: close\r\n\r\n" + body


def _page(body: bytes, ctype: str = "text/html; charset=utf-8", **extra) -> bytes:
    return _reply(b"200 OK", {"Content-Type": ctype, "Content-Length": str(len(body)), **extra}, body)


ROUTES = {
    "/ok": _page(ARTICLE),
    "/pdf": _page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(300), "application/pdf"),
    "/pdf-as-html": _page(b"%PDF-1.4\n" + bytes(300)),
    "/gzip": _page(gzip.compress(ARTICLE), **{"Content-Encoding": "gzip"}),
    "/bad-status": b"HELLO THERE\r\n\r\n",
    "/incomplete": _reply(b"200 OK", {"Content-Type": "text/html", "Content-Length": "100000"}, ARTICLE),
    "/long-line": b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n",
    "/idna": _page(ARTICLE, "text/html; charset=idna"),
    "/big": _page(b"<p>" + b"x " * 600_000 + b"</p>"),
    "/loop": _reply(b"302 Found", {"Location": "/loop", "Content-Length": "0"}, b""),
    "/missing": _reply(b"404 Not Found", {"Content-Length": "0"}, b""),
    "/picture": _page(b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png"),
}


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            request = self.request.recv(65536).decode("latin-1")
            path = request.split(" ")[1] if " " in request else "/"
            if path == "/slow":  # a valid start, then one byte at a time, for ever
                self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>")
                for _ in range(1000):
                    time.sleep(0.3)
                    self.request.sendall(b"a")
            elif path == "/slow-headers":
                for _ in range(1000):
                    time.sleep(0.3)
                    self.request.sendall(b"X" if _ else b"HTTP/1.1 200 OK\r\nX-Slow: ")
            else:
                self.request.sendall(ROUTES.get(path, ROUTES["/missing"]))
        except OSError:
            pass  # the kit hung up: that is the point


@pytest.fixture(scope="module")
def site():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_good_page_is_read(site):
    assert "at least 12 people" in fetch_page(site + "/ok", deadline=10)


def test_a_gzip_page_is_unpacked(site):
    assert "at least 12 people" in fetch_page(site + "/gzip", deadline=10)


def test_an_unknown_charset_falls_back_to_utf8(site):
    assert "at least 12 people" in fetch_page(site + "/idna", deadline=10)


@pytest.mark.parametrize("path", ["/slow", "/slow-headers"])
def test_a_slow_drip_is_cut_at_the_overall_deadline(site, path):
    start = time.monotonic()
    with pytest.raises(InputError, match="did not arrive"):
        fetch_page(site + path, deadline=2)
    assert time.monotonic() - start < 30  # 2 s asked; each byte came within any per-read timeout


@pytest.mark.parametrize("path, words", [
    ("/pdf", "a PDF file"), ("/pdf-as-html", "a PDF file"), ("/picture", "a picture"),
    ("/bad-status", "broken answer"), ("/incomplete", "broken answer"), ("/long-line", "broken answer"),
    ("/big", "bigger than"), ("/loop", "more than 5 times"), ("/missing", "404"),
])
def test_every_bad_answer_is_a_kit_message(site, path, words):
    with pytest.raises(InputError, match=words):
        fetch_page(site + path, deadline=10, max_bytes=200_000)


@pytest.mark.parametrize("url", ["https://[::1", "http://127.0.0.1:99999/", "http://exa mple.org",
                                 "ftp://example.org", "http://", "https://\udcff.example/"])
def test_malformed_links_are_kit_messages(url):
    with pytest.raises(InputError):
        fetch_page(url, deadline=3)


def test_notebook_06_reads_through_the_same_function(site):
    with pytest.raises(InputError, match="a PDF file"):
        fetch_text(site + "/pdf", timeout=5)


def test_report_and_versions_read_a_link_through_the_same_function(site, tmp_path):
    from kit.teacher.cli import main
    from kit.teacher.report import build_report

    assert "at least 12 people" in build_report(site + "/ok")
    assert main(["report", site + "/pdf", "-o", str(tmp_path / "r.html")]) == 2  # a PDF: a message, no page
    assert not (tmp_path / "r.html").exists()
    assert main(["versions", site + "/ok", site + "/gzip", "-o", str(tmp_path / "v.html")]) == 0
