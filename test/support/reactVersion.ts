// Which React major the browser and end-to-end suites run on. The kit promises react/react-dom
// `^18.2.0 || ^19.0.0`; React 19 is the installed `react`, React 18 sits beside it as the npm aliases
// `react18` / `react-dom18` (package.json). REACT_VERSION=18 points every import of react and
// react-dom (the kit's, the tests', and the pre-bundled libraries') at the aliases.
import type { Alias } from 'vite';

/** The React major under test: 18 or 19 (the default). */
export const reactMajor: '18' | '19' = process.env.REACT_VERSION === '18' ? '18' : '19';

if (process.env.REACT_VERSION && process.env.REACT_VERSION !== reactMajor) {
  // A typo such as REACT_VERSION=17 must not silently test React 19.
  throw new Error(`REACT_VERSION must be 18 or 19, got "${process.env.REACT_VERSION}"`);
}

/** Vite `resolve.alias` entries that swap React 19 for React 18 (none for 19). */
export const reactAliases: Alias[] =
  reactMajor === '18'
    ? [
        { find: /^react-dom(\/.*)?$/, replacement: 'react-dom18$1' },
        { find: /^react(\/.*)?$/, replacement: 'react18$1' },
      ]
    : [];

/**
 * A separate pre-bundle cache per major: dependencies pre-bundled against React 19 must not be
 * reused in a React 18 run (and switching back and forth should not re-bundle every time).
 */
export const reactCacheDir = reactMajor === '18' ? 'node_modules/.vite-react18' : undefined;

/** Compile-time constant the version checks compare React's own `version` with. */
export const reactDefine = { __EXPECTED_REACT_MAJOR__: JSON.stringify(reactMajor) };
