import { CONFIG } from './config';

/** What the challenge openers say and reject with. */
export interface ChallengeText {
  title: string;
  close: string;
  canceled: string;
  popupBlocked: string;
  timeout: string;
  inProgress: string;
  invalidId: string;
}

/** The challenge texts by locale. */
export const CHALLENGE_TEXT: Record<'ja' | 'en', ChallengeText> = {
  ja: {
    title: '3Dセキュア認証',
    close: '閉じる',
    canceled: '3Dセキュア認証がキャンセルされました。',
    popupBlocked: 'ポップアップがブロックされたため、3Dセキュア認証の画面を開けませんでした。',
    timeout: '3Dセキュア認証が時間内に完了しませんでした。',
    inProgress: '3Dセキュア認証の画面は既に開いています。',
    invalidId: '3Dセキュアの対象 ID が指定されていません。',
  },
  en: {
    title: '3-D Secure authentication',
    close: 'Close',
    canceled: '3-D Secure authentication was canceled.',
    popupBlocked: 'The 3-D Secure window could not be opened because it was prevented by the browser.',
    timeout: '3-D Secure authentication did not finish in time.',
    inProgress: 'The 3-D Secure screen is already open.',
    invalidId: 'No 3-D Secure object id was given.',
  },
};

// Rejection and validation messages speak payjsLanguage (not the Payjp locale): which language
// real pay.js uses for them is not documented.
export const MESSAGES: ChallengeText = CHALLENGE_TEXT[CONFIG.payjsLanguage];
