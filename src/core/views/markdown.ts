// Guideline documents from Markdown to HTML. Headings get ids (for the
// documents' own tables of contents); raw HTML in the Markdown is shown as
// text and links may only lead to web pages, e-mail or the page itself:
// guideline text is written by people, not trusted as markup.
import { Marked } from 'marked';

/** "2. Inköp" → "2-inköp", like GitHub's heading anchors. */
export function headingId(text: string): string {
  return text
    .toLocaleLowerCase('sv')
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const markdown = new Marked({
  gfm: true,
  renderer: {
    heading({ tokens, depth }) {
      const html = this.parser.parseInline(tokens);
      return `<h${depth} id="${headingId(html)}">${html}</h${depth}>\n`;
    },
    html({ text }) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      // Only web, mail and in-page links: a javascript: link in a guideline would run on the intranet.
      if (!/^(https?:|mailto:|#|\/|\.{0,2}\/?[\w%-])/i.test(href) || /^\s*(javascript|data|vbscript):/i.test(href)) return text;
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${text}</a>`;
    },
  },
});

export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false }) as string;
}
