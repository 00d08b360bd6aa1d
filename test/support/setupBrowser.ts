import { beforeEach } from 'vitest';

// Browser test files share one origin, so one sessionStorage: an attempt a file leaves behind must
// not be resumed by, or hold the attempt slot in, the next test.
beforeEach(() => sessionStorage.clear());
