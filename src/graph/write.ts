/** Write the exports and the report into a folder (what `zhkg regenerate` and `zhkg export` use). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KgGraph } from './build';
import type { Analysis } from './analyze';
import { coappearanceToGexf, toGexf } from './export-gexf';
import { toGraphml } from './export-graphml';
import { toJson } from './export-json';
import { toCsv } from './export-csv';
import { buildReport } from './report';
import { layoutPositions } from './style';
import type { Positions } from './style';

export type ExportFormat = 'gexf' | 'graphml' | 'json' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['gexf', 'graphml', 'json', 'csv'];

/** Default file (or, for CSV, folder) name of each format inside an output folder. */
export const EXPORT_NAMES: Record<ExportFormat, string> = { gexf: 'graph.gexf', graphml: 'graph.graphml', json: 'graph.json', csv: 'csv' };

/**
 * Write one format to `path` (a file; for CSV a folder holding nodes.csv, relationships.csv and
 * import.txt). Returns the files written.
 */
export function writeExport(graph: KgGraph, format: ExportFormat, path: string, positions?: Positions): string[] {
  if (format === 'csv') {
    const csv = toCsv(graph);
    mkdirSync(path, { recursive: true });
    const files = [join(path, 'nodes.csv'), join(path, 'relationships.csv'), join(path, 'import.txt')];
    writeFileSync(files[0], csv.nodes);
    writeFileSync(files[1], csv.relationships);
    writeFileSync(
      files[2],
      `Load into an empty Neo4j database (stop it first), from this folder:\n\n  ${csv.importCommand}\n\n` +
        `Array properties are separated by ${JSON.stringify(csv.arrayDelimiter)}; labels in :LABEL likewise.\n`,
    );
    return files;
  }
  mkdirSync(join(path, '..'), { recursive: true });
  const text = format === 'gexf' ? toGexf(graph, { positions }) : format === 'graphml' ? toGraphml(graph) : toJson(graph);
  writeFileSync(path, text);
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
  writeFileSync(co, coappearanceToGexf(graph));
  files.push(co);
  const report = join(outDir, 'report.html');
  writeFileSync(report, buildReport(graph, analysis, { positions, generatedAt: opts.generatedAt }));
  files.push(report);
  return { files, report };
}
