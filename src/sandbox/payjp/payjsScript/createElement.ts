import { brandOf, checkField, digitsOf, expiryDigits, formatExpiry, formatNumber, numberLength, type ElementBrand } from './cardFields';
import { createFieldBox, displayValue, nextElementId } from './elementDom';
import { registerElement, type ElementGroup, type PayjsElement } from './elementRegistry';
import { applyStyle, setFormatted } from './elementStyle';
import type { Field, FieldCheckCode } from './fieldText';
import { fieldError, type PayjsError } from './tokenErrors';

/** The element types of `elements.create()`. */
const FIELDS_OF: Record<string, readonly Field[]> = {
  card: ['number', 'expiry', 'cvc'],
  cardNumber: ['number'],
  cardExpiry: ['expiry'],
  cardCvc: ['cvc'],
};

type ElementEvent = 'change' | 'ready' | 'focus' | 'blur';
const ELEMENT_EVENTS: readonly string[] = ['change', 'ready', 'focus', 'blur'];
type Handler = (event: unknown) => void;

interface ChangeEvent {
  elementType: string;
  empty: boolean;
  complete: boolean;
  brand?: ElementBrand;
  error?: PayjsError;
}

/** Rethrows a handler's exception without breaking the caller (like an event listener's). */
function callSafely(handler: Handler, event: unknown): void {
  try {
    handler(event);
  } catch (error) {
    setTimeout(() => {
      throw error;
    }, 0);
  }
}

function isElementEvent(event: unknown): event is ElementEvent {
  return typeof event === 'string' && ELEMENT_EVENTS.includes(event);
}

/** The digits a field keeps from what was typed, and how the input shows them. */
function readTyped(field: Field, raw: string): { digits: string; shown: string } {
  if (field === 'number') {
    const all = digitsOf(raw);
    const brand = brandOf(all);
    const digits = all.slice(0, brand === 'unknown' ? 19 : numberLength(brand));
    return { digits, shown: formatNumber(digits, brand) };
  }
  if (field === 'expiry') {
    const digits = expiryDigits(raw);
    return { digits, shown: formatExpiry(digits) };
  }
  const digits = digitsOf(raw).slice(0, 4);
  return { digits, shown: digits };
}

/** elements.create(type, options): plain, labelled inputs in the page (real pay.js renders cross-origin iframes). */
export function createElement(group: ElementGroup, type: unknown, options: unknown): PayjsElement {
  const fields = typeof type === 'string' && Object.prototype.hasOwnProperty.call(FIELDS_OF, type) ? FIELDS_OF[type] : undefined;
  if (typeof type !== 'string' || !fields) throw new TypeError('payjs: elements.create() takes card, cardNumber, cardExpiry or cardCvc.');
  const settings = (options ?? {}) as { style?: unknown; placeholder?: unknown };
  const handlers: Record<ElementEvent, Handler[]> = { change: [], ready: [], focus: [], blur: [] };
  const blurred: Record<Field, boolean> = { number: false, expiry: false, cvc: false };
  let mounted = false;
  let wrapper: HTMLDivElement | null = null;
  let inputs: Partial<Record<Field, HTMLInputElement>> = {};
  let listeners: (() => void)[] = [];
  let readyTimer: ReturnType<typeof setTimeout> | null = null;
  let lastError: FieldCheckCode | null = null;

  const emit = (event: ElementEvent, arg: unknown) => {
    for (const handler of handlers[event].slice()) callSafely(handler, arg);
  };

  const listen = <K extends keyof HTMLElementEventMap>(target: HTMLElement, name: K, listener: (event: HTMLElementEventMap[K]) => void) => {
    target.addEventListener(name, listener);
    listeners.push(() => target.removeEventListener(name, listener));
  };

  const changeEvent = (): ChangeEvent => {
    const event: ChangeEvent = { elementType: type, empty: true, complete: true };
    let error: FieldCheckCode | null = null;
    for (const field of fields) {
      const check = checkField(field, group.values, blurred[field] ? 'blur' : 'typing');
      if (!check.empty) event.empty = false;
      if (!check.complete) event.complete = false;
      if (error === null && check.error !== null) error = check.error;
      const input = inputs[field];
      if (input) {
        input.setAttribute('aria-invalid', check.error === null ? 'false' : 'true');
        applyStyle(input, settings.style, { empty: check.empty, complete: check.complete, invalid: check.error !== null });
      }
    }
    if (fields.includes('number')) event.brand = brandOf(group.values.number);
    if (error !== null) event.error = fieldError(error, group.messages);
    lastError = error;
    return event;
  };

  const onInput = (field: Field, input: HTMLInputElement) => {
    const { digits, shown } = readTyped(field, input.value);
    setFormatted(input, shown);
    group.values[field] = digits;
    blurred[field] = false;
    emit('change', changeEvent());
  };

  const onFieldBlur = (field: Field) => {
    blurred[field] = true;
    const before = lastError;
    const event = changeEvent();
    if (lastError !== before) emit('change', event);
  };

  const render = (target: Element) => {
    const prefix = nextElementId();
    const box = document.createElement('div');
    box.setAttribute('data-payjs-element', type);
    box.style.cssText = fields.length > 1 ? 'display:flex;flex-wrap:wrap;gap:8px' : '';
    const placeholder = typeof settings.placeholder === 'string' ? settings.placeholder : null;
    for (const field of fields) {
      const { box: fieldBox, input } = createFieldBox(field, `${prefix}-${field}`, group.text, placeholder, fields.length === 1);
      applyStyle(input, settings.style, { empty: true, complete: false, invalid: false });
      input.value = displayValue(field, group.values);
      listen(input, 'input', () => onInput(field, input));
      listen(input, 'blur', () => onFieldBlur(field));
      inputs[field] = input;
      box.appendChild(fieldBox);
    }
    // focus / blur of the element as a whole (moving between its own inputs is neither).
    const leavesElement = (event: FocusEvent) => !(event.relatedTarget instanceof Node) || !box.contains(event.relatedTarget);
    listen(box, 'focusin', (event) => {
      if (leavesElement(event)) emit('focus', { elementType: type });
    });
    listen(box, 'focusout', (event) => {
      if (leavesElement(event)) emit('blur', { elementType: type });
    });
    target.appendChild(box);
    wrapper = box;
  };

  const detach = () => {
    if (readyTimer !== null) clearTimeout(readyTimer);
    readyTimer = null;
    for (const remove of listeners) remove();
    listeners = [];
    wrapper?.remove();
    wrapper = null;
    inputs = {};
    mounted = false;
    for (const field of Object.keys(blurred) as Field[]) blurred[field] = false;
  };

  const element: PayjsElement = {
    mount(target) {
      const node = (typeof target === 'string' ? document.querySelector(target) : target) as Element | null | undefined;
      // nodeType, not instanceof: the target may come from another frame.
      if (!node || node.nodeType !== 1) throw new Error(`payjs: mount target not found: ${String(target)}`);
      if (mounted) detach();
      render(node);
      mounted = true;
      readyTimer = setTimeout(() => {
        readyTimer = null;
        emit('ready', { elementType: type });
      }, 0);
    },
    /** Empties this element's fields (GH-SAMPLE calls it after a token is made). */
    clear() {
      for (const field of fields) {
        group.values[field] = '';
        blurred[field] = false;
        const input = inputs[field];
        if (input) input.value = '';
      }
      if (mounted) emit('change', changeEvent());
    },
    unmount() {
      detach();
      for (const event of ELEMENT_EVENTS as ElementEvent[]) handlers[event] = [];
    },
    on(event, handler) {
      if (!isElementEvent(event)) throw new TypeError('payjs: element.on() takes change, ready, focus or blur.');
      if (typeof handler === 'function') handlers[event].push(handler as Handler);
      return element;
    },
    off(event, handler) {
      if (!isElementEvent(event)) return element;
      const list = handlers[event];
      for (let index = list.length - 1; index >= 0; index -= 1) if (list[index] === handler) list.splice(index, 1);
      return element;
    },
  };
  registerElement({ element, group, isMounted: () => mounted });
  return element;
}
