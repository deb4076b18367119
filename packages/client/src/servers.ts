/** KooDrive's endpoints (HTTPS only). */
export const servers = {
  /** International site, AP-Singapore. The default. */
  intl: 'https://intl.myhuaweicloud-koodrive.com',
  /** Chinese mainland site, CN North-Beijing4. */
  cn: 'https://cn.myhuaweicloud-koodrive.com',
} as const;
