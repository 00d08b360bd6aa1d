/** Runs `act` (which submits or navigates into `frame`) and resolves the URL the frame lands on next. */
export function landing(frame: HTMLIFrameElement, act: () => void, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the frame never navigated')), timeoutMs);
    frame.addEventListener(
      'load',
      () => {
        clearTimeout(timer);
        resolve(frame.contentWindow?.location.href ?? '');
      },
      { once: true },
    );
    act();
  });
}
