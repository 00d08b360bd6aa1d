// Marks the page with the React and ReactDOM versions it actually runs, for test/e2e/reactVersion.spec.ts:
// the e2e app runs on React 19, or on React 18 under REACT_VERSION=18 (test/support/reactVersion.ts).
import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';

document.documentElement.dataset.reactVersion = reactVersion;
document.documentElement.dataset.reactDomVersion = reactDomVersion;
