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
import type { KgGraph } from './build';
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

function chooseDelimiter(records: Record<string, PropValue>[]): string {
  const items: string[] = [];
  for (const r of records) for (const v of Object.values(r)) if (Array.isArray(v)) for (const x of v) items.push(String(x));
  return CANDIDATE_DELIMITERS.find((d) => !items.some((s) => s.includes(d))) ?? ';';
}

export interface CsvExport {
  nodes: string;
  relationships: string;
  arrayDelimiter: string;
  /** How to load the files into an empty database. */
  importCommand: string;
}

export function toCsv(graph: KgGraph): CsvExport {
  const nodeRecs = graph.mapNodes((id, a) => ({ id, labels: nodeLabels(a), props: nodeProperties(a) }));
  const edgeRecs = graph.mapEdges((id, a, s, t) => ({ id, s, t, type: a.type, props: { id, ...edgeProperties(a) } as Record<string, PropValue> }));
  const arrayDelimiter = chooseDelimiter([...nodeRecs.map((r) => r.props), ...edgeRecs.map((r) => r.props)]);
  const nodeKinds = propertyKinds(nodeRecs.map((r) => r.props));
  const edgeKinds = propertyKinds(edgeRecs.map((r) => r.props));
  const nodeNames = propertyNames(nodeRecs.map((r) => r.props), ['name']);
  const edgeNames = propertyNames(edgeRecs.map((r) => r.props), ['id']);

  let nodes = csvRow(['id:ID', ':LABEL', ...nodeNames.map((k) => header(k, nodeKinds[k]))]);
  for (const r of nodeRecs) {
    nodes += csvRow([r.id, r.labels.join(arrayDelimiter), ...nodeNames.map((k) => cell(r.props[k], nodeKinds[k], arrayDelimiter))]);
  }
  let relationships = csvRow([':START_ID', ':END_ID', ':TYPE', ...edgeNames.map((k) => header(k, edgeKinds[k]))]);
  for (const r of edgeRecs) {
    relationships += csvRow([r.s, r.t, r.type, ...edgeNames.map((k) => cell(r.props[k], edgeKinds[k], arrayDelimiter))]);
  }
  const delimArg = arrayDelimiter === ';' ? '' : ` --array-delimiter=${arrayDelimiter === '\u001F' ? "$'\\x1F'" : `'${arrayDelimiter}'`}`;
  const importCommand =
    `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv${delimArg} --multiline-fields=true neo4j`;
  return { nodes, relationships, arrayDelimiter, importCommand };
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
