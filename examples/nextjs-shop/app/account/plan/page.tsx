import { connection } from 'next/server';
import { payjpClient } from '../../../lib/payjpClient';
import { currentPlan } from '../../../lib/plans';
import { shopEnv } from '../../../lib/shopEnv';
import { payjpPageProps } from '../../payjpPageProps';
import { PlanChange } from './PlanChange';

/** The seed's use case: before a plan change, 3-D Secure on the card the shopper already saved. */
export default async function PlanPage() {
  await connection();
  const customerId = shopEnv().customerId;
  const customer = await payjpClient().customers.retrieve(customerId);
  const cards = await payjpClient().customers.cards.list(customerId);
  const card = cards.data.find((saved) => saved.id === customer.default_card) ?? cards.data[0];
  return (
    <main>
      <h1>プラン変更</h1>
      <p>
        現在のプラン: <span data-testid="current-plan">{currentPlan(customerId)}</span>
      </p>
      {card ? (
        <PlanChange {...payjpPageProps()} card={{ id: card.id, brand: card.brand, last4: card.last4 }} />
      ) : (
        <p>カードが登録されていません。</p>
      )}
    </main>
  );
}
