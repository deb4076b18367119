/** Credentials and paths the benchmarks share with the mock KooDrive they start. */
export const BENCH_APP = { appId: 'bench-app', appSecret: 'bench-secret-0123456789' };
export const BENCH_TOKEN = 'bench-token';
export const BENCH_USER_ID = '1505084218764547200';
export const QUOTA_PATH = '/koodrive/ose/v1/space/usage/quota';
/**
 * The client stacks benchmark 3 runs against the mock, each in a process of its own, started in
 * this order. In runs of five identical bare clients, the first started measured 0–11 % slower than
 * the later ones: so the baseline runs twice, started first and last (`bare`, `control`), each
 * round divides by the mean of the two, and the goal's contender (`signed`) starts in the middle.
 * How far the two baselines measure apart is the noise a ratio of that run carries.
 */
export const LOOPBACK_CONTENDERS = ['bare', 'token', 'signed', 'signed-raw', 'control'] as const;
export type LoopbackContender = (typeof LOOPBACK_CONTENDERS)[number];
