// The browser project runs on React 19 by default and on React 18 under REACT_VERSION=18
// (test/support/reactVersion.ts). If the alias silently did nothing, this file fails the React 18 run.
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { expect, it } from 'vitest';
import { render } from 'vitest-browser-react';

declare const __EXPECTED_REACT_MAJOR__: string;

const major = (version: string) => version.split('.')[0];

it('imports the React and ReactDOM majors this run asked for', () => {
  expect(major(React.version)).toBe(__EXPECTED_REACT_MAJOR__);
  expect(major(ReactDOM.version)).toBe(__EXPECTED_REACT_MAJOR__);
});

it('renders through vitest-browser-react with that same React', async () => {
  // React 19 hands `ref` to function components as a prop; React 18 never does. This tells the
  // running renderer's major apart without trusting any version string.
  const seen: { refProp?: unknown } = {};
  function Probe(props: { ref?: React.Ref<HTMLElement> }) {
    seen.refProp = props.ref;
    return <p>React {React.version}</p>;
  }
  const ref = React.createRef<HTMLElement>();
  const consoleError = console.error;
  // React 18 warns that function components cannot be given refs: expected here, not a failure.
  console.error = () => {};
  try {
    const screen = await render(<Probe ref={ref} />);
    await expect.element(screen.getByText(`React ${React.version}`)).toBeVisible();
  } finally {
    console.error = consoleError;
  }
  expect(seen.refProp === ref).toBe(__EXPECTED_REACT_MAJOR__ === '19');
});
