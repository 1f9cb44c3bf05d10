import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Command } from '../command';
import { EXIT } from '../command';
import { parseArgs, str, UsageError } from '../args';
import { formatDiagnostic, formatSummary } from '../output';
import {
  addArticle,
  analyze,
  EXPORT_FORMATS,
  EXPORT_NAMES,
  formatInspections,
  graphCounts,
  layoutPositions,
  readArticles,
  writeAnalysisCsv,
  writeExport,
  buildReport,
  coappearanceGexfChunks,
  createGraph,
  emptyBuildStats,
  writeChunksToFile,
} from '../../graph';
import { emptySummary } from '../../pipeline';

const help = `usage: zhkg regenerate [DIR|FILE ...] [--out DIR] [--no-neo4j] [--keep-server] [--seed S] [--date YYYY-MM-DD] [--home NAME]

Rebuilds everything from the corpus in one go (what \`npm start\` and scripts/regenerate-graph run):

  corpus/ -> articles -> facts        (graph/out/articles.jsonl)
          -> Neo4j                    (NEO4J_URI if set; else the running bundled server;
                                       else the bundled server is started for this run;
                                       articles no longer in the corpus are deleted from it,
                                       unless a file was rejected in this run)
          -> Graphology graph -> analyses (graph/out/analysis.json, graph/out/analysis/*.csv)
          -> exports                  (graph/out/graph.gexf, graph.graphml, graph.json, csv/,
                                       coappearance.gexf: the person network for Gephi)
          -> report                   (graph/out/report.html: open it in a browser)

and prints who inspected which sites and a summary of counts. A progress bar on a terminal,
plain lines otherwise.

A bundled Neo4j started by this run is stopped at the end, unless --keep-server: then it is
started in the background (as \`npm run neo4j:start\`) and left running for \`zhkg query\`
(stop it with \`npm run neo4j:stop\`). A server that was already running is never stopped.

options:
  --out DIR         output folder (default graph/out)
  --no-neo4j        skip the database (everything else is built offline)
  --keep-server     leave a bundled Neo4j started by this run running
  --seed S          seed of the Louvain rng (default "zhkg")
  --date DATE       page date for files whose name or sidecar gives none
  --home NAME       home jurisdiction for titles (see zhkg extract)

Exit status 0; 1 when an input was rejected; 3 when Neo4j was unreachable or the load failed
(the offline outputs are written all the same); 2 on bad usage.`;

/** Progress: an in-place bar on a terminal, one plain line per step otherwise. */
class Progress {
  private step = 0;
  private lastLen = 0;
  constructor(private readonly out: Writable & { isTTY?: boolean }, private readonly total: number) {}
  private get tty(): boolean {
    return !!this.out.isTTY && !process.env.CI;
  }
  private bar(done: number): string {
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total}`;
  }
  /** A new step starts. */
  start(label: string): void {
    this.step++;
    if (this.tty) this.draw(`${this.bar(this.step - 1)} ${label}`);
    else this.out.write(`regenerate: [${this.step}/${this.total}] ${label}\n`);
  }
  /** Detail within the current step (terminal only: plain output stays one line per step). */
  detail(text: string): void {
    if (this.tty) this.draw(`${this.bar(this.step - 1)} ${text}`);
  }
  /** A step finished, with its result. */
  done(text: string): void {
    if (this.tty) {
      this.clear();
      this.out.write(`  ✓ ${text}\n`);
    } else this.out.write(`regenerate:       ${text}\n`);
  }
  fail(text: string): void {
    if (this.tty) this.clear();
    this.out.write(`regenerate: ${text}\n`);
  }
  finish(): void {
    if (this.tty) this.clear();
  }
  private draw(s: string): void {
    const cols = (this.out as { columns?: number }).columns ?? 100;
    const line = s.length > cols - 1 ? `${s.slice(0, cols - 2)}…` : s;
    this.out.write(`\r${line}${' '.repeat(Math.max(0, this.lastLen - line.length))}`);
    this.lastLen = line.length;
  }
  private clear(): void {
    if (this.lastLen) this.out.write(`\r${' '.repeat(this.lastLen)}\r`);
    this.lastLen = 0;
  }
}

interface Neo4jResult {
  ok: boolean;
  message: string;
  counts?: { nodes: number; relationships: number };
}

/** Load articles.jsonl (`total` articles), read back as a stream, into Neo4j. */
async function loadIntoNeo4j(jsonlPath: string, total: number, keepServer: boolean, prune: boolean, progress: Progress): Promise<Neo4jResult> {
  // Loaded lazily: --no-neo4j runs need neither the driver nor Java.
  const client = require('../../neo4j/client') as typeof import('../../neo4j/client');
  const bundled = require('../../neo4j/bundled') as typeof import('../../neo4j/bundled');
  const load = require('../../neo4j/load') as typeof import('../../neo4j/load');
  const schema = require('../../neo4j/schema') as typeof import('../../neo4j/schema');
  let note = '';
  if (keepServer && !process.env.NEO4J_URI && !bundled.runningServer()) {
    progress.detail('starting the bundled Neo4j in the background (--keep-server)');
    const { server } = await bundled.startBackground();
    note = `; bundled Neo4j left running at ${server.uri} (pid ${server.pid}; npm run neo4j:stop stops it)`;
  } else if (!process.env.NEO4J_URI && !bundled.runningServer()) {
    progress.detail('starting the bundled Neo4j for this run');
    note = '; the bundled Neo4j started for this run was stopped';
  }
  const conn = await client.connect();
  try {
    progress.detail(`Neo4j at ${client.safeUri(conn.config.uri)}: schema`);
    await schema.ensureSchema(conn.driver, conn.config.database);
    const summary = await load.loadArticles(conn.driver, readArticles([jsonlPath]), {
      database: conn.config.database,
      prune,
      onBatch: (s) => progress.detail(`Neo4j: ${s.loaded + s.replaced + s.skipped}/${total} articles`),
    });
    const counts = await load.graphCounts(conn.driver, conn.config.database);
    return {
      ok: true,
      counts,
      message:
        `Neo4j at ${client.safeUri(conn.config.uri)}: ${summary.loaded} articles loaded, ${summary.replaced} replaced, ${summary.skipped} unchanged` +
        `${summary.pruned ? `, ${summary.pruned} no longer in the corpus deleted` : ''}${prune ? '' : ' (no pruning: an input was rejected)'}; ` +
        `database holds ${counts.nodes} nodes, ${counts.relationships} relationships${note}`,
    };
  } finally {
    await conn.close();
  }
}

const command: Command = {
  name: 'regenerate',
  summary: 'corpus -> facts -> Neo4j -> analyses -> exports -> report.html (npm start)',
  help,
  async run(io) {
    const { positionals, options } = parseArgs(io.argv, {
      out: { value: true, alias: 'o' },
      'no-neo4j': {},
      'keep-server': {},
      seed: { value: true },
      date: { value: true },
      home: { value: true },
    });
    const date = str(options.date);
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date wants YYYY-MM-DD, got "${date}"`);
    const inputs = positionals.length ? positionals : ['corpus'];
    const outDir = str(options.out) ?? join('graph', 'out');
    const useNeo4j = !options['no-neo4j'];
    const progress = new Progress(io.stderr, useNeo4j ? 6 : 5);
    mkdirSync(outDir, { recursive: true });

    // 1. corpus -> articles -> facts, streamed: each article is written to articles.jsonl and
    // merged into the graph as it comes, then dropped (memory holds the graph, never the corpus)
    progress.start(`extracting ${inputs.join(' ')} into articles.jsonl and the graph`);
    const jsonlPath = join(outDir, 'articles.jsonl');
    const diagnostics: string[] = [];
    const run = readArticles(inputs, { date, home: str(options.home), onDiagnostic: (d) => diagnostics.push(formatDiagnostic(d)) });
    const graph = createGraph();
    const stats = emptyBuildStats();
    let summary = emptySummary();
    function* lines(): Generator<string> {
      let step = run.next();
      while (!step.done) {
        addArticle(graph, step.value, stats);
        yield `${JSON.stringify(step.value)}\n`;
        if (stats.articles % 10 === 0) progress.detail(`extracting: ${stats.articles} articles`);
        step = run.next();
      }
      summary = step.value;
    }
    writeChunksToFile(jsonlPath, lines());
    progress.done(`${formatSummary(summary)} -> ${jsonlPath}`);
    for (const d of diagnostics) io.stderr.write(`${d}\n`);
    const counts = graphCounts(graph);
    progress.done(`graph: ${counts.nodes} nodes, ${counts.edges} relationships (from ${stats.nodeRecords} node and ${stats.edgeRecords} relationship records)`);

    // 2. facts -> Neo4j, read back from articles.jsonl (streamed)
    let neo4jFailed = false;
    let neo4jLine = 'Neo4j: skipped (--no-neo4j)';
    if (useNeo4j) {
      progress.start('loading Neo4j');
      try {
        // the corpus is the whole truth: articles gone from it leave the database too, unless a
        // file was rejected this time (its articles would be deleted for a read error)
        const r = await loadIntoNeo4j(jsonlPath, summary.articles, !!options['keep-server'], summary.filesRejected === 0, progress);
        const same = r.counts && r.counts.nodes === counts.nodes && r.counts.relationships === counts.edges;
        neo4jLine = `${r.message} (${same ? 'the same as the Graphology graph' : 'differs from the Graphology graph: the database also holds other or older articles'})`;
        progress.done(neo4jLine);
      } catch (err) {
        neo4jFailed = true;
        neo4jLine = `Neo4j: FAILED: ${(err as Error).message}`;
        progress.fail(`${neo4jLine} (continuing offline; --no-neo4j skips the database)`);
      }
    }

    // 3. analyses
    progress.start('analysing');
    const seed = str(options.seed);
    const analysis = analyze(graph, { seed });
    writeFileSync(join(outDir, 'analysis.json'), `${JSON.stringify(analysis, null, 2)}\n`);
    const analysisFiles = writeAnalysisCsv(analysis, join(outDir, 'analysis'));
    progress.done(
      `analyses: ${analysis.inspections.length} official-site pairs, ${analysis.sites.length} sites, ${analysis.coappearance.nodes.length} persons, ` +
        `${analysis.communities.length} communities -> analysis.json, analysis/ (${analysisFiles.length} CSV)`,
    );

    // 4. layout, 5. exports
    progress.start('laying out (ForceAtlas2)');
    const positions = layoutPositions(graph);
    progress.done(`layout: ${Object.keys(positions).length} positions`);
    progress.start('exporting GEXF, GraphML, JSON, CSV');
    const exported: string[] = [];
    for (const f of EXPORT_FORMATS) {
      progress.detail(`exporting ${f}`);
      exported.push(...writeExport(graph, f, join(outDir, EXPORT_NAMES[f]), positions));
    }
    const coPath = join(outDir, 'coappearance.gexf');
    writeChunksToFile(coPath, coappearanceGexfChunks(graph, { seed, analysis: analysis.coappearance }));
    progress.done(`exports: ${EXPORT_FORMATS.map((f) => EXPORT_NAMES[f]).join(', ')}, coappearance.gexf (person network)`);

    // 6. report
    progress.start('writing report.html');
    const reportPath = join(outDir, 'report.html');
    writeFileSync(reportPath, buildReport(graph, analysis, { positions }));
    progress.done(`report: ${reportPath}`);
    progress.finish();

    io.stdout.write(`\nWho inspected which sites:\n${formatInspections(analysis)}\n`);
    const labelCounts = Object.entries(counts.labels).map(([l, n]) => `${l} ${n}`).join(', ');
    const typeCounts = Object.entries(counts.types).map(([t, n]) => `${t} ${n}`).join(', ');
    io.stdout.write(
      [
        'Summary:',
        `  input:    ${formatSummary(summary)}`,
        `  graph:    ${counts.nodes} nodes (${labelCounts || 'none'})`,
        `            ${counts.edges} relationships (${typeCounts || 'none'})`,
        `  analyses: ${analysis.inspections.length} official-site pairs, ${analysis.sites.length} sites, ` +
          `${analysis.coappearance.nodes.length} persons in the co-appearance network, ${analysis.communities.length} communities`,
        `  ${neo4jLine}`,
        `  outputs:  ${outDir}/ (articles.jsonl, analysis.json, analysis/, ${EXPORT_FORMATS.map((f) => EXPORT_NAMES[f]).join(', ')}, coappearance.gexf, report.html)`,
        '',
      ].join('\n'),
    );
    if (neo4jFailed) return EXIT.NEO4J;
    return summary.filesRejected > 0 ? EXIT.REJECTED : EXIT.OK;
  },
};
export default command;
