import { readFileSync } from 'node:fs';
import { Neo4jError } from 'neo4j-driver';
import type { Command } from '../command';
import { EXIT } from '../command';
import { list, parseArgs, str, UsageError } from '../args';
import { connect, describeNeo4jError } from '../../neo4j/client';
import { formatTable, parseParam, runQuery } from '../../neo4j/query';

const help = `usage: zhkg query "CYPHER" [--param NAME=VALUE]... [--json]
       zhkg query --file FILE.cypher [--param NAME=VALUE]... [--json]

Runs one Cypher statement against Neo4j and prints the rows: a table, or with --json a JSON
array of row objects (numbers as plain numbers; a node as {labels, ...properties}, a
relationship as {type, ...properties}, a path as a list of both).

options:
  --file FILE       read the statement from FILE (e.g. graph/queries/official-timeline.cypher)
  --param K=V       a parameter $K (repeatable); V is parsed as JSON when it is JSON (10, true,
                    ["a","b"]), else taken as a string: --param name=陈红民
  --json            JSON output

Queries shipped in graph/queries/: inspections, official-timeline ($name), most-visited-sites,
officials-by-organisation, co-appearance. Connection as for zhkg load (NEO4J_URI, NEO4J_USER,
NEO4J_PASSWORD, NEO4J_DATABASE; else the bundled server).
Exit status 0; 2 on bad usage or a Cypher syntax error; 3 when Neo4j is unreachable or the query failed.`;

const command: Command = {
  name: 'query',
  summary: 'run Cypher against Neo4j (table or --json)',
  help,
  async run(io) {
    const { positionals, options } = parseArgs(io.argv, {
      file: { value: true, alias: 'f' },
      param: { value: true, repeat: true, alias: 'p' },
      json: {},
    });
    const file = str(options.file);
    if (file && positionals.length > 0) throw new UsageError('give either a Cypher statement or --file, not both');
    if (!file && positionals.length !== 1) throw new UsageError('give one Cypher statement (quoted) or --file FILE');
    let cypher: string;
    if (file) {
      try {
        cypher = readFileSync(file, 'utf8');
      } catch (err) {
        throw new UsageError(`cannot read --file ${file}: ${(err as Error).message}`);
      }
    } else {
      cypher = positionals[0];
    }
    cypher = cypher.replace(/^\uFEFF/, '').trim().replace(/;\s*$/, '');
    if (!cypher) throw new UsageError('the Cypher statement is empty');
    const params: Record<string, unknown> = {};
    for (const p of list(options.param)) {
      try {
        const [k, v] = parseParam(p);
        params[k] = v;
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    }

    let conn;
    try {
      conn = await connect();
    } catch (err) {
      io.stderr.write(`zhkg query: ${(err as Error).message}\n`);
      return EXIT.NEO4J;
    }
    try {
      const result = await runQuery(conn.driver, cypher, params, conn.config.database);
      io.stdout.write(options.json ? `${JSON.stringify(result.rows, null, 2)}\n` : formatTable(result));
      return EXIT.OK;
    } catch (err) {
      if (!(err instanceof Neo4jError)) throw err;
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('Neo.ClientError.Statement.')) {
        io.stderr.write(`zhkg query: ${code}: ${err.message.split('\n')[0]}\n`);
        return code === 'Neo.ClientError.Statement.SyntaxError' || code === 'Neo.ClientError.Statement.ParameterMissing' ? EXIT.USAGE : EXIT.NEO4J;
      }
      io.stderr.write(`zhkg query: ${describeNeo4jError(err, conn.config)}\n`);
      return EXIT.NEO4J;
    } finally {
      await conn.close();
    }
  },
};
export default command;
