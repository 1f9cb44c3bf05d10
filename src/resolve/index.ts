// PLACEHOLDER (replaced by the extraction work).
import type { ArticleFacts } from '../types';

export interface ResolveConfig { home?: string }

export function resolveArticle(facts: ArticleFacts, _config: ResolveConfig = {}): ArticleFacts {
  return facts;
}
