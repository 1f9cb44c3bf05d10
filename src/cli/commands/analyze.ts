import type { Command } from '../command';
import { EXIT } from '../command';
import { parseArgs, str, UsageError } from '../args';
import { formatDiagnostic, formatSummary } from '../output';
import { analyze, buildGraphFromInputs, formatAnalysis, writeAnalysisCsv } from '../../graph';

const help = `usage: zhkg analyze [FILE|DIR|FILE.jsonl ...] [--json] [--csv DIR] [--seed S] [--date YYYY-MM-DD] [--home NAME] [--quiet]

Builds the knowledge graph in memory (Graphology; no database) from news pages, or from the
JSON Lines of \`zhkg extract\` (*.jsonl), and answers:
  - inspections: which official inspected which site, when and how often;
  - the most-inspected sites;
  - the co-appearance network of persons (same article: weight 1; same visit, i.e. both
    inspected the same site or one accompanied the other in the same article: +2), with
    weighted degree, betweenness and Louvain communities (seeded: the same input gives the
    same communities every run);
  - each official's titles over time (first and last date seen) and timeline.
Inputs default to corpus/.

options:
  --json            print one JSON document instead of tables
  --csv DIR         also write the tables as CSV files into DIR
  --seed S          seed of the Louvain rng (default "zhkg")
  --date DATE       page date for files whose name or sidecar gives none
  --home NAME       home jurisdiction for titles (see zhkg extract)
  --quiet           no summary line on stderr

Exit status 0, or 1 when an input was rejected, 2 on bad usage.`;

const command: Command = {
  name: 'analyze',
  summary: 'inspections, co-appearance network, communities, timelines (tables, JSON, CSV)',
  help,
  async run(io) {
    const { positionals, options } = parseArgs(io.argv, {
      json: {},
      csv: { value: true },
      seed: { value: true },
      date: { value: true },
      home: { value: true },
      quiet: { alias: 'q' },
    });
    const date = str(options.date);
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date wants YYYY-MM-DD, got "${date}"`);
    const inputs = positionals.length ? positionals : ['corpus'];
    // streamed: the graph is built as articles are read; their texts are not kept
    const { graph, summary } = buildGraphFromInputs(inputs, { date, home: str(options.home), onDiagnostic: (d) => io.stderr.write(`${formatDiagnostic(d)}\n`) });
    const seed = str(options.seed);
    const analysis = analyze(graph, { seed });
    if (options.json) io.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
    else io.stdout.write(formatAnalysis(analysis, { seed }));
    const csvDir = str(options.csv);
    if (csvDir) {
      const files = writeAnalysisCsv(analysis, csvDir);
      if (!options.quiet) io.stderr.write(`zhkg analyze: wrote ${files.length} CSV files to ${csvDir}\n`);
    }
    if (!options.quiet) io.stderr.write(`zhkg analyze: ${formatSummary(summary)}; graph ${graph.order} nodes, ${graph.size} relationships\n`);
    return summary.filesRejected > 0 ? EXIT.REJECTED : EXIT.OK;
  },
};
export default command;
