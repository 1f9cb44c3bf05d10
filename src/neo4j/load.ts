/**
 * The Neo4j loader: ArticleFacts -> nodes and relationships (through articleToGraph, the same
 * mapping the Graphology graph uses), in batches, idempotently and incrementally.
 *
 * Per batch of articles:
 *   1. one read: which of these Article nodes already exist, with which contentHash;
 *   2. articles whose text and facts are unchanged (contentHash + factsHash) are skipped;
 *   3. the new and changed ones are written in ONE managed write transaction (retried on
 *      transient errors, so never half-applied):
 *        a. MERGE their Article nodes first (this locks them: concurrent loads of one article queue),
 *        b. delete their old relationships (by articleId, one statement per type),
 *        c. MERGE the entity nodes (one UNWIND statement per label, by id),
 *        d. MERGE the relationships by id (one UNWIND statement per type and endpoint labels),
 *        e. delete entity nodes left without any relationship (from the old facts).
 *   The Article node carries the contentHash and is written in the same transaction as its facts,
 *   so a load killed half-way leaves whole articles only, and the next load finishes the rest.
 *
 * Cypher text is never built from data: labels and relationship types are picked from fixed
 * whitelists below (labels cannot be parameters); every value travels as a parameter.
 */
import { createHash } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { articleToGraph } from '../resolve/to-graph';
import type { ArticleFacts } from '../types/facts';
import type { ArticleGraph, GraphEdge, GraphNode, NodeLabel } from '../types/graph';
import type { RelationType } from '../types/facts';
import { toParam, toPlain } from './values';

/** The only node labels the loader writes. */
export const NODE_LABELS: readonly NodeLabel[] = ['Article', 'Person', 'Title', 'Organization', 'Place', 'Project', 'Event'];
/** Extra labels a node may carry (Person: Official, Reporter). */
export const EXTRA_LABELS: readonly string[] = ['Official', 'Reporter'];
/** The only relationship types the loader writes. */
export const REL_TYPES: readonly RelationType[] = ['HOLDS_TITLE', 'INSPECTED', 'ACCOMPANIED', 'ATTENDED', 'PART_OF', 'REPORTED', 'MENTIONS'];

export interface LoadOptions {
  /** Target database (default: the server's default). */
  database?: string;
  /** Flush a batch when it holds this many nodes + relationships (default 2000). */
  batchRows?: number;
  /** ...or this many articles (default 500). */
  batchArticles?: number;
  /** Rewrite every article even when its contentHash is unchanged. */
  force?: boolean;
  /** How relationships are written (default 'merge'; see RelWriteMode). */
  relWrite?: RelWriteMode;
  /** Called after each committed batch. */
  onBatch?: (progress: LoadSummary) => void;
}

export interface LoadSummary {
  /** Articles read from the input. */
  articles: number;
  /** New articles written. */
  loaded: number;
  /** Articles whose content changed: old facts replaced. */
  replaced: number;
  /** Articles with an unchanged contentHash: not touched. */
  skipped: number;
  /** Write transactions committed. */
  batches: number;
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  /** Relationship rows written (created or re-asserted). */
  relationshipsWritten: number;
}

export function emptyLoadSummary(): LoadSummary {
  return {
    articles: 0,
    loaded: 0,
    replaced: 0,
    skipped: 0,
    batches: 0,
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    relationshipsWritten: 0,
  };
}

function checkLabel(label: string): string {
  if (!(NODE_LABELS as readonly string[]).includes(label)) throw new Error(`loader: node label "${label}" is not in the schema whitelist`);
  return label;
}
function checkExtra(label: string): string {
  if (!EXTRA_LABELS.includes(label)) throw new Error(`loader: extra label "${label}" is not in the schema whitelist`);
  return label;
}
function checkType(type: string): string {
  if (!(REL_TYPES as readonly string[]).includes(type)) throw new Error(`loader: relationship type "${type}" is not in the schema whitelist`);
  return type;
}

// Statement texts, built once from the whitelists (never from data).
const DELETE_RELS = new Map(
  REL_TYPES.map((t) => [
    t,
    `UNWIND $ids AS aid
     MATCH (s)-[r:${t} {articleId: aid}]->(e)
     WITH r, s.id AS sid, e.id AS eid
     DELETE r
     RETURN collect(DISTINCT sid) + collect(DISTINCT eid) AS touched`,
  ]),
);
const MERGE_NODES = new Map(
  NODE_LABELS.map((l) => [
    l,
    `UNWIND $rows AS row
     MERGE (n:${l} {id: row.id})
     SET n += row.props, n.name = row.name,
         n.aliases = CASE WHEN row.aliases IS NULL THEN n.aliases
                     ELSE reduce(acc = coalesce(n.aliases, []), x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END) END`,
  ]),
);
const MERGE_ARTICLES = `UNWIND $rows AS row
     MERGE (n:Article {id: row.id})
     SET n += row.props, n.name = row.name`;
const ADD_EXTRA = new Map<string, string>(
  NODE_LABELS.flatMap((l) => EXTRA_LABELS.map((x) => [`${l}:${x}`, `UNWIND $ids AS id MATCH (n:${l} {id: id}) SET n:${x}`] as const)),
);
const DELETE_ORPHANS = new Map(
  NODE_LABELS.filter((l) => l !== 'Article').map((l) => [l, `UNWIND $ids AS id MATCH (n:${l} {id: id}) WHERE NOT (n)--() DELETE n`]),
);
const relKey = (type: string, from: string, to: string) => `${type}|${from}|${to}`;
const mergeRelCache = new Map<string, string>();
/**
 * 'merge' (default): MERGE by fact id. 'create': CREATE without a lookup, which is safe because the
 * article's old relationships were deleted earlier in the same transaction, after its Article node
 * was locked, so every fact id is new (the uniqueness constraint on r.id still refuses a duplicate).
 * Measured on the bench, the two are equally fast once the JVM is warm.
 */
export type RelWriteMode = 'create' | 'merge';

function relStatement(type: string, from: string, to: string, mode: RelWriteMode): string {
  const key = `${relKey(type, from, to)}|${mode}`;
  let s = mergeRelCache.get(key);
  if (!s) {
    const write =
      mode === 'merge'
        ? `MERGE (a)-[r:${checkType(type)} {id: row.id}]->(b)
         SET r += row.props`
        : `CREATE (a)-[r:${checkType(type)}]->(b)
         SET r = row.props, r.id = row.id`;
    s = `UNWIND $rows AS row
         MATCH (a:${checkLabel(from)} {id: row.source})
         MATCH (b:${checkLabel(to)} {id: row.target})
         ${write}`;
    mergeRelCache.set(key, s);
  }
  return s;
}

interface NodeRow {
  id: string;
  name: string;
  aliases: string[] | null;
  props: Record<string, unknown>;
}
interface RelRow {
  id: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
}

/** The parameter rows of one batch, grouped by label / relationship type. */
export interface BatchRows {
  articleIds: string[];
  nodes: Map<string, NodeRow[]>;
  extra: Map<string, string[]>;
  rels: Map<string, { type: string; from: string; to: string; rows: RelRow[] }>;
  relCount: number;
}

function nodeRow(n: GraphNode): NodeRow {
  const { aliases, ...rest } = n.props;
  return {
    id: n.id,
    name: n.name,
    aliases: Array.isArray(aliases) ? (aliases as string[]) : null,
    props: toParam(rest) as Record<string, unknown>,
  };
}

/** Group the graphs of a batch into parameter rows (nodes deduplicated by label + id). */
export function batchRows(graphs: ArticleGraph[]): BatchRows {
  const nodes = new Map<string, Map<string, NodeRow>>();
  const extra = new Map<string, Set<string>>();
  const rels = new Map<string, { type: string; from: string; to: string; rows: RelRow[] }>();
  let relCount = 0;
  for (const g of graphs) {
    const labelOf = new Map<string, string>();
    const fh = factsHash(g);
    for (const n of g.nodes) {
      const label = checkLabel(n.label);
      labelOf.set(n.id, label);
      let byId = nodes.get(label);
      if (!byId) nodes.set(label, (byId = new Map()));
      const prev = byId.get(n.id);
      const row = nodeRow(n);
      if (label === 'Article' && n.id === g.articleId) row.props.factsHash = fh;
      if (prev && prev.aliases && row.aliases) row.aliases = [...new Set([...prev.aliases, ...row.aliases])];
      byId.set(n.id, row);
      for (const x of n.extraLabels) {
        const key = `${label}:${checkExtra(x)}`;
        let ids = extra.get(key);
        if (!ids) extra.set(key, (ids = new Set()));
        ids.add(n.id);
      }
    }
    for (const e of g.edges) {
      const from = labelOf.get(e.source);
      const to = labelOf.get(e.target);
      if (!from || !to) continue; // to-graph only emits edges between its own nodes
      const key = relKey(checkType(e.type), from, to);
      let group = rels.get(key);
      if (!group) rels.set(key, (group = { type: e.type, from, to, rows: [] }));
      group.rows.push(relRow(e));
      relCount++;
    }
  }
  return {
    articleIds: graphs.map((g) => g.articleId),
    // sorted by id: concurrent loads then lock shared nodes in the same order (fewer deadlocks)
    nodes: new Map([...nodes].map(([l, m]) => [l, [...m.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))])),
    extra: new Map([...extra].map(([k, s]) => [k, [...s]])),
    rels,
    relCount,
  };
}

function relRow(e: GraphEdge): RelRow {
  return { id: e.id, source: e.source, target: e.target, props: toParam(e.props) as Record<string, unknown> };
}

interface Counters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
}

/** Write one batch (articles already known to be new or changed) in the given transaction. */
export async function writeBatch(tx: ManagedTransaction, rows: BatchRows, mode: RelWriteMode = 'merge'): Promise<Counters> {
  const c: Counters = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
  const add = (u: { nodesCreated: number; nodesDeleted: number; relationshipsCreated: number; relationshipsDeleted: number }) => {
    c.nodesCreated += u.nodesCreated;
    c.nodesDeleted += u.nodesDeleted;
    c.relationshipsCreated += u.relationshipsCreated;
    c.relationshipsDeleted += u.relationshipsDeleted;
  };
  // a. the Article nodes first: MERGE locks each article's id, so a concurrent load of the same
  //    article waits here and then sees (and replaces) what the other one committed
  const articles = rows.nodes.get('Article') ?? [];
  if (articles.length > 0) {
    const res = await tx.run(MERGE_ARTICLES, { rows: articles });
    add(res.summary.counters.updates());
  }
  // b. the old facts of these articles (of all of them: also facts left behind by an Article node
  //    deleted by hand, so that every fact id written below is new)
  const touched = new Set<string>();
  {
    for (const type of REL_TYPES) {
      const res = await tx.run(DELETE_RELS.get(type)!, { ids: rows.articleIds });
      add(res.summary.counters.updates());
      for (const id of (res.records[0]?.get('touched') as string[] | undefined) ?? []) if (id !== null) touched.add(id);
    }
  }
  // c. entity nodes, then extra labels
  for (const [label, list] of rows.nodes) {
    if (label === 'Article') continue;
    const res = await tx.run(MERGE_NODES.get(label as NodeLabel)!, { rows: list });
    add(res.summary.counters.updates());
  }
  for (const [key, ids] of rows.extra) {
    const stmt = ADD_EXTRA.get(key);
    if (!stmt) throw new Error(`loader: no statement for extra label ${key}`);
    await tx.run(stmt, { ids });
  }
  // d. relationships
  for (const group of rows.rels.values()) {
    const res = await tx.run(relStatement(group.type, group.from, group.to, mode), { rows: group.rows });
    add(res.summary.counters.updates());
  }
  // e. entities the old facts left unconnected
  if (touched.size > 0) {
    const ids = [...touched];
    for (const stmt of DELETE_ORPHANS.values()) {
      const res = await tx.run(stmt, { ids });
      add(res.summary.counters.updates());
    }
  }
  return c;
}

/**
 * What identifies an article's state in the graph: its text (contentHash) and what was extracted
 * from it (factsHash, over the mapped nodes and edges). A changed extractor changes the facts of an
 * unchanged text, so both must match for an article to be skipped.
 */
export function factsHash(g: ArticleGraph): string {
  return createHash('sha256').update(JSON.stringify([g.nodes, g.edges])).digest('hex').slice(0, 16);
}

async function existingHashes(driver: Driver, ids: string[], database?: string): Promise<Map<string, string | null>> {
  const res = await driver.executeQuery(
    'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.contentHash + "/" + coalesce(a.factsHash, "") AS hash',
    { ids },
    { database, routing: 'WRITE' },
  );
  return new Map(res.records.map((r) => [r.get('id') as string, (r.get('hash') as string | null) ?? null]));
}

async function* iterate<T>(items: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  for await (const x of items as AsyncIterable<T>) yield x;
}

/**
 * Load articles into Neo4j (schema must exist: see ensureSchema). Idempotent: loading the same
 * articles again changes nothing; an article whose contentHash changed has its old facts replaced.
 */
export async function loadArticles(
  driver: Driver,
  articles: Iterable<ArticleFacts> | AsyncIterable<ArticleFacts>,
  opts: LoadOptions = {},
): Promise<LoadSummary> {
  const summary = emptyLoadSummary();
  const maxRows = opts.batchRows ?? 2000;
  const maxArticles = opts.batchArticles ?? 500;
  let pending = new Map<string, ArticleGraph>();
  let pendingRows = 0;

  const flush = async () => {
    if (pending.size === 0) return;
    const graphs = [...pending.values()];
    pending = new Map();
    pendingRows = 0;
    const hashes = await existingHashes(driver, graphs.map((g) => g.articleId), opts.database);
    const todo: ArticleGraph[] = [];
    let loaded = 0;
    let replaced = 0;
    for (const g of graphs) {
      const old = hashes.get(g.articleId);
      if (old === undefined) loaded++;
      else if (old !== `${g.contentHash}/${factsHash(g)}` || opts.force) replaced++;
      else {
        summary.skipped++;
        continue;
      }
      todo.push(g);
    }
    if (todo.length === 0) return;
    const rows = batchRows(todo);
    const session = driver.session({
      database: opts.database,
      defaultAccessMode: 'WRITE',
      bookmarkManager: driver.executeQueryBookmarkManager,
    });
    try {
      const c = await session.executeWrite((tx) => writeBatch(tx, rows, opts.relWrite ?? 'merge'));
      summary.nodesCreated += c.nodesCreated;
      summary.nodesDeleted += c.nodesDeleted;
      summary.relationshipsCreated += c.relationshipsCreated;
      summary.relationshipsDeleted += c.relationshipsDeleted;
    } finally {
      await session.close();
    }
    summary.loaded += loaded;
    summary.replaced += replaced;
    summary.relationshipsWritten += rows.relCount;
    summary.batches++;
    opts.onBatch?.({ ...summary });
  };

  for await (const a of iterate(articles)) {
    summary.articles++;
    const g = articleToGraph(a);
    if (pending.has(g.articleId)) {
      // the same article twice in one batch: the later version wins
      summary.articles--;
      pending.delete(g.articleId);
    }
    pending.set(g.articleId, g);
    pendingRows += g.nodes.length + g.edges.length;
    if (pendingRows >= maxRows || pending.size >= maxArticles) await flush();
  }
  await flush();
  return summary;
}

/** Node and relationship totals in the database (from the count store: cheap). */
export async function graphCounts(driver: Driver, database?: string): Promise<{ nodes: number; relationships: number }> {
  const n = await driver.executeQuery('MATCH (n) RETURN count(n) AS c', {}, { database, routing: 'READ' });
  const r = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS c', {}, { database, routing: 'READ' });
  return { nodes: toPlain(n.records[0].get('c')) as number, relationships: toPlain(r.records[0].get('c')) as number };
}
