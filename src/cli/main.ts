#!/usr/bin/env node
/**
 * zhkg CLI: dispatches to one module per command (src/cli/commands/<name>.ts).
 * The library never prints or exits; only this file and the commands do.
 */
import type { Command } from './command';
import { EXIT } from './command';
import { UsageError } from './args';

const COMMANDS: Record<string, () => Command> = {
  extract: () => require('./commands/extract').default,
  explain: () => require('./commands/explain').default,
  load: () => require('./commands/load').default,
  query: () => require('./commands/query').default,
  analyze: () => require('./commands/analyze').default,
  export: () => require('./commands/export').default,
  regenerate: () => require('./commands/regenerate').default,
};

function usage(): string {
  const lines = Object.keys(COMMANDS).map((name) => `  ${name.padEnd(11)} ${COMMANDS[name]().summary}`);
  return [
    'zhkg: Chinese officials, titles, organisations, places, projects and who inspected what,',
    'from local-government news pages into a knowledge graph (Neo4j, Graphology).',
    '',
    'usage: zhkg <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'zhkg <command> --help shows a command\'s options.',
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? EXIT.OK : EXIT.USAGE;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${require('../../../package.json').version}\n`);
    return EXIT.OK;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`zhkg: unknown command "${name}"\n\n${usage()}`);
    return EXIT.USAGE;
  }
  const command = load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return EXIT.OK;
  }
  try {
    return await command.run({ argv: rest, stdout: process.stdout, stderr: process.stderr });
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`zhkg ${name}: ${err.message}\n(zhkg ${name} --help shows the options)\n`);
      return EXIT.USAGE;
    }
    const e = err as Error & { code?: string; exitCode?: number };
    process.stderr.write(`zhkg ${name}: ${e.message}\n`);
    if (process.env.ZHKG_DEBUG) process.stderr.write(`${e.stack}\n`);
    return typeof e.exitCode === 'number' ? e.exitCode : EXIT.INTERNAL;
  }
}

if (require.main === module) {
  // For benchmarks (scripts/bench.js): this process's peak RSS and CPU time (worker threads included).
  if (process.env.ZHKG_STATS) {
    process.on('exit', () => {
      const u = process.resourceUsage();
      process.stderr.write(`zhkg-stats maxrss_kb=${u.maxRSS} cpu_ms=${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
    });
  }
  // `zhkg extract corpus | head` closes our stdout early: stop quietly, as Unix tools do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.OK);
    throw err;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`zhkg: ${(err as Error).stack}\n`);
      process.exitCode = EXIT.INTERNAL;
    },
  );
}
