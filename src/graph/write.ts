/** Write the exports and the report into a folder (what `zhkg regenerate` and `zhkg export` use). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KgGraph } from './build';
import type { Analysis } from './analyze';
import { coappearanceGexfChunks, toGexfChunks } from './export-gexf';
import { toGraphmlChunks } from './export-graphml';
import { toJsonChunks } from './export-json';
import { csvImportText, csvNodeChunks, csvPlan, csvRelationshipChunks } from './export-csv';
import { writeChunksToFile, writeError } from './sink';
import { buildReport } from './report';
import { layoutPositions } from './style';
import type { Positions } from './style';

export type ExportFormat = 'gexf' | 'graphml' | 'json' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['gexf', 'graphml', 'json', 'csv'];

/** Default file (or, for CSV, folder) name of each format inside an output folder. */
export const EXPORT_NAMES: Record<ExportFormat, string> = { gexf: 'graph.gexf', graphml: 'graph.graphml', json: 'graph.json', csv: 'csv' };

/** The chunks of one single-file format (gexf, graphml or json; CSV is two files: see writeExport). */
export function exportChunks(graph: KgGraph, format: Exclude<ExportFormat, 'csv'>, positions?: Positions): Iterable<string> {
  return format === 'gexf' ? toGexfChunks(graph, { positions }) : format === 'graphml' ? toGraphmlChunks(graph) : toJsonChunks(graph);
}

/**
 * Write one format to `path` (a file; for CSV a folder holding nodes.csv, relationships.csv and
 * import.txt), streamed: memory holds the graph and one chunk, never the whole file. Returns the
 * files written. A write error names the file (sink.ts).
 */
export function writeExport(graph: KgGraph, format: ExportFormat, path: string, positions?: Positions): string[] {
  if (format === 'csv') {
    const plan = csvPlan(graph);
    try {
      mkdirSync(path, { recursive: true });
    } catch (e) {
      throw writeError(path, e);
    }
    const files = [join(path, 'nodes.csv'), join(path, 'relationships.csv'), join(path, 'import.txt')];
    writeChunksToFile(files[0], csvNodeChunks(graph, plan));
    writeChunksToFile(files[1], csvRelationshipChunks(graph, plan));
    writeChunksToFile(files[2], [csvImportText(plan)]);
    return files;
  }
  writeChunksToFile(path, exportChunks(graph, format, positions));
  return [path];
}

export interface WrittenOutputs {
  files: string[];
  report: string;
}

/** Every export plus report.html into `outDir`. The layout is computed once and shared. */
export function writeAllOutputs(graph: KgGraph, analysis: Analysis, outDir: string, opts: { generatedAt?: string } = {}): WrittenOutputs {
  mkdirSync(outDir, { recursive: true });
  const positions = layoutPositions(graph);
  const files: string[] = [];
  for (const f of EXPORT_FORMATS) files.push(...writeExport(graph, f, join(outDir, EXPORT_NAMES[f]), positions));
  const co = join(outDir, 'coappearance.gexf');
  writeChunksToFile(co, coappearanceGexfChunks(graph));
  files.push(co);
  const report = join(outDir, 'report.html');
  writeFileSync(report, buildReport(graph, analysis, { positions, generatedAt: opts.generatedAt }));
  files.push(report);
  return { files, report };
}
