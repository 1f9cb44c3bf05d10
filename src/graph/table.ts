/** Plain-text tables that line up with Chinese text (wide characters take two columns). */

/** Columns a code point takes in a terminal: 0 (controls, combining marks, zero-width space), 1, or 2 (wide: CJK, Hangul, full-width forms, emoji). */
function columns(c: number): number {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c < 0x370) || c === 0x200b) return 0;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1faff) ||
    (c >= 0x20000 && c <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Columns a string takes in a terminal (the plain-text tables here and in `zhkg query`). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += columns(ch.codePointAt(0) ?? 0);
  return w;
}

/** Cut to at most `max` columns, marking the cut with "…". Control characters become spaces. */
export function fit(s: string, max: number): string {
  const clean = s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (displayWidth(clean) <= max) return clean;
  let out = '';
  let w = 0;
  for (const ch of clean) {
    const cw = columns(ch.codePointAt(0) ?? 0);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

function pad(s: string, width: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? gap + s : s + gap;
}

export interface TableOptions {
  /** Columns aligned right (numbers). */
  right?: number[];
  /** Widest a column may be (cells are cut with "…"); default 40. */
  maxWidth?: number;
}

export function formatTable(headers: string[], rows: (string | number)[][], opts: TableOptions = {}): string {
  const max = opts.maxWidth ?? 40;
  const cells = [headers, ...rows.map((r) => r.map((c) => String(c)))].map((r) => r.map((c) => fit(c, max)));
  const widths = headers.map((_h, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const right = new Set(opts.right ?? []);
  const line = (r: string[]) => r.map((c, i) => pad(c ?? '', widths[i], right.has(i))).join('  ').replace(/\s+$/, '');
  const out = [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
  return `${out.join('\n')}\n`;
}
