/**
 * A console warning in development builds only (the bundler replaces `process.env.NODE_ENV`; the
 * `typeof` guard keeps bundler-less pages working), as stripe's "Unsupported prop change" does.
 */
export function warnInDevelopment(message: string): void {
  if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') console.warn(`react-3ds-kit: ${message}`);
}
