// The compressed HTML has no white space between elements, and Pagefind then
// joins the text of neighbouring cells and terms into one word in the index
// and its excerpts ("Chef förHR-avdelningen", "SystemRollStatus"). A space
// after every element that ends a block of text keeps the words apart. The
// browser ignores it: white space between blocks, table cells, list items,
// grid and flex items is not drawn.
const BLOCK_END =
  /<\/(?:p|li|dt|dd|th|td|tr|h[1-6]|div|section|caption|figcaption|summary|blockquote|pre|figure|ul|ol|dl|table|thead|tbody|header|footer|nav|main|article|aside)>/gi;

export function withWordBreaks(html: string): string {
  return html.replace(BLOCK_END, '$& ');
}
