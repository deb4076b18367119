/** Progress of a transfer: bytes stored (or received), only ever growing, ending at the file's size. */

/** What `onProgress` is told. */
export interface TransferProgress {
  /** Bytes transferred so far (for an upload: in parts the storage has acknowledged). */
  loaded: number;
  /** The file's size in bytes (undefined for a download whose size the storage did not say). */
  total: number | undefined;
}

/** Counts bytes and reports each step to `onProgress`. */
export class ProgressCounter {
  constructor(
    private readonly total: number | undefined,
    private readonly onProgress: ((progress: TransferProgress) => void) | undefined,
    private loaded = 0,
  ) {}

  private reported = false;

  /** Adds bytes transferred and reports (an empty file reports its 0 bytes once). */
  add(bytes: number): void {
    if (bytes <= 0 && this.reported) return;
    this.reported = true;
    this.loaded += Math.max(bytes, 0);
    this.onProgress?.({ loaded: this.loaded, total: this.total });
  }

  /** Reports the whole file as transferred (a flash upload: the service had the content). */
  finish(): void {
    if (this.total === undefined) return;
    this.add(this.total - this.loaded);
  }

  get bytes(): number {
    return this.loaded;
  }
}
