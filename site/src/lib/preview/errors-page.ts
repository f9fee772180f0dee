// What the live preview shows, on any page, while the register has errors:
// the validator's located Swedish findings, not a stack trace. The page
// reloads by itself when a file is saved again (Vite's client listens).
import { escapeMarkup } from '#core/text/output.ts';

export function registerErrorsPage(errors: readonly string[], base: string): Response {
  const items = errors.map((error) => `<li><pre>${escapeMarkup(error)}</pre></li>`).join('\n');
  const html = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Registret har fel – förhandsvisning</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}pre{white-space:pre-wrap;margin:0}li{margin-bottom:1rem;padding:.5rem;border-left:4px solid #b00020;background:#fff4f4}</style>
<script type="module" src="${escapeMarkup(base)}@vite/client"></script>
</head>
<body>
<main>
<h1>Registret har ${errors.length === 1 ? 'ett fel' : `${errors.length} fel`}</h1>
<p>Förhandsvisningen visar sidorna igen när felen är rättade. Spara filen så laddas sidan om.</p>
<ol>
${items}
</ol>
</main>
</body>
</html>
`;
  return new Response(html, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
