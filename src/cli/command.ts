import type { Writable } from 'node:stream';

/** What a command gets: its own argv (after the command name) and the streams to write to. */
export interface CommandIO {
  argv: string[];
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

/** A CLI command. Thin: parse options, call the library, print, return an exit status. */
export interface Command {
  name: string;
  summary: string;
  /** Full --help text. */
  help: string;
  run(io: CommandIO): Promise<number>;
}

/**
 * Exit statuses (documented in README):
 * 0 success; 1 finished, but some input was rejected; 2 usage error;
 * 3 Neo4j unreachable or a load failed; 4 internal error.
 */
export const EXIT = { OK: 0, REJECTED: 1, USAGE: 2, NEO4J: 3, INTERNAL: 4 } as const;
