"""http(s) URLs, fetched by the worker that audits them; any other scheme is refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from audit.inputs.base import Context, Failure, Item, Job, Source

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,20}://")


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


class UrlSource(Source):
    name = "URL"

    def claims(self, arg: str) -> bool:
        # A path that merely looks like a URL (a file named "x://y") is a path.
        return is_url(arg) or bool(_SCHEME.match(arg) and not Path(arg).exists())

    def items(self, arg: str, context: Context) -> Iterator[Item]:
        if is_url(arg):  # a password in the URL is used to fetch it, never shown
            yield Job(source=arg, name=arg, url=arg, fetch=True)
            return
        scheme = arg.split(":", 1)[0]
        yield Failure(arg, f"unsupported URL scheme {scheme!r}: only http and https")


SOURCE = UrlSource()
