"""Fetching an article from an http(s) URL, the way a careful crawler would.

A timeout, a size cap, a limit on redirects (each redirect must stay on http or https),
an honest User-Agent, and one clear line for each way it can fail.
"""

from __future__ import annotations

import urllib.error
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
