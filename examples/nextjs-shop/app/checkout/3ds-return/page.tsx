import { connection } from 'next/server';
import { payjpPageProps } from '../../payjpPageProps';
import { CheckoutReturn } from './CheckoutReturn';

/** The redirect workflow's return page (one of the handler's returnUrls). */
export default async function CheckoutReturnPage() {
  await connection();
  const { startOrigin } = payjpPageProps();
  return (
    <main>
      <h1>お支払い結果</h1>
      <CheckoutReturn startOrigin={startOrigin} />
    </main>
  );
}
