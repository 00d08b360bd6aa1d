import { connection } from 'next/server';
import type { ThreeDSecureWorkflow } from 'react-3ds-kit/core';
import { payjpPageProps } from '../payjpPageProps';
import { Checkout } from './Checkout';

const WORKFLOWS: readonly ThreeDSecureWorkflow[] = ['iframe', 'subwindow', 'redirect'];

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<{ workflow?: string }> }) {
  await connection(); // rendered per request: the keys are read at run time
  const { workflow } = await searchParams;
  return (
    <main>
      <h1>お支払い</h1>
      <p>ベーシックプラン 1か月: ¥1,200</p>
      <Checkout {...payjpPageProps()} workflow={WORKFLOWS.find((known) => known === workflow) ?? 'iframe'} />
    </main>
  );
}
