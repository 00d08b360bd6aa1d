/** A PAY.JP v1 answer as the probes read it. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  /** `body.error` when PAY.JP answered its error envelope. */
  error: { status?: unknown; type?: unknown; code?: unknown; message?: unknown } | undefined;
}

/** The few `/v1` calls the probes make, with a hard cap so a live run never hammers PAY.JP. */
export interface PayjpApi {
  call(method: 'GET' | 'POST', path: string, form?: Record<string, string>, options?: { key?: string; headers?: Record<string, string> }): Promise<ApiAnswer>;
  /** Calls made so far. */
  readonly count: number;
  /** 429 answers seen (PAY.JP's rate limit), as they came. */
  readonly rateLimited: ApiAnswer[];
  /** Ids of the test objects created. */
  readonly created: string[];
}

/** The most calls one run may make: the probes need about twenty. */
export const MAX_API_CALLS = 40;

export function createPayjpApi(apiBase: string, secretKey: string): PayjpApi {
  let count = 0;
  const rateLimited: ApiAnswer[] = [];
  const created: string[] = [];
  return {
    get count() {
      return count;
    },
    rateLimited,
    created,
    async call(method, path, form, options = {}) {
      if (count >= MAX_API_CALLS) throw new Error(`conformance: more than ${MAX_API_CALLS} PAY.JP calls; stopped`);
      count += 1;
      const headers: Record<string, string> = { Authorization: `Basic ${Buffer.from(`${options.key ?? secretKey}:`).toString('base64')}`, ...options.headers };
      if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(`${apiBase}${path}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined, signal: AbortSignal.timeout(20_000) });
      const text = await response.text();
      let body: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
      } catch {
        body = { unparsed: text.slice(0, 200) };
      }
      const error = body.error && typeof body.error === 'object' ? (body.error as ApiAnswer['error']) : undefined;
      const answer = { status: response.status, body, error };
      if (response.status === 429) rateLimited.push(answer);
      if (method === 'POST' && response.ok && typeof body.id === 'string' && !created.includes(body.id)) created.push(body.id);
      return answer;
    },
  };
}

/** `400 code` / `200` for a report line. */
export function describeAnswer(answer: ApiAnswer): string {
  return answer.error ? `${answer.status} ${String(answer.error.code ?? '(no code)')}` : String(answer.status);
}
