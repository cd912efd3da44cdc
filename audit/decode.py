"""Bytes to text: encoding, media type, and refusing what is not text.

First version: UTF-8 (with BOM), the charset a page declares, then charset
detection. The stripping work refines it (mojibake repair, more sniffing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """This input cannot be audited; the message is one line saying why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    media_type: str  # "text/html" or "text/plain"


_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|article)\b",
                         re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def sniff_media_type(data: bytes) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return "text/html" if _HTML_START.match(head) else "text/plain"


def decode(data: bytes, *, input_format: str = "auto") -> Decoded:
    if len(data) > MAX_BYTES:
        raise InputError(f"input is {len(data):,} bytes, over the {MAX_BYTES:,}-byte cap")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"not text: looks like {what}")
    if input_format == "html":
        media_type = "text/html"
    elif input_format == "text":
        media_type = "text/plain"
    else:
        media_type = sniff_media_type(data)
    text, encoding = _to_text(data, media_type)
    if text.count("\x00") > 0 or _control_share(text) > 0.05:
        raise InputError("not text: binary data")
    return Decoded(text=text, encoding=encoding, media_type=media_type)


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)


def _to_text(data: bytes, media_type: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, name in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if media_type == "text/html":
        match = _META_CHARSET.search(data[:8192])
        if match:
            name = match.group(1).decode("ascii").lower()
            try:
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
