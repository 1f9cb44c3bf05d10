#!/usr/bin/env node
/*
 * Control the bundled Neo4j (npm run neo4j:start|stop|status):
 *
 *   node scripts/neo4j/ctl.js start    start in the background (pid file .neo4j/neo4j.pid, port file
 *                                      .neo4j/neo4j.port, log .neo4j/neo4j.log); waits until Bolt answers;
 *                                      never a second copy (a live pid file or a taken port stops it)
 *   node scripts/neo4j/ctl.js stop     SIGTERM, wait for a clean store shutdown
 *   node scripts/neo4j/ctl.js status   running (pid, bolt URI) or not; exit 0 if running, 1 if not
 *
 * Environment: NEO4J_BOLT_PORT (default 7687; 0 = ephemeral), NEO4J_HOME_DIR (default .neo4j),
 * NEO4J_PASSWORD (default zhkg-local-password; user neo4j). Needs `npm run build` and `npm run neo4j:build`.
 */
'use strict';
const path = require('path');

let bundled;
try {
  bundled = require(path.join(__dirname, '..', '..', 'dist', 'src', 'neo4j', 'bundled.js'));
} catch (err) {
  process.stderr.write('neo4j: dist/ is missing; run `npm run build` first\n');
  process.exit(4);
}

async function main(cmd) {
  switch (cmd) {
    case 'start': {
      const { server, alreadyRunning, log } = await bundled.startBackground();
      if (alreadyRunning) {
        process.stdout.write(`neo4j: already running (pid ${server.pid}) at ${server.uri}\n`);
      } else {
        process.stdout.write(`neo4j: started (pid ${server.pid}) at ${server.uri}; data ${server.home}; log ${log}\n`);
      }
      process.stdout.write(`NEO4J_READY ${server.uri}\n`);
      return 0;
    }
    case 'stop': {
      const r = await bundled.stopBackground();
      process.stdout.write(r.stopped ? `neo4j: stopped (pid ${r.pid})\n` : 'neo4j: not running\n');
      return 0;
    }
    case 'status': {
      const s = bundled.runningServer();
      if (!s) {
        process.stdout.write('neo4j: not running\n');
        return 1;
      }
      const answering = await bundled.portInUse(s.port);
      process.stdout.write(`neo4j: running (pid ${s.pid}) at ${s.uri}${answering ? '' : ' (not answering yet)'}; data ${s.home}\n`);
      return 0;
    }
    default:
      process.stderr.write('usage: node scripts/neo4j/ctl.js start|stop|status\n');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`neo4j: ${err.message}\n`);
    process.exitCode = typeof err.exitCode === 'number' ? err.exitCode : 3;
  },
);
