import { beforeEach } from 'vitest';

// Browser test files share one origin, so one sessionStorage: an attempt a file leaves behind must
// not be resumed by, or hold the attempt slot in, the next test.
beforeEach(() => sessionStorage.clear());

// Settled payments (react-3ds-kit:settled:*) live in localStorage: a payment one file made must
// not show as already paid in the next test.
beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('react-3ds-kit:settled:')) localStorage.removeItem(key);
});
