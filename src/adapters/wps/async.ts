/**
 * WPS ribbon callbacks must return synchronously, so the WPS host is written with synchronous methods (`readSheetsSync`,
 * …); the task pane wants the asynchronous SpreadsheetHost. withAsyncTwins gives a class, for each named `xSync`
 * method, an `x` that runs it at once and hands back its result — or its error — as a promise.
 */

type Twins<T, K extends string> = {
  [P in K]: T extends Record<`${P}Sync`, (...args: infer A) => infer R> ? (...args: A) => Promise<R> : never;
};

export function withAsyncTwins<C extends new (...args: never[]) => object, K extends string>(
  Base: C,
  names: readonly K[],
): new (...args: ConstructorParameters<C>) => InstanceType<C> & Twins<InstanceType<C>, K> {
  const Twinned = class extends (Base as unknown as new (...args: unknown[]) => object) {};
  for (const name of names) {
    Object.defineProperty(Twinned.prototype, name, {
      value(this: Record<string, (...args: unknown[]) => unknown>, ...args: unknown[]): Promise<unknown> {
        return new Promise((resolve) => resolve(this[`${name}Sync`](...args)));
      },
      writable: true,
      configurable: true,
    });
  }
  return Twinned as unknown as new (...args: ConstructorParameters<C>) => InstanceType<C> & Twins<InstanceType<C>, K>;
}
