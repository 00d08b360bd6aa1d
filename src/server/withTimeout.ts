/**
 * Settles like `task()`, or rejects with `onTimeout()` once `ms` have passed. The task itself
 * cannot be stopped; what matters is that the caller stops waiting for it (and holds nothing).
 */
export function withTimeout<T>(task: () => T | Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    Promise.resolve()
      .then(task)
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}
