import { describe, expect, it } from 'vitest';
import { isAllowedActionUrl, parseAcsHtml } from '../../src/core/acs';
import { ThreeDSecureError } from '../../src/core/errors';

function errorOf(run: () => unknown): ThreeDSecureError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ThreeDSecureError);
    return error as ThreeDSecureError;
  }
  throw new Error('expected a ThreeDSecureError');
}

describe('isAllowedActionUrl', () => {
  it('allows any https URL without an allow-list', () => {
    expect(isAllowedActionUrl('https://acs.example.jp/start')).toBe(true);
    expect(isAllowedActionUrl(new URL('https://acs.example.jp:8443/'))).toBe(true);
  });

  it('refuses every other scheme', () => {
    for (const url of ['http://acs.example.jp/', 'javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>x</script>', 'blob:https://acs.example.jp/1', 'file:///etc/passwd', 'about:blank', 'ftp://acs.example.jp/', 'ws://acs.example.jp/']) {
      expect(isAllowedActionUrl(url), url).toBe(false);
      expect(isAllowedActionUrl(url, [url.startsWith('http') ? url : 'https://acs.example.jp']), url).toBe(false);
    }
  });

  it('refuses relative and unparsable URLs', () => {
    expect(isAllowedActionUrl('/3ds')).toBe(false);
    expect(isAllowedActionUrl('https://')).toBe(false);
  });

  it('compares exact origins after normalising the allow-list', () => {
    const allowed = ['https://acs.example.jp/some/path?q=1', 'HTTPS://ACS2.EXAMPLE.JP:443'];
    expect(isAllowedActionUrl('https://acs.example.jp/start', allowed)).toBe(true);
    expect(isAllowedActionUrl('https://acs2.example.jp/start', allowed)).toBe(true);
    expect(isAllowedActionUrl('https://acs.example.jp:8443/start', allowed)).toBe(false);
    expect(isAllowedActionUrl('https://evil.acs.example.jp/start', allowed)).toBe(false);
    expect(isAllowedActionUrl('https://acs.example.jp.evil.example/start', allowed)).toBe(false);
    expect(isAllowedActionUrl('https://acs.example.jp/start', [])).toBe(false);
  });

  it('allows http only for a listed loopback origin', () => {
    expect(isAllowedActionUrl('http://localhost:5173/paygent', ['http://localhost:5173'])).toBe(true);
    expect(isAllowedActionUrl('http://127.0.0.1:6006/x', ['http://127.0.0.1:6006'])).toBe(true);
    expect(isAllowedActionUrl('http://127.1:6006/x', ['http://127.0.0.1:6006'])).toBe(true);
    expect(isAllowedActionUrl('http://127.9.8.7/x', ['http://127.9.8.7'])).toBe(true);
    expect(isAllowedActionUrl('http://[::1]:8080/x', ['http://[::1]:8080'])).toBe(true);
    expect(isAllowedActionUrl('http://localhost:5173/paygent')).toBe(false);
    expect(isAllowedActionUrl('http://localhost:5173/paygent', ['http://localhost:5174'])).toBe(false);
    expect(isAllowedActionUrl('http://localhost:5173/paygent', ['https://localhost:5173'])).toBe(false);
    expect(isAllowedActionUrl('http://acs.example.jp/', ['http://acs.example.jp'])).toBe(false);
    expect(isAllowedActionUrl('http://10.0.0.1/', ['http://10.0.0.1'])).toBe(false);
    expect(isAllowedActionUrl('http://localhost.evil.example/', ['http://localhost.evil.example'])).toBe(false);
  });

  it('throws misconfigured for a malformed allow-list entry', () => {
    for (const entry of ['acs.example.jp', '', 'data:text/plain,x', 'file:///tmp', 42]) {
      expect(errorOf(() => isAllowedActionUrl('https://acs.example.jp/', [entry as string])).code, String(entry)).toBe('misconfigured');
    }
    expect(errorOf(() => isAllowedActionUrl('https://acs.example.jp/', 'https://acs.example.jp' as unknown as string[])).code).toBe('misconfigured');
  });
});

describe('parseAcsHtml action policy', () => {
  it('names the refused URL', () => {
    const error = errorOf(() => parseAcsHtml('<form name="submitForm" action="http://acs.example.jp/start"></form>'));
    expect(error.code).toBe('acs_action_not_allowed');
    expect(error.message).toContain('http://acs.example.jp/start');
  });

  it('refuses script-bearing actions, also when disguised', () => {
    for (const action of ['javascript:parent.__pwned=1', ' JavaScript:alert(1)', 'java&#x0A;script:alert(1)', 'data:text/html,x', 'blob:https://acs.example.jp/x', 'about:blank']) {
      expect(errorOf(() => parseAcsHtml(`<form action="${action}"></form>`)).code, action).toBe('acs_action_not_allowed');
    }
  });

  it('enforces allowedActionOrigins', () => {
    const html = '<form action="https://acs.example.jp/start"></form>';
    expect(parseAcsHtml(html, { allowedActionOrigins: ['https://acs.example.jp'] }).action).toBe('https://acs.example.jp/start');
    const error = errorOf(() => parseAcsHtml(html, { allowedActionOrigins: ['https://other.example.jp'] }));
    expect(error.code).toBe('acs_action_not_allowed');
    expect(error.message).toContain('https://acs.example.jp/start');
    expect(errorOf(() => parseAcsHtml(html, { allowedActionOrigins: ['nonsense'] })).code).toBe('misconfigured');
  });

  it('names allowedActionOrigins when a local (sandbox) ACS is refused for want of a listing', () => {
    const html = '<form name="submitForm" method="POST" action="http://127.0.0.1:6208/paygent/acs"><input name="a" value="1"></form>';
    const error = errorOf(() => parseAcsHtml(html));
    expect(error.code).toBe('acs_action_not_allowed');
    expect(error.message).toContain('allowedActionOrigins: ["http://127.0.0.1:6208"]');
    expect(parseAcsHtml(html, { allowedActionOrigins: ['http://127.0.0.1:6208'] }).action).toBe('http://127.0.0.1:6208/paygent/acs');
  });

  it('checks the allow-list before the markup', () => {
    expect(errorOf(() => parseAcsHtml('', { allowedActionOrigins: ['nonsense'] })).code).toBe('misconfigured');
  });
});
