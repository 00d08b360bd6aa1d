// Browser project global setup: a second sandbox, on its own origin, whose PAY.JP account runs
// token 3-D Secure on every token (`tokenThreeDSecure: 'always'`, an account-wide setting that the
// sandbox mounted on the test server's origin cannot switch per test). Tests read its origin with
// `inject('payjpAlwaysOrigin')`.
import type { TestProject } from 'vitest/node';
import { createSandbox } from '../../src/sandbox';

declare module 'vitest' {
  export interface ProvidedContext {
    payjpAlwaysOrigin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await createSandbox({ payjp: { tokenThreeDSecure: 'always' } }).listen();
  project.provide('payjpAlwaysOrigin', server.url);
  return () => server.close();
}
