import { KooDriveValidationError } from '../errors.js';

/**
 * The short code of a share link: the code itself (`1808628918203192833`), or a link that ends in
 * it, such as `https://…/cloudfile/#/sharelink/i/1808628918203192833` (the one shape the reference
 * shows): the last segment of the link's fragment path, else of its path.
 */
export function shortCodeOf(link: unknown): string {
  if (typeof link !== 'string' || link.trim() === '') {
    throw new KooDriveValidationError('shortUrl', 'must be a share link or its short code (a non-empty string)');
  }
  const text = link.trim();
  let code = text;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new KooDriveValidationError('shortUrl', 'is not a valid link');
    }
    const fragment = url.hash.replace(/^#/, '').split('?')[0] ?? '';
    const segments = (fragment.includes('/') ? fragment : url.pathname).split('/').filter(Boolean);
    code = decodeURIComponent(segments[segments.length - 1] ?? '');
  }
  if (code === '' || /[\s/?#]/.test(code)) {
    throw new KooDriveValidationError('shortUrl', 'names no short code: give the share link or the code that ends it');
  }
  return code;
}
