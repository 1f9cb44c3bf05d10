/** The offline graph: Graphology build, analyses, exports and the HTML report. */
export * from './build';
export * from './inputs';
export * from './analyze';
export * from './style';
export { toGexf, gexfToRecords, coappearanceToGexf } from './export-gexf';
export type { GexfOptions, NodeRecord, EdgeRecord, GraphRecords } from './export-gexf';
export { toGraphml, graphmlToRecords } from './export-graphml';
export { toJson, toJsonExport, jsonToRecords } from './export-json';
export type { JsonExport, JsonNode, JsonRelationship } from './export-json';
export { toCsv, csvToRecords, parseCsv, csvRow, csvField } from './export-csv';
export type { CsvExport } from './export-csv';
export { buildReport, reportData, scriptSafeJson, escapeHtml } from './report';
export * from './write';
export * from './analysis-output';
export * from './table';
