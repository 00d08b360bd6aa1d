import type { FieldValues } from './cardFields';
import type { FieldText } from './fieldText';

/** The fields shared by the elements of one `elements()` call, and their texts. */
export interface ElementGroup {
  text: FieldText;
  messages: FieldText;
  values: FieldValues;
}

/** An element the page holds (what createToken is given). */
export interface PayjsElement {
  mount(target: unknown): void;
  clear(): void;
  unmount(): void;
  on(event: unknown, handler: unknown): PayjsElement;
  off(event: unknown, handler: unknown): PayjsElement;
}

interface Entry {
  element: PayjsElement;
  group: ElementGroup;
  isMounted: () => boolean;
}

// Every element made on this page, so createToken can find the fields behind the one it is given.
const entries: Entry[] = [];

/** Remembers an element and its group. */
export function registerElement(entry: Entry): void {
  entries.push(entry);
}

/** What {@link registerElement} was told about `element`, if it is one of ours. */
export function entryOf(element: unknown): Entry | null {
  return entries.find((entry) => entry.element === element) ?? null;
}
