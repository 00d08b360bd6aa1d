import type { ReactNode } from 'react';

export const metadata = { title: 'react-3ds-kit shop (Next.js)' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ja">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '2rem auto', padding: '0 1rem' }}>{children}</body>
    </html>
  );
}
