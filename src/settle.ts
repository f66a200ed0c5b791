/**
 * A promise started now and awaited later: marks its rejection as handled meanwhile, so an early
 * failure surfaces where it is awaited instead of crashing the process as unhandled.
 */
export function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
