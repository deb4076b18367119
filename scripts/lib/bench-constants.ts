/** Credentials and paths the benchmarks share with the mock KooDrive they start. */
export const BENCH_APP = { appId: 'bench-app', appSecret: 'bench-secret-0123456789' };
export const BENCH_TOKEN = 'bench-token';
export const BENCH_USER_ID = '1505084218764547200';
export const QUOTA_PATH = '/koodrive/ose/v1/space/usage/quota';
/**
 * The client stacks benchmark 3 runs against the mock, each in a process of its own, started in
 * this order. `control` is the baseline again, started last: the baseline is the mean of the two,
 * and how far they measure apart is the noise a ratio of that run carries.
 */
export const LOOPBACK_CONTENDERS = ['bare', 'signed', 'signed-raw', 'token', 'control'] as const;
export type LoopbackContender = (typeof LOOPBACK_CONTENDERS)[number];
