import type { Command } from '../command';
import { EXIT } from '../command';

// Placeholder: replaced by the issue that delivers `zhkg analyze`.
const command: Command = {
  name: 'analyze',
  summary: '(not built yet)',
  help: 'usage: zhkg analyze (not built yet)',
  async run(io) {
    io.stderr.write('zhkg analyze: not built yet\n');
    return EXIT.INTERNAL;
  },
};
export default command;
