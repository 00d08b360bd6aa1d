import { formatYen, html, type SafeHtml } from '../html';
import type { ChallengeSession } from '../state';
import type { SandboxChallengeOutcome } from './sessions';

/** Path the challenge page's buttons post to. */
export const COMPLETE_PATH = '/paygent/3ds/challenge/complete';

const BUTTONS: Record<SandboxChallengeOutcome, string> = {
  pass: '認証する / Authenticate',
  fail: '認証に失敗する / Fail',
  timeout: 'タイムアウトにする / Time out',
  pass_auth_fail: '認証成功・オーソリ失敗 / Authenticated, then authorization fails',
};

/**
 * The sandbox's issuer challenge: order and amount, and one button per outcome. The buttons are a
 * sandbox-only convenience; a real issuer asks for a password or one-time code instead.
 */
export function challengePage(session: ChallengeSession, timeoutMinutes: number): SafeHtml {
  const buttons = (Object.keys(BUTTONS) as SandboxChallengeOutcome[]).map(
    (outcome) => html`<button type="submit" name="outcome" value="${outcome}" data-outcome="${outcome}">${BUTTONS[outcome]}</button>\n`,
  );
  return html`<h1 id="challenge-heading">3Dセキュア本人認証</h1>
<p>ご注文の本人認証を行います。結果を選んでください。</p>
<dl>
<dt>注文番号</dt><dd data-testid="order-id">${session.orderId}</dd>
<dt>金額</dt><dd data-testid="amount">${formatYen(session.amount)}</dd>
</dl>
<form method="POST" action="${COMPLETE_PATH}" aria-labelledby="challenge-heading">
<input type="hidden" name="session" value="${session.id}">
<div class="outcomes">
${buttons}</div>
</form>
<p><small>${timeoutMinutes} 分以内に操作しない場合はタイムアウトとして扱われます。</small></p>`;
}
