// The core's text helpers the site's pages and client scripts use: Swedish
// collation and folding for filters and search.
export { capitalize, foldText, swedishCollator } from '#core/text/text.ts';
