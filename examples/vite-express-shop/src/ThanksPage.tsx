import { useEffect, useState } from 'react';

interface PaidOrder {
  id: string;
  paid: boolean;
  amount: number;
}

/** Shows what the server read back from PAY.JP, not what the browser was told. */
export function ThanksPage({ chargeId }: { chargeId: string }) {
  const [order, setOrder] = useState<PaidOrder | 'missing' | null>(null);

  useEffect(() => {
    let live = true;
    fetch(`/api/orders/${encodeURIComponent(chargeId)}`)
      .then(async (response) => (response.ok ? ((await response.json()) as PaidOrder) : 'missing' as const))
      .then((result) => live && setOrder(result), () => live && setOrder('missing'));
    return () => {
      live = false;
    };
  }, [chargeId]);

  return (
    <main>
      <h1>ご注文ありがとうございます</h1>
      {order === null ? <p>確認しています…</p> : null}
      {order === 'missing' ? <p role="alert">このお支払いは見つかりません。</p> : null}
      {order !== null && order !== 'missing' ? (
        <p data-testid="order-result" data-paid={String(order.paid)}>
          {order.paid ? `お支払い済み: ¥${order.amount.toLocaleString('ja-JP')}（${order.id}）` : `未払い（${order.id}）`}
        </p>
      ) : null}
    </main>
  );
}
