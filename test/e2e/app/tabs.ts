// A bare page over the core cross-tab coordinator, driven by test/e2e/crossTab.spec.ts.
import { createTabCoordinator, type TabFollowEvent, type TabOwner, type TabUpdate } from '../../../src/core/crossTab';

type Data = { step: string };
const tabs = createTabCoordinator<Data>({ name: 'e2e', settleMs: 150, heartbeatMs: 200, staleAfterMs: 900 });
const owners = new Map<string, TabOwner<Data>>();
const events: Record<string, TabFollowEvent<Data>[]> = {};

Object.assign(window, {
  hasLocks: () => 'locks' in navigator,
  events: (key: string) => events[key] ?? [],
  async claim(key: string) {
    const claim = await tabs.claim(key);
    if (claim.kind === 'owner') owners.set(key, claim);
    else claim.follow((event) => (events[key] ??= []).push(event));
    return claim.kind;
  },
  async watch(key: string) {
    const claim = await tabs.watch(key);
    claim?.follow((event) => (events[key] ??= []).push(event));
    return claim ? 'follower' : null;
  },
  publish: (key: string, update: TabUpdate<Data>) => owners.get(key)?.publish(update),
  release: (key: string) => owners.get(key)?.release(),
});
document.title = 'Tabs ready';
