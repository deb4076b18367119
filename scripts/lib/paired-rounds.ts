/**
 * Paired rounds, the measuring method of `pnpm bench` and `pnpm bench:transfer`: two contenders
 * measured side by side, so that a noisy machine slows both alike.
 */

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** One measurement of a contender: a rate (operations or bytes per second). */
export type Measure = () => Promise<number>;

/**
 * Measures two contenders in paired rounds (a then b, then b then a, alternating which goes
 * first) after one warm-up each, and returns the median rate of each, the median of the
 * per-round ratios a/b, and those ratios: pairing cancels the slow drifts of a shared machine,
 * which would otherwise dominate a ratio of two medians.
 */
export async function pairedRates(a: Measure, b: Measure, rounds: number) {
  await a();
  await b();
  const ratesA: number[] = [];
  const ratesB: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let rateA: number;
    let rateB: number;
    if (round % 2 === 0) {
      rateA = await a();
      rateB = await b();
    } else {
      rateB = await b();
      rateA = await a();
    }
    ratesA.push(rateA);
    ratesB.push(rateB);
    ratios.push(rateA / rateB);
  }
  return { a: median(ratesA), b: median(ratesB), ratio: median(ratios), ratios };
}
