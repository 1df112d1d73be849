#!/usr/bin/env python3
"""HTTP-level tests of the browser page, against the real server on loopback:
security headers, forged, tampered, malformed and oversized requests, downloads,
and what the server keeps (nothing) and logs (no answer).
Run by scripts/test with pytest (`python3 -m pytest Tests/web`)."""
import html
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse

from server import BIN, ROOT, Browser, Server, text

# The answers of a whole interview to a result with a letter (a decision to
# contest before the CRA, notified on 1 October 2026, counted from 23 November).
CRA_PATH = ["decision-admin", "2026-10-01", "oui", "33", "non", "non", "non"]


def test_home_headers_are_strict_and_the_cookie_is_private(server):
    b = Browser(server)
    response, body = b.request("GET", "/")
    assert response.status == 200
    csp = response.getheader("Content-Security-Policy")
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "form-action 'self'" in csp, csp
    assert "unsafe-inline" not in csp and "script-src" not in csp, csp
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("Referrer-Policy") == "no-referrer"
    assert response.getheader("Cache-Control") == "no-store"
    cookie = response.getheader("Set-Cookie")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie, cookie
    assert '<html lang="fr">' in b.page and "<script" not in b.page
    # French spacing: no line can start with ":" or "?" (no-break spaces).
    assert "Maladie\u00a0: quelle démarche\u00a0?" in b.page, b.page[:400]
    # Behind a proxy that says the page is served over HTTPS, the cookie is Secure.
    response, _ = Browser(server).request("GET", "/", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in response.getheader("Set-Cookie")


def test_language_by_address_then_by_browser(server):
    b = Browser(server)
    b.request("GET", "/?lang=en")
    assert '<html lang="en">' in b.page and "Start" in text(b.page)
    b = Browser(server, headers={"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"})
    b.request("GET", "/")
    assert '<html lang="en">' in b.page
    b.request("GET", "/?lang=fr")
    assert '<html lang="fr">' in b.page
    b = Browser(server, headers={"Accept-Language": "de-DE,de;q=0.9"})
    b.request("GET", "/")
    assert '<html lang="fr">' in b.page, "a language the page does not speak gives French"
    # The language chosen stays through the interview, in the form.
    b = Browser(server)
    b.request("GET", "/?lang=en")
    b.press("start")
    assert '<html lang="en">' in b.page and "What is your disagreement" in text(b.page), text(b.page)[:300]


def test_an_english_page_writes_its_colons_the_english_way(server):
    """No « : » with the French space in English: the error read to a screen
    reader, the title; French keeps its no-break space."""
    for language, lead in [("en", "Error: "), ("fr", "Erreur\u00a0: ")]:
        b = Browser(server, headers={"Accept-Language": language})
        b.answer_all(["decision-admin"])
        response, _ = b.press("next", answer="zzz")
        assert response.status == 422
        hidden = re.findall(r'<span class="visually-hidden">([^<]*)</span>', b.page)
        assert lead in hidden, hidden
        title = html.unescape(re.search(r"<title>([^<]*)</title>", b.page).group(1))
        assert title.startswith(lead.rstrip()), title


def test_a_whole_interview_over_http_to_the_result(server):
    b = Browser(server)
    response = b.answer_all(CRA_PATH)
    page = text(b.page)
    assert "commission de recours amiable" in page
    assert "mardi 1er décembre 2026" in page, page[:600]
    assert response.getheader("Cache-Control") == "no-store"
    # Every rule applied is explained with its sources as links.
    assert 'href="https://www.legifrance.gouv.fr' in b.page
    assert "<script" not in b.page


def test_a_forged_post_is_refused_and_nothing_is_used(server):
    b = Browser(server)
    b.request("GET", "/")
    token = dict(b.hidden())["csrf"]
    # No cookie at all: a form posted from another site.
    stranger = Browser(server)
    response, _ = stranger.request("POST", "/", [("csrf", token), ("lang", "fr"), ("do", "start")])
    assert response.status == 403 and "rien n'a été traité" in text(stranger.page)
    # A cookie, but another token in the form.
    response, _ = b.request("POST", "/", [("csrf", "0" * 64), ("lang", "fr"), ("do", "start")])
    assert response.status == 403
    # The right token, but the browser says the post came from another site.
    response, _ = b.request(
        "POST", "/", [("csrf", token), ("lang", "fr"), ("do", "start")], headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status == 403
    response, _ = b.request(
        "POST", "/", [("csrf", token), ("lang", "fr"), ("do", "start")], headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status == 200


def test_behind_https_a_planted_cookie_is_useless(server):
    """Issue 29, point 13: a plain `csrf` cookie set by a sibling subdomain or a
    plain-HTTP hop carried the attacker's token; behind HTTPS only `__Host-csrf`,
    which browsers take only from this host over HTTPS, is read."""
    for args, headers in ((["--https"], {}), ([], {"X-Forwarded-Proto": "https"})):
        with Server(*args) as https_server:
            b = Browser(https_server, headers=headers)
            response, _ = b.request("GET", "/")
            cookie = response.getheader("Set-Cookie")
            assert cookie.startswith("__Host-csrf=") and "; Secure" in cookie and "Domain" not in cookie, cookie
            assert "; Path=/" in cookie
            token = dict(b.hidden())["csrf"]
            # The attacker's own token, planted as a plain cookie and put in the form.
            planted = "1" * 64
            response, _ = b.request("POST", "/", [("csrf", planted), ("lang", "fr"), ("do", "start")],
                                    headers={"Cookie": "csrf=" + planted})
            assert response.status == 403, (args, response.status)
            # The page's own cookie works.
            response, _ = b.request("POST", "/", [("csrf", token), ("lang", "fr"), ("do", "start")],
                                    headers={"Cookie": "__Host-csrf=" + token})
            assert response.status == 200, (args, response.status)
    # Over plain HTTP on loopback (development), the plain name is kept.
    response, _ = Browser(server).request("GET", "/")
    assert response.getheader("Set-Cookie").startswith("csrf="), response.getheader("Set-Cookie")


def session_fields(b):
    """The fields of the browser's session cookie."""
    return urllib.parse.parse_qsl(b.cookies["session"], keep_blank_values=True)


def with_session(b, fields):
    """The browser's session cookie replaced by one carrying `fields`."""
    b.cookies["session"] = urllib.parse.urlencode(fields, quote_via=urllib.parse.quote)


def test_a_tampered_answer_is_refused_whole_with_a_way_out(server):
    b = Browser(server)
    b.answer_all(CRA_PATH[:3])
    good = session_fields(b)
    form = b.hidden()
    assert dict(good)["a.notified_on"] == "2026-10-01", good
    with_session(b, [(n, "2026-13-45" if n == "a.notified_on" else v) for n, v in good])
    response, _ = b.request("POST", "/", form + [("do", "next"), ("answer", "33")])
    page = text(b.page)
    assert response.status == 400, response.status
    assert "modifié ou abîmé" in page and "Date de notification" in page, page
    assert "Revenir à l'accueil" in page and "Traceback" not in page and "Fatal" not in page
    # The same cookie read for a page asked by its address: refused as well.
    response, _ = b.request("GET", "/?step=2")
    assert response.status == 400 and "modifié ou abîmé" in text(b.page), response.status
    for bad in ([("a.evil", "1")], [("a.subject", "nuclear")]):
        with_session(b, [(n, v) for n, v in good if n not in dict(bad)] + bad)
        response, _ = b.request("POST", "/", form + [("do", "next"), ("answer", "33")])
        assert response.status == 400, (bad, response.status)
    b.cookies["session"] = "a.subject=%ZZ"
    response, _ = b.request("POST", "/", form + [("do", "next"), ("answer", "33")])
    assert response.status == 400, response.status
    with_session(b, good)
    base = [(n, v) for n, v in form if n != "q"]
    response, _ = b.request("POST", "/", base + [("q", "nowhere"), ("do", "next"), ("answer", "33")])
    assert response.status == 400, response.status
    # A question that is not the one asked (a page left open in another tab),
    # and an edit of one never answered: nothing changes, the current page is shown.
    response, _ = b.request("POST", "/", base + [("q", "court_case_pending"), ("do", "next"), ("answer", "non")], follow=False)
    assert response.status == 303 and response.getheader("Location") == "?step=3", response.status
    assert session_fields(b) == good
    response, _ = b.request("POST", "/", form + [("do", "edit:court_case_pending")], follow=False)
    assert response.status == 303 and response.getheader("Location") == "?step=3"
    # "Retour" from the page of an earlier question, in another tab: nothing taken back.
    response, _ = b.request("POST", "/", [(n, v) for n, v in form if n != "q"] + [("q", "subject"), ("do", "back")], follow=False)
    assert response.status == 303 and response.getheader("Location") == "?step=3" and session_fields(b) == good
    response, _ = b.request("POST", "/", form + [("do", "explode")])
    assert response.status == 400 and "bouton inconnu" in text(b.page)
    # The good session still works: nothing was kept of the refused ones.
    response, _ = b.request("POST", "/", form + [("do", "next"), ("answer", "33")])
    assert response.status == 200 and "commission de la caisse" in text(b.page), text(b.page)[:300]


def test_each_post_leads_to_an_address_without_answers_that_back_finds_again(server):
    """The browser's Back button: every post is answered by a 303 to `?step=N`;
    asking again for an earlier step shows that question with its answer offered
    (as "Modifier" does), the answers being in a session cookie kept in memory
    only; nothing of an answer is ever in an address."""
    b = Browser(server)
    b.request("GET", "/")
    locations, cookies = [], []
    for i, answer in enumerate([None, "decision-admin", "17/09/2026", "oui"]):
        response, _ = b.request("POST", "/", b.hidden() + ([("do", "start")] if i == 0 else [("do", "next"), ("answer", answer)])
                                , follow=False)
        assert response.status == 303, response.status
        locations.append(response.getheader("Location"))
        cookies.append(next(v for n, v in response.getheaders() if n.lower() == "set-cookie" and v.startswith("session=")))
        b.request("GET", urllib.parse.urljoin("/", locations[-1]))
    assert locations == ["?step=0", "?step=1", "?step=2", "?step=3"], locations
    for cookie in cookies:
        attributes = [a.strip().lower() for a in cookie.split(";")[1:]]
        assert sorted(attributes) == ["httponly", "path=/", "samesite=strict"], cookie
        assert len(cookie) < 4096
    for location in locations:
        assert "2026" not in location and "decision" not in location and "33" not in location
    # Back twice: the date question, in the way "Modifier" shows it, its answer offered.
    response, _ = b.request("GET", "/?step=1")
    assert response.status == 200 and "quelle date avez-vous reçu" in text(b.page), text(b.page)[:300]
    assert 'value="17/09/2026"' in b.page and 'name="mode" value="edit"' in b.page
    assert response.getheader("Cache-Control") == "no-store"
    # Forward again: the question reached, nothing lost.
    b.request("GET", "/?step=3")
    assert "commission de la caisse" in text(b.page) or "recours" in text(b.page), text(b.page)[:400]
    assert 'name="mode" value="edit"' not in b.page
    # Back to the date, a different one sent: the later answers that still
    # apply are kept, and the question reached is asked.
    b.request("GET", "/?step=1")
    response, _ = b.request("POST", "/", b.hidden() + [("do", "next"), ("answer", "01/10/2026")], follow=False)
    assert response.status == 303 and response.getheader("Location") == "?step=3", response.getheader("Location")
    b.request("GET", "/?step=3")
    assert "Date de notification 01/10/2026" in text(b.page) and "département" in text(b.page), text(b.page)[:600]
    # An answer refused: the same address again, the error and the text typed shown there.
    before = b.cookies["session"]
    response, _ = b.request("POST", "/", b.hidden() + [("do", "next"), ("answer", "zzz")], follow=False)
    assert response.status == 303 and response.getheader("Location") == "?step=3"
    response, _ = b.request("GET", "/?step=3")
    assert response.status == 422 and 'role="alert"' in b.page and 'value="zzz"' in b.page, response.status
    # Asked again once the error is gone from the session: the plain question.
    b.cookies["session"] = before
    response, _ = b.request("GET", "/?step=3")
    assert response.status == 200 and 'role="alert"' not in b.page
    # A step past the path is where the interview stands; a step that is no number, a 404.
    response, _ = b.request("GET", "/?step=30")
    assert response.status == 200 and 'name="mode" value="edit"' not in b.page
    response, _ = b.request("GET", "/?step=x")
    assert response.status == 404
    # Without the session (a browser closed and opened again): the home page.
    del b.cookies["session"]
    response, _ = b.request("GET", "/?step=2")
    assert response.status == 200 and 'value="start"' in b.page, text(b.page)[:300]


def test_malformed_forms_are_refused_never_half_read(server):
    b = Browser(server)
    b.request("GET", "/")
    token = dict(b.hidden())["csrf"]
    form = "csrf=" + token + "&lang=fr&do=start"
    for body, what in [
        (form + "&do=next", "en double"),
        (form + "&answer=%FF", "encodage illisible"),
        (form + "&answer=%4", "encodage illisible"),
        (form + "".join(f"&x{i}=1" for i in range(250)), "trop de champs"),
    ]:
        response, _ = b.request("POST", "/", body.encode(), raw=True,
                                headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert response.status == 400 and what in text(b.page), (what, response.status, text(b.page))
    response, _ = b.request("POST", "/", b'{"do": "start"}', raw=True, headers={"Content-Type": "application/json"})
    assert response.status == 415 and "n'a pas pu être lue" in text(b.page)


def test_oversized_requests_are_refused_unread(server):
    b = Browser(server)
    b.request("GET", "/")
    token = dict(b.hidden())["csrf"]
    big = ("csrf=" + token + "&lang=fr&do=start&answer=" + "x" * 200_000).encode()
    response, _ = b.request("POST", "/", big, raw=True, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status == 413 and "trop volumineux" in text(b.page), response.status
    # The same without a length: sent in chunks, cut at the limit.
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              b"Transfer-Encoding: chunked\r\nCookie: " + b.cookie.encode() + b"\r\n\r\n")
    chunk = b"a" * 16_384
    try:
        for _ in range(20):
            s.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        s.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    reply = s.recv(65_536).decode(errors="replace")
    s.close()
    assert reply.startswith("HTTP/1.1 413"), reply[:200]
    # Headers are bounded too: a 20 KiB header is refused, the server goes on.
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"h" * 20_000 + b"\r\n\r\n")
    reply = s.recv(65_536).decode(errors="replace")
    s.close()
    assert reply == "" or reply.split(" ")[1] in ("400", "431"), reply[:200]
    response, _ = b.request("GET", "/health")
    assert response.status == 200
    # An answer longer than any real one is refused by the parser, with the question again.
    b.request("GET", "/")
    b.press("start")
    response, _ = b.press("next", answer="x" * 3_000)
    assert response.status == 422 and 'aria-invalid="true"' in b.page, response.status


def _read_to_end(s, seconds):
    """What the server sent until it closed, and whether it closed within `seconds`."""
    s.settimeout(seconds)
    reply = b""
    try:
        while True:
            data = s.recv(65_536)
            if not data:
                return reply, True
            reply += data
    except socket.timeout:
        return reply, False
    except (ConnectionResetError, BrokenPipeError):
        return reply, True


def _closed_within(s, seconds):
    """Whether the server closed the connection within `seconds` (reading only)."""
    s.settimeout(seconds)
    try:
        while True:
            data = s.recv(65_536)
            if not data:
                return True
    except socket.timeout:
        return False
    except (ConnectionResetError, BrokenPipeError):
        return True


def test_a_slow_body_is_closed_once_the_request_time_is_over():
    """Issue 29, point 6: a body trickled one byte at a time held a connection forever."""
    with Server("--request-time", "2") as server:
        b = Browser(server)
        b.request("GET", "/")
        sockets = []
        for _ in range(10):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                      b"Content-Length: 100000\r\nCookie: " + b.cookie.encode() + b"\r\n\r\ncsrf=")
            sockets.append(s)
        import time
        for _ in range(3):  # a byte every second: the connection moves, so the idle timeout never fires
            time.sleep(1)
            for s in sockets:
                try:
                    s.sendall(b"a")
                except (BrokenPipeError, ConnectionResetError):
                    pass
        assert all(_closed_within(s, 5) for s in sockets), "a slow body still holds its connection"
        for s in sockets:
            s.close()
        response, _ = b.request("GET", "/health")
        assert response.status == 200


def test_after_a_413_on_connection_close_the_connection_is_closed(server):
    """Issue 29, point 6: the client blocked writing the rest of its body."""
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              b"Connection: close\r\nContent-Length: 500000\r\n\r\n" + b"a" * 1_000)
    reply, ended = _read_to_end(s, 5)
    assert ended, "the connection stayed open after the 413: " + reply[:100].decode(errors="replace")
    assert reply.startswith(b"HTTP/1.1 413"), reply[:100]
    # The client goes on writing its body, as clients do: the connection is
    # closed, so the write fails at once instead of blocking on a full buffer.
    s.settimeout(5)
    try:
        s.sendall(b"a" * 499_000)
        s.sendall(b"a" * 499_000)
        closed = False
    except (ConnectionResetError, BrokenPipeError):
        closed = True
    except socket.timeout:
        closed = False
    s.close()
    assert closed, "the server stopped reading but kept the connection open"


def test_a_pipelined_request_still_being_read_keeps_the_connection(server):
    """Found by review: the answer to a first request closed the connection when a
    second request's head had already arrived, its body not yet."""
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
              b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              b"Content-Length: 20\r\n\r\ncsrf=")
    s.settimeout(5)
    first = s.recv(65_536)
    assert first.startswith(b"HTTP/1.1 200"), first[:80]
    import time
    time.sleep(0.5)
    s.sendall(b"x" * 15)
    reply, _ = _read_to_end(s, 5)
    s.close()
    assert b"HTTP/1.1 403" in first + reply, (first + reply)[:300]


def test_malformed_bodies_get_a_400_and_few_log_lines(server):
    """Issue 29, point 7: each got a 500 and a log line."""
    b = Browser(server)
    b.request("GET", "/")
    head = (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: "
            + b.cookie.encode() + b"\r\n")
    bad = [
        head + b"Content-Length: 100\r\n\r\ncsrf=short",  # then the client stops writing
        head + b"Transfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        head + b"Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\nhello\r\n0\r\n\r\n",
    ]
    statuses = set()
    for _ in range(100):
        for request in bad:
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            s.sendall(request)
            s.shutdown(socket.SHUT_WR)
            reply, _ = _read_to_end(s, 10)
            s.close()
            if reply:
                statuses.add(reply.split(b" ")[1].decode())
    assert "500" not in statuses, statuses
    assert statuses <= {"400"}, statuses
    lines = [l for l in server.output().splitlines() if " error" in l or " warning" in l]
    assert len(lines) <= 20, (len(lines), lines[:5])
    response, _ = b.request("GET", "/health")
    assert response.status == 200


def test_messages_and_edges_of_the_protocol(server):
    """Issue 29, point 11: each finding of the third round on the server."""
    b = Browser(server)
    b.answer_all(CRA_PATH[:7])
    good = b.hidden()
    # Only the buttons the page draws: a path ending like an export is unknown.
    response, _ = b.request("POST", "/", good + [("do", "export-../../x.JSON")])
    assert response.status == 400 and "bouton inconnu" in text(b.page), (response.status, text(b.page)[:200])
    response, data = b.request("POST", "/", good + [("do", "export-json")])
    assert response.status == 200 and data.startswith(b"{"), response.status
    # A huge field name with NUL, ESC and RLO is quoted short and inert.
    b.request("GET", "/")
    token = dict(b.hidden())["csrf"]
    name = "q\x00\x1b[2J\u202e" + "x" * 50_000
    body = ("csrf=" + token + "&lang=fr&do=start&" + urllib.parse.quote(name) + "=1&" + urllib.parse.quote(name) + "=2").encode()
    response, data = b.request("POST", "/", body, raw=True, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status == 400, response.status
    assert len(data) < 20_000, len(data)
    page = data.decode()
    assert "\x1b" not in page and "\u202e" not in page and "\x00" not in page
    assert "\\u{1B}" in page and "…" in page, text(page)[:300]
    # HEAD on a style sheet: its headers, no body.
    response, data = b.request("HEAD", "/assets/style.css")
    assert response.status == 200 and data == b"" and int(response.getheader("Content-Length")) > 100
    # A request without Host is refused; the health check may go without.
    for path, expected in (("/", "400"), ("/health", "200")):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        s.sendall(b"GET " + path.encode() + b" HTTP/1.1\r\nConnection: close\r\n\r\n")
        reply, _ = _read_to_end(s, 5)
        s.close()
        assert reply.split(b" ")[1].decode() == expected, (path, reply[:80])
    # Expect: 100-continue gets its interim answer at once.
    s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              b"Content-Length: 9\r\nExpect: 100-continue\r\n\r\n")
    s.settimeout(0.5)
    try:
        interim = s.recv(1024)
    except socket.timeout:
        interim = b""
    assert interim.startswith(b"HTTP/1.1 100"), interim[:80]
    s.close()


def test_listening_problems_and_an_open_host_are_said():
    """Issue 29, point 11: « Address already in use) (errno: 98) »; 0.0.0.0 said nothing."""
    with Server() as first:
        run = subprocess.run([BIN, "--port", str(first.port)], capture_output=True, text=True, timeout=20)
        assert run.returncode != 0
        assert "déjà utilisé" in run.stderr and "errno" not in run.stderr, run.stderr
    with Server("--host", "0.0.0.0") as open_host:
        assert "ouvre la page à d'autres machines" in open_host.output(), open_host.output()
    with Server() as local:
        assert "attention" not in local.output()


def test_unknown_addresses_and_methods_get_a_page(server):
    b = Browser(server)
    response, _ = b.request("GET", "/admin")
    assert response.status == 404 and "n'existe pas" in text(b.page)
    assert "frame-ancestors 'none'" in response.getheader("Content-Security-Policy")
    response, _ = b.request("GET", "/admin?lang=en")
    assert "does not exist" in text(b.page)
    # Links stay relative (a proxy may serve the site under a path), and lead back home from any depth.
    response, _ = b.request("GET", "/a/b/c")
    assert 'href="../../assets/style.css"' in b.page and 'href="../../?lang=fr"' in b.page, b.page[:900]
    response, _ = b.request("DELETE", "/")
    assert response.status == 405 and "Revenir à l'accueil" in text(b.page)
    assert response.getheader("Allow") == "GET, HEAD, POST", response.getheader("Allow")
    assert "frame-ancestors 'none'" in response.getheader("Content-Security-Policy")
    response, _ = b.request("POST", "/health")
    assert response.status == 405 and response.getheader("Allow") == "GET, HEAD"
    response, _ = b.request("PUT", "/assets/style.css")
    assert response.status == 405 and response.getheader("Allow") == "GET, HEAD"
    response, _ = b.request("HEAD", "/health")
    assert response.status == 200
    response, body = b.request("GET", "/assets/style.css")
    assert response.status == 200 and b"focus-visible" in body
    assert response.getheader("Cache-Control").startswith("public")


def test_downloads_are_made_on_request_and_not_stored(server):
    b = Browser(server)
    b.answer_all(CRA_PATH)
    response, body = b.press("export-json")
    assert response.status == 200
    assert response.getheader("Content-Disposition") == 'attachment; filename="resume-dossier.json"'
    assert response.getheader("Cache-Control") == "no-store"
    export = json.loads(body)
    assert export["answers"]["notified_on"] == "2026-10-01" and export["result"]["outcome"], export
    assert "2026-12-01" in json.dumps(export["result"]), export["result"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", export["exported"]), export["exported"]
    for button, name in [("export-txt", "resume-dossier.txt"), ("export-md", "resume-dossier.md")]:
        response, body = b.press(button)
        assert response.getheader("Content-Disposition") == f'attachment; filename="{name}"'
        assert "1er décembre 2026" in body.decode() and "Date de notification" in body.decode(), body.decode()[:300]
    response, _ = b.press("letter")
    assert response.status == 200 and 'for="nir"' in b.page
    response, _ = b.press("letter-txt", name="Zoé Testeuse", address="1 rue de la Paix, 33000 Bordeaux",
                          nir="1 85 05 78 006 084 36", caisse="CPAM de la Gironde", reference="")
    assert response.status == 422, response.status
    assert 'aria-invalid="true"' in b.page and 'aria-describedby="nir-hint nir-error"' in b.page
    assert "Zoé Testeuse" in b.page, "what was typed stays in the form"
    # What is typed is shown escaped, never as markup.
    b.press("letter-txt", name='<script>alert("x")</script>', address="", nir="", caisse="")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in b.page and "<script" not in b.page
    b.press("show")
    response, body = b.press("letter-txt", name="Zoé Testeuse", address="1 rue de la Paix, 33000 Bordeaux",
                             nir="1 85 05 78 006 084 91", caisse="CPAM de la Gironde", reference="D-2026-17",
                             facts="", grounds="Le refus ne tient pas compte\r\nde mon ordonnance.", request="")
    letter = body.decode()
    assert response.status == 200 and "Zoé Testeuse" in letter and "D-2026-17" in letter, letter[:400]
    assert response.getheader("Content-Disposition") == 'attachment; filename="lettre-recours.txt"'
    assert "\r" not in letter
    # Nothing of the session outlives the request: the server's log holds no answer.
    log = server.output()
    for secret in ["Zoé", "Testeuse", "2026-10-01", "01/10/2026", "Bordeaux", "085 91", "D-2026-17"]:
        assert secret not in log, (secret, log)


def test_the_letter_is_seen_before_it_is_downloaded(server):
    """Issue 26, point 13: the letter on the page first, its passages to complete
    named; a problem said, then gone once fixed; the result offers the letter
    before its rules and sources, in plain words, with no keyboard shortcut."""
    b = Browser(server)
    b.answer_all(CRA_PATH)
    page = text(b.page)
    assert page.index("Préparer la lettre") < page.index("Pourquoi"), "the letter before the rules and sources"
    for jargon in ["Markdown", ".json", ".md", "Ctrl+P"]:
        assert jargon not in page, jargon
    b.press("letter")
    response, _ = b.press("letter-preview", name="Zoé Testeuse", address="1 rue de la Paix, 33000 Bordeaux",
                          nir="1 85 05 78 006 084 36", caisse="CPAM de la Gironde", reference="")
    assert response.status == 422 and "letter-preview" in b.page and "<pre>" not in b.page
    assert 'aria-invalid="true"' in b.page
    response, _ = b.press("letter-preview", name="Zoé Testeuse", address="1 rue de la Paix, 33000 Bordeaux",
                          nir="1 85 05 78 006 084 91", caisse="CPAM de la Gironde", reference="D-2026-17",
                          facts="", grounds="", request="")
    assert response.status == 200, response.status
    assert 'aria-invalid="true"' not in b.page and "Corrigez" not in b.page, "the problem is gone once fixed"
    preview = b.page[b.page.index("<pre>"):b.page.index("</pre>")]
    assert "Zoé Testeuse" in preview and "D-2026-17" in preview and "la CPAM de la Gironde" not in preview[:200]
    passages = re.findall(r"<li>([^<]*)</li>", b.page[b.page.index('class="to-fill"'):b.page.index("<pre>")])
    assert "adresse postale de la caisse" in passages and len(passages) >= 3, passages
    assert 'value="Zoé Testeuse"' in b.page, "the details stay in the form"
    response, body = b.press("letter-txt", name="Zoé Testeuse", address="1 rue de la Paix, 33000 Bordeaux",
                             nir="1 85 05 78 006 084 91", caisse="CPAM de la Gironde", reference="D-2026-17",
                             facts="", grounds="", request="")
    assert body.decode().replace("\n", "") == html.unescape(preview[len("<pre>"):]).replace("\n", ""), "the download is what was seen"


def test_a_restart_loses_nothing_the_page_carries_the_session():
    with Server() as first:
        b = Browser(first)
        b.answer_all(CRA_PATH[:4])
        cookie, page = b.cookie, b.page
    with Server() as second:
        b = Browser(second)
        b.cookie, b.page = cookie, page
        for a in CRA_PATH[4:]:
            response, _ = b.press("next", answer=a)
            assert response.status == 200, text(b.page)
        assert "commission de recours amiable" in text(b.page)


def test_back_and_edit_replay_like_the_terminal(server):
    b = Browser(server)
    b.answer_all(CRA_PATH[:3])
    b.press("back")
    assert "indiquait-il le délai" in text(b.page)
    assert 'value="oui" checked' in b.page, "the answer taken back is offered again"
    b.press("next", answer="oui")
    for a in CRA_PATH[3:]:
        b.press("next", answer=a)
    assert "1er décembre 2026" in text(b.page)
    # Change the date of notification to one long past: the route changes.
    response, _ = b.press("edit:notified_on")
    assert 'value="01/10/2026"' in b.page and 'name="mode" value="edit"' in b.page
    response, _ = b.press("next", answer="2025-01-10")
    assert response.status == 200 and "1er décembre 2026" not in text(b.page), text(b.page)[:500]


def test_another_rule_set_and_the_terminal_program_hands_over():
    with Server("--dialogue", os.path.join(ROOT, "dialogues", "conciliation-2007.yaml")) as server:
        b = Browser(server)
        b.request("GET", "/")
        assert "règles de 2007" in b.page
    # `conciliation serve` runs conciliation-serve from its own folder, with the same options.
    terminal = os.environ.get("CONCILIATION_BIN") or os.path.join(os.path.dirname(BIN), "conciliation")
    process = subprocess.Popen([terminal, "serve", "--port", "0", "--today", "2026-11-23"],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    try:
        line = process.stderr.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", line).group(1))
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/health")
        assert connection.getresponse().read() == b"ok\n"
    finally:
        process.terminate()
        process.wait(timeout=10)


def event_loops(server):
    """The server's event-loop threads, by the names NIO gives them (`NIO-ELT-…`, `NIO-SGLTN-…`)."""
    names = []
    for task in os.listdir(f"/proc/{server.process.pid}/task"):
        with open(f"/proc/{server.process.pid}/task/{task}/comm") as f:
            names.append(f.read().strip())
    return [name for name in names if name.startswith(("NIO-ELT", "NIO-SGLTN"))]


def test_pinned_to_one_core_the_server_runs_one_event_loop():
    if not os.path.isdir("/proc/self/task") or not shutil.which("taskset"):
        raise AssertionError("this test reads /proc and needs taskset (util-linux)")
    with Server(launcher=["taskset", "-c", str(min(os.sched_getaffinity(0)))]) as pinned:
        Browser(pinned).request("GET", "/")
        assert len(event_loops(pinned)) == 1, event_loops(pinned)
    with Server() as free:
        Browser(free).request("GET", "/")
        loops = len(event_loops(free))
        assert 1 <= loops <= len(os.sched_getaffinity(0)), loops


def test_a_broken_rule_set_or_a_bad_option_stops_the_server_with_where_and_what(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\nversion: [\n")
    result = subprocess.run([BIN, "--port", "0", "--dialogue", str(broken)], capture_output=True, text=True, timeout=20)
    assert result.returncode != 0
    assert re.search(re.escape(str(broken)) + r":\d+:\d+: ", result.stderr), result.stderr
    result = subprocess.run([BIN, "--today", "2026-02-30"], capture_output=True, text=True, timeout=20)
    assert result.returncode != 0 and "YYYY-MM-DD" in result.stderr, result.stderr
    result = subprocess.run([BIN, "--port", "70000"], capture_output=True, text=True, timeout=20)
    assert result.returncode != 0 and "0 to 65535" in result.stderr, result.stderr



def test_sigterm_answers_the_requests_under_way_then_exits_within_its_bound():
    """Issue 28, point 2: on SIGTERM the server stops accepting, answers a post
    whose body is still arriving, and exits; a client that never finishes its
    request does not hold the stop past its bound (10 s, then what is left is cut)."""
    with Server("--request-time", "60") as server:
        b = Browser(server)
        b.request("GET", "/")
        token = dict(b.hidden())["csrf"]
        body = f"csrf={token}&lang=fr&do=start".encode()
        head = (f"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {len(body)}\r\nCookie: {b.cookie}\r\n\r\n").encode()
        under_way = socket.create_connection(("127.0.0.1", server.port))
        under_way.sendall(head + body[:10])
        stalled = socket.create_connection(("127.0.0.1", server.port))
        stalled.sendall(head + body[:10])
        time.sleep(0.3)
        stopped_at = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        # No new connection is taken once the stop has begun.
        try:
            late = socket.create_connection(("127.0.0.1", server.port), timeout=2)
            late.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            refused = _read_to_end(late, 2)[0] == b""
        except OSError:
            refused = True
        assert refused, "a connection was taken after SIGTERM"
        # The post under way is answered in full.
        under_way.sendall(body[10:])
        reply, closed = _read_to_end(under_way, 5)
        assert reply.startswith(b"HTTP/1.1 303"), reply[:200]
        assert b"location: ?step=0" in reply.lower(), reply[:400]
        # The stalled one is cut at the bound, and the server exits.
        server.process.wait(timeout=15)
        took = time.monotonic() - stopped_at
        assert 9 <= took <= 13.5, took
        assert server.process.returncode == 0, server.process.returncode
        stalled.close()
        under_way.close()


def test_metrics_on_a_loopback_port_of_their_own_count_pages_never_answers():
    """Issue 28, point 3: requests by page and status, a latency histogram per
    page, refusals by kind, the start time and the rules' version, read by
    Prometheus on `--metrics-port` (loopback), never on the page's port; every
    label from a closed list, no answer anywhere."""
    with Server("--metrics-port", "0") as server:
        address = re.search(r"metrics on (http://127\.0\.0\.1:\d+/metrics)", server.output()).group(1)
        b = Browser(server)
        b.answer_all(["decision-admin", "01/10/2026", "oui", "2A", "non", "non", "non"])
        assert "Résultat" in b.page, text(b.page)[:300]
        b.press("edit:department")
        b.press("next", answer="zzz")   # refused: 422
        b.request("POST", "/", [("csrf", "0" * 64), ("do", "start")])   # forged: 403
        b.request("GET", "/nowhere")   # 404
        response, _ = b.request("GET", "/metrics")
        assert response.status == 404, "never on the page's port"
        port = int(address.rsplit(":", 1)[1].split("/")[0])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/metrics")
        reply = connection.getresponse()
        exposition = reply.read().decode()
        assert reply.status == 200 and reply.getheader("Content-Type").startswith("text/plain"), reply.status
        counts = {(m.group(1), m.group(2)): float(m.group(3)) for m in
                  re.finditer(r'conciliation_requests_total\{page="(\w+)",status="(\d+|other)"\} ([\d.]+)', exposition)}
        assert counts[("redirect", "303")] >= 9 and counts[("question", "200")] >= 7, counts
        assert counts[("result", "200")] >= 1 and counts[("question", "422")] == 1, counts
        assert counts[("problem", "403")] == 1 and counts[("problem", "404")] == 2, counts  # /nowhere, /metrics
        assert 'conciliation_refusals_total{kind="forged"} 1' in exposition
        assert 'conciliation_refusals_total{kind="answer"} 1' in exposition
        assert 'conciliation_refusals_total{kind="not-found"} 2' in exposition
        assert 'conciliation_request_duration_seconds_bucket{page="result",le="+Inf"}' in exposition
        assert 'conciliation_rules_info{dialogue="conciliation",version="2026.4"} 1' in exposition
        assert re.search(r"process_start_time_seconds 1\d{9}", exposition)
        # Every label from a closed list; nothing a person typed.
        for name, value in re.findall(r'(\w+)="([^"]*)"', exposition):
            assert (name, value) in {("dialogue", "conciliation"), ("version", "2026.4")} or name in ("page", "status", "kind", "le"), (name, value)
            if name == "page":
                assert value in ("home", "question", "result", "letter", "fault", "problem", "redirect", "download", "asset", "health")
        for answer in ["2026-10-01", "01/10/2026", "2A", "zzz", "decision-admin", "nowhere"]:
            assert answer not in exposition, answer


def test_an_edit_that_makes_a_later_answer_fail_says_why_after_the_redirect(server):
    """The commission cannot have received the appeal before the decision: an
    earlier date of notification changed to a later one makes the date of receipt
    kept fail its check; the page the post redirects to says so (422), with the
    date kept in the field, not a plain question."""
    b = Browser(server)
    b.answer_all(["decision-admin", "01/09/2026", "oui", "33", "cra", "15/09/2026"])
    b.press("edit:notified_on")
    response, _ = b.request("POST", "/", b.hidden() + [("do", "next"), ("answer", "20/09/2026")], follow=False)
    assert response.status == 303 and response.getheader("Location") == "?step=5", response.getheader("Location")
    response, _ = b.request("GET", "/?step=5")
    assert response.status == 422, (response.status, text(b.page)[:300])
    assert 'role="alert"' in b.page and "reçu votre recours" in text(b.page), text(b.page)[:400]
    assert 'value="15/09/2026"' in b.page
