"""decode(): every input is built here, by encoding sample text in each encoding."""

from __future__ import annotations

import time

import pytest

from audit.decode import MAX_BYTES, Decoded, InputError, decode, sniff_media_type

FRENCH = "Café society — “quoted” naïve résumé costs €5. The œuvre of the façade was déjà vu."
GERMAN = "Größere Übungen für Bären und Käse – äußerst schön, sagte der Bürgermeister."
POLISH = "Zażółć gęślą jaźń. Książka leży na stole, a pies śpi obok kota."
RUSSIAN = "Привет, как дела? Сегодня хорошая погода, и мы пойдём гулять в парк."
CHINESE = "中华人民共和国是一个位于东亚的国家。北京是首都，上海是最大的城市。今天天气很好。"
JAPANESE = "日本語のテキストです。東京は日本の首都であり、多くの人が住んでいます。"


def page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head>{head}<title>t</title></head>"
            f"<body><p>{body}</p></body></html>")


@pytest.mark.parametrize("text, encoding", [
    (FRENCH, "cp1252"), (GERMAN, "cp1252"), (POLISH, "cp1250"), (RUSSIAN, "cp1251"),
    (RUSSIAN, "koi8-r"), (CHINESE, "gbk"), (CHINESE, "gb2312"), (JAPANESE, "shift_jis"),
    (JAPANESE, "euc-jp"),
])
def test_undeclared_encodings_are_detected(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)).text == text


@pytest.mark.parametrize("text, encoding, declaration", [
    (CHINESE, "gbk", '<meta charset="gb2312">'),
    (CHINESE, "gb18030", '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'),
    (JAPANESE, "shift_jis", "<meta charset='Shift_JIS'>"),
    (FRENCH, "cp1252", '<meta http-equiv="content-type" content="text/html; charset=iso-8859-1">'),
    (RUSSIAN, "cp1251", '<meta charset="windows-1251">'),
])
def test_declared_charset_is_used(text: str, encoding: str, declaration: str) -> None:
    decoded = decode(page(text, declaration).encode(encoding))
    assert decoded.media_type == "text/html"
    assert text in decoded.text


def test_gb2312_label_decodes_gbk_only_characters() -> None:
    text = "镕基"  # 镕 is in GBK, not in GB2312: pages labelled gb2312 use it anyway
    assert text in decode(page(text, '<meta charset="gb2312">').encode("gbk")).text


def test_utf8_wins_over_a_wrong_declaration() -> None:
    decoded = decode(page(FRENCH, '<meta charset="iso-8859-1">').encode("utf-8"))
    assert FRENCH in decoded.text
    assert decoded.encoding == "utf-8"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks(encoding: str) -> None:
    data = FRENCH.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode(data).text == FRENCH


def test_utf8_cut_mid_character_stays_utf8() -> None:
    data = (FRENCH * 3).encode("utf-8") + "é".encode()[:1]
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(FRENCH)


def test_utf16_without_bom() -> None:
    assert decode(FRENCH.encode("utf-16-le")).text == FRENCH


@pytest.mark.parametrize("original", [
    "It’s a “test” of naïve café owners.",
    "Jürgen Müller – Geschäftsführer.",
])
def test_text_decoded_twice_is_repaired(original: str) -> None:
    mojibake = sloppy_cp1252(original.encode("utf-8"))
    assert mojibake != original
    assert decode(mojibake.encode("utf-8")).text == original


def sloppy_cp1252(data: bytes) -> str:
    """cp1252 as browsers and many tools decode it: the 5 undefined bytes pass through."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def test_clean_text_is_not_touched_by_repair() -> None:
    text = "SÃO PAULO — A prefeitura anunciou, e “ninguém” duvidou. Â is a letter."
    assert decode(text.encode("utf-8")).text == text


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"GIF89a\x01\x00\x01\x00", "GIF"),
    (b"PK\x03\x04\x14\x00\x00\x00", "zip"),
    (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
    (b"\x7fELF\x02\x01\x01\x00", "ELF"),
])
def test_known_binary_formats_are_refused(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what) as info:
        decode(data + bytes(range(256)))
    assert "\n" not in str(info.value)


def test_other_binary_is_refused() -> None:
    noise = bytes((i * 7919 + 13) % 251 + 1 for i in range(20_000))  # no NULs, no magic
    with pytest.raises(InputError, match="not text"):
        decode(noise)
    with pytest.raises(InputError, match="not text"):
        decode(b"abc\x00\x01\x02" * 1000)


def test_size_cap() -> None:
    with pytest.raises(InputError, match="cap"):
        decode(b" " * (MAX_BYTES + 1))


def test_unknown_input_format() -> None:
    with pytest.raises(InputError):
        decode(b"x", input_format="pdf")


@pytest.mark.parametrize("data, expected", [
    (b"<!DOCTYPE html><html><body>x</body></html>", "text/html"),
    (b"\xef\xbb\xbf  <!-- saved --> <html lang=en>", "text/html"),
    (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "text/html"),
    (b"<p>A fragment</p>", "text/html"),
    (b"<div class=a>x</div>", "text/html"),
    (b"Plain text that mentions <html> later.", "text/plain"),
    (b"<paragraph> is not an HTML tag", "text/plain"),
    (b"", "text/plain"),
])
def test_sniff_media_type(data: bytes, expected: str) -> None:
    assert sniff_media_type(data) == expected


def test_input_format_overrides_sniffing() -> None:
    assert decode(b"<p>x</p>", input_format="text").media_type == "text/plain"
    assert decode(b"plain", input_format="html").media_type == "text/html"


def test_utf16_html_is_sniffed_as_html() -> None:
    data = page("hello").encode("utf-16")
    assert decode(data).media_type == "text/html"


@pytest.mark.parametrize("data", [
    b"a" * 2_000_000,  # one 2 MB line
    b'"' * 100_000,  # quote marks
    b"<div>" * 10_000,  # nested tags
    b"<!--" * 100_000,  # unclosed comments
    b"<meta " + b" " * 2_000_000,  # a meta tag that never ends
    b"\xc3" + "Ã©".encode() * 300_000,  # invalid UTF-8 full of mojibake markers
])
def test_hostile_inputs_decode_quickly(data: bytes) -> None:
    started = time.perf_counter()
    result = decode(data)
    assert isinstance(result, Decoded)
    assert time.perf_counter() - started < 3.0


def test_empty_input() -> None:
    assert decode(b"") == Decoded(text="", encoding="utf-8", media_type="text/plain")


@pytest.mark.parametrize(("text", "expected"), [
    ("It’s naïve", False), ("Itâ€™s", True), ("cafÃ©", True), ("Â\xa0", True),
    ("pâte à l’âge", False), ("âge â", False), ("â", False), ("", False),
])
def test_double_encoding_told_by_a_lead_and_a_continuation(text: str, expected: bool) -> None:
    from audit.decode import _double_encoded

    assert _double_encoded(text) is expected
