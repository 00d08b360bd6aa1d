import { PAYGENT_TOKEN_CREATE_PATH } from '../tokenPaths';

/** What PaygentToken.js hands its callback: at least a `result` code ('0000' on success). */
export interface TokenAnswer {
  result: string;
  [field: string]: unknown;
}

// PaygentToken.js's own codes for a call that never reached Paygent: no browser support, and a
// failed, timed-out or unreadable request.
const UNSUPPORTED: TokenAnswer = { result: '7000' };
const UNREACHABLE: TokenAnswer = { result: '7001' };
const TIMEOUT_MS = 20_000;

// The sandbox serving this script is the one to post to, on whichever origin that is.
const script = document.currentScript as HTMLScriptElement | null;
const sandboxOrigin = script?.src ? new URL(script.src, window.location.href).origin : window.location.origin;
const ENDPOINT = sandboxOrigin + PAYGENT_TOKEN_CREATE_PATH;

function isAnswer(value: unknown): value is TokenAnswer {
  return value !== null && typeof value === 'object' && typeof (value as { result?: unknown }).result === 'string';
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Posts the fields once, form-encoded, and calls back exactly once with the answer or a 70xx code. */
export function send(fields: Record<string, string>, callback: unknown): void {
  let done = false;
  const finish = (answer: TokenAnswer) => {
    if (done) return;
    done = true;
    if (typeof callback === 'function') callback(answer);
  };
  if (typeof XMLHttpRequest === 'undefined' || typeof URLSearchParams === 'undefined') {
    setTimeout(() => finish(UNSUPPORTED), 0);
    return;
  }
  const xhr = new XMLHttpRequest();
  xhr.open('POST', ENDPOINT, true);
  xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
  xhr.timeout = TIMEOUT_MS;
  xhr.onload = () => {
    const answer = parse(xhr.responseText);
    finish(isAnswer(answer) ? answer : UNREACHABLE);
  };
  xhr.onerror = xhr.ontimeout = xhr.onabort = () => finish(UNREACHABLE);
  xhr.send(new URLSearchParams(fields).toString());
}
