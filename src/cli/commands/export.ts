import type { Command } from '../command';
import { EXIT } from '../command';
import { parseArgs, str, UsageError } from '../args';
import { formatDiagnostic, formatSummary } from '../output';
import { buildGraphFromInputs, EXPORT_FORMATS, exportChunks, writeChunksToStream, writeExport } from '../../graph';
import type { ExportFormat } from '../../graph';

const help = `usage: zhkg export --format gexf|graphml|json|csv [--out PATH] [FILE|DIR|FILE.jsonl ...]

Builds the knowledge graph in memory (the same ids, labels and relationship types as Neo4j)
from news pages or \`zhkg extract\` JSON Lines (default input: corpus/) and writes it as:
  gexf     GEXF 1.3 for Gephi: type and date attributes, weights, colours by type, ForceAtlas2
           positions (deterministic). List properties are JSON arrays (meta "jsonlists" names them).
  graphml  GraphML in APOC's layout (keys per property, labels=":A:B", edge label=TYPE), for
           yEd, Cytoscape, Gephi; ids are the stable zhkg ids.
  json     APOC's JSON export shape: {"nodes":[{type,id,labels,properties}],
           "relationships":[{type,id,label,start,end,properties}]}.
  csv      nodes.csv + relationships.csv with neo4j-admin import headers (id:ID,:LABEL,…;
           :START_ID,:END_ID,:TYPE,…), RFC 4180 quoting, and import.txt with the import command.

options:
  --format F        gexf, graphml, json or csv (required)
  --out PATH        file to write (csv: a folder); gexf, graphml and json go to stdout without it
  --date DATE       page date for files whose name or sidecar gives none
  --home NAME       home jurisdiction for titles (see zhkg extract)
  --quiet           no summary line on stderr

Exit status 0, or 1 when an input was rejected, 2 on bad usage.`;

const command: Command = {
  name: 'export',
  summary: 'the graph as GEXF, GraphML, JSON or neo4j-admin CSV',
  help,
  async run(io) {
    const { positionals, options } = parseArgs(io.argv, {
      format: { value: true, alias: 'f' },
      out: { value: true, alias: 'o' },
      date: { value: true },
      home: { value: true },
      quiet: { alias: 'q' },
    });
    const format = str(options.format) as ExportFormat | undefined;
    if (!format) throw new UsageError(`--format is required (${EXPORT_FORMATS.join(', ')})`);
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`unknown --format "${format}" (${EXPORT_FORMATS.join(', ')})`);
    const out = str(options.out);
    if (format === 'csv' && (!out || out === '-')) throw new UsageError('--format csv writes two files: give --out DIR');
    const date = str(options.date);
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date wants YYYY-MM-DD, got "${date}"`);
    const inputs = positionals.length ? positionals : ['corpus'];
    // streamed: the graph is built as articles are read; their texts are not kept
    const { graph, summary } = buildGraphFromInputs(inputs, { date, home: str(options.home), onDiagnostic: (d) => io.stderr.write(`${formatDiagnostic(d)}\n`) });
    // streamed: the file is written a chunk at a time, never held whole (sink.ts)
    let where: string;
    if (out && out !== '-') {
      const files = writeExport(graph, format, out);
      where = files.join(', ');
    } else {
      await writeChunksToStream(io.stdout, exportChunks(graph, format as Exclude<ExportFormat, 'csv'>));
      where = 'stdout';
    }
    if (!options.quiet) {
      io.stderr.write(`zhkg export: ${formatSummary(summary)}\n`);
      io.stderr.write(`zhkg export: ${format}: ${graph.order} nodes, ${graph.size} relationships -> ${where}\n`);
    }
    return summary.filesRejected > 0 ? EXIT.REJECTED : EXIT.OK;
  },
};
export default command;
