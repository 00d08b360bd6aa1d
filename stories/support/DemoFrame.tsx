import { forwardRef, useId, useImperativeHandle, useRef, useState, type ReactNode } from 'react';
import type { Locale } from '../../src/core';
import { ThreeDSecureReturnStatus } from '../../src/react';
import { DEMO_RETURN_PATH } from './sandboxBackend';

export interface DemoFrameProps {
  /** The frame's name, when a form must target it from the first render. @default a generated one */
  name?: string;
  locale?: Locale;
  /** Waits of the return page's status reads (short in demos). */
  pollDelaysMs?: readonly number[];
  /** Shown under a failure on the return page. */
  retryAction?: ReactNode;
}

/** Navigates the frame (the redirect workflow's “leave the page”, kept inside the demo). */
export interface DemoFrameHandle {
  /** The frame's name: forms and links target it. */
  name: string;
  navigate(url: string): void;
}

/**
 * The shopper's browser, shown as a frame so a demo keeps its place during a full-page 3-D Secure
 * trip; when the trip lands on the return URL, the return page's status is shown under it.
 */
export const DemoFrame = forwardRef<DemoFrameHandle, DemoFrameProps>(function DemoFrame({ name: given, locale = 'ja', pollDelaysMs, retryAction }, ref) {
  const generated = `demo-3ds-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const name = given ?? generated;
  const frame = useRef<HTMLIFrameElement>(null);
  const [returnedTo, setReturnedTo] = useState<string | null>(null);
  const en = locale === 'en';
  useImperativeHandle(ref, () => ({
    name,
    navigate(url) {
      if (frame.current) frame.current.src = url;
    },
  }));
  const onLoad = () => {
    // Same origin as the story: the landing URL is readable.
    const href = frame.current?.contentWindow?.location.href;
    if (href && new URL(href).pathname === DEMO_RETURN_PATH) setReturnedTo(href);
  };
  return (
    <>
      <h2 style={{ fontSize: 16 }}>{en ? "Shopper's browser (demo frame)" : '購入者のブラウザ（デモ用フレーム）'}</h2>
      <iframe
        ref={frame}
        name={name}
        data-demo-frame=""
        title={en ? '3-D Secure pages (sandbox)' : '3Dセキュア画面（サンドボックス）'}
        onLoad={onLoad}
        style={{ width: '100%', height: 380, border: '1px solid #c4c9d0', borderRadius: 4 }}
      />
      {returnedTo ? (
        <section aria-label={en ? 'Return page' : '戻りページ'}>
          <ThreeDSecureReturnStatus url={returnedTo} {...(pollDelaysMs ? { pollDelaysMs } : {})} retryAction={retryAction} />
        </section>
      ) : null}
    </>
  );
});
