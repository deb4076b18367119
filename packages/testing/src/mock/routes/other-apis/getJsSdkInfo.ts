import { makeJsSdkData } from '../../../factories/org.js';
import { originOf, randomHex } from '../../state/sessions.js';
import type { MockHandler } from '../../types.js';
import { ok } from '../replies.js';

/**
 * OrgID's JavaScript SDK settings, with a new page token and a new single-use `sdk_auth_code` on
 * every call, as the reference says to fetch them for every initialization.
 */
export const getJsSdkInfo: MockHandler = ({ headers }, { now }) => {
  const script = `${originOf(headers.host ?? 'localhost')}/orgid/console-web/jssdk/jssdk.umd.js`;
  const transaction = String(now().getTime());
  return ok({
    data: makeJsSdkData({
      page_token_key: transaction,
      page_token: randomHex(32),
      js_sdk_url: script,
      retry_js_sdk_url: script,
      transaction_id: transaction,
      orgid_config: JSON.stringify({ sdk_auth_code: randomHex(32), organization_source: 'HUAWEI_ID' }),
    }),
  });
};
