import type { Command } from '../command';
import { EXIT } from '../command';

// Placeholder: replaced by the issue that delivers `zhkg regenerate`.
const command: Command = {
  name: 'regenerate',
  summary: '(not built yet)',
  help: 'usage: zhkg regenerate (not built yet)',
  async run(io) {
    io.stderr.write('zhkg regenerate: not built yet\n');
    return EXIT.INTERNAL;
  },
};
export default command;
