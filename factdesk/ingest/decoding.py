"""Bytes to text: pick the right encoding, or refuse data that is not text at all."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from factdesk.ingest.errors import IngestError

MAX_BYTES = 50 * 1024 * 1024  # larger files are refused, never read into the pipeline

# Checked in order: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# (offset, signature, description) of formats people drop on the window by mistake.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive, e.g. .docx/.odt/.epub"),
    (0, b"PK\x05\x06", "ZIP archive"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"MZ\x90\x00", "Windows executable"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document, e.g. .doc/.xls"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"BZh91AY&SY", "bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (0, b"OggS", "Ogg media"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"\x00asm", "WebAssembly module"),
    (0, b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (0, b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (4, b"ftyp", "MP4/QuickTime media"),
    (8, b"WEBP", "WebP image"),
    (8, b"WAVE", "WAV audio"),
    (8, b"AVI ", "AVI video"),
)

_HTML_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
# Encodings whose bytes 0xA0-0xFF mean the same as cp1252's: choosing among them is moot.
_WESTERN = {"cp1252", "latin_1", "iso8859_1", "iso8859_15", "windows_1252", "ascii"}
# Punctuation that legitimately sits between letters in Western text (Ukraine’s, well–known,
# and the acute accent typed for an apostrophe: "the mayor´s office").
_WORD_PUNCT = set("’‘‚“”„–—‐-·•…'\"´")
# Words that make up a large share of any English prose (about 40%; under 5% in other
# languages written in Latin letters).
_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on was with as by at it he she they said from has "
    "had have be are were his her their this an not but or which who will would".split())
_ENGLISH_SHARE = 0.2  # the share of such words from which a text reads as English
_GUESSES = 5  # charset-normalizer's guesses looked at
_CHAOS_TIE = 0.005  # a guess this close to the best one's "chaos" is as likely
_SURROGATE = re.compile("[\udc80-\udcff]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_ASCII_WORD = re.compile(r"\b[A-Za-z]+\b")
_CONTROL_LIMIT = 0.02  # share of control characters above which text counts as binary
# The control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) that count
# towards it: all but tab, line ends, form feed, vertical tab and the DOS end-of-file mark.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded (the encoding name, plus any warnings)."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def sniff_binary(data: bytes) -> str | None:
    """Return a description of a known binary format at the start of ``data``, else None."""
    for offset, signature, description in _MAGIC:
        if data[offset : offset + len(signature)] == signature:
            return description
    return None


def decode_bytes(data: bytes, name: str, *, html: bool = False) -> Decoded:
    """Decode a file's bytes to text, raising :class:`IngestError` for non-text data.

    Order: size limit, known binary signatures, byte order marks (UTF-8/16/32),
    BOM-less UTF-16/32 by the pattern of NUL bytes, NUL bytes (binary), strict UTF-8,
    the ``<meta charset>`` of an HTML page, then UTF-8 and cp1252 line by line when some
    lines are UTF-8 and others not (a file pasted together), then a single-byte code
    page (cp1252, the
    superset of Latin-1 that Windows writes, unless charset-normalizer finds a clearly
    better one). Empty or whitespace-only content is refused as "empty file".
    """
    if len(data) > MAX_BYTES:
        raise IngestError(name, f"file too large ({len(data) / 2**20:.1f} MB, limit "
                                f"{MAX_BYTES // 2**20} MB)")
    if not data.strip():
        raise IngestError(name, "empty file")
    kind = sniff_binary(data)
    if kind is not None:
        raise IngestError(name, f"binary file ({kind}), not text")
    decoded = _decode(data, name, html=html)
    _check_text(decoded.text, name)
    return decoded


def _decode(data: bytes, name: str, *, html: bool) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], encoding, name), encoding)
    wide = _guess_wide_encoding(data)
    if wide is not None:
        return Decoded(_strict(data, wide, name), wide, (f"decoded as {wide} (no byte order mark)",))
    if b"\x00" in data:
        raise IngestError(name, "binary file (contains NUL bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            try:
                return Decoded(data.decode(declared), declared)
            except UnicodeDecodeError:
                pass
    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        return mixed
    return _decode_single_byte(data)


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def _decode_mixed_lines(data: bytes) -> Decoded | None:
    """A file pasted together from UTF-8 and Windows (cp1252) sources, line by line.

    Only when some line is valid UTF-8 with non-ASCII characters in it (so the file is
    not simply in a single-byte code page): each line that is valid UTF-8 is read as
    UTF-8, each other line as cp1252. None when no line shows UTF-8.
    """
    lines = data.splitlines(keepends=True)
    decoded: list[str] = []
    utf8_lines = fallback_lines = 0
    for line in lines:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            decoded.append(_decode_cp1252(line))
            fallback_lines += 1
            continue
        decoded.append(text)
        if _UTF8_MULTIBYTE.search(line):
            utf8_lines += 1
    if not utf8_lines or not fallback_lines:
        return None
    return Decoded("".join(decoded), "utf-8+cp1252",
                   (f"mixed encodings: {fallback_lines} line(s) are not UTF-8 and were read "
                    "as cp1252 (Windows Latin-1)",))


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(name, f"not valid {encoding} text (byte {exc.start})") from exc


def _guess_wide_encoding(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16/UTF-32 text by where its NUL bytes fall."""
    sample = data[:8192]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    if len(sample) % 4 == 0 or len(data) % 4 == 0:
        quads = len(sample) // 4
        if quads:
            cols = [sample[i::4][:quads].count(0) / quads for i in range(4)]
            if cols[1] > 0.9 and cols[2] > 0.9 and cols[3] > 0.9 and cols[0] < 0.1:
                return "utf-32-le"
            if cols[0] > 0.9 and cols[1] > 0.9 and cols[2] > 0.9 and cols[3] < 0.1:
                return "utf-32-be"
    if len(data) % 2:
        return None
    pairs = len(sample) // 2
    even = sample[0::2][:pairs].count(0) / pairs
    odd = sample[1::2][:pairs].count(0) / pairs
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _HTML_CHARSET.search(data[:8192])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decode_cp1252(data: bytes) -> str:
    """cp1252, reading its five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) as Latin-1."""
    text = data.decode("cp1252", errors="surrogateescape")
    return _SURROGATE.sub(lambda m: chr(ord(m.group()) - 0xDC00), text)


def _decode_single_byte(data: bytes) -> Decoded:
    """cp1252, unless one of charset-normalizer's best guesses is clearly better: it
    removes symbols wedged between letters that cp1252 shows (``Za¿ó³æ``), or the text
    is mostly non-ASCII and not English. Among guesses the detector finds equally
    likely, the cleanest is tried. English text with a few non-ASCII bytes stays cp1252
    when no guess is cleaner: reading a handful of bytes, the detector often names a
    Baltic or Nordic code page ("The mayorĪs office" for "The mayor´s office")."""
    western = _decode_cp1252(data)
    sample = western[:200_000]
    guesses = [(encoding, text) for encoding, text in _charset_normalizer_guesses(data)
               if encoding not in _WESTERN and text != western]
    if guesses:
        encoding, text = min(guesses, key=lambda g: (
            _mixed_script_words(g[1][:200_000]), _mojibake_score(g[1][:200_000])))
        other = text[:200_000]
        non_ascii = sum(1 for ch in sample if ord(ch) > 127)
        letters = sum(1 for ch in sample if not ch.isspace()) or 1
        mostly_foreign = non_ascii >= 20 and non_ascii / letters > 0.15 \
            and not _reads_as_english(sample)
        if _mixed_script_words(other) <= _mixed_script_words(sample) and (
            mostly_foreign or _mojibake_score(other) < _mojibake_score(sample)
        ):
            return Decoded(text, encoding, (f"not UTF-8; decoded as {encoding}",))
    return Decoded(western, "cp1252", ("not UTF-8; decoded as cp1252 (Windows Latin-1)",))


def _reads_as_english(text: str) -> bool:
    """Whether the text's words are English by their share of common English words."""
    words = [w.lower() for w in _ASCII_WORD.findall(text[:20_000])]
    return len(words) >= 5 and sum(w in _ENGLISH_WORDS for w in words) / len(words) \
        >= _ENGLISH_SHARE


def _charset_normalizer_guesses(data: bytes) -> list[tuple[str, str]]:
    """(encoding, text) of charset-normalizer's guesses as likely as its best (the same
    "chaos", at most :data:`_GUESSES`), best first; [] when it has none."""
    try:
        # loaded when used: only bytes that are not UTF-8 need the charset detector
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return []
    matches = from_bytes(data[:65536])
    best = matches.best()
    if best is None:
        return []
    found = []
    for match in [best, *(m for m in matches if m is not best)][:_GUESSES]:
        if match.chaos > best.chaos + _CHAOS_TIE:
            continue
        try:
            text = data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        found.append((codecs.lookup(match.encoding).name.replace("-", "_"), text))
    return found


def _mojibake_score(text: str) -> int:
    """Count non-ASCII symbols wedged between letters (``Za¿ó³æ``): a wrong code page."""
    score = 0
    for i in range(1, len(text) - 1):
        ch = text[i]
        if ord(ch) > 127 and ch not in _WORD_PUNCT and not ch.isalpha():
            if text[i - 1].isalpha() or text[i + 1].isalpha():
                score += 1
    return score


def _mixed_script_words(text: str) -> int:
    """Count words mixing scripts (``cafﻠ``: Latin and Arabic): a wrong code page."""
    count = 0
    for word in _WORD.findall(text):
        scripts = {_script(ch) for ch in word}
        if len(scripts) > 1:
            count += 1
    return count


def _script(ch: str) -> str:
    if ord(ch) < 128:
        return "LATIN"
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def _check_text(text: str, name: str) -> None:
    if not text.strip() or not text.replace("\ufeff", "").replace("\u200b", "").strip():
        raise IngestError(name, "empty file")
    sample = text[:100_000]
    controls = len(_CONTROLS.findall(sample))
    if controls / len(sample) > _CONTROL_LIMIT:
        raise IngestError(name, "binary file (mostly control characters), not text")
