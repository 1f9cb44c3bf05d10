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
  return lineEndRefs(
    xmlSafe(s)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\t/g, '&#x9;')
      .replace(/\n/g, '&#xA;')
      .replace(/\r/g, '&#xD;'),
  );
}

/** Attribute escaping of xml-writer (what graphology-gexf writes): `>` is left as is. Line ends as references. */
const ATTR_SPECIAL = /[&<"\t\n\r\u0085\u2028\u2029]/;
function writerAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return lineEndRefs(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;'));
}
const TEXT_SPECIAL = /[&<>\u0085\u2028\u2029]/;
function writerText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  return lineEndRefs(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** xml-writer's strval: strings and numbers only. */
function strval(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return `${v}`;
  throw new Error('Bad Parameter');
}

/**
 * A streaming XML writer giving exactly the output of the xml-writer package (which
 * graphology-gexf builds its string with), followed by lineEndRefs over the whole text:
 * the same indentation, self-closed empty elements and escaping, but written piece by piece to
 * `out` instead of one string. Only the calls the GEXF writer makes.
 */
export class XmlStreamWriter {
  private readonly stack: { name: string; containsTag: boolean }[] = [];
  /** The current start tag is still open (attributes may follow). */
  private open = false;
  private started = false;
  private readonly indents: string[] = [];

  constructor(private readonly out: { write(s: string): void }, private readonly indent: boolean) {}

  private indenter(depth: number): void {
    if (!this.indent) return;
    let s = this.indents[depth];
    if (s === undefined) s = this.indents[depth] = `\n${'  '.repeat(depth)}`;
    this.out.write(s);
  }

  startDocument(version: string, encoding: string): void {
    this.out.write(`<?xml version="${writerText(version)}" encoding="${writerText(encoding)}"?>`);
    if (!this.indent) this.out.write('\n');
    this.started = true;
  }

  startElement(name: string): this {
    if (this.open) {
      this.out.write('>');
      this.open = false;
    }
    if (this.stack.length > 0) this.stack[this.stack.length - 1].containsTag = true;
    this.stack.push({ name, containsTag: false });
    if (this.started) this.indenter(this.stack.length - 1);
    this.out.write(`<${name}`);
    this.open = true;
    this.started = true;
    return this;
  }

  /** An attribute of the open start tag; skipped when the value is falsy and not a number (as xml-writer). */
  attribute(name: string, value: unknown): this {
    if (typeof value !== 'number' && !value) return this;
    const s = strval(value);
    if (!this.open) return this;
    this.out.write(` ${name}="${writerAttr(s)}"`);
    return this;
  }

  text(content: unknown): this {
    const s = strval(content);
    if (this.stack.length === 0) return this;
    if (this.open) {
      this.out.write('>');
      this.open = false;
    }
    this.out.write(writerText(s));
    this.started = true;
    return this;
  }

  endElement(): this {
    const t = this.stack.pop();
    if (!t) return this;
    if (this.open) {
      this.out.write('/>');
      this.open = false;
    } else {
      if (t.containsTag) this.indenter(this.stack.length);
      this.out.write(`</${t.name}>`);
    }
    return this;
  }

  /** Close every open element (xml-writer's flush, done by its toString). */
  endAll(): void {
    while (this.stack.length) this.endElement();
  }
}
