import { readFileSync } from 'node:fs';
import type { Command } from '../command';
import { EXIT } from '../command';
import { parseArgs, str, UsageError } from '../args';
import { extractFiles } from '../../pipeline';
import { formatDiagnostic } from '../output';
import type { ArticleFacts } from '../../types';

const help = `usage: zhkg explain FILE [--json] [--home NAME] [--date YYYY-MM-DD]

Shows why zhkg believes what it extracted: for every article of FILE, each entity with the
rule that found it, and each fact (HOLDS_TITLE, INSPECTED, ACCOMPANIED, ATTENDED, PART_OF,
REPORTED) with the rule that made it, its evidence sentence and where that sentence is in
the source file. FILE is a newspaper page (as for \`zhkg extract\`) or the JSON Lines that
\`zhkg extract\` wrote.

options:
  --json        one JSON document: {articles: [{id, headline, entities, facts}]}
  --home NAME   home jurisdiction for titles (as for extract)
  --date DATE   page date (as for extract)`;

export interface ExplainedFact {
  type: string;
  source: string;
  target: string;
  ruleId: string;
  sentence: string;
  start: number;
  end: number;
  line: number | null;
  column: number | null;
}

export interface ExplainedArticle {
  id: string;
  headline: string | null;
  date: string | null;
  entities: Array<{ id: string; type: string; name: string; rules: string[]; mentions: number }>;
  facts: ExplainedFact[];
}

/** The explanation of one article's facts (used by the CLI and tests). */
export function explainArticle(a: ArticleFacts): ExplainedArticle {
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  name.set(a.id, a.headline ?? a.id);
  return {
    id: a.id,
    headline: a.headline,
    date: a.date,
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      rules: e.mentions.length ? [...new Set(e.mentions.map((m) => m.ruleId))] : e.roles?.includes('Reporter') ? ['person/byline'] : [],
      mentions: e.mentions.length,
    })),
    facts: a.relations.map((r) => ({
      type: r.type,
      source: name.get(r.source) ?? r.source,
      target: name.get(r.target) ?? r.target,
      ruleId: r.evidence.ruleId,
      sentence: r.evidence.sentence.replace(/\s*\n\s*/g, ' '),
      start: r.evidence.start,
      end: r.evidence.end,
      line: r.evidence.sourceStart?.line ?? null,
      column: r.evidence.sourceStart?.column ?? null,
    })),
  };
}

export function formatExplained(x: ExplainedArticle): string {
  const out: string[] = [];
  out.push(`== ${x.id}  ${x.headline ?? '(no headline)'}${x.date ? `  [${x.date}]` : ''}`);
  const types = ['Person', 'Title', 'Organization', 'Place', 'Project', 'Event'];
  for (const t of types) {
    const es = x.entities.filter((e) => e.type === t);
    if (!es.length) continue;
    out.push(`  ${t}: ${es.map((e) => `${e.name} (${e.rules.join(', ')})`).join('; ')}`);
  }
  for (const f of x.facts) {
    const where = f.line ? ` at line ${f.line}:${f.column}` : '';
    out.push(`  ${f.type}  ${f.source} -> ${f.target}   rule ${f.ruleId}${where}`);
    out.push(`      「${f.sentence}」`);
  }
  return out.join('\n');
}

function readFacts(path: string): ArticleFacts[] | null {
  const raw = readFileSync(path, 'utf8');
  const first = raw.trimStart()[0];
  if (first !== '{' && first !== '[') return null;
  try {
    return raw
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as ArticleFacts)
      .filter((a) => Array.isArray(a.relations) && Array.isArray(a.entities));
  } catch {
    return null;
  }
}

const command: Command = {
  name: 'explain',
  summary: 'each extracted fact with its evidence sentence and rule',
  help,
  async run(io) {
    const { positionals, options } = parseArgs(io.argv, { json: {}, home: { value: true }, date: { value: true } });
    if (positionals.length !== 1) throw new UsageError('name one FILE');
    const file = positionals[0];
    let articles = readFacts(file);
    let rejected = false;
    if (!articles) {
      articles = [];
      const run = extractFiles([file], {
        home: str(options.home),
        date: str(options.date),
        onDiagnostic: (d) => io.stderr.write(`${formatDiagnostic(d)}\n`),
      });
      let step = run.next();
      while (!step.done) {
        articles.push(step.value);
        step = run.next();
      }
      rejected = step.value.filesRejected > 0;
    }
    const explained = articles.map(explainArticle);
    if (options.json) io.stdout.write(`${JSON.stringify({ articles: explained }, null, 2)}\n`);
    else io.stdout.write(`${explained.map(formatExplained).join('\n\n')}\n`);
    return rejected ? EXIT.REJECTED : EXIT.OK;
  },
};
export default command;
