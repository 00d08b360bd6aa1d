/**
 * Installed in the probe page before pay.js runs (top frame only). It observes and never changes
 * the DOM: body children and iframes get ids in a WeakMap, `window.open` is wrapped only to record
 * its answer, and `track` records how a pay.js promise settled, described as plain data.
 */
export const PAGE_SCRIPT = String.raw`(function () {
  if (window.top !== window || window.opener || location.pathname !== '/probe') return;
  var ids = new WeakMap();
  var next = 1;
  function idOf(node) { if (!ids.has(node)) ids.set(node, next++); return ids.get(node); }
  var opens = [];
  var nativeOpen = window.open;
  window.open = function () {
    var opened = nativeOpen.apply(window, arguments);
    opens.push({ blocked: opened === null || opened === undefined });
    return opened;
  };
  function text(value) { return typeof value === 'string' ? value : value === undefined ? undefined : String(value); }
  function describe(value) {
    if (value === undefined) return { kind: 'undefined' };
    if (value === null) return { kind: 'null' };
    if (value instanceof Error) return { kind: 'error', code: text(value.code), message: value.message, status: value.status };
    if (typeof value === 'object') {
      var inner = value.error;
      if (inner && typeof inner === 'object') {
        return { kind: 'nested', code: text(inner.code), message: text(inner.message), status: inner.status, type: text(inner.type), keys: Object.keys(value) };
      }
      var card = value.card && typeof value.card === 'object' ? value.card : null;
      return { kind: 'object', code: text(value.code), message: text(value.message), status: value.status, type: text(value.type), keys: Object.keys(value),
        id: text(value.id), threeDSecureStatus: card ? card.three_d_secure_status : undefined };
    }
    return { kind: typeof value, message: String(value) };
  }
  function topChild(node) {
    while (node && node.parentElement && node.parentElement !== document.body) node = node.parentElement;
    return node && node.parentElement === document.body ? node : null;
  }
  var results = {};
  window.__conformance = {
    opens: function () { return opens.slice(); },
    bodyChildren: function () { return Array.prototype.map.call(document.body.children, idOf); },
    frames: function () {
      return Array.prototype.map.call(document.querySelectorAll('iframe'), function (frame) {
        var box = frame.getBoundingClientRect();
        var style = getComputedStyle(frame);
        var top = topChild(frame);
        return { id: idOf(frame), src: frame.src, bodyChild: top ? idOf(top) : null,
          visible: box.width >= 40 && box.height >= 40 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0 };
      });
    },
    closeControl: function (bodyChildId) {
      var root = null;
      for (var i = 0; i < document.body.children.length; i += 1) if (idOf(document.body.children[i]) === bodyChildId) root = document.body.children[i];
      if (!root) return null;
      var controls = root.querySelectorAll('button, [role="button"]');
      for (var j = 0; j < controls.length; j += 1) {
        var box = controls[j].getBoundingClientRect();
        if (box.width > 0 && box.height > 0) return controls[j];
      }
      return null;
    },
    track: function (name, promise) {
      results[name] = null;
      Promise.resolve(promise).then(function (value) { results[name] = { outcome: 'resolved', value: describe(value) }; },
        function (reason) { results[name] = { outcome: 'rejected', value: describe(reason) }; });
    },
    result: function (name) { return results[name] === undefined ? null : results[name]; }
  };
})();`;

/** How a pay.js promise settled (see PAGE_SCRIPT's `describe`). */
export interface SettledValue {
  outcome: 'resolved' | 'rejected';
  value: {
    kind: 'undefined' | 'null' | 'error' | 'nested' | 'object' | string;
    code?: string;
    message?: string;
    status?: unknown;
    type?: string;
    keys?: string[];
    id?: string;
    threeDSecureStatus?: unknown;
  };
}

/** An iframe of the top document, as PAGE_SCRIPT reports it. */
export interface FrameInfo {
  id: number;
  src: string;
  bodyChild: number | null;
  visible: boolean;
}
