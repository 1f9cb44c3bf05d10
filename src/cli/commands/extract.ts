import { setFlagsFromString } from 'node:v8';
import type { Command } from '../command';
import { EXIT } from '../command';
import { parseArgs, str, UsageError } from '../args';
import { extractFiles } from '../../pipeline';
import type { ExtractSummary } from '../../pipeline';
import { defaultWorkersFor, extractJsonlParallel } from '../../parallel';
import type { ArticleFacts, Diagnostic } from '../../types';
import { ChunkedWriter, formatDiagnostic, formatSummary, openOutput, write } from '../output';

const help = `usage: zhkg extract FILE|DIR... [--out FILE] [--workers N] [--date YYYY-MM-DD] [--home NAME] [--quiet]

Reads newspaper pages (raw OCR column text, markdown or plain web text; UTF-8, UTF-16 or
GB18030, detected from the content), reconstructs the articles and extracts officials,
titles, organisations, places, projects and the facts between them. Writes JSON Lines, one
article per line (schema: graph/schema/article.schema.json), to stdout or --out FILE.

options:
  --out FILE        write the JSON Lines here instead of stdout
  --workers N       worker threads; 1 = no threads. Default: the core count, or 1 for inputs under
                    ~12 MB (on 2 cores; less with more), where starting workers costs more than
                    they save. Output is the same, in input order, whatever N
  --date DATE       page date (YYYY-MM-DD) for files whose name or sidecar (FILE.json) gives none
  --home NAME       home jurisdiction for titles (区长 -> NAME区长); default in dictionaries/jurisdiction.json
  --quiet           no summary line on stderr

Problems with a file (binary, undecodable, empty, unreadable) are reported on stderr with the
file name; the other files are processed in full. The last stderr line adds up:
files read = processed + rejected. Exit status 0, or 1 when a file was rejected, 2 on bad usage.`;

const command: Command = {
  name: 'extract',
  summary: 'pages -> articles with entities and relations (JSON Lines)',
  help,
  async run(io) {
    leanInlining();
    const { positionals, options } = parseArgs(io.argv, {
      out: { value: true, alias: 'o' },
      date: { value: true },
      home: { value: true },
      quiet: { alias: 'q' },
      workers: { value: true, alias: 'j' },
    });
    if (positionals.length === 0) throw new UsageError('name at least one FILE or DIR');
    const date = str(options.date);
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date wants YYYY-MM-DD, got "${date}"`);
    const out = openOutput(str(options.out), io.stdout);
    const workers = options.workers === undefined ? defaultWorkersFor(positionals) : Number(options.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers wants a whole number >= 1, got "${options.workers}"`);
    const extractOptions = {
      date,
      home: str(options.home),
      onDiagnostic: (d: Diagnostic) => io.stderr.write(`${formatDiagnostic(d)}\n`),
    };
    // with workers, the workers serialise and encode: one UTF-8 JSON Lines chunk per file, in input order
    const run: Iterator<ArticleFacts, ExtractSummary> | AsyncIterator<Uint8Array, ExtractSummary> =
      workers > 1 ? extractJsonlParallel(positionals, { ...extractOptions, workers }) : extractFiles(positionals, extractOptions);
    let step: IteratorResult<ArticleFacts | Uint8Array, ExtractSummary> = await run.next();
    // Output is gathered into ~1 MB writes: one write (and one 'drain' wait) per article cost
    // several per cent of a run; memory stays bounded by the chunk size.
    const chunk = new ChunkedWriter((c) => write(out.stream, c));
    try {
      while (!step.done) {
        if (step.value instanceof Uint8Array) await chunk.bytes(step.value);
        else {
          // two pieces: JSON.stringify gives a flat string, and appending the newline would make
          // a cons string that must be flattened (copied) before it is encoded
          await chunk.text(JSON.stringify(step.value));
          await chunk.text('\n');
        }
        step = await run.next();
      }
      await chunk.flush();
    } finally {
      // a write error (disk full) ends the run: stop the extraction too (worker threads included)
      if (!step.done) await run.return?.(undefined as never);
    }
    await out.close();
    const summary = step.value;
    if (!options.quiet) io.stderr.write(`zhkg extract: ${formatSummary(summary)}\n`);
    return summary.filesRejected > 0 ? EXIT.REJECTED : EXIT.OK;
  },
};
/**
 * A smaller budget for V8's optimising compiler to inline callees into one function (bytecode
 * bytes, default 920). Every thread compiles its own hot code (about a second of CPU per thread on
 * 26 MB); with the rule functions inlined into each other most of that went into compiling the same
 * callees again inside several callers. Measured per OS thread (perf, 2 workers, 26 MB corpus): the
 * compiler threads' CPU 2.3 -> 1.7 s, the extracting threads' CPU unchanged; on one thread the
 * extraction itself is no slower (5.2 s either way). At 80 the extraction itself got slower.
 * Process-wide (worker threads started later inherit it); set before any code is hot.
 */
function leanInlining(): void {
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
}

export default command;
