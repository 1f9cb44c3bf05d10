import type { Command } from '../command';
import { EXIT } from '../command';

// Placeholder: replaced by the issue that delivers `zhkg explain`.
const command: Command = {
  name: 'explain',
  summary: '(not built yet)',
  help: 'usage: zhkg explain (not built yet)',
  async run(io) {
    io.stderr.write('zhkg explain: not built yet\n');
    return EXIT.INTERNAL;
  },
};
export default command;
