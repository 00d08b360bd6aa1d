// parseAcsHtml(html).fields must be exactly what Chromium itself builds for the same form.
// The reference is the original markup loaded in a sandboxed iframe (no allow-scripts: nothing in
// it runs) and read with `new FormData(form)`; a few cases are also submitted for real (GET, to a
// same-origin path that 404s) so the urlencoded query Chromium puts on the wire can be compared.
import { afterEach, describe, expect, it } from 'vitest';
import { parseAcsHtml, submitAcsForm } from '../../src/core/acs';
import { landing } from '../support/frames';

const ACS = 'https://acs.example.invalid/3ds/start';

interface Variant {
  name: string;
  html: string;
  /** Index in `document.forms` of the form a browser script would submit. Default 0. */
  formIndex?: number;
}

const variants: Variant[] = [
  {
    name: 'Paygent-like full document with body onload and inline script',
    html: `<html><head><meta charset="utf-8"><script>function OnLoadEvent(){ document.submitForm.submit(); }</script></head>
<body onload="OnLoadEvent();">
<form name="submitForm" id="submitForm" action="${ACS}" method="POST">
<input type="hidden" name="threeDSSessionData" value="ZXhhbXBsZQ==">
<input type="hidden" name="creq" value="eyJtZXNzYWdlVHlwZSI6IkNSZXEifQ">
<noscript><input type="submit" value="次へ"></noscript>
</form>
</body></html>`,
  },
  { name: 'bare form fragment', html: `<form name="submitForm" action="${ACS}" method="post"><input type="hidden" name="a" value="1"><input type="hidden" name="b" value=""></form>` },
  {
    name: 'upper-case tags and attributes',
    html: `<HTML><BODY ONLOAD="OnLoadEvent()"><FORM NAME="submitForm" ACTION="${ACS}" METHOD="POST"><INPUT TYPE="HIDDEN" NAME="PaReq" VALUE="X1"><INPUT TYPE="CHECKBOX" NAME="CB" CHECKED><SELECT NAME="S"><OPTION VALUE="1" SELECTED>one</OPTION></SELECT><INPUT TYPE="SUBMIT" VALUE="OK"></FORM></BODY></HTML>`,
  },
  {
    name: 'entities in names, values and action',
    html: `<form name="submitForm" action="https://acs.example.invalid/s?a=1&amp;b=2&lt;" method="post"><input type="hidden" name="a&amp;b&#x3D;c" value="&lt;x&gt;&quot;&apos;&#12354;&hearts;&nbsp;&amp;amp;"><input name="pct" value="100%+1 =2&semi;"></form>`,
  },
  {
    name: 'textarea with newlines, CRLF and a leading newline',
    html: `<form action="${ACS}" method="post"><textarea name="t">\nline1\r\nline2\rline3\n\n</textarea><textarea name="empty"></textarea><textarea name="ent">a &amp; b &lt;tag&gt;</textarea></form>`,
  },
  {
    name: 'select single, multiple, without selection, disabled options',
    html: `<form action="${ACS}" method="post">
<select name="single"><option value="1">one</option><option selected>  two   words  </option></select>
<select name="implicit"><option disabled>no</option><option value="first">first enabled</option><option>second</option></select>
<select name="allDisabled"><option disabled>a</option><option disabled>b</option></select>
<select name="twoSelected"><option selected>a</option><option selected>b</option></select>
<select name="sized" size="3"><option>a</option><option>b</option></select>
<select name="multi" multiple><option selected>a</option><option>b</option><option selected disabled>c</option><optgroup label="g" disabled><option selected>d</option></optgroup><optgroup label="h"><option selected>e</option></optgroup></select>
<select name="none" multiple><option>a</option></select>
<select name="disabledSelect" disabled><option selected>x</option></select>
<select name="empty"></select>
<select name="emptyValue"><option value="" selected>choose</option></select>
</form>`,
  },
  {
    name: 'checkboxes and radios',
    html: `<form action="${ACS}" method="post">
<input type="checkbox" name="on" checked><input type="checkbox" name="off"><input type="checkbox" name="val" value="v" checked><input type="checkbox" name="emptyVal" value="" checked>
<input type="radio" name="r" value="a" checked><input type="radio" name="r" value="b" checked><input type="radio" name="r2" value="x">
<input type="radio" name="r3" checked><input type="CheckBox" name="mixedCase" checked value="m">
</form>`,
  },
  {
    name: 'disabled inputs and fieldsets, with the first legend exception',
    html: `<form action="${ACS}" method="post">
<input name="d" value="1" disabled><input name="e" value="2" disabled="false"><textarea name="dt" disabled>x</textarea>
<fieldset disabled><legend><input name="firstLegend" value="1"></legend><legend><input name="secondLegend" value="2"></legend><input name="inFieldset" value="3">
<fieldset><legend><input name="nestedLegend" value="4"></legend></fieldset></fieldset>
<fieldset><legend><input name="enabledFieldset" value="5"></legend></fieldset>
<fieldset disabled><div><legend><input name="notChildLegend" value="6"></legend></div></fieldset>
</form>`,
  },
  {
    name: 'form= attribute association',
    html: `<input form="f" name="before" value="1"><form id="f" name="submitForm" action="${ACS}" method="post"><input name="inside" value="2"><input form="other" name="elsewhere" value="3"><input form="missing" name="orphan" value="4"></form><form id="other" action="https://other.example.invalid/"></form><input form="f" name="after" value="5"><textarea form="f" name="ta">6</textarea><select form="f" name="sel"><option>7</option></select>`,
  },
  {
    name: 'several forms, submitForm not first',
    html: `<form action="https://other.example.invalid/" method="post"><input name="wrong" value="1"></form><form name="submitForm" action="${ACS}" method="post"><input name="right" value="2"></form>`,
    formIndex: 1,
  },
  {
    name: 'several forms, no submitForm: first with an action',
    html: `<form method="post"><input name="noAction" value="1"></form><form action="" method="post"><input name="emptyAction" value="2"></form><form action="${ACS}" method="post"><input name="chosen" value="3"></form><form action="https://later.example.invalid/"><input name="later" value="4"></form>`,
    formIndex: 2,
  },
  {
    name: 'id="submitForm" without a name',
    html: `<form action="https://other.example.invalid/"><input name="wrong" value="1"></form><form id="submitForm" action="${ACS}" method="post"><input name="right" value="2"></form>`,
    formIndex: 1,
  },
  {
    name: 'Japanese names and values, duplicate names',
    html: `<form name="submitForm" action="${ACS}" method="post"><input type="hidden" name="氏名" value="山田\u3000太郎"><input type="hidden" name="dup" value="1"><input type="hidden" name="dup" value="2"><input type="hidden" name="dup" value="1"><input type="hidden" name="絵文字" value="😀🇯🇵"><input name="mix" value="ｶﾀｶﾅ①㈱"></form>`,
  },
  {
    name: 'input types the DOM sanitises',
    html: `<form action="${ACS}" method="post">
<input type="number" name="n1" value="12"><input type="number" name="n2" value=" 12"><input type="number" name="n3" value="1e3"><input type="number" name="n4" value="abc">
<input type="email" name="e1" value=" a@example.jp "><input type="email" name="e2" value="a@x.jp, b@y.jp" multiple><input type="email" name="e3" value="a@example.jp&#10;">
<input type="url" name="u" value="  https://x.example/  "><input type="text" name="t" value="a&#10;b&#13;c"><input type="search" name="s" value="q&#10;">
<input type="tel" name="tel" value=" 03-1234-5678 "><input type="password" name="pw" value="p w">
<input type="range" name="r1"><input type="range" name="r2" value="150"><input type="range" name="r3" min="0" max="10" step="3" value="8">
<input type="color" name="c1" value="#ABCDEF"><input type="color" name="c2" value="red"><input type="date" name="d1" value="2026-02-30"><input type="date" name="d2" value="2026-01-31">
<input type="time" name="time" value="12:34"><input type="month" name="m" value="2026-13"><input type="week" name="w" value="2026-W05"><input type="datetime-local" name="dl" value="2026-01-31T12:00">
<input type="unknown" name="unknownType" value="x"><input type="hidden" name="h" value=" keep &#10; spaces ">
</form>`,
  },
  {
    name: 'buttons, _charset_, file, nameless controls',
    html: `<form action="${ACS}" method="post">
<input type="submit" name="sub" value="s"><input type="image" name="img" src="x.png"><input type="reset" name="res"><input type="button" name="btn" value="b">
<button name="b1" value="1">b</button><button type="button" name="b2" value="2">b</button><button type="reset" name="b3">b</button>
<input type="hidden" name="_charset_" value="Shift_JIS"><input type="hidden" name="_CharSet_"><input type="text" name="_charset_" value="text">
<input type="file" name="upload"><input type="file" name="multiUpload" multiple>
<input value="nameless"><input name="" value="emptyName"><textarea>nameless</textarea><select><option>x</option></select>
</form>`,
  },
  {
    name: 'datalist, object, output, and other listed elements',
    html: `<form action="${ACS}" method="post"><datalist id="dl"><option value="x"></datalist><input list="dl" name="withList" value="2"><object name="obj" data="x"></object><output name="out">o</output><fieldset name="fs"></fieldset><input name="last" value="3"></form>`,
  },
  {
    name: 'dirname on text controls',
    html: `<form action="${ACS}" method="post"><input name="q" value="abc" dirname="q.dir"><input name="rtl" dir="rtl" value="abc" dirname="rtl.dir"><div dir="rtl"><input name="inherit" value="x" dirname="inherit.dir"><textarea name="ta" dirname="ta.dir">y</textarea></div><input name="auto" dir="auto" value="مرحبا" dirname="auto.dir"><input type="search" name="s" value="s" dirname="s.dir"></form>`,
  },
  {
    name: 'nested form start tag is ignored',
    html: `<form action="${ACS}" method="post"><input name="a" value="1"><form name="submitForm" action="https://inner.example.invalid/"><input name="b" value="2"></form><input name="c" value="3"></form>`,
  },
];

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** The markup in a same-origin iframe with scripts disabled (no `allow-scripts`). */
async function loadInert(html: string, sandbox = 'allow-same-origin'): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', sandbox);
  frame.srcdoc = html;
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument;
  if (doc === null) throw new Error('iframe document not accessible');
  return doc;
}

function formAt(doc: Document, index: number): HTMLFormElement {
  const form = doc.forms[index];
  if (form === undefined) throw new Error(`no form #${index}`);
  return form;
}

/** A FormData's entries as strings: a file entry is submitted under its (empty) file name. */
function entriesOf(data: FormData): Array<[string, string]> {
  return Array.from(data, ([name, value]): [string, string] => [name, typeof value === 'string' ? value : value.name]);
}

describe('parseAcsHtml fields match Chromium for the same form', () => {
  it.each(variants)('$name', async ({ html, formIndex = 0 }) => {
    const parsed = parseAcsHtml(html);
    const reference = formAt(await loadInert(html), formIndex);
    expect(parsed.fields).toEqual(entriesOf(new FormData(reference)));
    expect(parsed.fields.length).toBeGreaterThan(0);
    // Same form: same action and method as the browser resolves them (no <base> in these cases).
    expect(parsed.action).toBe(reference.action);
    expect(parsed.method).toBe(reference.method.toUpperCase());
  });

  it.each(variants)('rebuilt form for "$name" carries the same entries', async ({ html, formIndex = 0 }) => {
    const parsed = parseAcsHtml(html);
    const reference = formAt(await loadInert(html), formIndex);
    // Build the form without submitting it, by stubbing submit for this call only.
    const rebuilt = withoutSubmitting(() => submitAcsForm(parsed));
    try {
      expect(entriesOf(new FormData(rebuilt))).toEqual(entriesOf(new FormData(reference)));
      expect(new URLSearchParams(entriesOf(new FormData(rebuilt))).toString()).toBe(new URLSearchParams(entriesOf(new FormData(reference))).toString());
    } finally {
      rebuilt.remove();
    }
  });
});

function withoutSubmitting(build: () => HTMLFormElement): HTMLFormElement {
  const original = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function noSubmit() {};
  try {
    return build();
  } finally {
    HTMLFormElement.prototype.submit = original;
  }
}

describe('what Chromium puts on the wire: original form vs rebuilt form (GET)', () => {
  // A same-origin path nobody serves: the navigation ends on a 404 page whose URL carries the
  // query Chromium encoded from the entry list (the same serializer as a urlencoded POST body).
  const echo = () => `${location.origin}/__acs_echo__.txt`;
  const wireCases = variants.filter(({ name }) => /Paygent|entities|textarea|select|checkboxes|disabled|Japanese|sanitises|_charset_|dirname|nested/.test(name));

  it.each(wireCases)('$name', async ({ html, formIndex = 0 }) => {
    const getHtml = retarget(html, formIndex, echo());
    const parsed = parseAcsHtml(getHtml, { allowedActionOrigins: [location.origin] });
    expect(parsed.method).toBe('GET');

    const referenceFrame = await loadInertFrame(getHtml, 'allow-same-origin allow-forms');
    const referenceDoc = referenceFrame.contentDocument as Document;
    const originalQuery = await landing(referenceFrame, () => HTMLFormElement.prototype.submit.call(formAt(referenceDoc, formIndex)));

    const sink = document.createElement('iframe');
    sink.name = `acs-wire-sink-${Math.random().toString(36).slice(2)}`;
    sink.setAttribute('sandbox', 'allow-same-origin');
    frames.push(sink);
    document.body.append(sink);
    await new Promise((resolve) => setTimeout(resolve, 0));
    let rebuilt: HTMLFormElement | undefined;
    const rebuiltQuery = await landing(sink, () => {
      rebuilt = submitAcsForm(parsed, { target: sink.name, allowedActionOrigins: [location.origin] });
    });
    rebuilt?.remove();

    expect(originalQuery.startsWith(`${echo()}?`) || originalQuery === echo()).toBe(true);
    expect(rebuiltQuery).toBe(originalQuery);
  });
});

/** The same markup with the chosen form turned into a GET to `action`. */
function retarget(html: string, formIndex: number, action: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const form = formAt(doc, formIndex);
  form.setAttribute('action', action);
  form.setAttribute('method', 'get');
  // Re-serialising a parsed document keeps the parser's result, which is what we compare.
  return `<!doctype html>${new XMLSerializer().serializeToString(doc).replace(/^<html xmlns="[^"]*"/, '<html')}`;
}

async function loadInertFrame(html: string, sandbox: string): Promise<HTMLIFrameElement> {
  await loadInert(html, sandbox);
  const frame = frames[frames.length - 1];
  if (frame === undefined) throw new Error('no frame');
  return frame;
}

// Where Chromium's own submission differs from the HTML standard's entry list, or where an inert
// document cannot know what a rendered one would, parseAcsHtml follows the standard. Each test pins
// both sides, so a Chromium change shows up here.
describe('known differences from Chromium, pinned', () => {
  it('controls inside a <datalist> are left out (Chromium still submits them)', async () => {
    const html = `<form action="${ACS}" method="post"><datalist><input name="inDatalist" value="1"></datalist><input name="kept" value="2"></form>`;
    expect(parseAcsHtml(html).fields).toEqual([['kept', '2']]);
    expect(entriesOf(new FormData(formAt(await loadInert(html), 0)))).toEqual([
      ['inDatalist', '1'],
      ['kept', '2'],
    ]);
  });

  it('an empty dirname adds nothing (Chromium adds a nameless entry, which no rebuilt form could carry)', async () => {
    const html = `<form action="${ACS}" method="post"><input name="q" value="x" dirname=""></form>`;
    expect(parseAcsHtml(html).fields).toEqual([['q', 'x']]);
    expect(entriesOf(new FormData(formAt(await loadInert(html), 0)))).toEqual([
      ['q', 'x'],
      ['', 'ltr'],
    ]);
  });

  it('controls a <table> moved out of their <form> have no form owner in an inert document', async () => {
    // Chromium links such controls to the form only when parsing for a rendered page; DOMParser
    // (and parseHTMLUnsafe, XHR documents) leave them ownerless, so they are not fields.
    const html = `<table><form name="submitForm" action="${ACS}" method="post"><tr><td><input type="hidden" name="t1" value="1"></td></tr></form></table>`;
    expect(parseAcsHtml(html).fields).toEqual([]);
    expect(entriesOf(new FormData(formAt(await loadInert(html), 0)))).toEqual([['t1', '1']]);
  });
});
