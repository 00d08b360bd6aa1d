import type { ReactNode } from 'react';

/** The ids an input's `aria-describedby` should list: its hint and, when shown, its message. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

export interface FieldMessageProps {
  /** Referenced by the field's `aria-describedby`. */
  id: string;
  /** The problem; nothing is rendered without one. */
  children?: ReactNode;
}

/**
 * A field's own error text, rendered under it. The field points at it with `aria-describedby` and
 * sets `aria-invalid`, so a screen reader reads it when the field gets focus; `data-field-error`
 * is the styling hook every kit form shares.
 */
export function FieldMessage({ id, children }: FieldMessageProps) {
  if (children === undefined || children === null || children === false || children === '') return null;
  return (
    <p id={id} className="r3k-error" data-field-error="">
      {children}
    </p>
  );
}
