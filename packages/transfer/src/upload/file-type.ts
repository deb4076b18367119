/**
 * createFile's `fileType`, which the caller chooses from KooDrive's list of kinds: 15 image,
 * 20 video, 26 Word, 27 Excel, 28 PowerPoint, 30 audio, 35 archive, 40 application, 45 other.
 * Guessed here from the MIME type, else the name's extension, else 45.
 */

const BY_EXTENSION: Record<string, string> = {};
const kinds: [string, string[]][] = [
  ['15', ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'svg', 'tif', 'tiff', 'heic', 'ico']],
  ['20', ['mp4', 'mov', 'avi', 'mkv', 'wmv', 'flv', 'webm', 'm4v', '3gp']],
  ['26', ['doc', 'docx', 'dot', 'dotx', 'odt', 'rtf']],
  ['27', ['xls', 'xlsx', 'xlsm', 'xlt', 'xltx', 'ods', 'csv']],
  ['28', ['ppt', 'pptx', 'pps', 'ppsx', 'odp']],
  ['30', ['mp3', 'wav', 'flac', 'aac', 'ogg', 'm4a', 'wma', 'opus']],
  ['35', ['zip', 'rar', '7z', 'tar', 'gz', 'tgz', 'bz2', 'xz', 'zst']],
  ['40', ['exe', 'msi', 'apk', 'ipa', 'dmg', 'deb', 'rpm', 'app', 'jar']],
];
for (const [code, extensions] of kinds) for (const extension of extensions) BY_EXTENSION[extension] = code;

const BY_MIME_PREFIX: [string, string][] = [
  ['image/', '15'],
  ['video/', '20'],
  ['audio/', '30'],
];

/** The FileTypeCode for a file, from its MIME type or name. */
export function guessFileType(fileName: string, mimeType?: string): string {
  for (const [prefix, code] of BY_MIME_PREFIX) if (mimeType?.startsWith(prefix)) return code;
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return BY_EXTENSION[extension] ?? '45';
}
