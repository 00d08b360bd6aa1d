/** What the tab running a flow tells the others: progress while it runs, then one result. */
export type TabUpdate<T> = { type: 'progress'; data: T } | { type: 'result'; data: T };

/**
 * What a follower hears: the owner's updates, then `released` when the owner let go without a
 * result (it released, or its tab closed or crashed): the key is free to claim again.
 */
export type TabFollowEvent<T> = TabUpdate<T> | { type: 'released' };

/** This tab runs the flow for the key: tell the others how it goes, release when done. */
export interface TabOwner<T> {
  kind: 'owner';
  key: string;
  /** Broadcasts progress or the final result to every tab following this key (JSON-serialisable data). */
  publish(update: TabUpdate<T>): void;
  /** Frees the key (idempotent). Followers that saw no result hear `released`. */
  release(): void;
}

/** Another tab runs the flow for the key: follow it instead of starting a second one. */
export interface TabFollower<T> {
  kind: 'follower';
  key: string;
  /**
   * Calls `listener` with the owner's latest update (when it has published one) and every later
   * event. Returns a function that removes this listener.
   */
  follow(listener: (event: TabFollowEvent<T>) => void): () => void;
  /** Stops following (every listener, the liveness watch). */
  unsubscribe(): void;
}

/** The answer of {@link TabCoordinator.claim}. */
export type TabClaim<T> = TabOwner<T> | TabFollower<T>;

/** One running flow per key across the tabs of an origin. */
export interface TabCoordinator<T> {
  /** Takes the key for this tab, or follows the tab that has it. Never waits for the other tab to finish. */
  claim(key: string): Promise<TabClaim<T>>;
  /** Follows the key when another tab holds it now; `null` when nobody does (nothing is taken). */
  watch(key: string): Promise<TabFollower<T> | null>;
  /** Releases everything this coordinator owns and closes its channel. */
  close(): void;
}

/** Options of {@link createTabCoordinator}. */
export interface TabCoordinatorOptions {
  /** Names the lock and the channel: tabs with the same name coordinate. */
  name: string;
  /** The Web Locks API to use. @default navigator.locks (`null`: use the BroadcastChannel fallback) */
  locks?: LockManager | null;
  /** Fallback only: how long a claim listens for a holder or a rival before taking the key. @default 150 */
  settleMs?: number;
  /** Fallback only: how often the owner says it is alive. @default 1000 */
  heartbeatMs?: number;
  /** Fallback only: an owner silent this long is gone (its tab closed). @default 3500 */
  staleAfterMs?: number;
}
