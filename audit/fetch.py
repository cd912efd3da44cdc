"""Fetching an article from an http(s) URL, the way a careful crawler would.

A timeout, a size cap, a limit on redirects (each redirect must stay on http or https,
and a public address may not send us to a private, loopback or link-local one), an
honest User-Agent, credentials in the URL sent but never shown, and one clear line for
each way it can fail: every failure is an ``InputError``, a misbehaving server included.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from audit import __version__
from audit.decode import MAX_BYTES, InputError, without_credentials

USER_AGENT = f"audit/{__version__} (source-quality auditor; +https://pypi.org/project/audit/)"
TIMEOUT = 20.0
MAX_REDIRECTS = 5
_ALLOWED = ("http", "https")


@dataclass(frozen=True)
class Fetched:
    data: bytes
    final_url: str
    media_type: str | None  # "html" or "text" from the Content-Type, None when unsaid


# Characters left as they are in a URL's path, query and fragment: the reserved ones, and
# "%" so that what is already escaped is not escaped twice.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"
_UNSAFE = re.compile(r"[\x00-\x20\x7f\"<>\\^`{|}]")  # ASCII that HTTP cannot send as it is


def ascii_url(url: str) -> str:
    """``url`` as HTTP sends it: a non-ASCII host name in IDNA (``bücher.de`` becomes
    ``xn--bcher-kva.de``), any other non-ASCII character percent-encoded as UTF-8, and the
    raw bytes of a command-line argument that is not UTF-8 percent-encoded as they are."""
    if url.isascii() and not _UNSAFE.search(url):
        return url
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():
        userinfo, at, host = netloc.rpartition("@")
        host, colon, port = host.partition(":")
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise InputError("the URL's host name is not a valid domain name") from None
        netloc = userinfo + at + host + colon + port
    rest = urllib.parse.urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    try:
        raw = rest.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raise InputError("the URL is not valid text") from None
    return f"{parts.scheme}://{netloc}{urllib.parse.quote(raw, safe=_URL_SAFE)}"


_HOST = re.compile(r"[A-Za-z0-9._~%!$&'()*+,;=-]+|\[[0-9A-Fa-f:.]+\]")


def is_private(host: str | None) -> bool:
    """Whether ``host`` is, or resolves to, a private, loopback or link-local address (an
    unknown name is not: fetching it fails anyway)."""
    if not host:
        return False
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError, ValueError):
        return False
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_unspecified:
            return True
    return False


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects, each checked before it is followed: http or https only, and never from a
    public address to a private one (a page on the internet must not make us read the
    user's own network). A URL the user names directly may be on any address."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            try:
                target = urllib.parse.urljoin(req.full_url, location.strip())
                scheme = urllib.parse.urlsplit(target).scheme.lower()
            except ValueError:
                raise InputError("redirected to a URL that is not valid") from None
            if scheme not in _ALLOWED:  # before urllib's own check, to give this reason
                raise InputError(f"redirected to a {scheme!r} URL: only http and https "
                                 "are fetched")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        here = urllib.parse.urlsplit(req.full_url).hostname
        there = urllib.parse.urlsplit(newurl).hostname
        if here != there and is_private(there) and not is_private(here):
            raise InputError(f"redirected from a public address to a private one "
                             f"({there}): not followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _prepare(url: str) -> tuple[str, str | None]:
    """The URL as sent, without its credentials, and the Authorization header they make
    (None without). Raises InputError for a URL that cannot be sent."""
    scheme = url.split(":", 1)[0].lower()
    if scheme not in _ALLOWED:
        raise InputError(f"unsupported URL scheme {scheme!r}: only http and https")
    try:
        parts = urllib.parse.urlsplit(url)
        auth = None
        if "@" in parts.netloc:
            userinfo = parts.netloc.rpartition("@")[0]
            user, _, password = userinfo.partition(":")
            pair = f"{urllib.parse.unquote(user)}:{urllib.parse.unquote(password)}"
            auth = "Basic " + base64.b64encode(pair.encode("utf-8", "replace")).decode("ascii")
            url = without_credentials(url)
        url = ascii_url(url)
        parts = urllib.parse.urlsplit(url)
        host = parts.netloc.rpartition("@")[2]
        if parts.port is not None and not 0 < parts.port < 65536:
            raise ValueError("port out of range")
    except ValueError as exc:
        raise InputError(f"not a valid URL: {exc}") from None
    host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    if not parts.hostname or not _HOST.fullmatch(host):
        raise InputError("not a valid URL: the host name is missing or has characters a "
                         "host name cannot have")
    return url, auth


def _bad_response(exc: Exception) -> str:
    if isinstance(exc, http.client.BadStatusLine):
        return "bad status line (not an HTTP/1.x answer)"
    if isinstance(exc, http.client.LineTooLong):
        return "a header or status line is too long"
    if isinstance(exc, http.client.IncompleteRead) and exc.expected:
        return f"the body is cut short ({len(exc.partial):,} bytes, {exc.expected:,} more expected)"
    if isinstance(exc, (http.client.IncompleteRead, ValueError)):  # no length: the chunks
        return "broken chunked encoding"
    return str(exc) or type(exc).__name__


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    url, auth = _prepare(url)
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html,text/plain;q=0.9"})
    if auth is not None:  # sent to this host only, not on to where it redirects
        request.add_unredirected_header("Authorization", auth)
    try:
        with opener.open(request, timeout=timeout) as response:
            if response.status < 200:
                raise InputError(f"HTTP {response.status}: an interim answer, not a page")
            data = response.read(max_bytes + 1)
            declared = (response.headers.get("Content-Length") or "").strip()
            if declared.isdigit() and len(data) < min(int(declared), max_bytes + 1):
                raise http.client.IncompleteRead(data, int(declared) - len(data))
            final_url = without_credentials(response.geturl())
            content_type = (response.headers.get_content_type() or "").lower()
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise InputError(f"more than {MAX_REDIRECTS} redirects") from None
        raise InputError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, http.client.HTTPException):
            raise InputError(f"bad HTTP answer: {_bad_response(exc.reason)}") from None
        raise InputError(f"cannot fetch: {exc.reason}") from None
    except TimeoutError:
        raise InputError(f"no answer within {timeout:g} s") from None
    except http.client.InvalidURL as exc:
        raise InputError(f"not a valid URL: {exc}") from None
    except (http.client.HTTPException, ValueError) as exc:  # a misbehaving server
        raise InputError(f"bad HTTP answer: {_bad_response(exc)}") from None
    except OSError as exc:
        raise InputError(f"cannot fetch: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(f"page is over the {max_bytes:,}-byte cap")
    if content_type in ("text/html", "application/xhtml+xml"):
        media = "html"
    elif content_type == "text/plain":
        media = "text"
    elif content_type and not content_type.startswith("text/"):
        raise InputError(f"not an article: the server says {content_type}")
    else:
        media = None
    return Fetched(data=data, final_url=final_url, media_type=media)
