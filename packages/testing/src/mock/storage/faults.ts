/**
 * Faults on demand at the mock's storage endpoint, for testing what a transfer does when object
 * storage misbehaves: a part upload that fails or never answers, a download cut or stalled halfway,
 * a URL that has expired.
 * `mock.storageFaults` is this; each fault is used up once it has struck (`times` strikes).
 */

/** A part upload that fails. */
export interface PartUploadFault {
  /** Only parts of this file (createFile's `fileId`); any file when absent. */
  fileId?: string;
  /** Only this part; any part when absent. */
  partNumber?: number;
  /** How many matching PUTs fail; default 1. */
  times?: number;
  /**
   * `'error'` (default): the body is read, nothing is stored, and the answer is S3's 500
   * InternalError. `'reset'`: the connection is dropped without an answer (MSW: a network error).
   * `'hang'`: the body is read and no answer ever comes, until the client gives up.
   */
  mode?: 'error' | 'reset' | 'hang';
}

/** A download whose connection is cut partway. */
export interface DownloadCutFault {
  /** Only downloads of this file; any file when absent. */
  fileId?: string;
  /** Bytes sent before the cut; default half of what the response should carry. */
  afterBytes?: number;
  /** How many matching downloads are cut; default 1. */
  times?: number;
  /** Instead of cutting the connection, keep it open and send nothing more (until the client gives up). */
  stall?: boolean;
}

/** URLs to treat as expired. */
export interface UrlExpiryFault {
  /** Only part-upload or only download URLs; both when absent. */
  kind?: 'upload' | 'download';
  fileId?: string;
  /** Only URLs of this part. */
  partNumber?: number;
}

/** What a storage URL is for, as the faults match it. */
export interface UrlFacts {
  kind: 'upload' | 'download';
  fileId: string;
  partNumber?: number;
  /** The URL's serial number (X-Mock-Url-Id): URLs are numbered as issued. */
  serial: number;
}

/** The storage faults API: `mock.storageFaults`. */
export interface MockStorageFaults {
  /** The next matching part PUT(s) fail. */
  failPartUpload(fault?: PartUploadFault): void;
  /** The next matching download(s) stop after some bytes and cut the connection. */
  cutDownload(fault?: DownloadCutFault): void;
  /**
   * Every matching URL issued until now counts as expired (403 AccessDenied, "Request has
   * expired"); URLs issued afterwards work. Moving the mock's `clock` past X-Amz-Expires does the
   * same for every URL.
   */
  expireUrls(fault?: UrlExpiryFault): void;
  /** Forgets every pending fault. */
  clear(): void;
  /** How many faults are still waiting to strike (expiries count until cleared). */
  pending(): { partUploads: number; downloadCuts: number; urlExpiries: number };
}

/** The storage endpoint's side of the faults: consulted on each request. */
export interface FaultBook extends MockStorageFaults {
  takePartUploadFault(fileId: string, partNumber: number): 'error' | 'reset' | 'hang' | undefined;
  takeDownloadCut(fileId: string): { afterBytes?: number; stall?: boolean } | undefined;
  isExpired(url: UrlFacts): boolean;
  /** The serial number of the next URL issued. */
  nextSerial(): number;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const count = value ?? fallback;
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`${name} must be a whole number from 1, got ${value}`);
  return count;
}

/** An empty book of faults. */
export function createFaultBook(): FaultBook {
  let partUploads: (PartUploadFault & { left: number })[] = [];
  let downloadCuts: (DownloadCutFault & { left: number })[] = [];
  let expiries: (UrlExpiryFault & { upTo: number })[] = [];
  let serial = 0;
  return {
    failPartUpload(fault = {}) {
      if (fault.mode !== undefined && !['error', 'reset', 'hang'].includes(fault.mode))
        throw new RangeError(
          `failPartUpload: mode must be 'error', 'reset' or 'hang', got ${JSON.stringify(fault.mode)}`,
        );
      partUploads.push({ ...fault, left: positive('failPartUpload: times', fault.times, 1) });
    },
    cutDownload(fault = {}) {
      if (fault.afterBytes !== undefined && !(Number.isInteger(fault.afterBytes) && fault.afterBytes >= 0))
        throw new RangeError(`cutDownload: afterBytes must be a whole number from 0, got ${fault.afterBytes}`);
      downloadCuts.push({ ...fault, left: positive('cutDownload: times', fault.times, 1) });
    },
    expireUrls(fault = {}) {
      expiries.push({ ...fault, upTo: serial });
    },
    clear() {
      partUploads = [];
      downloadCuts = [];
      expiries = [];
    },
    pending: () => ({
      partUploads: partUploads.length,
      downloadCuts: downloadCuts.length,
      urlExpiries: expiries.length,
    }),
    takePartUploadFault(fileId, partNumber) {
      const fault = partUploads.find(
        (item) => (item.fileId ?? fileId) === fileId && (item.partNumber ?? partNumber) === partNumber,
      );
      if (!fault) return undefined;
      if (--fault.left === 0) partUploads = partUploads.filter((item) => item !== fault);
      return fault.mode ?? 'error';
    },
    takeDownloadCut(fileId) {
      const fault = downloadCuts.find((item) => (item.fileId ?? fileId) === fileId);
      if (!fault) return undefined;
      if (--fault.left === 0) downloadCuts = downloadCuts.filter((item) => item !== fault);
      return {
        ...(fault.afterBytes === undefined ? {} : { afterBytes: fault.afterBytes }),
        ...(fault.stall ? { stall: true } : {}),
      };
    },
    isExpired(url) {
      return expiries.some(
        (item) =>
          url.serial <= item.upTo &&
          (item.kind ?? url.kind) === url.kind &&
          (item.fileId ?? url.fileId) === url.fileId &&
          (item.partNumber === undefined || item.partNumber === url.partNumber),
      );
    },
    nextSerial: () => ++serial,
  };
}
