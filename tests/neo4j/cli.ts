/** Run a zhkg command in-process, capturing stdout and stderr. */
import { Writable } from 'node:stream';
import type { Command } from '../../src/cli/command';
import { UsageError } from '../../src/cli/args';

function sink(): Writable & { text: string } {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  }) as Writable & { text: string };
  Object.defineProperty(w, 'text', { get: () => Buffer.concat(chunks).toString('utf8') });
  return w;
}

export async function runCli(name: 'load' | 'query', argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const command: Command = require(`../../src/cli/commands/${name}`).default;
  const stdout = sink();
  const stderr = sink();
  let code: number;
  try {
    code = await command.run({ argv, stdout, stderr });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    stderr.write(err.message);
    code = 2;
  }
  return { code, stdout: stdout.text, stderr: stderr.text };
}
