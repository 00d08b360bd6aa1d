'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** This page's origin in the browser (`undefined` while rendering on the server). */
export function useOrigin(): string | undefined {
  return useSyncExternalStore(subscribe, () => location.origin, () => undefined);
}
