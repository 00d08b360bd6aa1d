/**
 * The e2e app's ports. `R3K_E2E_PORT` moves the whole block (app, sandbox, and the two ports
 * faults.spec starts itself) so two checkouts can run the suite side by side; the default is 6207.
 */
export const E2E_APP_PORT = Number(process.env.R3K_E2E_PORT ?? 6207);
export const E2E_SANDBOX_PORT = E2E_APP_PORT + 1;
export const E2E_SANDBOX = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
export const E2E_APP = `http://127.0.0.1:${E2E_APP_PORT}`;
/** faults.spec's own short-expiry sandbox and backend. */
export const E2E_SPARE_PORTS = [E2E_APP_PORT + 2, E2E_APP_PORT + 3] as const;
