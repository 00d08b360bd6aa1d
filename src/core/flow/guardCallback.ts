/** Calls an app's callback or listener; if it throws, the flow goes on and the error is reported asynchronously. */
export function guardCallback(call: () => void): void {
  try {
    call();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
