'use client';
import { useEffect, useId, useRef } from 'react';
import type { PayjpCard } from '../core/payjp/createPayjpCard';
import type { PayjsElementOptions } from '../core/payjp/payjs';
import { useOptionalThreeDSecureContext } from './ThreeDSecureProvider';

// Classes styled by react-3ds-kit/styles.css; the payjs iframes go inside the `r3k-card-field` boxes.
const PART = 'r3k-card-element';

export interface PayjpCardElementProps {
  /** From `usePayjpCard()`. */
  card: PayjpCard;
  /** Three fields (number, expiry, CVC) instead of the combined one. @default false */
  split?: boolean;
  /** Passed to payjs `elements.create` (style, placeholder). */
  options?: PayjsElementOptions;
  /** Your class on the group, after the kit's own `r3k-card-element` (styled by `react-3ds-kit/styles.css`). */
  className?: string;
}

const LABELS = {
  ja: { card: 'カード情報', number: 'カード番号', expiry: '有効期限', cvc: 'セキュリティコード' },
  en: { card: 'Card details', number: 'Card number', expiry: 'Expiry', cvc: 'Security code' },
} as const;

/**
 * Mounts payjs v2 card fields. The fields themselves are payjs's (PAY.JP keeps card numbers away
 * from your page); this component gives them labels, mounts them once, and unmounts on unmount.
 */
export function PayjpCardElement({ card, split = false, options, className }: PayjpCardElementProps) {
  const labels = LABELS[useOptionalThreeDSecureContext()?.locale ?? 'ja'];
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const cardRef = useRef<HTMLDivElement>(null);
  const numberRef = useRef<HTMLDivElement>(null);
  const expiryRef = useRef<HTMLDivElement>(null);
  const cvcRef = useRef<HTMLDivElement>(null);
  // Options are read at mount; changing them later would need a remount of the payjs fields.
  const mountOptions = useRef(options);

  useEffect(() => {
    const targets = split
      ? numberRef.current && expiryRef.current && cvcRef.current
        ? { number: numberRef.current, expiry: expiryRef.current, cvc: cvcRef.current }
        : null
      : cardRef.current
        ? { card: cardRef.current }
        : null;
    if (!targets) return;
    return card.mount(targets, mountOptions.current);
  }, [card, split]);

  if (!split) {
    return (
      <div className={className ? `${PART} ${className}` : PART} role="group" aria-labelledby={`${id}-label`}>
        <span id={`${id}-label`} className="r3k-label">
          {labels.card}
        </span>
        <div ref={cardRef} className="r3k-card-field" id={`payjp-card-${id}`} data-payjp-field="card" />
      </div>
    );
  }
  return (
    <div className={className ? `${PART} ${PART}-split ${className}` : `${PART} ${PART}-split`} role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="r3k-label">
        {labels.card}
      </span>
      {(
        [
          ['number', numberRef],
          ['expiry', expiryRef],
          ['cvc', cvcRef],
        ] as const
      ).map(([field, ref]) => (
        <div key={field} className="r3k-card-part" role="group" aria-labelledby={`${id}-${field}-label`}>
          <span id={`${id}-${field}-label`} className="r3k-label">
            {labels[field]}
          </span>
          <div ref={ref} className="r3k-card-field" id={`payjp-${field}-${id}`} data-payjp-field={field} />
        </div>
      ))}
    </div>
  );
}
