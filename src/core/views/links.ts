// Links to addresses written in the register. Every value in the register is
// untrusted text from a pull request: the schema accepts only http(s) web
// addresses, and these helpers are the second line of defence, so that a
// template can never turn a value into a javascript:, data: or file: link.
import { PHONE_PATTERN, WEB_URL_PATTERN } from '../vocabulary.ts';

/** The address as an href when it is an http(s) web address; otherwise undefined. */
export function webHref(value: unknown): string | undefined {
  if (typeof value !== 'string' || !WEB_URL_PATTERN.test(value) || !URL.canParse(value)) return undefined;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:' ? value : undefined;
}

/** A plain address: no spaces, quotes, angle brackets or URL delimiters that could add headers to the e-mail. */
const PLAIN_EMAIL = /^[^\s@<>()[\]"',;:?&#%\\/]+@[^\s@<>()[\]"',;:?&#%\\/]+\.[^\s@<>()[\]"',;:?&#%\\/]+$/;

export function mailtoHref(value: unknown): string | undefined {
  return typeof value === 'string' && PLAIN_EMAIL.test(value) ? `mailto:${value}` : undefined;
}

export function telHref(value: unknown): string | undefined {
  return typeof value === 'string' && PHONE_PATTERN.test(value) ? `tel:${value.replace(/[^+0-9]/g, '')}` : undefined;
}

export type LinkKind = 'web' | 'email' | 'phone';

export function safeHref(value: unknown, kind: LinkKind): string | undefined {
  return kind === 'web' ? webHref(value) : kind === 'email' ? mailtoHref(value) : telHref(value);
}
