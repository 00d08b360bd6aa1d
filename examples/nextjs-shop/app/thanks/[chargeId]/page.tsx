import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { payjpClient } from '../../../lib/payjpClient';
import { shopEnv } from '../../../lib/shopEnv';

/** What PAY.JP says about the charge, read on the server: the browser's word is not proof of payment. */
async function readOwnCharge(chargeId: string) {
  if (!/^ch_[A-Za-z0-9]{1,64}$/.test(chargeId)) return null;
  try {
    const charge = await payjpClient().charges.retrieve(chargeId);
    // The kit's handler marks each charge it creates with its customer: show this shopper's only.
    return charge.metadata?.react3ds_customer === shopEnv().customerId ? charge : null;
  } catch {
    return null;
  }
}

export default async function ThanksPage({ params }: { params: Promise<{ chargeId: string }> }) {
  await connection();
  const charge = await readOwnCharge((await params).chargeId);
  if (!charge) notFound();
  return (
    <main>
      <h1>ご注文ありがとうございます</h1>
      <p data-testid="order-result" data-paid={String(charge.paid)}>
        {charge.paid ? `お支払い済み: ¥${charge.amount.toLocaleString('ja-JP')}（${charge.id}）` : `未払い（${charge.id}）`}
      </p>
    </main>
  );
}
