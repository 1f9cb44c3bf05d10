/** XML text helpers shared by the GEXF and GraphML writers. */

/**
 * Characters XML 1.0 cannot hold at all (C0 controls other than tab/LF/CR, lone surrogates,
 * U+FFFE/U+FFFF): removed, since no escape can carry them.
 */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(s: string): string {
  return s.replace(INVALID_XML, '');
}

/**
 * U+0085, U+2028 and U+2029 are line ends to some parsers (XML 1.1 rules: xmldom, which
 * graphology-gexf uses, turns them into \n): written as character references, they survive.
 */
export function lineEndRefs(s: string): string {
  return s.replace(/[\u0085\u2028\u2029]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/** Escape for element text. `>` is escaped too (a `]]>` in text is not well-formed). CR kept as a reference. */
export function escapeText(s: string): string {
  return lineEndRefs(xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;'));
}

/** Escape for a double-quoted attribute value; tab, LF and CR as references so parsers keep them. */
export function escapeAttr(s: string): string {
  return xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;')
    .replace(/[\u0085\u2028\u2029]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}
