import type { MultiPartInfo, uploadUrlRequestBody } from '@koodrive/types';
import { fileRoute, uploadOf } from '../../state/file-replies.js';
import { checkRequestedPart } from '../../storage/part-rules.js';
import { ok } from '../replies.js';

/**
 * Upload URLs for the parts asked for, signed now (so also fresh URLs for expired ones). Each part
 * is checked against the documented rules (13000102 naming the part); the caller's partition may
 * differ from createFile's plan: the part last uploaded under a number is the one kept. A file with
 * no upload in progress: 13000401.
 */
export const uploadUrl = fileRoute(async ({ body, origin }, { state, storage }) => {
  const { fileId, multiParts } = body as uploadUrlRequestBody;
  const upload = uploadOf(state, fileId);
  const parts = multiParts.map((part, index) => {
    const geometry = {
      partNumber: part.partNumber,
      partSize: Number(part.partSize),
      ...(part.partOffset === undefined ? {} : { partOffset: Number(part.partOffset) }),
      ...(part.hashCtx === undefined ? {} : { hashCtx: part.hashCtx.map(Number) }),
    };
    checkRequestedPart(geometry, upload.length, `multiParts[${index}] (part ${part.partNumber})`);
    return geometry;
  });
  const answered: MultiPartInfo[] = await Promise.all(
    parts.map(async (part) => ({
      partNumber: part.partNumber,
      partSize: part.partSize,
      ...(part.partOffset === undefined ? {} : { partOffset: part.partOffset }),
      ...(part.hashCtx === undefined ? {} : { hashCtx: [...part.hashCtx] }),
      uploadUrl: await storage.partUrl(origin ?? 'http://localhost', upload, part),
      partId: `${upload.uploadId}-${part.partNumber}`,
    })),
  );
  return ok({ multiParts: answered });
});
