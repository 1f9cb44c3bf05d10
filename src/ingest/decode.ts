/**
 * Byte decoding, detected rather than assumed: a BOM decides first (UTF-8, UTF-16 LE/BE); without
 * one the bytes are tried as strict UTF-8, then as GB18030 (a superset of GBK and GB2312). A file
 * that is binary (NUL bytes, control characters) or invalid in every candidate is rejected, with
 * the line of the first bad byte where one can be named.
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';
import iconv from 'iconv-lite';
import type { SourceEncoding } from '../types';

export type DecodeResult =
  | { ok: true; text: string; encoding: SourceEncoding; /** Lossy decode: lines holding replaced bytes. */ damagedLines?: number[] }
  | { ok: false; reason: 'binary' | 'undecodable'; message: string; line?: number };

/** Index of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included), or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Bytes that are valid UTF-8 (isUtf8), as text. Text that is not ASCII is transcoded to UTF-16 and
 * read as such: Node's transcode does UTF-8 to UTF-16 in bulk, several times faster on Chinese text
 * than toString('utf8'), and on valid UTF-8 both give the same characters (where Node is built
 * without ICU there is no transcode: toString then).
 */
export function validUtf8Text(buf: Uint8Array): string {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (typeof transcode !== 'function' || isAscii(b)) return b.toString('utf8');
  return transcode(b, 'utf8', 'utf16le').toString('utf16le');
}

/** Valid multi-byte sequences and invalid positions (resynchronising after each), in one pass. */
export function utf8Stats(buf: Uint8Array): { multi: number; invalid: number[] } {
  let multi = 0;
  const invalid: number[] = [];
  let i = 0;
  while (i < buf.length) {
    if (buf[i] < 0x80) {
      i++;
      continue;
    }
    const bad = firstInvalidUtf8(buf.subarray(i, Math.min(buf.length, i + 4)));
    if (bad === 0) {
      invalid.push(i);
      i++;
      continue;
    }
    const b = buf[i];
    multi++;
    i += b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
  }
  return { multi, invalid };
}

/** 1-based line of byte `index` (counting 0x0A bytes before it; for UTF-16 pass unit = 2). */
export function lineOfByte(buf: Uint8Array, index: number, unit = 1, bigEndian = false): number {
  let line = 1;
  for (let i = 0; i + unit <= index; i += unit) {
    const isNl = unit === 1 ? buf[i] === 0x0a : bigEndian ? buf[i] === 0 && buf[i + 1] === 0x0a : buf[i] === 0x0a && buf[i + 1] === 0;
    if (isNl) line++;
  }
  return line;
}

/** Characters a text page is made of ([from, to) code ranges); anything else counts against a candidate decoding. */
const PLAUSIBLE: Array<[number, number]> = [
  [0x09, 0x0b], // tab, line feed
  [0x0c, 0x0e], // form feed, carriage return
  [0x20, 0x7f],
  [0xa0, 0x2000], // Latin-1, Greek, Cyrillic (in GB2312), etc.
  [0x2000, 0x2700], // general punctuation, symbols, numbers, arrows, boxes
  [0x3000, 0x3100], // CJK punctuation, kana, bopomofo
  [0x3200, 0x3400], // enclosed CJK, compatibility
  [0x3400, 0x4dc0], // CJK extension A
  [0x4e00, 0xa000], // CJK unified
  [0xf900, 0xfb00], // compatibility ideographs
  [0xfe30, 0xfe50], // vertical forms
  [0xff00, 0xfff0], // full-width forms
  [0xfeff, 0xff00], // byte order mark
];

/** Per UTF-16 code unit: 1 when plausible. Built once. */
let plausibleTable: Uint8Array | null = null;

function plausibleUnits(): Uint8Array {
  if (plausibleTable) return plausibleTable;
  const t = new Uint8Array(0x10000);
  for (const [from, to] of PLAUSIBLE) t.fill(1, from, to);
  return (plausibleTable = t);
}

/**
 * Is every code unit plausible (so no control, and no surrogate either)? The usual clean text passes
 * in this one pass. The loop is alone in its function and nothing but a return follows it: the
 * first call runs it optimised on stack replacement, and an operation after the loop that had never
 * run made that code deoptimise, at times on every call.
 */
function allPlausible(text: string, plausible: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) if (plausible[text.charCodeAt(i)] === 0) return false;
  return true;
}

/** Share of implausible characters (controls, replacement characters, private use...). */
function implausibleShare(text: string): { share: number; first: number } {
  const plausible = plausibleUnits();
  let bad = 0;
  let first = -1;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      i++; // a surrogate pair: supplementary plane, plausible (CJK extension B+)
      total++;
      continue;
    }
    total++;
    if (plausible[c] === 0) {
      bad++;
      if (first < 0) first = i;
    }
  }
  return { share: total ? bad / total : 0, first };
}

function lineOfChar(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** C0 controls other than tab, newlines and form feed mark a binary file. */
function firstControl(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) return i;
  }
  return -1;
}

/** UTF-16 without a BOM: NULs mostly on one byte parity, and (checked by the caller) text that decodes cleanly. */
function sniffUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buf.length < 4 || buf.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 0) (i % 2 ? odd++ : even++);
  // Mostly-CJK text has few NULs, and some on the other parity (一 is U+4E00: bytes 00 4E in LE):
  // the side with most NULs is the guess, and the decoded text must then pass check().
  if (odd > 0 && odd >= 4 * even) return 'utf-16le';
  if (even > 0 && even >= 4 * odd) return 'utf-16be';
  return null;
}

function decodeUtf16(buf: Uint8Array, be: boolean): string {
  if (!be) return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf16le');
  const swapped = Buffer.from(buf); // copy, then swap byte pairs
  swapped.swap16();
  return swapped.toString('utf16le');
}

function check(text: string, encoding: SourceEncoding, name: string): DecodeResult {
  // the controls firstControl looks for are all implausible: clean text needs no other test
  if (allPlausible(text, plausibleUnits())) return { ok: true, text, encoding };
  const ctl = firstControl(text);
  if (ctl >= 0) return { ok: false, reason: 'binary', message: `binary content (control character U+${text.charCodeAt(ctl).toString(16).padStart(4, '0').toUpperCase()}) in ${name} text`, line: lineOfChar(text, ctl) };
  const { share, first } = implausibleShare(text);
  if (share > 0.02) return { ok: false, reason: 'undecodable', message: `does not read as ${name} text (${(share * 100).toFixed(0)}% unexpected characters)`, line: lineOfChar(text, first) };
  return { ok: true, text, encoding };
}

/**
 * Decode a file's bytes. Line ends are normalised to \n and a BOM is removed.
 */
export function decodeBytes(buf: Uint8Array): DecodeResult {
  // a DOS end-of-file mark (0x1A) at the very end is not content
  let end = buf.length;
  while (end > 0 && buf[end - 1] === 0x1a) end--;
  const result = decodeRaw(end < buf.length ? buf.subarray(0, end) : buf);
  if (result.ok) result.text = result.text.replace(/\r\n?/g, '\n');
  return result;
}

function decodeRaw(buf: Uint8Array): DecodeResult {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const body = buf.subarray(3);
    const bad = isUtf8(body) ? -1 : firstInvalidUtf8(body);
    if (bad >= 0) return { ok: false, reason: 'undecodable', message: `has a UTF-8 byte order mark but invalid UTF-8 at byte ${bad + 3}`, line: lineOfByte(body, bad) };
    return check(validUtf8Text(body), 'utf-8-bom', 'UTF-8');
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const be = buf[0] === 0xfe;
    const body = buf.subarray(2);
    if (body.length % 2 !== 0) return { ok: false, reason: 'undecodable', message: `has a UTF-16 byte order mark but an odd number of bytes` };
    const text = decodeUtf16(body, be);
    const lone = firstLoneSurrogate(text);
    if (lone >= 0) return { ok: false, reason: 'undecodable', message: `invalid UTF-16 (unpaired surrogate)`, line: lineOfChar(text, lone) };
    return check(text, be ? 'utf-16be' : 'utf-16le', 'UTF-16');
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    const sniffed = sniffUtf16(buf);
    if (sniffed) {
      const text = decodeUtf16(buf, sniffed === 'utf-16be');
      if (firstLoneSurrogate(text) < 0) {
        const r = check(text, sniffed, 'UTF-16');
        if (r.ok) return r;
      }
    }
    return { ok: false, reason: 'binary', message: `binary content (NUL byte at offset ${nul})`, line: lineOfByte(buf, nul) };
  }
  const bad = isUtf8(buf) ? -1 : firstInvalidUtf8(buf); // (the same test; isUtf8 is native)
  if (bad < 0) {
    const utf8 = validUtf8Text(buf);
    // GB18030 bytes can happen to be valid UTF-8 (图 = CD BC reads as U+037C): Chinese UTF-8 always has
    // three-byte characters, so UTF-8 holding only two-byte ones, mostly beyond Latin-1 (Greek, Cyrillic...:
    // not a no-break space or an é), where GB18030 reads clean CJK, is GB18030
    if (looksMisreadGb(utf8)) {
      const gb = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'gb18030');
      if (!gb.includes('\ufffd') && /[\u4e00-\u9fff]/.test(gb)) {
        const r = check(gb, 'gb18030', 'GB18030');
        if (r.ok) return r;
      }
    }
    return check(utf8, 'utf-8', 'UTF-8');
  }
  // Mostly UTF-8 with a few damaged bytes: decode with replacement characters, report the lines.
  const stats = utf8Stats(buf);
  if (stats.multi >= 20 * stats.invalid.length) {
    const text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
    const lines = [...new Set(stats.invalid.slice(0, 10).map((b) => lineOfByte(buf, b)))];
    const ctl = firstControl(text);
    if (ctl < 0) return { ok: true, text, encoding: 'utf-8', damagedLines: lines };
  }
  const gb = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'gb18030');
  const repl = gb.indexOf('\ufffd');
  if (repl < 0) {
    const r = check(gb, 'gb18030', 'GB18030');
    if (r.ok) return r;
    return { ...r, message: `neither UTF-8 (invalid byte at offset ${bad}) nor GB18030: ${r.message}` };
  }
  return {
    ok: false,
    reason: 'undecodable',
    message: `not valid in any supported encoding (UTF-8: invalid byte at offset ${bad}; GB18030: invalid sequence)`,
    line: lineOfByte(buf, bad),
  };
}

/** Non-ASCII characters present, all of them two UTF-8 bytes long, at least half beyond Latin-1. */
function looksMisreadGb(text: string): boolean {
  let latin1 = 0;
  let beyond = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0x800) return false;
    if (c < 0x100) latin1++;
    else beyond++;
  }
  return beyond > 0 && beyond >= latin1;
}

function firstLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}
