// Every page, as it is written at build time, gets white space between its
// blocks of text, so that the search index keeps their words apart (lib/word-breaks.ts).
import { defineMiddleware } from 'astro:middleware';
import { withWordBreaks } from './lib/word-breaks.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  return new Response(withWordBreaks(await response.text()), { status: response.status, headers: response.headers });
});
