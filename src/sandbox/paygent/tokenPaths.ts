/** Where the stand-in PaygentToken.js posts card data (sandbox-only path and wire format). */
export const PAYGENT_TOKEN_CREATE_PATH = '/paygent/token/create';
