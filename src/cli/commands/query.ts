import type { Command } from '../command';
import { EXIT } from '../command';

// Placeholder: replaced by the issue that delivers `zhkg query`.
const command: Command = {
  name: 'query',
  summary: '(not built yet)',
  help: 'usage: zhkg query (not built yet)',
  async run(io) {
    io.stderr.write('zhkg query: not built yet\n');
    return EXIT.INTERNAL;
  },
};
export default command;
