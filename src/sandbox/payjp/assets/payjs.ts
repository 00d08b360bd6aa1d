/**
 * Source of the stand-in pay.js served at `/payjs/v2/pay.js`: a plain ES5 script (no modules, no
 * build step) that defines only `window.Payjp`. It finds the sandbox from its own `src`, so it
 * works on whichever origin serves it. Kept as a string so the sandbox ships it without assets.
 *
 * Surface (payjs v2): `Payjp(publicKey, { threeDSecureWorkflow?, locale? })` returning
 * `{ getPublicKey, openThreeDSecureIframe, openThreeDSecureDialog }`. `elements` and `createToken`
 * arrive with token 3-D Secure (see the marked place below).
 */
export const PAYJS_SOURCE = String.raw`/* react-3ds-kit sandbox: stand-in for https://js.pay.jp/v2/pay.js. Not PAY.JP's code. */
(function () {
  'use strict';
  var script = document.currentScript;
  var sandboxOrigin = script && script.src ? new URL(script.src, window.location.href).origin : window.location.origin;
  var MESSAGE_SOURCE = 'payjp-sandbox';
  var COMPLETE = 'three-d-secure-complete';
  var CANCELED = 'three-d-secure-canceled';
  var POLL_MS = 250;
  var WORKFLOWS = ['iframe', 'subwindow', 'redirect'];

  var TEXT = {
    ja: {
      title: '3Dセキュア認証',
      close: '閉じる',
      canceled: '3Dセキュア認証がキャンセルされました。',
      popupBlocked: 'ポップアップがブロックされたため、3Dセキュア認証の画面を開けませんでした。',
      timeout: '3Dセキュア認証が時間内に完了しませんでした。',
      inProgress: '3Dセキュア認証の画面は既に開いています。',
      invalidId: '3Dセキュアの対象 ID が指定されていません。'
    },
    en: {
      title: '3-D Secure authentication',
      close: 'Close',
      canceled: '3-D Secure authentication was canceled.',
      popupBlocked: 'The 3-D Secure window could not be opened because the popup was blocked.',
      timeout: '3-D Secure authentication did not finish in time.',
      inProgress: 'The 3-D Secure screen is already open.',
      invalidId: 'No 3-D Secure object id was given.'
    }
  };

  function payjsError(code, message) {
    var error = new Error(message);
    error.code = code;
    return error;
  }

  function startUrl(publicKey, id, workflow) {
    return sandboxOrigin + '/v1/tds/' + encodeURIComponent(id) + '/start?publickey=' + encodeURIComponent(publicKey) +
      '&workflow=' + workflow + '&origin=' + encodeURIComponent(window.location.origin);
  }

  function fromChallenge(event, id, source) {
    var data = event.data;
    return event.origin === sandboxOrigin && source !== null && event.source === source &&
      data !== null && typeof data === 'object' && data.source === MESSAGE_SOURCE && data.id === id;
  }

  var openOverlay = null;

  function openIframe(publicKey, id, text) {
    return new Promise(function (resolve, reject) {
      if (typeof id !== 'string' || id === '') { reject(payjsError('invalid_id', text.invalidId)); return; }
      if (openOverlay) { reject(payjsError('in_progress', text.inProgress)); return; }
      var previousFocus = document.activeElement;
      var overlay = document.createElement('div');
      overlay.setAttribute('data-payjp-three-d-secure', 'iframe');
      overlay.setAttribute('role', 'dialog');
      overlay.setAttribute('aria-modal', 'true');
      overlay.setAttribute('aria-label', text.title);
      overlay.style.cssText = 'position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;display:flex;' +
        'align-items:center;justify-content:center;background:rgba(0,0,0,.5)';
      var panel = document.createElement('div');
      panel.style.cssText = 'position:relative;width:480px;max-width:100%;height:640px;max-height:100%;background:#fff;' +
        'border-radius:8px;overflow:hidden;box-shadow:0 4px 24px rgba(0,0,0,.3)';
      var close = document.createElement('button');
      close.type = 'button';
      close.setAttribute('aria-label', text.close);
      close.textContent = '\u00d7';
      close.style.cssText = 'position:absolute;top:4px;right:4px;width:32px;height:32px;font-size:20px;line-height:1;' +
        'border:0;border-radius:16px;background:#fff;color:#333;cursor:pointer';
      var frame = document.createElement('iframe');
      frame.title = text.title;
      frame.src = startUrl(publicKey, id, 'iframe');
      frame.style.cssText = 'display:block;width:100%;height:100%;border:0';
      panel.appendChild(frame);
      panel.appendChild(close);
      overlay.appendChild(panel);

      var settled = false;
      // A page (or a kit) may take the overlay away: that is a close, and nothing may stay behind.
      var removal = typeof MutationObserver === 'function' ? new MutationObserver(function () {
        if (!overlay.isConnected) settle(payjsError('canceled', text.canceled));
      }) : null;
      function settle(error) {
        if (settled) return;
        settled = true;
        if (removal) removal.disconnect();
        window.removeEventListener('message', onMessage);
        overlay.removeEventListener('keydown', onKeydown);
        close.removeEventListener('click', onClose);
        if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
        openOverlay = null;
        if (previousFocus && typeof previousFocus.focus === 'function') previousFocus.focus();
        if (error) reject(error); else resolve();
      }
      function onMessage(event) {
        if (!fromChallenge(event, id, frame.contentWindow)) return;
        if (event.data.type === COMPLETE) settle(null);
        else if (event.data.type === CANCELED) settle(payjsError('canceled', text.canceled));
      }
      function onClose() { settle(payjsError('canceled', text.canceled)); }
      function onKeydown(event) {
        if (event.key === 'Escape') { event.preventDefault(); onClose(); }
      }
      window.addEventListener('message', onMessage);
      overlay.addEventListener('keydown', onKeydown);
      close.addEventListener('click', onClose);
      openOverlay = overlay;
      document.body.appendChild(overlay);
      if (removal) removal.observe(document.body, { childList: true });
      frame.focus();
    });
  }

  function featureString(features) {
    var width = typeof features.width === 'number' ? features.width : 480;
    var height = typeof features.height === 'number' ? features.height : 640;
    var left = typeof features.left === 'number' ? features.left : Math.max(0, Math.round((window.screenX || 0) + ((window.outerWidth || width) - width) / 2));
    var top = typeof features.top === 'number' ? features.top : Math.max(0, Math.round((window.screenY || 0) + ((window.outerHeight || height) - height) / 2));
    var parts = ['width=' + width, 'height=' + height, 'left=' + left, 'top=' + top];
    if (features.popup !== false) parts.unshift('popup=yes');
    return parts.join(',');
  }

  function openDialog(publicKey, id, options, text) {
    var timeout = typeof options === 'number' ? options : options && typeof options.timeout === 'number' ? options.timeout : 0;
    var features = options && typeof options === 'object' && options.windowFeatures ? options.windowFeatures : {};
    return new Promise(function (resolve, reject) {
      if (typeof id !== 'string' || id === '') { reject(payjsError('invalid_id', text.invalidId)); return; }
      var popup = window.open(startUrl(publicKey, id, 'subwindow'), 'payjp-3ds', featureString(features));
      // Sandbox choice (PAY.JP does not document this): a blocked popup rejects at once.
      if (!popup) { reject(payjsError('popup_blocked', text.popupBlocked)); return; }
      var settled = false;
      var poll = null;
      var timer = null;
      function settle(error) {
        if (settled) return;
        settled = true;
        window.removeEventListener('message', onMessage);
        if (poll !== null) clearInterval(poll);
        if (timer !== null) clearTimeout(timer);
        if (error) reject(error); else resolve();
      }
      function onMessage(event) {
        if (!fromChallenge(event, id, popup)) return;
        if (event.data.type === COMPLETE) settle(null);
        else if (event.data.type === CANCELED) settle(payjsError('canceled', text.canceled));
      }
      window.addEventListener('message', onMessage);
      poll = setInterval(function () {
        if (popup.closed) settle(payjsError('canceled', text.canceled));
      }, POLL_MS);
      if (timeout > 0) {
        timer = setTimeout(function () {
          settle(payjsError('timeout', text.timeout));
          if (!popup.closed) popup.close();
        }, timeout);
      }
    });
  }

  function Payjp(publicKey, options) {
    if (typeof publicKey !== 'string' || publicKey === '') throw new TypeError('Payjp: a public key (pk_...) is required.');
    if (publicKey.indexOf('sk_') === 0) throw new Error('Payjp: never use a secret key (sk_...) in the browser; pass the public key (pk_...).');
    var settings = options || {};
    if (settings.threeDSecureWorkflow !== undefined && WORKFLOWS.indexOf(settings.threeDSecureWorkflow) < 0) {
      throw new TypeError('Payjp: threeDSecureWorkflow must be iframe, subwindow or redirect.');
    }
    var text = settings.locale === 'en' ? TEXT.en : TEXT.ja;
    return {
      getPublicKey: function () { return publicKey; },
      openThreeDSecureIframe: function (id) { return openIframe(publicKey, id, text); },
      openThreeDSecureDialog: function (id, dialogOptions) { return openDialog(publicKey, id, dialogOptions, text); }
      // elements() and createToken(element, data, options) go here (token 3-D Secure uses
      // settings.threeDSecureWorkflow to choose iframe / subwindow / redirect).
    };
  }

  window.Payjp = Payjp;
})();
`;
