import type { Command } from '../command';
import { EXIT } from '../command';

// Placeholder: replaced by the issue that delivers `zhkg export`.
const command: Command = {
  name: 'export',
  summary: '(not built yet)',
  help: 'usage: zhkg export (not built yet)',
  async run(io) {
    io.stderr.write('zhkg export: not built yet\n');
    return EXIT.INTERNAL;
  },
};
export default command;
