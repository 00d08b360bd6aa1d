'use client';
import { useMemo } from 'react';
import { createPayjpBackend } from 'react-3ds-kit';

/** One backend per page: the handler's path, and PAY.JP's start-page origin (the sandbox's here). */
export function usePayjpBackend(startOrigin: string) {
  return useMemo(() => createPayjpBackend({ baseUrl: '/api/3ds', allowedStartOrigins: [startOrigin] }), [startOrigin]);
}
