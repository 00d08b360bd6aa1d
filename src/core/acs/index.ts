export { parseAcsHtml } from './parseAcsHtml';
export { submitAcsForm } from './submitAcsForm';
export { isAllowedActionUrl } from './isAllowedActionUrl';
export type { AcsFormEnctype, ParseAcsHtmlOptions, ParsedAcsForm, SubmitAcsFormOptions } from './types';
