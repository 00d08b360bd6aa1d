import { createAttemptId, type AttemptStore, type PayjpAttempt } from '../attempt/attemptStore';

/** What identifies an attempt a flow may resume: its card, for saved-card verifications. */
export interface ResumeFilter {
  /** Only resume a verification of this card (`car_…`). */
  cardId?: string;
}

/**
 * Saves an iframe or sub-window attempt before the challenge opens, so a reload or a later visit
 * can resume confirming it instead of starting a second challenge. Returns the attempt's id, or
 * null when the tab's one slot holds an unsettled attempt that is not an earlier one of this kind
 * (a Kuroco order or a redirect awaiting its return page): that one is kept, nothing is lost.
 */
export function saveInPageAttempt(attempts: AttemptStore, attempt: Omit<PayjpAttempt, 'provider' | 'id' | 'createdAt'>): string | null {
  const current = attempts.load();
  if (current && !current.outcome && !(current.provider === 'payjp' && current.workflow && current.kind === attempt.kind)) return null;
  const id = createAttemptId();
  attempts.save({ provider: 'payjp', id, createdAt: Date.now(), ...attempt });
  return id;
}

/** Forgets the attempt once settled, unless another attempt has replaced it since. */
export function forgetAttempt(attempts: AttemptStore, id: string | null): void {
  if (id !== null && attempts.load()?.id === id) attempts.clear();
}

/** The unsettled iframe or sub-window attempt of this kind (and card) that this tab saved, if any. */
export function findResumableAttempt(attempts: AttemptStore, kind: PayjpAttempt['kind'], filter: ResumeFilter = {}): PayjpAttempt | null {
  const saved = attempts.load();
  // Only attempts an in-page flow saved (redirect ones belong to the return page), read defensively.
  if (saved?.provider !== 'payjp' || saved.kind !== kind || saved.outcome || (saved.workflow !== 'iframe' && saved.workflow !== 'subwindow')) return null;
  if (saved.cardId !== undefined && typeof saved.cardId !== 'string') return null;
  if (filter.cardId !== undefined && saved.cardId !== filter.cardId) return null;
  return saved;
}
