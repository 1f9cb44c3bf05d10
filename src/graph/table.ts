/** Plain-text tables that line up with Chinese text (wide characters take two columns). */

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

/** Cut to at most `max` columns, marking the cut with "…". Control characters become spaces. */
export function fit(s: string, max: number): string {
  const clean = s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (displayWidth(clean) <= max) return clean;
  let out = '';
  let w = 0;
  for (const ch of clean) {
    const cw = isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
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
