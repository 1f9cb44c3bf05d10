/**
 * CSV files for `neo4j-admin database import full` (and spreadsheets): one nodes file and one
 * relationships file, RFC 4180 (comma, CRLF rows, fields quoted when they hold a comma, quote, CR
 * or LF, quotes doubled).
 *
 *   nodes.csv:          id:ID,:LABEL,name,aliases:string[],…,line:long,…
 *   relationships.csv:  :START_ID,:END_ID,:TYPE,id,articleId,date,…,start:long,…
 *
 * `:LABEL` holds every label (";"-separated). List properties are joined with the array
 * delimiter: ";" (the neo4j-admin default) unless some item contains it, then the first of
 * CANDIDATE_DELIMITERS no item contains; the delimiter in use is written to import.txt with the
 * full command. A null property is an empty unquoted field (no property); an empty string is "".
 */
import type { KgEdgeAttributes, KgGraph } from './build';
import { TextBuffer, chunksToString } from './sink';
import { nodeLabels } from './build';
import { edgeProperties, nodeProperties, propertyKinds, propertyNames } from './props';
import type { PropKind } from './props';
import type { PropValue } from '../types/graph';
import type { EdgeRecord, GraphRecords, NodeRecord } from './export-gexf';

export const CANDIDATE_DELIMITERS = [';', '|', '\u001F'];

const NEO4J_TYPE: Record<string, string> = { string: 'string', int: 'long', float: 'double', boolean: 'boolean' };

/** Quote a field when it must be (RFC 4180). `null` is an empty, unquoted field. */
export function csvField(v: string | null): string {
  if (v === null) return '';
  if (v === '' || /[",\r\n]/.test(v) || /^\s|\s$/.test(v)) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

export function csvRow(fields: (string | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Parse RFC 4180 text into rows; quoted empty fields are "", unquoted empty fields null. */
export function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    let field: string | null;
    if (text[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= n) throw new Error('parseCsv: unterminated quoted field');
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += c;
        i++;
      }
      field = s;
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') j++;
      field = j > i ? text.slice(i, j) : null;
      i = j;
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      if (i >= n) row.push(null);
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return rows;
}

function header(name: string, kind: PropKind): string {
  const list = kind.endsWith('[]');
  const base = list ? kind.slice(0, -2) : kind;
  return `${name}:${NEO4J_TYPE[base]}${list ? '[]' : ''}`;
}

function cell(v: PropValue | undefined, kind: PropKind, delimiter: string): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return (v as (string | number)[]).map(String).join(delimiter);
  if (kind.endsWith('[]')) return String(v);
  return String(v);
}

/** The first candidate delimiter that no list item contains (";" when every one is taken). */
function chooseDelimiter(records: Iterable<Record<string, PropValue>>): string {
  let free = [...CANDIDATE_DELIMITERS];
  for (const r of records) {
    for (const v of Object.values(r)) {
      if (!Array.isArray(v)) continue;
      for (const x of v) {
        const s = String(x);
        if (free.some((d) => s.includes(d))) free = free.filter((d) => !s.includes(d));
      }
    }
    if (free.length === 0) break;
  }
  return free[0] ?? ';';
}

export interface CsvExport {
  nodes: string;
  relationships: string;
  arrayDelimiter: string;
  /** How to load the files into an empty database. */
  importCommand: string;
}

/** What both CSV files need before their first row: columns, their kinds, the array delimiter. */
export interface CsvPlan {
  arrayDelimiter: string;
  importCommand: string;
  nodeNames: string[];
  nodeKinds: Record<string, PropKind>;
  edgeNames: string[];
  edgeKinds: Record<string, PropKind>;
}

function edgeRecord(id: string, a: KgEdgeAttributes): Record<string, PropValue> {
  return { id, ...edgeProperties(a) } as Record<string, PropValue>;
}

/** The columns and the array delimiter, from walks over the graph (nothing kept but the result). */
export function csvPlan(graph: KgGraph): CsvPlan {
  const nodeProps = function* (): Generator<Record<string, PropValue>> {
    for (const { attributes } of graph.nodeEntries()) yield nodeProperties(attributes);
  };
  const edgeProps = function* (): Generator<Record<string, PropValue>> {
    for (const { edge, attributes } of graph.edgeEntries()) yield edgeRecord(edge, attributes);
  };
  const arrayDelimiter = chooseDelimiter((function* () {
    yield* nodeProps();
    yield* edgeProps();
  })());
  const delimArg = arrayDelimiter === ';' ? '' : ` --array-delimiter=${arrayDelimiter === '\u001F' ? "$'\\x1F'" : `'${arrayDelimiter}'`}`;
  const importCommand =
    `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv${delimArg} --multiline-fields=true neo4j`;
  return {
    arrayDelimiter,
    importCommand,
    nodeKinds: propertyKinds(nodeProps()),
    edgeKinds: propertyKinds(edgeProps()),
    nodeNames: propertyNames(nodeProps(), ['name']),
    edgeNames: propertyNames(edgeProps(), ['id']),
  };
}

/** nodes.csv in chunks of about CHUNK_CHARS (16K) characters (see sink.ts). */
export function* csvNodeChunks(graph: KgGraph, plan: CsvPlan, opts: { chunkChars?: number } = {}): Generator<string> {
  const { nodeNames, nodeKinds, arrayDelimiter } = plan;
  const out = new TextBuffer(opts.chunkChars);
  out.write(csvRow(['id:ID', ':LABEL', ...nodeNames.map((k) => header(k, nodeKinds[k]))]));
  for (const { node: id, attributes: a } of graph.nodeEntries()) {
    const props = nodeProperties(a);
    out.write(csvRow([id, nodeLabels(a).join(arrayDelimiter), ...nodeNames.map((k) => cell(props[k], nodeKinds[k], arrayDelimiter))]));
    if (out.full) yield out.take();
  }
  yield out.take();
}

/** relationships.csv in chunks of about CHUNK_CHARS (16K) characters (see sink.ts). */
export function* csvRelationshipChunks(graph: KgGraph, plan: CsvPlan, opts: { chunkChars?: number } = {}): Generator<string> {
  const { edgeNames, edgeKinds, arrayDelimiter } = plan;
  const out = new TextBuffer(opts.chunkChars);
  out.write(csvRow([':START_ID', ':END_ID', ':TYPE', ...edgeNames.map((k) => header(k, edgeKinds[k]))]));
  for (const { edge: id, attributes: a, source, target } of graph.edgeEntries()) {
    const props = edgeRecord(id, a);
    out.write(csvRow([source, target, a.type, ...edgeNames.map((k) => cell(props[k], edgeKinds[k], arrayDelimiter))]));
    if (out.full) yield out.take();
  }
  yield out.take();
}

/** import.txt: how to load the two files. */
export function csvImportText(plan: CsvPlan): string {
  return (
    `Load into an empty Neo4j database (stop it first), from this folder:\n\n  ${plan.importCommand}\n\n` +
    `Array properties are separated by ${JSON.stringify(plan.arrayDelimiter)}; labels in :LABEL likewise.\n`
  );
}

/** Both files as strings (for tests and small graphs; exports stream through csvNodeChunks/csvRelationshipChunks). */
export function toCsv(graph: KgGraph): CsvExport {
  const plan = csvPlan(graph);
  return {
    nodes: chunksToString(csvNodeChunks(graph, plan)),
    relationships: chunksToString(csvRelationshipChunks(graph, plan)),
    arrayDelimiter: plan.arrayDelimiter,
    importCommand: plan.importCommand,
  };
}

function castValue(text: string, type: string): PropValue {
  switch (type) {
    case 'long':
    case 'int':
    case 'double':
    case 'float':
      return Number(text);
    case 'boolean':
      return text.toLowerCase() === 'true';
    default:
      return text;
  }
}

function castCell(text: string | null, headerType: string, delimiter: string): PropValue | undefined {
  if (text === null) return undefined;
  if (headerType.endsWith('[]')) {
    const base = headerType.slice(0, -2);
    if (text === '') return [];
    return text.split(delimiter).map((s) => castValue(s, base)) as PropValue;
  }
  return castValue(text, headerType);
}

function splitHeader(h: string): { name: string; type: string } {
  const i = h.lastIndexOf(':');
  if (i < 0) return { name: h, type: 'string' };
  return { name: h.slice(0, i), type: h.slice(i + 1) || 'string' };
}

/** Read the two files back (neo4j-admin headers) into records. */
export function csvToRecords(nodesCsv: string, relationshipsCsv: string, arrayDelimiter = ';'): GraphRecords {
  const [nh, ...nrows] = parseCsv(nodesCsv);
  const nodes: NodeRecord[] = nrows.map((row) => {
    const rec: NodeRecord = { id: '', labels: [], properties: {} };
    nh.forEach((h, i) => {
      const { name, type } = splitHeader(h ?? '');
      const text = row[i] ?? null;
      if (type === 'ID') {
        rec.id = text ?? '';
        if (name) rec.properties[name] = text ?? '';
      } else if (type === 'LABEL') rec.labels = (text ?? '').split(arrayDelimiter).filter(Boolean);
      else {
        const v = castCell(text, type, arrayDelimiter);
        if (v !== undefined) rec.properties[name] = v;
      }
    });
    if ('id' in rec.properties) delete rec.properties.id;
    return rec;
  });
  const [rh, ...rrows] = parseCsv(relationshipsCsv);
  const edges: EdgeRecord[] = rrows.map((row) => {
    const rec: EdgeRecord = { id: '', type: '', source: '', target: '', properties: {} };
    rh.forEach((h, i) => {
      const { name, type } = splitHeader(h ?? '');
      const text = row[i] ?? null;
      if (type === 'START_ID') rec.source = text ?? '';
      else if (type === 'END_ID') rec.target = text ?? '';
      else if (type === 'TYPE') rec.type = text ?? '';
      else {
        const v = castCell(text, type, arrayDelimiter);
        if (v !== undefined) rec.properties[name] = v;
      }
    });
    rec.id = String(rec.properties.id ?? '');
    delete rec.properties.id;
    return rec;
  });
  return { nodes, edges };
}
