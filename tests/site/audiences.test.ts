// The attacker's test of the audiences: a register with a marker in every
// text field of every kind, an entry only the protected build may show, and
// a protected registry beside it, built for each audience. Every file written
// is read (the search index's compressed fragments unpacked, the workbook
// unzipped): no marker above the audience appears anywhere, and every marker
// at or below it appears somewhere, so the test cannot pass by writing nothing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { dump } from 'js-yaml';
import * as $rdf from 'rdflib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceRank } from '../../src/core/domain/visibility.ts';
import { AUDIENCES, type Audience } from '../../src/core/vocabulary.ts';
import { markedEntry, writeEntry, type Marker } from '../helpers/markers.ts';
import { copyRegister, removeTemp, validateFolder } from '../helpers/registers.ts';
import { git } from '../helpers/git.ts';
import { runCli } from '../helpers/run.ts';

const markers: Marker[] = [];
let cwd: string;
const outputs = new Map<Audience, string>();

/** Every byte the build wrote, as text: compressed search index fragments unpacked, the workbook unzipped. */
function corpus(out: string): string {
  const parts: string[] = [];
  for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(out, file));
    } catch {
      continue;
    }
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) parts.push(gunzipSync(bytes).toString('utf8'));
    else if (file.endsWith('.xlsx')) for (const inner of Object.values(unzipSync(bytes))) parts.push(Buffer.from(inner).toString('utf8'));
    else parts.push(bytes.toString('utf8'));
  }
  return parts.join('\n');
}

beforeAll(() => {
  const register = copyRegister();
  cwd = register.cwd;
  const { root } = register;
  const protectedRoot = join(cwd, 'skyddat');
  const targets = { system: 'lonesystem', person: 'markerad-person', unit: 'markerad-enhet' };

  const settings = markedEntry('settings', 'settings', { ...targets, unit: 'it-avdelningen' }, markers);
  settings.protectedRegistry = '../skyddat';
  delete settings.visibility;
  delete settings.politicalItCouncil;
  writeFileSync(join(root, 'settings.yaml'), dump(settings, { lineWidth: -1 }));

  writeEntry(root, protectedRoot, 'unit', {
    ...markedEntry('unit', 'markerad-enhet', targets, markers),
    parent: 'testkommun',
    head: 'anna-andersson',
  });
  writeEntry(root, protectedRoot, 'unit', {
    ...markedEntry('unit', 'skyddad-enhet', targets, markers, 'skyddad'),
    visibility: 'skyddad',
    parent: 'testkommun',
    head: 'anna-andersson',
  });
  writeEntry(root, protectedRoot, 'person', {
    ...markedEntry('person', 'markerad-person', targets, markers),
    unit: 'testkommun',
    active: true,
  });
  writeEntry(root, protectedRoot, 'person', {
    ...markedEntry('person', 'skyddad-person', targets, markers, 'skyddad'),
    visibility: 'skyddad',
    unit: 'testkommun',
    active: true,
  });

  const system = markedEntry('system', 'markerat-system', targets, markers);
  const roles = system.roles as Record<string, unknown>;
  roles.administrators = ['markerad-person', 'skyddad-person'];
  roles.informationOwner = 'skyddad-person';
  system.dependencies = [...(system.dependencies as unknown[]), 'skyddat-system'];
  (system.contract as Record<string, unknown>).start = '2020-01-01';
  system.status = 'i drift';
  writeEntry(root, protectedRoot, 'system', system);
  const hidden = markedEntry('system', 'skyddat-system', targets, markers, 'skyddad');
  (hidden.contract as Record<string, unknown>).start = '2020-01-01';
  writeEntry(root, protectedRoot, 'system', { ...hidden, visibility: 'skyddad', unit: 'skyddad-enhet', status: 'i drift' });

  writeEntry(root, protectedRoot, 'equipment', markedEntry('equipment', 'markerad-utrustning', targets, markers));
  const guideline = markedEntry('guideline', 'markerad-riktlinje', targets, markers);
  const body = markedEntry('system', 'x', targets, []).name as string;
  markers.push({ text: body, audience: 'offentlig', where: 'guideline body' });
  writeFileSync(
    join(root, 'guidelines', 'markerad-riktlinje.md'),
    `---\n${dump(guideline, { lineWidth: -1 })}---\n\n# Rubrik\n\nText med ${body} i.\n`,
  );

  const errors = validateFolder(root, cwd).findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0)
    throw new Error(`Testregistret har fel:\n${errors.map((finding) => `${finding.file}:${finding.line}: ${finding.message}`).join('\n')}`);

  // In Git, with a change to a staff-only field after the first commit: each page's history is told from both
  // versions of the file, and must cut the older one as it cuts the newer.
  git(cwd, 'init', '-q', '-b', 'main');
  git(cwd, 'add', 'registry');
  git(cwd, 'commit', '-q', '-m', 'Första versionen');
  const systemFile = join(root, 'systems', 'markerat-system.yaml');
  writeFileSync(systemFile, readFileSync(systemFile, 'utf8').replace(/^supportEmail: .*$/m, 'supportEmail: ny-adress@testkommun.se'));
  git(cwd, 'commit', '-q', '-am', 'Ny funktionsbrevlåda');

  for (const audience of AUDIENCES) {
    const out = join(cwd, `site-${audience}`);
    const result = runCli(
      'src/cli/build.ts',
      ['--registry', root, '--out', out, '--audience', audience, '--cache', join(cwd, 'byggcache')],
      {
        cwd,
      },
    );
    if (result.status !== 0) throw new Error(`Bygget för ${audience} misslyckades:\n${result.stdout}\n${result.stderr}`);
    outputs.set(audience, out);
  }
}, 300_000);

afterAll(() => removeTemp(cwd));

describe.each(AUDIENCES)('the %s build', (audience) => {
  it('holds no marker of a field or entry above its audience, in any file, the search index and the workbook included', () => {
    const text = corpus(outputs.get(audience) as string);
    const leaked = markers.filter((marker) => audienceRank(marker.audience) > audienceRank(audience) && text.includes(marker.text));
    expect(leaked.map((marker) => `${marker.where} (${marker.audience})`)).toEqual([]);
  });

  it('keeps nothing above its audience in the build cache for the next build (the told histories)', () => {
    const kept = readdirSync(join(cwd, 'byggcache')).filter((file) => file.endsWith(`-${audience}.json`));
    expect(kept.sort()).toEqual(
      audience === 'skyddad' ? [`kartor-${audience}.json`] : [`historik-${audience}.json`, `kartor-${audience}.json`],
    );
    const text = kept.map((file) => readFileSync(join(cwd, 'byggcache', file), 'utf8')).join('\n');
    const leaked = markers.filter((marker) => audienceRank(marker.audience) > audienceRank(audience) && text.includes(marker.text));
    expect(leaked.map((marker) => `${marker.where} (${marker.audience})`)).toEqual([]);
    // What the site tells of the changes is there to be checked: the history of the marked system's support address.
    if (audience === 'intern') expect(text).toContain('ny-adress@testkommun.se');
  });

  it('holds every marker its audience may see, somewhere', () => {
    const text = corpus(outputs.get(audience) as string);
    const entities = markers.filter((marker) => !marker.where.startsWith('settings.'));
    const missing = entities.filter((marker) => audienceRank(marker.audience) <= audienceRank(audience) && !text.includes(marker.text));
    expect(missing.map((marker) => `${marker.where} (${marker.audience})`)).toEqual([]);
    expect(entities.filter((marker) => audienceRank(marker.audience) <= audienceRank(audience)).length).toBeGreaterThan(20);
  });
});

describe.each(AUDIENCES)('the commands for the %s audience', (audience) => {
  it('print no marker above it: the incident for every supplier, hosting provider and system, and the report', () => {
    const outputs: string[] = [];
    const run = (script: string, args: string[]) => {
      const result = runCli(script, ['--registry', join(cwd, 'registry'), '--audience', audience, ...args], { cwd });
      outputs.push(result.stdout, result.stderr);
    };
    for (const format of ['text', 'markdown', 'json']) {
      for (const system of ['markerat-system', 'skyddat-system', 'lonesystem'])
        run('src/cli/incident.ts', ['--system', system, '--format', format]);
      run('src/cli/incident.ts', [
        '--supplier',
        markers.find((marker) => marker.where === 'system.supplier.name')?.text ?? '',
        '--format',
        format,
      ]);
      run('src/cli/incident.ts', [
        '--hosting',
        markers.find((marker) => marker.where === 'system.hostedAt.provider')?.text ?? '',
        '--format',
        format,
      ]);
      run('src/cli/report.ts', ['--format', format]);
    }
    const text = outputs.join('\n');
    const leaked = markers.filter((marker) => audienceRank(marker.audience) > audienceRank(audience) && text.includes(marker.text));
    expect(leaked.map((marker) => `${marker.where} (${marker.audience})`)).toEqual([]);
    // The commands said something: the marked system's name, which everyone may see, is there.
    expect(text).toContain(markers.find((marker) => marker.where === 'system.name')?.text);
  });
});

describe('what each build says about itself', () => {
  const page = (audience: Audience) => readFileSync(join(outputs.get(audience) as string, 'index.html'), 'utf8');

  it('names its audience in the footer; the protected build warns on every page and keeps search engines out', () => {
    expect(page('intern')).toContain('Byggd för publiken intern (kommunens personal).');
    expect(page('offentlig')).toContain('Byggd för publiken offentlig (alla).');
    const protectedPages = readdirSync(outputs.get('skyddad') as string, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.html'),
    );
    expect(protectedPages.length).toBeGreaterThan(10);
    for (const file of protectedPages) {
      const html = readFileSync(join(outputs.get('skyddad') as string, file), 'utf8');
      expect(html, file).toContain('Skyddad version – sprid inte vidare');
      expect(html, file).toContain('<meta name="robots" content="noindex, nofollow">');
    }
    expect(page('intern')).not.toContain('noindex');
  });

  it('tells staff what the change did, with the field’s old value; the public neither', () => {
    const history = (audience: Audience) =>
      readFileSync(join(outputs.get(audience) as string, 'system', 'markerat-system', 'index.html'), 'utf8');
    const old = markers.find((marker) => marker.where === 'system.supportEmail')?.text as string;
    expect(history('intern')).toContain(`ändras från ${old}@testkommun.se till ny-adress@testkommun.se`);
    expect(history('offentlig')).not.toContain('ny-adress');
  });

  it('builds no people, councils, report or maps for the public, and no open data for anyone else', () => {
    const files = (audience: Audience) => readdirSync(outputs.get(audience) as string, { recursive: true, encoding: 'utf8' });
    for (const section of ['personer', 'rad', 'rapport', 'karta'])
      expect(
        files('offentlig').some((file) => file.startsWith(`${section}/`)),
        section,
      ).toBe(false);
    expect(files('offentlig')).toContain('export/dcat.rdf');
    expect(files('intern')).not.toContain('export/dcat.rdf');
    expect(files('intern').some((file) => file.startsWith('personer/'))).toBe(true);
    // The guides to the intranet's buttons are the staff's; what the roles and fields mean is everyone's.
    expect(files('offentlig')).not.toContain('hjalp/andra-uppgifter/index.html');
    expect(files('offentlig')).toContain('hjalp/roller/index.html');
    expect(files('offentlig')).toContain('hjalp/falt/system/index.html');
    expect(files('intern')).toContain('hjalp/andra-uppgifter/index.html');
  });
});

describe('the open data catalogue (DCAT-AP-SE)', () => {
  it('parses back as RDF with the profile’s mandatory classes and properties', () => {
    const xml = readFileSync(join(outputs.get('offentlig') as string, 'export', 'dcat.rdf'), 'utf8');
    const store = $rdf.graph();
    $rdf.parse(xml, store, 'https://example.invalid/dcat.rdf', 'application/rdf+xml');
    const DCAT = $rdf.Namespace('http://www.w3.org/ns/dcat#');
    const DCT = $rdf.Namespace('http://purl.org/dc/terms/');
    const FOAF = $rdf.Namespace('http://xmlns.com/foaf/0.1/');
    const RDF = $rdf.Namespace('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
    const ofType = (type: ReturnType<typeof DCAT>) => store.each(undefined, RDF('type'), type);
    const [catalog] = ofType(DCAT('Catalog'));
    const [dataset] = ofType(DCAT('Dataset'));
    const distributions = ofType(DCAT('Distribution'));
    expect(catalog && dataset).toBeTruthy();
    for (const property of [DCT('title'), DCT('description'), DCT('publisher'), DCAT('dataset')])
      expect(store.any(catalog as never, property), property.value).toBeTruthy();
    for (const property of [
      DCT('title'),
      DCT('description'),
      DCT('publisher'),
      DCAT('contactPoint'),
      DCT('accrualPeriodicity'),
      DCT('modified'),
    ])
      expect(store.any(dataset as never, property), property.value).toBeTruthy();
    const publisher = store.any(dataset as never, DCT('publisher'));
    expect(store.any(publisher as never, FOAF('name'))?.value).toBe(
      markers.find((marker) => marker.where === 'settings.municipality')?.text,
    );
    expect(distributions.map((node) => store.any(node as never, DCT('format'))?.value).sort()).toEqual([
      'http://publications.europa.eu/resource/authority/file-type/CSV',
      'http://publications.europa.eu/resource/authority/file-type/JSON',
      'http://publications.europa.eu/resource/authority/file-type/XLSX',
    ]);
    for (const node of distributions) {
      expect(store.any(node as never, DCAT('accessURL'))?.value).toMatch(/^https:\/\/.+\/export\/systemforteckning\.(csv|xlsx|json)$/);
      expect(store.any(node as never, DCT('license'))?.value).toBe(
        `https://testkommun.se/${markers.find((marker) => marker.where === 'settings.dataLicense')?.text}`,
      );
    }
  });
});
