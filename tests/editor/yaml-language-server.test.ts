// The schemas reach editors through the `# yaml-language-server: $schema=…`
// comment. Run the real language server on a register file with a misspelt
// key and expect the diagnostic a system owner would see in the editor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../helpers/lsp.ts';
import { MINIMAL } from '../helpers/registers.ts';
import { REPO } from '../helpers/run.ts';

/** A fixture file as it would sit in registry/<dir>/, with the schema comment on top. */
function registerFile(dir: string, file: string, schema: string): string {
  return `# yaml-language-server: $schema=../../schemas/${schema}.schema.json\n${readFileSync(join(MINIMAL, dir, file), 'utf8')}`;
}

const SERVER = join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const settings = { validate: true, hover: true, completion: true, schemaStore: { enable: false } };
let client: LspClient;

beforeAll(async () => {
  client = new LspClient(process.execPath, [SERVER, '--stdio'], settings);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(REPO).href,
    capabilities: { workspace: { configuration: true } },
  });
  client.notify('initialized', {});
  client.notify('workspace/didChangeConfiguration', { settings: { yaml: settings } });
});
afterAll(() => client?.close());

function openDocument(relPath: string, text: string): string {
  const uri = pathToFileURL(join(REPO, relPath)).href;
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return uri;
}

describe('yaml-language-server with the committed schemas', () => {
  it('flags a misspelt key in a system file, on its line', async () => {
    const text = registerFile('systems', 'lonesystem.yaml', 'system').replace('  owner: anna-andersson', '  ownr: anna-andersson');
    const uri = openDocument('registry/systems/stavfel-test.yaml', text);
    const { diagnostics } = await client.waitFor(
      'textDocument/publishDiagnostics',
      (params) => params.uri === uri && params.diagnostics.length > 0,
    );
    const misspelt = diagnostics.find((diagnostic: any) => /ownr/.test(diagnostic.message));
    expect(misspelt, JSON.stringify(diagnostics)).toBeDefined();
    expect(misspelt.range.start.line).toBe(text.split('\n').findIndex((line) => line.includes('ownr:')));
    expect(diagnostics.some((diagnostic: any) => /owner/.test(diagnostic.message))).toBe(true);
  });

  it('reports nothing for a correct file', async () => {
    const text = registerFile('people', 'bo-berg.yaml', 'person');
    const uri = openDocument('registry/people/korrekt-test.yaml', text);
    const { diagnostics } = await client.waitFor('textDocument/publishDiagnostics', (params) => params.uri === uri);
    expect(diagnostics).toEqual([]);
  });

  it('shows the Swedish description as hover help', async () => {
    const text = registerFile('systems', 'lonesystem.yaml', 'system');
    const uri = openDocument('registry/systems/hover-test.yaml', text);
    await client.waitFor('textDocument/publishDiagnostics', (params) => params.uri === uri);
    const line = text.split('\n').findIndex((row) => row.startsWith('  manager:'));
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
    expect(JSON.stringify(hover)).toContain('Utses av systemägaren');
  });
});
