/** IDs shaped like those of KooDrive's file APIs, deterministic by index. */
import { makeHex } from './org.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';

/**
 * A file or folder ID: `F` and 32 letters, digits or underscores, as in the reference's examples
 * (`Fn1bTLIOomJkTCAe9DEVBRY4U6IkuqkMZ`).
 */
export function makeFileId(index: number): string {
  const hex = makeHex(0x5eed0000 + index, 64);
  let id = 'F';
  for (let at = 0; at < 64; at += 2) id += ALPHABET[Number.parseInt(hex.slice(at, at + 2), 16) % ALPHABET.length];
  return id;
}

/** An upload ID: 32 upper-case hexadecimal characters, as in createFile's documented example. */
export function makeUploadId(index: number): string {
  return `0000019${makeHex(0x0b10ad00 + index, 25)}`.toUpperCase();
}
