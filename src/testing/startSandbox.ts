import { createSandbox, type Sandbox, type SandboxServer } from '../sandbox/createSandbox';
import type { SandboxOptions } from '../sandbox/options';
import { sandboxPresets, type SandboxPresetName } from '../sandbox/presets';
import { createSandboxClock, type SandboxClock } from './createSandboxClock';

/** Options of {@link startSandbox} and {@link applySandboxPresets}. */
export interface StartSandboxOptions extends SandboxOptions {
  /**
   * Named production conditions (`src/sandbox/README.md`, Presets), applied in order under your own
   * `payjp` / `kuroco` options: e.g. `['lateIssuer']`.
   */
  presets?: readonly SandboxPresetName[];
  /** @default 0: a free port on 127.0.0.1 */
  port?: number;
}

/** A sandbox running for one test. */
export interface RunningSandbox extends SandboxServer {
  /** The sandbox itself (its `handler` can also be mounted on your dev server). */
  sandbox: Sandbox;
  /**
   * The sandbox's clock (PAY.JP and Kuroco): `clock.advance(5 * 60_000)` lands a result due
   * minutes later at once. Without effect when you pass your own `now`.
   */
  clock: SandboxClock;
}

/** The sandbox options: the presets in order, then yours, merged per provider; the clock unless yours. */
export function applySandboxPresets(options: StartSandboxOptions, clock: SandboxClock): SandboxOptions {
  let payjp: SandboxOptions['payjp'] = { now: clock.now };
  let kuroco: SandboxOptions['kuroco'] = { now: clock.now };
  for (const name of options.presets ?? []) {
    const preset: SandboxOptions | undefined = sandboxPresets[name];
    if (!preset) throw new TypeError(`startSandbox: unknown preset ${JSON.stringify(name)} (known: ${Object.keys(sandboxPresets).join(', ')})`);
    payjp = { ...payjp, ...preset.payjp };
    kuroco = { ...kuroco, ...preset.kuroco };
  }
  return { payjp: { ...payjp, ...options.payjp }, kuroco: { ...kuroco, ...options.kuroco } };
}

/**
 * Starts a fresh sandbox on 127.0.0.1 (its own data, a free port) for one test; `close()` it after.
 *
 * ```ts
 * let running: RunningSandbox;
 * beforeEach(async () => { running = await startSandbox({ presets: ['lateIssuer'] }); });
 * afterEach(() => running.close());
 * ```
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const clock = createSandboxClock();
  const sandbox = createSandbox(applySandboxPresets(options, clock));
  const server = await sandbox.listen(options.port ?? 0);
  return { ...server, sandbox, clock };
}
