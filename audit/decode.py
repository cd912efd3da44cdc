"""Bytes to text: encoding, media type, and refusing what is not text.

The order follows what is most often right on real pages: a byte-order mark, then
UTF-8 when the bytes are valid UTF-8 (a page declaring latin-1 but written in UTF-8 is
far commoner than the reverse), then the charset the page declares (meta charset,
http-equiv, XML declaration), then detection with charset-normalizer limited to the
encodings in common use. Text that was decoded twice upstream ("itâ€™s") is repaired
with ftfy, which runs only when such sequences are present (it is slow: README,
Performance).

Every scan here is a bounded loop or a regex without nested repetition, so a 2 MB
line, 100,000 quote marks or 10,000 nested tags cost linear time.
"""

from __future__ import annotations

import codecs
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


# Signatures of formats that are not text. Short or ambiguous ones ("MZ", "BM") are left
# to the control-character test, which they fail anyway.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)
# Declared names decoded with the superset browsers use for them (WHATWG Encoding).
_SUPERSET = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
    "us-ascii": "cp1252", "iso-8859-9": "cp1254", "gb2312": "gb18030", "gbk": "gb18030",
    "x-gbk": "gb18030", "gb_2312-80": "gb18030", "shift_jis": "cp932", "shift-jis": "cp932",
    "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932", "ms_kanji": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "big5": "big5hkscs", "tis-620": "cp874",
    "iso-8859-11": "cp874", "utf8": "utf-8",
}
# Encodings detection may choose from: the ones in real use, so that short samples are
# not read as some rare code page.
_COMMON = ("cp1252", "cp1250", "cp1251", "koi8_r", "koi8_u", "iso8859_2", "iso8859_5",
           "iso8859_7", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
           "gb18030", "big5", "cp932", "euc_jp", "iso2022_jp", "cp949", "euc_kr", "cp874",
           "mac_roman", "iso8859_15")
_LATIN_FAMILY = frozenset({"cp1252", "cp1250", "iso8859_2", "iso8859_15", "cp1254",
                           "cp1257", "mac_roman", "latin_1", "iso8859_1", "cp1258"})
_DECLARED = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
# UTF-8 read as cp1252 (or latin-1) and written out again as UTF-8: "â€™", "Ã©", "Â ": the
# reading of a lead byte (C2, C3, E2) and then one of a continuation byte (80-BF).
_MOJIBAKE_LEADS = "ÂÃâ"
_MOJIBAKE_NEXT = frozenset("".join(map(chr, range(0x80, 0xC0))) + "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
# Symbols of the cp1252 upper half that never sit inside a word of a language written in
# cp1252; between two letters they mean the bytes were cp1250 or another Latin code page.
_MIDWORD_SYMBOL = re.compile("[^\\W\\d_][¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿][^\\W\\d_]")
_HTML_TAGS = (b"!doctype", b"html", b"head", b"body", b"meta", b"title", b"div", b"p",
              b"article", b"section", b"main", b"header", b"table", b"h1", b"h2", b"span",
              b"link", b"script", b"style", b"ul", b"nav")


def sniff_media_type(data: bytes) -> str:
    """"text/html" when the content starts like an HTML document or fragment (after a
    BOM, blanks, comments and an XML declaration), else "text/plain"."""
    head = data[:4096]
    for bom, name, _ in _BOMS:
        if head.startswith(bom):
            head = (data[len(bom):len(bom) + 8192].decode(name, errors="ignore")
                    .encode("ascii", errors="ignore"))
            break
    pos = _skip_prologue(head)
    if not head.startswith(b"<", pos):
        return "text/plain"
    name = head[pos + 1:pos + 10].lower()
    for tag in _HTML_TAGS:
        after = name[len(tag):len(tag) + 1]
        if name.startswith(tag) and not after.isalnum():
            return "text/html"
    return "text/plain"


def _skip_prologue(head: bytes) -> int:
    """Position after leading blanks, comments and <?xml ...?> (a loop, not a regex)."""
    pos = 0
    while True:
        while pos < len(head) and head[pos:pos + 1].isspace():
            pos += 1
        if head.startswith(b"<!--", pos):
            end = head.find(b"-->", pos + 4)
            if end < 0:
                return len(head)
            pos = end + 3
        elif head.startswith(b"<?", pos):
            end = head.find(b"?>", pos + 2)
            if end < 0:
                return len(head)
            pos = end + 2
        else:
            return pos


def decode(data: bytes, *, input_format: str = "auto") -> Decoded:
    """Decode an input file; raises InputError (one line) when it is not text."""
    if input_format not in ("auto", "html", "text"):
        raise InputError(f"unknown input format {input_format!r} (auto, html or text)")
    refuse_oversize(len(data))
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
    _refuse_binary(text)
    if _double_encoded(text):
        text = _repair(text)
    return Decoded(text=text.replace("\x00", ""), encoding=encoding, media_type=media_type)


def displayable(name: str, *, file_name: bool = False, limit: int | None = None,
                lines: bool = False) -> str:
    r"""``name`` as it can be safely shown (on a terminal, in a log, in a report): the
    one helper for every name and message that carries input.

    - Control characters (C0, DEL and C1; line breaks and tabs too unless ``lines``) are
      spelled out (``\x1b``), so an escape sequence in a file name, a record's id, a
      WARC-Target-URI or an HTTP reason phrase cannot set a window title or clear the
      screen, and a message stays on one line.
    - A lone surrogate is spelled out, so the text can be printed and written as UTF-8.
      A file name (or command-line argument) that is not valid UTF-8 reaches Python with
      its bad bytes as surrogates: with ``file_name``, such a byte is shown as ``\xe9``. A
      lone surrogate from anywhere else (a JSON record's id may hold an escaped one) is
      shown as ``\ud800``.
    - With ``limit``, at most that many characters are kept, the last one "…"."""
    if not (name.isascii() and name.isprintable()):
        name = _CONTROL_LINES.sub(_escape, name) if lines else _CONTROL.sub(_escape, name)
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            if file_name and _ESCAPED_BYTES.fullmatch(name):
                name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            else:
                name = name.encode("utf-8", "backslashreplace").decode("utf-8")
    if limit is not None and len(name) > limit:
        name = name[:max(limit - 1, 0)] + "…"
    return name


MESSAGE_LIMIT = 300  # characters of a name or an error message shown or recorded
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_credentials(url: str) -> str:
    """``url`` without the user name and password it may carry
    (``https://user:secret@host/x`` becomes ``https://host/x``): what is shown and
    recorded of a URL (fetching uses them). A malformed URL is handled too."""
    return _CREDENTIALS.sub(r"\1", url) if "@" in url else url


_CREDENTIALS = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


_ESCAPED_BYTES = re.compile(r"(?:[^\ud800-\udfff]|[\udc80-\udcff])*")
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    r"""``text`` with every lone surrogate replaced by U+FFFD, one character for one, so
    offsets still line up. A ``str`` given to the library (or decoded from an escaped
    ``\ud800`` in JSON) may hold one; a report holding it could not be written as UTF-8."""
    if text.isascii():
        return text
    return _SURROGATE.sub("\ufffd", text)


def refuse_oversize(size: int) -> None:
    """The input size cap, checked here and, before reading a file, by its size on disk."""
    if size > MAX_BYTES:
        raise InputError(f"input is {size:,} bytes, over the {MAX_BYTES:,}-byte cap")


# Control characters other than line breaks and tabs, and U+FFFD (undecodable bytes).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _refuse_binary(text: str) -> None:
    sample = text[:8192]
    if not sample:
        return
    bad = len(_NOT_TEXT.findall(sample))  # a regex scan, not a Python loop per character
    if bad / len(sample) > 0.05:
        raise InputError("not text: binary data")


def _to_text(data: bytes, media_type: str) -> tuple[str, str]:
    for bom, _, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), name
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16
    if b"\x00" in data[:8192]:
        raise InputError("not text: binary data (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _mostly_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    declared = _declared_encoding(data) if media_type == "text/html" else None
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    return _detect(data)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken sequences (a file cut mid-character, one pasted latin-1
    word) is still UTF-8: text in another encoding almost never forms valid multi-byte
    UTF-8 sequences, so many of them against few errors decide it."""
    text = data.decode("utf-8", errors="replace")
    errors = text.count("\ufffd")
    decoded = len(text) - len(text.encode("ascii", errors="ignore")) - errors
    return text if decoded >= 10 * errors and decoded >= 3 else None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NULs in every other byte of ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _declared_encoding(data: bytes) -> str | None:
    """The charset the page declares in its first 8 KB, as a Python codec name."""
    match = _DECLARED.search(data[:8192])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    name = _SUPERSET.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detect(data: bytes) -> tuple[str, str]:
    """charset-normalizer's guess among common encodings, with cp1252 preferred among
    Latin code pages when its reading has no symbol inside a word (detection on short
    Western text often says cp1250, which reads "naïve" as "naďve")."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=list(_COMMON)).best()
    guess = best.encoding if best is not None else "cp1252"
    if guess in _LATIN_FAMILY:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = None
        if text is not None and not _MIDWORD_SYMBOL.search(text):
            return text, "cp1252"
    return data.decode(guess, errors="replace"), guess


def _double_encoded(text: str) -> bool:
    """Whether a lead of ``_MOJIBAKE_LEADS`` is followed by one of ``_MOJIBAKE_NEXT``.

    Each lead is looked for with ``str.find`` (in C, by the page): a regex that starts
    with a character class has ``re`` test every character of the page in turn."""
    for lead in _MOJIBAKE_LEADS:
        pos = text.find(lead)
        while pos >= 0:
            if text[pos + 1:pos + 2] in _MOJIBAKE_NEXT:
                return True
            pos = text.find(lead, pos + 1)
    return False


def _repair(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1252 somewhere upstream ("â€™" -> "’")."""
    import ftfy

    return ftfy.fix_encoding(text)
