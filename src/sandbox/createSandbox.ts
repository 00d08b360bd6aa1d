// SKELETON: replaced by the sandbox implementation.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SandboxOptions {}
export type SandboxHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;
export interface Sandbox {
  handler: SandboxHandler;
}
export function createSandbox(_options: SandboxOptions = {}): Sandbox {
  return {
    handler: (_req, res, next) => {
      if (next) next();
      else res.writeHead(404).end();
    },
  };
}
