/**
 * Source of the stand-in pay.js served at `/payjs/v2/pay.js`: a plain ES5 script (no modules, no
 * build step) that defines only `window.Payjp`. It finds the sandbox from its own `src`, so it
 * works on whichever origin serves it. Kept as a string so the sandbox ships it without assets.
 *
 * Surface (payjs v2): `Payjp(publicKey, { threeDSecureWorkflow?, locale? })` returning
 * `{ getPublicKey, openThreeDSecureIframe, openThreeDSecureDialog, elements, createToken }`.
 * Elements are plain labelled inputs in the page, not PAY.JP's cross-origin iframes.
 * The sandbox's pay.js options (payjsOverlay, payjsHelperFrames, payjsRejection, payjsLanguage,
 * popupBlocking, payjsDefaultWorkflow, validationErrorShape) are written in where the source says
 * `@PAYJS_DEFAULTS@`, and the script's own URL query overrides them per page.
 * `createToken` resolves `{ error }` instead of rejecting; with `three_d_secure: true` it runs the
 * iframe or sub-window challenge and finishes the token (`redirect`: returns it unfinished).
 */
export const PAYJS_SOURCE = String.raw`/* react-3ds-kit sandbox: stand-in for https://js.pay.jp/v2/pay.js. Not PAY.JP's code. */
(function () {
  'use strict';
  var script = document.currentScript;
  var scriptUrl = script && script.src ? new URL(script.src, window.location.href) : null;
  var sandboxOrigin = scriptUrl ? scriptUrl.origin : window.location.origin;
  var MESSAGE_SOURCE = 'payjp-sandbox';
  var COMPLETE = 'three-d-secure-complete';
  var CANCELED = 'three-d-secure-canceled';
  var POLL_MS = 250;
  var WORKFLOWS = ['iframe', 'subwindow', 'redirect'];
  var FRAME_PATH = '/payjs/v2/three-d-secure-frame';
  var TUNNEL_PATH = '/payjs/v2/apitunnel.html';

  // The sandbox's pay.js options (createSandbox({ payjp })), then this page's overrides from the
  // script URL's query (?payjsOverlay=container&…), so one sandbox serves a whole variant matrix.
  var CONFIG = (function (defaults) {
    var allowed = {
      payjsOverlay: ['body-child', 'foreign-frame', 'container'],
      payjsHelperFrames: ['true', 'false'],
      payjsRejection: ['error', 'object', 'nested', 'undefined'],
      payjsLanguage: ['ja', 'en'],
      popupBlocking: ['reject', 'null-window'],
      payjsDefaultWorkflow: WORKFLOWS,
      validationErrorShape: ['with-status', 'without-status']
    };
    var config = {};
    for (var name in defaults) if (Object.prototype.hasOwnProperty.call(defaults, name)) config[name] = defaults[name];
    if (scriptUrl) {
      for (var key in allowed) {
        if (!Object.prototype.hasOwnProperty.call(allowed, key)) continue;
        var value = scriptUrl.searchParams.get(key);
        if (value === null) continue;
        if (allowed[key].indexOf(value) < 0) throw new TypeError('pay.js (sandbox): ' + key + ' must be one of ' + allowed[key].join(', '));
        config[key] = key === 'payjsHelperFrames' ? value === 'true' : value;
      }
    }
    return config;
  })(/*@PAYJS_DEFAULTS@*/{ payjsOverlay: 'body-child', payjsHelperFrames: true, payjsRejection: 'error', payjsLanguage: 'ja', popupBlocking: 'reject', payjsDefaultWorkflow: 'subwindow', validationErrorShape: 'without-status' });

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
      popupBlocked: 'The 3-D Secure window could not be opened because it was prevented by the browser.',
      timeout: '3-D Secure authentication did not finish in time.',
      inProgress: 'The 3-D Secure screen is already open.',
      invalidId: 'No 3-D Secure object id was given.'
    }
  };
  // Rejection and validation messages speak payjsLanguage (not the Payjp locale): which language
  // real pay.js uses for them is not documented.
  var MESSAGES = TEXT[CONFIG.payjsLanguage];

  /** What openThreeDSecureIframe / Dialog reject with, in the configured shape (payjsRejection). */
  function payjsError(code, message, forToken) {
    // createToken turns its own openers' failures into { error: { code, message } } (see createToken).
    if (forToken) return { code: code, message: message };
    if (CONFIG.payjsRejection === 'undefined') return undefined;
    if (CONFIG.payjsRejection === 'object') return { code: code, message: message };
    if (CONFIG.payjsRejection === 'nested') return { error: { code: code, message: message } };
    var error = new Error(message);
    error.code = code;
    return error;
  }

  /** Reads a code and message back from any rejection shape (for createToken's { error }). */
  function readRejection(rejection, fallbackCode, fallbackMessage) {
    var record = rejection && typeof rejection === 'object' && rejection.error ? rejection.error : rejection;
    return {
      code: record && typeof record.code === 'string' ? record.code : fallbackCode,
      message: record && typeof record.message === 'string' ? record.message : fallbackMessage
    };
  }

  function startQuery(publicKey, workflow) {
    return '?publickey=' + encodeURIComponent(publicKey) + '&workflow=' + workflow + '&origin=' + encodeURIComponent(window.location.origin);
  }

  function startUrl(publicKey, id, workflow) {
    return sandboxOrigin + '/v1/tds/' + encodeURIComponent(id) + '/start' + startQuery(publicKey, workflow);
  }

  /** The iframe's src: the API's start page, or (foreign-frame) a hosted frame on another path. */
  function frameUrl(publicKey, id) {
    if (CONFIG.payjsOverlay !== 'foreign-frame') return startUrl(publicKey, id, 'iframe');
    return sandboxOrigin + FRAME_PATH + startQuery(publicKey, 'iframe') + '&id=' + encodeURIComponent(id);
  }

  /** A hidden helper iframe, as real pay.js keeps an API tunnel frame on the page. */
  function helperFrame(style) {
    var frame = document.createElement('iframe');
    frame.src = sandboxOrigin + TUNNEL_PATH;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = style;
    document.body.appendChild(frame);
    return frame;
  }

  function fromChallenge(event, id, source) {
    var data = event.data;
    return event.origin === sandboxOrigin && source !== null && event.source === source &&
      data !== null && typeof data === 'object' && data.source === MESSAGE_SOURCE && data.id === id;
  }

  var BACKDROP_STYLE = 'position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;align-items:center;' +
    'justify-content:center;background:rgba(0,0,0,.5)';
  var openOverlay = null;

  /** payjsOverlay 'container': one container per Payjp(), hidden until a challenge shows in it. */
  function createContainer() {
    var container = document.createElement('div');
    container.style.cssText = BACKDROP_STYLE + ';display:none';
    document.body.appendChild(container);
    return container;
  }

  function openIframe(publicKey, id, text, shared, forToken) {
    return new Promise(function (resolve, reject) {
      if (typeof id !== 'string' || id === '') { reject(payjsError('invalid_id', MESSAGES.invalidId, forToken)); return; }
      if (openOverlay) { reject(payjsError('in_progress', MESSAGES.inProgress, forToken)); return; }
      var previousFocus = document.activeElement;
      var inContainer = CONFIG.payjsOverlay === 'container';
      if (inContainer && (!shared.container || !shared.container.isConnected)) shared.container = createContainer();
      var overlay = inContainer ? shared.container : document.createElement('div');
      if (!inContainer) overlay.style.cssText = BACKDROP_STYLE + ';display:flex';
      var panel = document.createElement('div');
      panel.setAttribute('role', 'dialog');
      panel.setAttribute('aria-modal', 'true');
      panel.setAttribute('aria-label', text.title);
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
      frame.src = frameUrl(publicKey, id);
      frame.style.cssText = 'display:block;width:100%;height:100%;border:0';
      panel.appendChild(frame);
      panel.appendChild(close);
      overlay.appendChild(panel);

      var settled = false;
      var helper = null;
      // A page (or a kit) may take the challenge away: that is a close, and nothing may stay behind.
      var removal = typeof MutationObserver === 'function' ? new MutationObserver(function () {
        if (!frame.isConnected) settle(payjsError('canceled', MESSAGES.canceled, forToken));
      }) : null;
      function settle(error) {
        if (settled) return;
        settled = true;
        if (removal) removal.disconnect();
        window.removeEventListener('message', onMessage);
        overlay.removeEventListener('keydown', onKeydown);
        close.removeEventListener('click', onClose);
        if (inContainer) {
          if (panel.parentNode) panel.parentNode.removeChild(panel);
          overlay.style.display = 'none';
        } else if (overlay.parentNode) {
          overlay.parentNode.removeChild(overlay);
        }
        if (helper && helper.parentNode) helper.parentNode.removeChild(helper);
        openOverlay = null;
        if (previousFocus && typeof previousFocus.focus === 'function') previousFocus.focus();
        if (error === null) resolve(); else reject(error);
      }
      function onMessage(event) {
        if (!fromChallenge(event, id, frame.contentWindow)) return;
        if (event.data.type === COMPLETE) settle(null);
        else if (event.data.type === CANCELED) settle(payjsError('canceled', MESSAGES.canceled, forToken));
      }
      function onClose() { settle(payjsError('canceled', MESSAGES.canceled, forToken)); }
      function onKeydown(event) {
        if (event.key === 'Escape') { event.preventDefault(); onClose(); }
      }
      window.addEventListener('message', onMessage);
      overlay.addEventListener('keydown', onKeydown);
      close.addEventListener('click', onClose);
      openOverlay = overlay;
      if (inContainer) overlay.style.display = 'flex';
      else document.body.appendChild(overlay);
      if (CONFIG.payjsHelperFrames) helper = helperFrame('position:absolute;width:0;height:0;border:0');
      if (removal) removal.observe(document.body, { childList: true, subtree: true });
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

  /** Resolves, rejects, or (popupBlocking 'null-window', documented) never settles when blocked. */
  function openDialog(publicKey, id, options, forToken) {
    var timeout = typeof options === 'number' ? options : options && typeof options.timeout === 'number' ? options.timeout : 0;
    var features = options && typeof options === 'object' && options.windowFeatures ? options.windowFeatures : {};
    return new Promise(function (resolve, reject) {
      if (typeof id !== 'string' || id === '') { reject(payjsError('invalid_id', MESSAGES.invalidId, forToken)); return; }
      var popup = window.open(startUrl(publicKey, id, 'subwindow'), 'payjp-3ds', featureString(features));
      if (!popup) {
        // Sandbox choices (PAY.JP does not document this): reject at once, or leave the promise
        // pending, so the page has only window.open's null to go by (createToken always reports it).
        if (CONFIG.popupBlocking === 'reject' || forToken) reject(payjsError('popup_blocked', MESSAGES.popupBlocked, forToken));
        return;
      }
      var settled = false;
      var poll = null;
      var timer = null;
      function settle(error) {
        if (settled) return;
        settled = true;
        window.removeEventListener('message', onMessage);
        if (poll !== null) clearInterval(poll);
        if (timer !== null) clearTimeout(timer);
        if (error === null) resolve(); else reject(error);
      }
      function onMessage(event) {
        if (!fromChallenge(event, id, popup)) return;
        if (event.data.type === COMPLETE) settle(null);
        else if (event.data.type === CANCELED) settle(payjsError('canceled', MESSAGES.canceled, forToken));
      }
      window.addEventListener('message', onMessage);
      poll = setInterval(function () {
        if (popup.closed) settle(payjsError('canceled', MESSAGES.canceled, forToken));
      }, POLL_MS);
      if (timeout > 0) {
        timer = setTimeout(function () {
          settle(payjsError('timeout', MESSAGES.timeout, forToken));
          if (!popup.closed) popup.close();
        }, timeout);
      }
    });
  }

  // ---- Elements: plain, labelled inputs in the page (real pay.js renders cross-origin iframes). ----

  var FIELDS_OF = { card: ['number', 'expiry', 'cvc'], cardNumber: ['number'], cardExpiry: ['expiry'], cardCvc: ['cvc'] };
  var ELEMENT_EVENTS = ['change', 'ready', 'focus', 'blur'];
  var AUTOCOMPLETE = { number: 'cc-number', expiry: 'cc-exp', cvc: 'cc-csc' };
  var PLACEHOLDER = { number: '1234 5678 9012 3456', expiry: 'MM / YY', cvc: 'CVC' };
  var MAX_LENGTH = { number: 23, expiry: 9, cvc: 4 };
  var CARDHOLDER_KEYS = ['name', 'email', 'phone', 'address_state', 'address_city', 'address_line1', 'address_line2', 'address_zip', 'country'];
  var FIELD_TEXT = {
    ja: {
      number: 'カード番号',
      expiry: '有効期限 (MM/YY)',
      cvc: 'セキュリティコード',
      invalid_number: 'カード番号が正しくありません。',
      incomplete_number: 'カード番号が入力途中です。',
      invalid_expiry_month: '有効期限の月が正しくありません。',
      invalid_expiry_year: '有効期限の年が正しくありません。',
      invalid_expiry_month_past: '有効期限が過ぎています。',
      invalid_expiry_year_past: '有効期限の年が過ぎています。',
      incomplete_expiry: '有効期限が入力途中です。',
      invalid_cvc: 'セキュリティコードが正しくありません。',
      incomplete_cvc: 'セキュリティコードが入力途中です。',
      invalid_element: 'マウントされた payjs のカード入力欄を渡してください。',
      network_error: 'PAY.JP に接続できませんでした。'
    },
    en: {
      number: 'Card number',
      expiry: 'Expiry date (MM/YY)',
      cvc: 'Security code',
      invalid_number: 'Your card number is invalid.',
      incomplete_number: 'Your card number is incomplete.',
      invalid_expiry_month: 'Your card expiry month is invalid.',
      invalid_expiry_year: 'Your card expiry year is invalid.',
      invalid_expiry_month_past: 'Your card has expired.',
      invalid_expiry_year_past: 'Your card expiry year is in the past.',
      incomplete_expiry: 'Your card expiry date is incomplete.',
      invalid_cvc: 'Your security code is invalid.',
      incomplete_cvc: 'Your security code is incomplete.',
      invalid_element: 'Pass a mounted payjs card element.',
      network_error: 'Could not reach PAY.JP.'
    }
  };
  var elementSeq = 0;
  var registry = [];

  function digitsOf(value) { return String(value).replace(/\D/g, ''); }

  function brandOf(digits) {
    var two = Number(digits.slice(0, 2));
    var four = digits.length >= 4 ? Number(digits.slice(0, 4)) : -1;
    if (digits.charAt(0) === '4') return 'Visa';
    if ((digits.length >= 2 && two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MasterCard';
    if (four >= 3528 && four <= 3589) return 'JCB';
    if (two === 34 || two === 37) return 'American Express';
    if (two === 36 || two === 38 || (four >= 3000 && four <= 3059)) return 'Diners Club';
    if (digits.indexOf('6011') === 0 || two === 65) return 'Discover';
    return 'unknown';
  }

  function numberLength(brand) { return brand === 'American Express' ? 15 : brand === 'Diners Club' ? 14 : 16; }

  function luhn(digits) {
    var sum = 0;
    for (var i = 0; i < digits.length; i += 1) {
      var digit = Number(digits.charAt(digits.length - 1 - i));
      if (i % 2 === 1) { digit *= 2; if (digit > 9) digit -= 9; }
      sum += digit;
    }
    return sum % 10 === 0;
  }

  function formatNumber(digits, brand) {
    var groups = brand === 'American Express' || brand === 'Diners Club' ? [4, 6, 5] : [4, 4, 4, 4];
    var parts = [];
    var at = 0;
    for (var i = 0; i < groups.length && at < digits.length; i += 1) { parts.push(digits.slice(at, at + groups[i])); at += groups[i]; }
    return parts.join(' ');
  }

  /** Digits MMYY from what was typed or filled: '1235', '12 / 35', '12/2035', '4' (→ '04'). */
  function expiryDigits(raw) {
    var text = String(raw);
    var slash = text.indexOf('/');
    var digits;
    if (slash >= 0) {
      var month = digitsOf(text.slice(0, slash));
      var year = digitsOf(text.slice(slash + 1));
      if (month.length === 1) month = '0' + month;
      if (year.length === 4) year = year.slice(2);
      digits = month + year;
    } else {
      digits = digitsOf(text);
    }
    if (digits.length === 1 && digits > '1') digits = '0' + digits;
    return digits.slice(0, 4);
  }

  function formatExpiry(digits) { return digits.length > 2 ? digits.slice(0, 2) + ' / ' + digits.slice(2) : digits; }

  /** { empty, complete, error (code or null) } of one field. 'mode': 'typing' | 'blur' | 'submit'. */
  function checkField(field, values, mode) {
    var digits = values[field];
    var empty = digits === '';
    var incomplete = mode === 'submit' || (mode === 'blur' && !empty) ? 'incomplete_' + field : null;
    var brand = brandOf(values.number);
    if (field === 'number') {
      if (digits.length < numberLength(brand)) return { empty: empty, complete: false, error: incomplete };
      return luhn(digits) ? { empty: false, complete: true, error: null } : { empty: false, complete: false, error: 'invalid_number' };
    }
    if (field === 'expiry') {
      var month = Number(digits.slice(0, 2));
      if (digits.length >= 2 && (month < 1 || month > 12)) return { empty: false, complete: false, error: 'invalid_expiry_month' };
      if (digits.length < 4) return { empty: empty, complete: false, error: incomplete === null ? null : 'incomplete_expiry' };
      var year = 2000 + Number(digits.slice(2));
      var now = new Date();
      var nowMonths = now.getFullYear() * 12 + now.getMonth() + 1;
      if (year < now.getFullYear()) return { empty: false, complete: false, error: 'invalid_expiry_year_past' };
      if (year * 12 + month < nowMonths) return { empty: false, complete: false, error: 'invalid_expiry_month_past' };
      if (year > now.getFullYear() + 20) return { empty: false, complete: false, error: 'invalid_expiry_year' };
      return { empty: false, complete: true, error: null };
    }
    var min = brand === 'American Express' ? 4 : 3;
    var max = brand === 'unknown' || brand === 'American Express' ? 4 : 3;
    if (digits.length > max) return { empty: false, complete: false, error: 'invalid_cvc' };
    if (digits.length < min) return { empty: empty, complete: false, error: incomplete === null ? null : 'incomplete_cvc' };
    return { empty: false, complete: true, error: null };
  }

  /**
   * The code pay.js reports for a field check: TYPEDEF's union names incomplete_error,
   * invalid_number, invalid_expiry_year_past and invalid_expiry_month_past; the other invalid_*
   * codes (month 13, a year too far ahead, a too-long cvc) are sandbox guesses.
   */
  function publicCode(check) { return check.indexOf('incomplete_') === 0 ? 'incomplete_error' : check; }

  function fieldError(check, messages) { return { code: publicCode(check), message: messages[check] || check, type: 'validation_error' }; }

  function clientError(code, message, status) {
    var error = { code: code, message: message, type: 'client_error' };
    if (status !== undefined) error.status = status;
    return { error: error };
  }

  /** A createToken validation failure; 'status: 400' only with validationErrorShape 'with-status'. */
  function validationError(code, message) {
    return clientError(code, message, CONFIG.validationErrorShape === 'with-status' ? 400 : undefined);
  }

  /** Rethrows a handler's exception without breaking the caller (like an event listener's). */
  function callSafely(fn, arg) {
    try { fn(arg); } catch (error) { setTimeout(function () { throw error; }, 0); }
  }

  var STYLE_STATES = ['empty', 'complete', 'invalid'];

  /** style { base, empty, complete, invalid } (TYPEDEF's keys): base, then the states that hold. */
  function applyStyle(input, style, states) {
    function part(name) { return style && style[name] && typeof style[name] === 'object' ? style[name] : {}; }
    function set(key, value) {
      if (key.charAt(0) === ':' || (typeof value !== 'string' && typeof value !== 'number')) return;
      if (key.indexOf('-') >= 0) input.style.setProperty(key, String(value)); else input.style[key] = String(value);
    }
    var base = part('base');
    var key;
    var i;
    for (i = 0; i < STYLE_STATES.length; i += 1) {
      var extra = part(STYLE_STATES[i]);
      for (key in extra) if (Object.prototype.hasOwnProperty.call(extra, key) && !Object.prototype.hasOwnProperty.call(base, key)) set(key, '');
    }
    for (key in base) if (Object.prototype.hasOwnProperty.call(base, key)) set(key, base[key]);
    for (i = 0; i < STYLE_STATES.length; i += 1) {
      if (!states[STYLE_STATES[i]]) continue;
      var on = part(STYLE_STATES[i]);
      for (key in on) if (Object.prototype.hasOwnProperty.call(on, key)) set(key, on[key]);
    }
  }

  /** Sets a formatted value, keeping the caret after the same number of digits. */
  function setFormatted(input, formatted) {
    if (input.value === formatted) return;
    var caret = input.selectionStart;
    var atEnd = caret === null || caret >= input.value.length;
    var digitsBefore = caret === null ? 0 : digitsOf(input.value.slice(0, caret)).length;
    input.value = formatted;
    if (atEnd || document.activeElement !== input) return;
    var position = 0;
    var seen = 0;
    while (position < formatted.length && seen < digitsBefore) {
      if (/\d/.test(formatted.charAt(position))) seen += 1;
      position += 1;
    }
    try { input.setSelectionRange(position, position); } catch (ignore) { /* not a text input */ }
  }

  function createElement(group, type, options) {
    if (!Object.prototype.hasOwnProperty.call(FIELDS_OF, type)) {
      throw new TypeError('payjs: elements.create() takes card, cardNumber, cardExpiry or cardCvc.');
    }
    var settings = options || {};
    var text = group.text;
    var messages = group.messages;
    var fields = FIELDS_OF[type];
    var handlers = { change: [], ready: [], focus: [], blur: [] };
    var blurred = { number: false, expiry: false, cvc: false };
    var state = { mounted: false, wrapper: null, inputs: {}, dom: [], readyTimer: null, lastError: null };

    function emit(event, arg) {
      var list = handlers[event] ? handlers[event].slice() : [];
      for (var i = 0; i < list.length; i += 1) callSafely(list[i], arg);
    }

    function listen(target, name, fn) {
      target.addEventListener(name, fn);
      state.dom.push([target, name, fn]);
    }

    function changeEvent() {
      var event = { elementType: type, empty: true, complete: true };
      var error = null;
      for (var i = 0; i < fields.length; i += 1) {
        var field = fields[i];
        var check = checkField(field, group.values, blurred[field] ? 'blur' : 'typing');
        if (!check.empty) event.empty = false;
        if (!check.complete) event.complete = false;
        if (error === null && check.error !== null) error = check.error;
        var input = state.inputs[field];
        if (input) {
          input.setAttribute('aria-invalid', check.error === null ? 'false' : 'true');
          applyStyle(input, settings.style, { empty: check.empty, complete: check.complete, invalid: check.error !== null });
        }
      }
      if (fields.indexOf('number') >= 0) event.brand = brandOf(group.values.number);
      if (error !== null) event.error = fieldError(error, messages);
      state.lastError = error;
      return event;
    }

    function onInput(field, input) {
      var digits;
      if (field === 'number') {
        digits = digitsOf(input.value);
        var brand = brandOf(digits);
        digits = digits.slice(0, brand === 'unknown' ? 19 : numberLength(brand));
        setFormatted(input, formatNumber(digits, brand));
      } else if (field === 'expiry') {
        digits = expiryDigits(input.value);
        setFormatted(input, formatExpiry(digits));
      } else {
        digits = digitsOf(input.value).slice(0, 4);
        setFormatted(input, digits);
      }
      group.values[field] = digits;
      blurred[field] = false;
      emit('change', changeEvent());
    }

    function onFieldBlur(field) {
      blurred[field] = true;
      var before = state.lastError;
      var event = changeEvent();
      if (state.lastError !== before) emit('change', event);
    }

    function render(target) {
      elementSeq += 1;
      var wrapper = document.createElement('div');
      wrapper.setAttribute('data-payjs-element', type);
      wrapper.style.cssText = fields.length > 1 ? 'display:flex;flex-wrap:wrap;gap:8px' : '';
      for (var i = 0; i < fields.length; i += 1) {
        var field = fields[i];
        var id = 'payjs-sandbox-' + elementSeq + '-' + field;
        var box = document.createElement('div');
        box.style.cssText = 'display:flex;flex-direction:column;gap:2px;' + (field === 'number' ? 'flex:2 1 12em' : 'flex:1 1 6em');
        var label = document.createElement('label');
        label.setAttribute('for', id);
        label.textContent = text[field];
        var input = document.createElement('input');
        input.id = id;
        input.type = 'text';
        input.setAttribute('inputmode', 'numeric');
        input.setAttribute('autocomplete', AUTOCOMPLETE[field]);
        input.setAttribute('data-payjs-field', field);
        input.setAttribute('spellcheck', 'false');
        input.setAttribute('aria-invalid', 'false');
        input.maxLength = MAX_LENGTH[field];
        // No name: the card data must never be posted with the shop's own form.
        input.placeholder = fields.length === 1 && typeof settings.placeholder === 'string' ? settings.placeholder : PLACEHOLDER[field];
        input.style.cssText = 'font:inherit;padding:6px 8px;border:1px solid #888;border-radius:4px;min-width:0';
        applyStyle(input, settings.style, { empty: true, complete: false, invalid: false });
        var values = group.values;
        input.value = field === 'number' ? formatNumber(values.number, brandOf(values.number)) : field === 'expiry' ? formatExpiry(values.expiry) : values.cvc;
        (function (f, el) {
          listen(el, 'input', function () { onInput(f, el); });
          listen(el, 'blur', function () { onFieldBlur(f); });
        })(field, input);
        state.inputs[field] = input;
        box.appendChild(label);
        box.appendChild(input);
        wrapper.appendChild(box);
      }
      // focus / blur of the element as a whole (moving between its own inputs is neither).
      listen(wrapper, 'focusin', function (event) {
        if (!event.relatedTarget || !wrapper.contains(event.relatedTarget)) emit('focus', { elementType: type });
      });
      listen(wrapper, 'focusout', function (event) {
        if (!event.relatedTarget || !wrapper.contains(event.relatedTarget)) emit('blur', { elementType: type });
      });
      target.appendChild(wrapper);
      state.wrapper = wrapper;
    }

    function detach() {
      if (state.readyTimer !== null) clearTimeout(state.readyTimer);
      state.readyTimer = null;
      for (var i = 0; i < state.dom.length; i += 1) state.dom[i][0].removeEventListener(state.dom[i][1], state.dom[i][2]);
      state.dom = [];
      if (state.wrapper && state.wrapper.parentNode) state.wrapper.parentNode.removeChild(state.wrapper);
      state.wrapper = null;
      state.inputs = {};
      state.mounted = false;
      for (var field in blurred) if (Object.prototype.hasOwnProperty.call(blurred, field)) blurred[field] = false;
    }

    var api = {
      mount: function (target) {
        var node = typeof target === 'string' ? document.querySelector(target) : target;
        if (!node || node.nodeType !== 1) throw new Error('payjs: mount target not found: ' + String(target));
        if (state.mounted) detach();
        render(node);
        state.mounted = true;
        state.readyTimer = setTimeout(function () {
          state.readyTimer = null;
          emit('ready', { elementType: type });
        }, 0);
      },
      /** Empties this element's fields (GH-SAMPLE calls it after a token is made). */
      clear: function () {
        for (var i = 0; i < fields.length; i += 1) {
          group.values[fields[i]] = '';
          blurred[fields[i]] = false;
          if (state.inputs[fields[i]]) state.inputs[fields[i]].value = '';
        }
        if (state.mounted) emit('change', changeEvent());
      },
      unmount: function () {
        detach();
        for (var event in handlers) if (Object.prototype.hasOwnProperty.call(handlers, event)) handlers[event] = [];
      },
      on: function (event, handler) {
        if (ELEMENT_EVENTS.indexOf(event) < 0) throw new TypeError('payjs: element.on() takes change, ready, focus or blur.');
        if (typeof handler === 'function') handlers[event].push(handler);
        return api;
      },
      off: function (event, handler) {
        var list = handlers[event];
        if (!list) return api;
        for (var i = list.length - 1; i >= 0; i -= 1) if (list[i] === handler) list.splice(i, 1);
        return api;
      }
    };
    registry.push({ api: api, group: group, isMounted: function () { return state.mounted; } });
    return api;
  }

  function createElements(options, fallbackLocale) {
    var locale = options && options.locale === 'en' ? 'en' : options && options.locale === 'ja' ? 'ja' : fallbackLocale;
    var group = { text: FIELD_TEXT[locale], messages: FIELD_TEXT[CONFIG.payjsLanguage], values: { number: '', expiry: '', cvc: '' } };
    return { create: function (type, elementOptions) { return createElement(group, type, elementOptions); } };
  }

  function entryOf(element) {
    for (var i = 0; i < registry.length; i += 1) if (registry[i].api === element) return registry[i];
    return null;
  }

  function formBody(pairs) {
    var parts = [];
    for (var i = 0; i < pairs.length; i += 1) parts.push(encodeURIComponent(pairs[i][0]) + '=' + encodeURIComponent(pairs[i][1]));
    return parts.join('&');
  }

  /** A '/v1' call with the public key; resolves { body } or { error } (PAY.JP's error, or network_error). */
  function callApi(publicKey, path, pairs, text) {
    return fetch(sandboxOrigin + '/v1' + path, {
      method: 'POST',
      credentials: 'omit',
      headers: { Authorization: 'Basic ' + btoa(publicKey + ':'), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formBody(pairs)
    }).then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) return { body: body };
        return body && body.error ? { error: body.error } : clientError('network_error', text.network_error, response.status);
      });
    }).catch(function () {
      return clientError('network_error', text.network_error);
    });
  }

  function createToken(publicKey, workflow, text3ds, shared, element, data, dialogOptions) {
    var entry = entryOf(element);
    var text = FIELD_TEXT[CONFIG.payjsLanguage];
    if (!entry || !entry.isMounted()) return Promise.resolve(validationError('invalid_element', text.invalid_element));
    var values = entry.group.values;
    var fields = ['number', 'expiry', 'cvc'];
    for (var i = 0; i < fields.length; i += 1) {
      var check = checkField(fields[i], values, 'submit');
      if (check.error !== null) return Promise.resolve(validationError(publicCode(check.error), text[check.error]));
    }
    var input = data || {};
    var pairs = [
      ['card[number]', values.number],
      ['card[exp_month]', String(Number(values.expiry.slice(0, 2)))],
      ['card[exp_year]', '20' + values.expiry.slice(2)],
      ['card[cvc]', values.cvc]
    ];
    var holder = input.card || {};
    for (var k = 0; k < CARDHOLDER_KEYS.length; k += 1) {
      var value = holder[CARDHOLDER_KEYS[k]];
      if (value !== undefined && value !== null && value !== '') pairs.push(['card[' + CARDHOLDER_KEYS[k] + ']', String(value)]);
    }
    var threeDSecure = input.three_d_secure === true;
    if (threeDSecure) pairs.push(['three_d_secure', 'true']);
    return callApi(publicKey, '/tokens', pairs, text).then(function (created) {
      if (created.error) return { error: created.error };
      var token = created.body;
      // The token says whether it runs 3-D Secure (the flag, or the account's "every token" setting).
      var needsChallenge = token.card && token.card.three_d_secure_status === 'unverified';
      if (!needsChallenge || workflow === 'redirect') return token;
      var opened = workflow === 'subwindow'
        ? openDialog(publicKey, token.id, dialogOptions, true)
        : openIframe(publicKey, token.id, text3ds, shared, true);
      return opened.then(function () {
        // pay.js finishes iframe / sub-window token flows itself (the shop's server charges the token directly).
        return callApi(publicKey, '/tokens/' + encodeURIComponent(token.id) + '/tds_finish', [], text).then(function (finished) {
          return finished.error ? { error: finished.error } : finished.body;
        });
      }, function (rejection) {
        var read = readRejection(rejection, 'canceled', MESSAGES.canceled);
        return clientError(read.code, read.message);
      });
    });
  }

  // The page-wide hidden helper frame (payjsHelperFrames), made by the first Payjp().
  var tunnel = null;

  function Payjp(publicKey, options) {
    if (typeof publicKey !== 'string' || publicKey === '') throw new TypeError('Payjp: a public key (pk_...) is required.');
    if (publicKey.indexOf('sk_') === 0) throw new Error('Payjp: never use a secret key (sk_...) in the browser; pass the public key (pk_...).');
    var settings = options || {};
    if (settings.threeDSecureWorkflow !== undefined && WORKFLOWS.indexOf(settings.threeDSecureWorkflow) < 0) {
      throw new TypeError('Payjp: threeDSecureWorkflow must be iframe, subwindow or redirect.');
    }
    var locale = settings.locale === 'en' ? 'en' : 'ja';
    var text = TEXT[locale];
    var workflow = settings.threeDSecureWorkflow || CONFIG.payjsDefaultWorkflow;
    // What this instance keeps on the page: the challenge container (payjsOverlay 'container').
    var shared = { container: null };
    if (CONFIG.payjsOverlay === 'container' && document.body) shared.container = createContainer();
    if (CONFIG.payjsHelperFrames && document.body && (!tunnel || !tunnel.isConnected)) tunnel = helperFrame('display:none');
    return {
      getPublicKey: function () { return publicKey; },
      openThreeDSecureIframe: function (id) { return openIframe(publicKey, id, text, shared); },
      openThreeDSecureDialog: function (id, dialogOptions) { return openDialog(publicKey, id, dialogOptions, false); },
      elements: function (elementsOptions) { return createElements(elementsOptions, locale); },
      createToken: function (element, data, dialogOptions) { return createToken(publicKey, workflow, text, shared, element, data, dialogOptions); }
    };
  }

  window.Payjp = Payjp;
})();
`;

/** The stand-in pay.js options written into the served script (the page's query overrides them). */
export interface PayjsDefaults {
  payjsOverlay: 'body-child' | 'foreign-frame' | 'container';
  payjsHelperFrames: boolean;
  payjsRejection: 'error' | 'object' | 'nested' | 'undefined';
  payjsLanguage: 'ja' | 'en';
  popupBlocking: 'reject' | 'null-window';
  payjsDefaultWorkflow: 'iframe' | 'subwindow' | 'redirect';
  validationErrorShape: 'with-status' | 'without-status';
}

const DEFAULTS_SLOT = /\/\*@PAYJS_DEFAULTS@\*\/\{[^}]*\}/;

/** The stand-in's source with `defaults` in place of its built-in ones. */
export function payjsSource(defaults: PayjsDefaults): string {
  return PAYJS_SOURCE.replace(DEFAULTS_SLOT, () => JSON.stringify(defaults));
}
