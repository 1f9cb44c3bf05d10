/**
 * zhkg library API. The CLI (src/cli) is a thin layer over these.
 *
 *   import { extractFiles } from 'zhkg';
 *   for (const article of extractFiles(['corpus/'])) console.log(article.headline, article.entities.length);
 */
export * from './types';
export { extractFiles, emptySummary } from './pipeline';
export type { ExtractOptions, ExtractSummary } from './pipeline';
export { ingestFile, ingestText, listInputs, sourcePosition } from './ingest';
export { validateArticleFacts } from './schemas';
export { defaultWorkersFor, extractFilesParallel } from './parallel';
export { extractArticle } from './extract';
export { resolveArticle } from './resolve';
export { articleToGraph } from './resolve/to-graph';
