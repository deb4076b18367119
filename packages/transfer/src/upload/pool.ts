/**
 * Parts in parallel: `concurrency` workers take the next part in order until none is left. The
 * first failure aborts the upload's controller, so every other part stops at once, and the pool
 * settles only when every worker (and every task it watches, such as the hash pass) has returned:
 * nothing of the upload is left running when its promise rejects.
 */

/** Runs `work` over `items`, `concurrency` at a time, watching `alongside` too; throws the first failure. */
export async function runPool<Item>(
  items: readonly Item[],
  concurrency: number,
  controller: AbortController,
  work: (item: Item) => Promise<void>,
  alongside: readonly Promise<void>[] = [],
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    if (!failure) {
      failure = { error };
      controller.abort(error);
    }
  };
  const worker = async () => {
    while (next < items.length && !controller.signal.aborted) {
      const item = items[next++] as Item;
      try {
        await work(item);
      } catch (error) {
        fail(error);
        return;
      }
    }
  };
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, worker);
  await Promise.all([...workers, ...alongside.map((task) => task.catch(fail))]);
  if (failure) throw failure.error;
  controller.signal.throwIfAborted();
}
