import type { ReactNode } from 'react';
import type { MessageKey } from '../../core/messages';

export interface HandOffRefusalProps {
  /** Kuroco's order ids: the order exists although its 3-D Secure form was refused. */
  orderIds: readonly number[];
  /** Where the default link goes (order history, support). */
  href?: string | undefined;
  /** Replaces the default link. */
  action?: ReactNode;
  t(key: MessageKey): string;
}

/**
 * Under a refused 3-D Secure hand-off: the order numbers and a way on that is not "order again"
 * (Kuroco already holds the order, so a new purchase would make a second one).
 */
export function HandOffRefusal({ orderIds, href, action, t }: HandOffRefusalProps) {
  const way = action ?? (href ? <a className="r3k-button r3k-button-secondary" href={href}>{t('purchase.orderHelp')}</a> : null);
  return (
    <>
      {orderIds.length > 0 ? (
        <p className="r3k-detail" data-order-ids={orderIds.join(' ')}>
          {t('return.orderIds')}: {orderIds.join(', ')}
        </p>
      ) : null}
      <p className="r3k-detail">{t('purchase.orderExists')}</p>
      {way ? <div className="r3k-actions">{way}</div> : null}
    </>
  );
}
