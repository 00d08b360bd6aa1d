/** The full-page backdrop of the iframe challenge. */
export const BACKDROP_STYLE =
  'position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;align-items:center;justify-content:center;background:rgba(0,0,0,.5)';

/** What one Payjp() keeps on the page: the challenge container (payjsOverlay 'container'). */
export interface InstanceShared {
  container: HTMLElement | null;
}

/** payjsOverlay 'container': one container per Payjp(), hidden until a challenge shows in it. */
export function createContainer(): HTMLDivElement {
  const container = document.createElement('div');
  container.style.cssText = `${BACKDROP_STYLE};display:none`;
  document.body.appendChild(container);
  return container;
}

/** The dialog panel holding the challenge frame and, in a strip above it, its close button (never over the issuer's page). */
export function createChallengePanel(title: string, closeLabel: string, src: string) {
  const panel = document.createElement('div');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  panel.setAttribute('aria-label', title);
  panel.style.cssText =
    'position:relative;box-sizing:border-box;width:480px;max-width:100%;height:640px;max-height:100%;padding-top:40px;background:#fff;border-radius:8px;overflow:hidden;box-shadow:0 4px 24px rgba(0,0,0,.3)';
  const close = document.createElement('button');
  close.type = 'button';
  close.setAttribute('aria-label', closeLabel);
  close.textContent = '\u00d7';
  close.style.cssText =
    'position:absolute;top:4px;right:4px;width:32px;height:32px;font-size:20px;line-height:1;border:0;border-radius:16px;background:#fff;color:#333;cursor:pointer';
  const frame = document.createElement('iframe');
  frame.title = title;
  frame.src = src;
  frame.style.cssText = 'display:block;width:100%;height:100%;border:0';
  panel.appendChild(frame);
  panel.appendChild(close);
  return { panel, close, frame };
}
