"""Fetching an article from an http(s) URL, the way a careful crawler would.

A timeout, a size cap, a limit on redirects (each redirect must stay on http or https),
an honest User-Agent, and one clear line for each way it can fail.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from audit import __version__
from audit.decode import MAX_BYTES, InputError

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


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = newurl.split(":", 1)[0].lower()
        if scheme not in _ALLOWED:
            raise InputError(f"redirected to a {scheme!r} URL: only http and https are fetched")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    scheme = url.split(":", 1)[0].lower()
    if scheme not in _ALLOWED:
        raise InputError(f"unsupported URL scheme {scheme!r}: only http and https")
    url = ascii_url(url)
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html,text/plain;q=0.9"})
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
            content_type = (response.headers.get_content_type() or "").lower()
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise InputError(f"more than {MAX_REDIRECTS} redirects") from None
        raise InputError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"cannot fetch: {exc.reason}") from None
    except TimeoutError:
        raise InputError(f"no answer within {timeout:g} s") from None
    except ValueError as exc:  # http.client.InvalidURL and the like
        raise InputError(f"not a valid URL: {exc}") from None
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
