/** An Analysis as text tables (for terminals) and as CSV files (for spreadsheets). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from './analyze';
import { DEFAULT_SEED, VISIT_WEIGHT } from './analyze';
import { formatTable } from './table';
import { csvRow } from './export-csv';

const dash = (s: string | null | undefined) => s || '—';

/** Who inspected which sites: the table `zhkg regenerate` prints too. */
export function formatInspections(a: Analysis): string {
  if (a.inspections.length === 0) return 'No inspections found.\n';
  return formatTable(
    ['Official', 'Site', 'Type', 'Times', 'Dates'],
    a.inspections.map((r) => [r.person, r.site, r.siteLabel, r.count, r.dates.join(', ') || 'undated']),
    { right: [3], maxWidth: 48 },
  );
}

export function formatAnalysis(a: Analysis, opts: { seed?: string; timelines?: number } = {}): string {
  const parts: string[] = [];
  const section = (title: string, body: string) => parts.push(`== ${title} ==\n${body}`);
  section('Inspections: who inspected which sites, when, how often', formatInspections(a));
  section(
    'Most-inspected sites',
    a.sites.length === 0
      ? 'None.\n'
      : formatTable(
          ['Site', 'Type', 'Inspections', 'Inspectors', 'First', 'Last'],
          a.sites.map((s) => [s.site, s.siteLabel, s.inspections, s.inspectors.join('、'), dash(s.firstDate), dash(s.lastDate)]),
          { right: [2] },
        ),
  );
  const co = a.coappearance;
  section(
    `Co-appearance network of persons (weight = shared articles + ${VISIT_WEIGHT} × shared visits; modularity ${co.modularity})`,
    co.nodes.length === 0
      ? 'No persons.\n'
      : formatTable(
          ['Person', 'Official', 'Articles', 'Degree', 'Weighted degree', 'Betweenness', 'Community'],
          co.nodes.map((n) => [n.name, n.official ? 'yes' : '', n.articles, n.degree, n.weightedDegree, n.betweenness, n.community]),
          { right: [2, 3, 4, 5, 6] },
        ) +
          (co.edges.length
            ? `\n${formatTable(
                ['Person', 'Person', 'Articles', 'Visits', 'Weight'],
                co.edges.slice(0, 30).map((e) => [e.sourceName, e.targetName, e.articles, e.visits, e.weight]),
                { right: [2, 3, 4] },
              )}${co.edges.length > 30 ? `(${co.edges.length - 30} more pairs; --json or --csv for all)\n` : ''}`
            : ''),
  );
  section(
    `Communities (Louvain, seed "${opts.seed ?? DEFAULT_SEED}")`,
    a.communities.length === 0
      ? 'None.\n'
      : formatTable(['Community', 'Size', 'Members'], a.communities.map((c) => [c.id, c.size, c.members.join('、')]), { right: [0, 1], maxWidth: 80 }),
  );
  const titleRows = a.officials.flatMap((o) => o.titles.map((t) => [o.person, t.title, dash(t.firstDate), dash(t.lastDate), t.articles] as (string | number)[]));
  section(
    'Officials: titles over time (first and last date seen)',
    titleRows.length === 0 ? 'None.\n' : formatTable(['Official', 'Title', 'First seen', 'Last seen', 'Articles'], titleRows, { right: [4] }),
  );
  const limit = opts.timelines ?? Infinity;
  const timeline = a.officials.slice(0, limit).map((o) => {
    const rows = o.events.map((e) => [dash(e.date), e.articleId, e.facts.join('; ') || 'mentioned']);
    return `${o.person} (${o.events.length} article${o.events.length === 1 ? '' : 's'})\n${formatTable(['Date', 'Article', 'Facts'], rows, { maxWidth: 70 })}`;
  });
  section('Timelines of officials', timeline.length === 0 ? 'None.\n' : timeline.join('\n'));
  return parts.join('\n');
}

/** Write the analysis as CSV files into `dir`; returns the paths. */
export function writeAnalysisCsv(a: Analysis, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, (string | number | boolean | null)[][]][] = [
    [
      'inspections.csv',
      [
        ['person_id', 'person', 'site_id', 'site', 'site_type', 'times', 'first_date', 'last_date', 'dates', 'articles'],
        ...a.inspections.map((r) => [r.personId, r.person, r.siteId, r.site, r.siteLabel, r.count, r.firstDate, r.lastDate, r.dates.join(';'), [...new Set(r.visits.map((v) => v.articleId))].join(';')]),
      ],
    ],
    [
      'inspection-evidence.csv',
      [
        ['person_id', 'site_id', 'date', 'article', 'rule', 'sentence'],
        ...a.inspections.flatMap((r) => r.visits.map((v) => [r.personId, r.siteId, v.date, v.articleId, v.ruleId, v.sentence])),
      ],
    ],
    [
      'sites.csv',
      [
        ['site_id', 'site', 'site_type', 'inspections', 'inspectors', 'first_date', 'last_date'],
        ...a.sites.map((s) => [s.siteId, s.site, s.siteLabel, s.inspections, s.inspectors.join(';'), s.firstDate, s.lastDate]),
      ],
    ],
    [
      'coappearance-nodes.csv',
      [
        ['person_id', 'person', 'official', 'articles', 'degree', 'weighted_degree', 'betweenness', 'community'],
        ...a.coappearance.nodes.map((n) => [n.id, n.name, n.official, n.articles, n.degree, n.weightedDegree, n.betweenness, n.community]),
      ],
    ],
    [
      'coappearance-edges.csv',
      [['source', 'target', 'source_name', 'target_name', 'articles', 'visits', 'weight'], ...a.coappearance.edges.map((e) => [e.source, e.target, e.sourceName, e.targetName, e.articles, e.visits, e.weight])],
    ],
    ['communities.csv', [['community', 'size', 'members'], ...a.communities.map((c) => [c.id, c.size, c.members.join(';')])]],
    [
      'titles.csv',
      [
        ['person_id', 'person', 'title_id', 'title', 'first_date', 'last_date', 'articles'],
        ...a.officials.flatMap((o) => o.titles.map((t) => [o.personId, o.person, t.titleId, t.title, t.firstDate, t.lastDate, t.articles])),
      ],
    ],
    [
      'timelines.csv',
      [['person_id', 'person', 'date', 'article', 'headline', 'facts'], ...a.officials.flatMap((o) => o.events.map((e) => [o.personId, o.person, e.date, e.articleId, e.headline, e.facts.join(';')]))],
    ],
  ];
  const written: string[] = [];
  for (const [name, rows] of files) {
    const path = join(dir, name);
    writeFileSync(path, rows.map((r) => csvRow(r.map((c) => (c === null || c === undefined ? null : String(c))))).join(''));
    written.push(path);
  }
  return written;
}
