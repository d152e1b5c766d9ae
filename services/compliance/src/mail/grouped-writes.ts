/**
 * Writes items in groups: the items that arrive while one write is in progress go together in
 * the next. Each `add` resolves once its own item is written, and rejects if that write fails.
 */
export function groupedWrites<T>(write: (items: T[]) => Promise<void>): { add(item: T): Promise<void> } {
  let waiting: T[] = [];
  let next: Promise<void> | null = null;
  let previous: Promise<unknown> = Promise.resolve();
  return {
    add(item) {
      waiting.push(item);
      if (!next) {
        next = previous.then(() => {
          const items = waiting;
          waiting = [];
          next = null;
          return write(items);
        });
        previous = next.catch(() => undefined);
      }
      return next;
    },
  };
}
