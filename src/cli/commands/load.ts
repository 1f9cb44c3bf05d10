import { Neo4jError } from 'neo4j-driver';
import type { Command } from '../command';
import { EXIT } from '../command';
import { parseArgs, str, UsageError } from '../args';
import { formatDiagnostic } from '../output';
import { connect, describeNeo4jError, Neo4jUnavailableError } from '../../neo4j/client';
import { ensureSchema } from '../../neo4j/schema';
import { emptyLoadSummary, graphCounts, loadArticles, type LoadSummary } from '../../neo4j/load';
import { readLoadInputs, type LoadInputSummary } from '../../neo4j/input';

const help = `usage: zhkg load FILE|DIR... [--date YYYY-MM-DD] [--home NAME] [--batch-rows N] [--force] [--prune] [--quiet]

Loads articles into Neo4j: pages are extracted first (as zhkg extract does); files ending in
.jsonl are read as zhkg extract output. Creates the constraints and indexes of
graph/schema.cypher if missing, then writes batches of articles in managed transactions.

Idempotent and incremental: an article whose content hash is unchanged is skipped; a changed
article has its old facts replaced (no stale relationships); loading twice leaves the same counts.

Connection (environment): NEO4J_URI (bolt://, neo4j://, neo4j+s://), NEO4J_USER, NEO4J_PASSWORD,
NEO4J_DATABASE. Without NEO4J_URI: the bundled server started by \`npm run neo4j:start\`, or, if
none is running, a bundled server started for this run only (data in .neo4j/).

options:
  --date DATE       page date for files whose name or sidecar gives none
  --home NAME       home jurisdiction for titles
  --batch-rows N    nodes + relationships per write transaction (default 2000)
  --force           rewrite articles even when unchanged
  --prune           the inputs are the whole corpus: afterwards delete the articles in the database
                    that are not among them (with their facts, and entities left unconnected).
                    Skipped, with a warning, when an input file or line was rejected
  --quiet           no progress / diagnostics on stderr (the summary is still printed)

Prints a summary on stdout. Exit status 0; 1 when an input file or line was rejected;
2 on bad usage; 3 when Neo4j is unreachable or the load failed (committed batches stay, whole
articles only: run the same load again to finish).`;

export function formatLoadSummary(s: LoadSummary, totals?: { nodes: number; relationships: number }): string {
  const lines = [
    `articles ${s.articles}: loaded ${s.loaded}, replaced ${s.replaced}, skipped unchanged ${s.skipped}` +
      (s.pruned ? `; pruned ${s.pruned} no longer in the inputs` : ''),
    `written: relationships ${s.relationshipsWritten} (created ${s.relationshipsCreated}, deleted ${s.relationshipsDeleted}); ` +
      `nodes created ${s.nodesCreated}, deleted ${s.nodesDeleted}; transactions ${s.batches}`,
  ];
  if (totals) lines.push(`graph now: nodes ${totals.nodes}, relationships ${totals.relationships}`);
  return lines.join('\n');
}

const command: Command = {
  name: 'load',
  summary: 'pages or extract output -> Neo4j (idempotent, incremental)',
  help,
  async run(io) {
    const { positionals, options } = parseArgs(io.argv, {
      date: { value: true },
      home: { value: true },
      'batch-rows': { value: true },
      force: {},
      prune: {},
      quiet: { alias: 'q' },
    });
    if (positionals.length === 0) throw new UsageError('name at least one FILE or DIR (pages, or .jsonl from zhkg extract)');
    const date = str(options.date);
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date wants YYYY-MM-DD, got "${date}"`);
    const batchRowsOpt = str(options['batch-rows']);
    if (batchRowsOpt !== undefined && !/^[1-9]\d*$/.test(batchRowsOpt)) throw new UsageError('--batch-rows wants a positive integer');
    const quiet = !!options.quiet;

    let conn;
    try {
      conn = await connect();
    } catch (err) {
      io.stderr.write(`zhkg load: ${(err as Error).message}\n`);
      return EXIT.NEO4J;
    }
    const counts: LoadInputSummary = { filesRead: 0, filesRejected: 0, articles: 0, linesRejected: 0 };
    let summary: LoadSummary = emptyLoadSummary();
    try {
      await ensureSchema(conn.driver, conn.config.database);
      const articles = readLoadInputs(
        positionals,
        { date, home: str(options.home), onDiagnostic: (d) => quiet || io.stderr.write(`${formatDiagnostic(d)}\n`) },
        counts,
      );
      summary = await loadArticles(conn.driver, articles, {
        database: conn.config.database,
        batchRows: batchRowsOpt ? Number(batchRowsOpt) : undefined,
        force: !!options.force,
        prune: () => {
          if (!options.prune) return false;
          if (counts.filesRejected === 0 && counts.linesRejected === 0) return true;
          io.stderr.write('zhkg load: --prune skipped: an input was rejected, so its articles would be deleted\n');
          return false;
        },
        onBatch: (p) => {
          summary = p;
          if (!quiet && io.stderr.isTTY) io.stderr.write(`\rzhkg load: ${p.loaded + p.replaced + p.skipped} articles...`);
        },
      });
      if (!quiet && io.stderr.isTTY) io.stderr.write('\n');
      const totals = await graphCounts(conn.driver, conn.config.database);
      io.stdout.write(`${formatLoadSummary(summary, totals)}\n`);
      if (counts.filesRead > 0 || counts.linesRejected > 0) {
        io.stdout.write(`inputs: files read ${counts.filesRead}, rejected ${counts.filesRejected}; bad lines ${counts.linesRejected}\n`);
      }
    } catch (err) {
      const isNeo4j = err instanceof Neo4jUnavailableError || err instanceof Neo4jError;
      if (!isNeo4j) throw err;
      const msg = err instanceof Neo4jUnavailableError ? err.message : describeNeo4jError(err, conn.config);
      io.stderr.write(
        `zhkg load: load failed: ${msg}\n` +
          `zhkg load: committed before the failure: ${summary.loaded + summary.replaced} articles in ${summary.batches} transactions ` +
          `(whole articles only); run the same load again to finish\n`,
      );
      return EXIT.NEO4J;
    } finally {
      await conn.close();
    }
    return counts.filesRejected > 0 || counts.linesRejected > 0 ? EXIT.REJECTED : EXIT.OK;
  },
};
export default command;
