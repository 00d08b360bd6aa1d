'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { PayjpCardField } from '../core/card/payjpCardFieldError';
import type { PayjpCard } from '../core/payjp/createPayjpCard';
import type { PayjsElementOptions } from '../core/payjp/payjs';
import { describedBy, FieldMessage } from './internal/FieldMessage';
import { useOptionalThreeDSecureContext } from './ThreeDSecureProvider';

// Classes styled by react-3ds-kit/styles.css; the payjs iframes go inside the `r3k-card-field` boxes.
const PART = 'r3k-card-element';

/** Props of {@link PayjpCardElement}. */
export interface PayjpCardElementProps {
  /** From `usePayjpCard()`. */
  card: PayjpCard;
  /** Three fields (number, expiry, CVC) instead of the combined one. @default false */
  split?: boolean;
  /** Passed to payjs `elements.create` (style, placeholder). */
  options?: PayjsElementOptions;
  /**
   * A message per field, rendered under it (`data-field-error`) and referenced by the field's group
   * with `aria-describedby`. With the combined field every message goes under it; with split
   * fields `card` goes under the whole group.
   */
  errors?: Partial<Record<PayjpCardField, ReactNode>>;
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
export function PayjpCardElement({ card, split = false, options, errors = {}, className }: PayjpCardElementProps) {
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

  // The inputs live in payjs's frames: the group around each one carries the description.
  const message = (field: PayjpCardField, text: ReactNode) => {
    const shown = text !== undefined && text !== null && text !== false && text !== '';
    return { shown, errorId: `${id}-${field}-error`, node: <FieldMessage id={`${id}-${field}-error`}>{text}</FieldMessage> };
  };
  if (!split) {
    const only = message('card', errors.card ?? errors.number ?? errors.expiry ?? errors.cvc);
    return (
      <div className={className ? `${PART} ${className}` : PART} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy(only.shown && only.errorId)} data-invalid={only.shown || undefined}>
        <span id={`${id}-label`} className="r3k-label">
          {labels.card}
        </span>
        <div ref={cardRef} className="r3k-card-field" id={`payjp-card-${id}`} data-payjp-field="card" />
        {only.node}
      </div>
    );
  }
  const whole = message('card', errors.card);
  return (
    <div
      className={className ? `${PART} ${PART}-split ${className}` : `${PART} ${PART}-split`}
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy(whole.shown && whole.errorId)}
      data-invalid={whole.shown || undefined}
    >
      <span id={`${id}-label`} className="r3k-label">
        {labels.card}
      </span>
      {(
        [
          ['number', numberRef],
          ['expiry', expiryRef],
          ['cvc', cvcRef],
        ] as const
      ).map(([field, ref]) => {
        const own = message(field, errors[field]);
        return (
          <div key={field} className="r3k-card-part" role="group" aria-labelledby={`${id}-${field}-label`} aria-describedby={describedBy(own.shown && own.errorId)} data-invalid={own.shown || undefined}>
            <span id={`${id}-${field}-label`} className="r3k-label">
              {labels[field]}
            </span>
            <div ref={ref} className="r3k-card-field" id={`payjp-${field}-${id}`} data-payjp-field={field} />
            {own.node}
          </div>
        );
      })}
      {whole.node}
    </div>
  );
}
