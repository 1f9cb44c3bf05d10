import type { Command } from '../command';
import { EXIT } from '../command';

// Placeholder: replaced by the issue that delivers `zhkg load`.
const command: Command = {
  name: 'load',
  summary: '(not built yet)',
  help: 'usage: zhkg load (not built yet)',
  async run(io) {
    io.stderr.write('zhkg load: not built yet\n');
    return EXIT.INTERNAL;
  },
};
export default command;
