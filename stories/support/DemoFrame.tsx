import { forwardRef, useImperativeHandle, useRef } from 'react';
import { DEMO_RETURN_PATH } from './sandboxBackend';

export interface DemoFrameProps {
  /** The frame's name: forms and redirects target it. */
  name: string;
  title: string;
  heading: string;
  /** Called with the frame's URL when the 3-D Secure round trip lands on the demo return page. */
  onReturned(href: string): void;
}

/** Navigates the frame (the redirect workflow's “leave the page”, kept inside the demo). */
export interface DemoFrameHandle {
  navigate(url: string): void;
}

/** The shopper's browser, shown as a frame so the demo keeps its place during full-page 3-D Secure trips. */
export const DemoFrame = forwardRef<DemoFrameHandle, DemoFrameProps>(function DemoFrame({ name, title, heading, onReturned }, ref) {
  const frame = useRef<HTMLIFrameElement>(null);
  useImperativeHandle(ref, () => ({
    navigate(url) {
      if (frame.current) frame.current.src = url;
    },
  }));
  const onLoad = () => {
    // Same origin as the story: the landing URL is readable.
    const href = frame.current?.contentWindow?.location.href;
    if (href && new URL(href).pathname === DEMO_RETURN_PATH) onReturned(href);
  };
  return (
    <>
      <h2 style={{ fontSize: 16 }}>{heading}</h2>
      <iframe
        ref={frame}
        name={name}
        data-demo-frame=""
        title={title}
        onLoad={onLoad}
        style={{ width: '100%', height: 380, border: '1px solid #c4c9d0', borderRadius: 4 }}
      />
    </>
  );
});
