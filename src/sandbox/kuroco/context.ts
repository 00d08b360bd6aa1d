import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxState } from '../state';

/** What a Kuroco endpoint handler gets. */
export interface KurocoContext {
  req: IncomingMessage;
  res: ServerResponse;
  state: SandboxState;
  requestId: string;
  /** The cookie session (cookie auth), else null. */
  session: string | null;
  /** Values of path placeholders, e.g. `ec_order_id`. */
  params: Record<string, string>;
}

/** A successful answer (errors are thrown as `KurocoApiError`). */
export interface KurocoAnswer {
  status: number;
  body: unknown;
}
