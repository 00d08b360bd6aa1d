'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createTabCoordinator } from '../core/crossTab/createTabCoordinator';
import type { TabCoordinator, TabFollower, TabOwner } from '../core/crossTab/types';
import { SETTLED_STORAGE_PREFIX, createSettledRecords, type SettledRecord, type SettledRecords } from '../core/recovery/settledRecords';

/** What tabs tell each other about a payment: the flow's state name, and the charge once paid. */
export interface TabPaymentUpdate {
  state: string;
  chargeId?: string;
}

/** Options of {@link useTabClaim}. */
export interface UseTabClaimOptions {
  /** Tabs with the same name coordinate. @default 'payments' */
  name?: string;
  /**
   * Keep a success for 24 h so the back button shows it (a payment). `false` for what may be done
   * again (a card verification): only the cross-tab lock, and a followed success shown in memory.
   * @default true
   */
  remember?: boolean;
}

/** What {@link useTabClaim} returns. */
export interface UseTabClaimResult {
  /** `owner`: this tab runs the payment; `elsewhere`: another tab does (follow `progress`); `free`: nobody. */
  status: 'free' | 'owner' | 'elsewhere';
  /** The other tab's latest state name (while `elsewhere`). */
  progress: string | null;
  /** The key's payment already succeeded (this tab, another tab, or before the back button): show it, do not pay again. */
  settled: SettledRecord | null;
  /** Takes the key before `start`: `false` when another tab has it (the hook then follows that tab). */
  claim(): Promise<boolean>;
  /**
   * Tells the other tabs the flow's state. `succeeded` writes the settled record, publishes the
   * result and releases; `failed`, `expired`, `canceled` and `error` release (the key may be paid again).
   */
  report(state: string, chargeId?: string): void;
}

const FINAL_FAILURES = new Set(['failed', 'expired', 'canceled', 'error']);
const IDLE_STATES = new Set(['idle']);
const NO_RECORDS: Pick<SettledRecords, 'read' | 'write'> = { read: () => null, write: () => undefined };

/**
 * One running payment per key across the tabs of this origin, plus the key's settled record
 * (read on mount, on `pageshow` from the back/forward cache, and when another tab writes it).
 * `key: null` turns it all off.
 */
export function useTabClaim(key: string | null, { name = 'payments', remember = true }: UseTabClaimOptions = {}): UseTabClaimResult {
  const [stored] = useState(() => createSettledRecords());
  // Not remembered: nothing is read from or written to storage.
  const records = remember ? stored : NO_RECORDS;
  const [status, setStatus] = useState<UseTabClaimResult['status']>('free');
  const [progress, setProgress] = useState<string | null>(null);
  const [settled, setSettled] = useState<SettledRecord | null>(null);
  const coordinator = useRef<TabCoordinator<TabPaymentUpdate> | null>(null);
  const owner = useRef<TabOwner<TabPaymentUpdate> | null>(null);
  const follower = useRef<TabFollower<TabPaymentUpdate> | null>(null);

  const follow = useCallback(
    (claim: TabFollower<TabPaymentUpdate>) => {
      follower.current?.unsubscribe();
      follower.current = claim;
      setStatus('elsewhere');
      claim.follow((event) => {
        if (event.type === 'released') {
          follower.current = null;
          setStatus('free');
          setProgress(null);
          if (key !== null) setSettled(records.read(key));
          return;
        }
        setProgress(event.data.state);
        if (event.type === 'result') {
          // The result is the last word: the key is free (a remembered success still shows, from memory too).
          follower.current = null;
          setStatus('free');
          if (event.data.state === 'succeeded') {
            setSettled({ status: 'succeeded', at: Date.now(), ...(event.data.chargeId ? { chargeId: event.data.chargeId } : {}) });
          }
        }
      });
    },
    [key, records],
  );

  useEffect(() => {
    if (key === null || typeof window === 'undefined') return undefined;
    const tabs = createTabCoordinator<TabPaymentUpdate>({ name });
    coordinator.current = tabs;
    let live = true;
    const reread = () => setSettled(records.read(key));
    reread();
    // Another tab already running this key: follow it from the start.
    void tabs.watch(key).then((claim) => {
      if (!claim) return;
      if (live) follow(claim);
      else claim.unsubscribe();
    });
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) reread();
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === SETTLED_STORAGE_PREFIX + key) reread();
    };
    window.addEventListener('pageshow', onPageShow);
    window.addEventListener('storage', onStorage);
    return () => {
      live = false;
      window.removeEventListener('pageshow', onPageShow);
      window.removeEventListener('storage', onStorage);
      follower.current?.unsubscribe();
      follower.current = null;
      owner.current = null;
      coordinator.current = null;
      tabs.close();
    };
  }, [key, name, records, follow]);

  const claim = useCallback(async () => {
    const tabs = coordinator.current;
    if (key === null || !tabs) return true;
    if (owner.current) return true;
    if (records.read(key)) {
      setSettled(records.read(key));
      return false;
    }
    const claimed = await tabs.claim(key);
    if (claimed.kind === 'follower') {
      follow(claimed);
      return false;
    }
    owner.current = claimed;
    setStatus('owner');
    return true;
  }, [key, records, follow]);

  const report = useCallback(
    (state: string, chargeId?: string) => {
      const claimed = owner.current;
      if (key === null || IDLE_STATES.has(state)) return;
      if (state === 'succeeded') {
        const record: SettledRecord = { status: 'succeeded', at: Date.now(), ...(chargeId ? { chargeId } : {}) };
        records.write(key, record);
        setSettled(record);
      }
      if (!claimed) return;
      if (state === 'succeeded') claimed.publish({ type: 'result', data: { state, ...(chargeId ? { chargeId } : {}) } });
      else if (!FINAL_FAILURES.has(state)) {
        claimed.publish({ type: 'progress', data: { state } });
        return;
      }
      claimed.release();
      owner.current = null;
      setStatus('free');
    },
    [key, records],
  );

  return { status, progress, settled, claim, report };
}
