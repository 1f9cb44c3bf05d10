/** The offline graph: Graphology build, analyses, exports and the HTML report. */
export * from './build';
export * from './inputs';
export * from './analyze';
export * from './style';
export { toGexf, toGexfChunks, gexfChunks, gexfToRecords, coappearanceToGexf, coappearanceGexfChunks } from './export-gexf';
export type { GexfElement, GexfWriteOptions, GexfOptions, NodeRecord, EdgeRecord, GraphRecords } from './export-gexf';
export { toGraphml, toGraphmlChunks, graphmlToRecords } from './export-graphml';
export { toJson, toJsonChunks, toJsonExport, jsonToRecords } from './export-json';
export type { JsonExport, JsonNode, JsonRelationship } from './export-json';
export { toCsv, csvPlan, csvNodeChunks, csvRelationshipChunks, csvImportText, csvToRecords, parseCsv, csvRow, csvField } from './export-csv';
export type { CsvExport, CsvPlan } from './export-csv';
export { TextBuffer, CHUNK_CHARS, chunksToString, writeChunksToFile, writeChunksToStream } from './sink';
export { buildReport, reportData, scriptSafeJson, escapeHtml } from './report';
export * from './write';
export * from './analysis-output';
export * from './table';
