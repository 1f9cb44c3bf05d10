/** Problems in the input are reported, not thrown (bad files never stop a run). */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** `<stage>/<slug>`, e.g. "ingest/binary-file". */
  code: string;
  message: string;
  /** File the problem is in. */
  file?: string;
  /** 1-based line, where it applies. */
  line?: number;
}
