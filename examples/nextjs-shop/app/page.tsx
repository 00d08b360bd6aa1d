import Link from 'next/link';

export default function Home() {
  return (
    <main>
      <h1>react-3ds-kit shop</h1>
      <ul>
        <li>
          <Link href="/checkout">お支払い（3Dセキュア）</Link> · <Link href="/checkout?workflow=redirect">リダイレクト型</Link>
        </li>
        <li>
          <Link href="/account/plan">プラン変更（登録済みカードの本人認証）</Link>
        </li>
      </ul>
    </main>
  );
}
