// The site's one way to the register: the same loader, validator and model
// as the CLI, cut to the audience the site is built for (model/visible.ts).
// Loaded once per build and shared by every page; no page sees the register
// in any other way, so no page can show what its audience may not see.
import { buildMoment, formatSwedishTime, todayIso } from '#core/text/dates.ts';
import { formatText, summarize } from '#core/findings/findings.ts';
import { readHistory, type History } from '#core/git/history.ts';
import type { HistoryItem } from '#core/views/file-history.ts';
import { registerVersion, repositoryPathOf, type Version } from '#core/git/repository.ts';
import type { PersonRecord, VisibleModel, VisibleSystem } from '#core/model/model.ts';
import { openRegister, type OpenRegister } from '#core/model/open-register.ts';
import { takeOverRegister } from '#core/model/handed-over-register.ts';
import { visibleFindings, visibleModel } from '#core/model/visible.ts';
import { audienceOf, canSee, type Audience } from '#core/domain/visibility.ts';
import { AUDIENCES } from '#core/vocabulary.ts';
import type { Kind } from '#core/kinds.ts';
import type { DataPath } from '#core/data-path.ts';
import { politicalItCouncil, systemManagementCouncil, type PoliticalCouncil, type SystemManagementCouncil } from './councils.ts';
import { registryDirFromEnv } from './site-location.ts';
import { openedInPreview, registerEdits } from './preview/register-edits.ts';
import { mappedUnits } from './maps/dependency-map.ts';
import { layoutMapsOnDemand, layoutSiteMaps, type SiteMaps } from './maps/map-layouts.ts';
import { layoutCacheFile, openLayoutCache, type LayoutCache } from './maps/layout-cache.ts';
import { historyCacheFor, systemHistories } from './system-histories.ts';
import { registerRows, type RegisterRow } from '#core/views/register-rows.ts';
import { visibleColumns, type RegisterColumn } from '#core/views/register-columns.ts';
import { buildReport, type Report } from '#core/views/report.ts';
import { repositoryLinks, type RepositoryLinks } from '#core/forge/repository-links.ts';
import { SYSTEM_STATUSES, type SystemStatus } from '#core/domain/lifecycle.ts';
import { bySwedish } from '#core/text/text.ts';
import { providersOf, type Provider } from '#core/views/suppliers.ts';
import { isCritical } from '#core/domain/continuity.ts';

export interface SiteData {
  /** Who the site is built for: every value in it is one this audience may see. */
  audience: Audience;
  /** May the audience see this field of this kind (with the register's overrides)? For whole sections of a page. */
  sees: (kind: Kind, path: DataPath) => boolean;
  model: VisibleModel;
  rows: RegisterRow[];
  /** Each file's recent changes; for the public, only when (commit subjects can name protected things). */
  history: History;
  /** A system's recent changes in Swedish, as the audience may see them. */
  systemHistory: (system: VisibleSystem) => HistoryItem[];
  /** Links into the Git repository (edit, view, commits); not for the public, whose build has no repository. */
  repository: RepositoryLinks | undefined;
  builtOn: string;
  /** When the site was built (SOURCE_DATE_EPOCH, or now) and from which commit: for the footer, and the downloads' own time. */
  build: { moment: Date; time: string; version: Version | undefined };
  /** The IT department's follow-up, as npm run report prints it. */
  report: Report;
  activePeople: PersonRecord[];
  council: SystemManagementCouncil;
  politicalCouncil: PoliticalCouncil | undefined;
  /** Every dependency map: laid out in worker threads while other pages render, or per page in the live preview. */
  siteMaps: SiteMaps;
  /** The förvaltningar with a map page (karta/<id>/). */
  maps: { id: string; name: string; systems: number }[];
  /** Choices for the register page's filters, computed once rather than per page. */
  facets: { units: string[]; statuses: SystemStatus[] };
  /** The register's columns the audience may see: in its table, and in its downloads. */
  columns: { table: RegisterColumn[]; download: RegisterColumn[] };
  /** Suppliers and hosting providers, each with a page (leverantor/<id>/); none for the public. */
  providers: Provider[];
  /** The parts of the site the audience has: the others are not built, nor linked. */
  sections: Record<SiteSection, boolean>;
}

/** Parts of the site that not every audience has. */
export type SiteSection = 'personer' | 'rad' | 'rapport' | 'karta' | 'avtal' | 'oppna-data' | 'leverantorer' | 'krisparm';

let cached: { edits: number; data: SiteData } | undefined;

/** The register as the site shows it: loaded once per build, and again in the preview after each saved change. */
export function siteData(): SiteData {
  const edits = registerEdits();
  if (cached?.edits !== edits) cached = { edits, data: load() };
  return cached.data;
}

/**
 * The register as npm run build's first pass checked it, when the build
 * hands it over (SYSTEMFORTECKNING_CHECKED): the same model and findings,
 * without reading and checking every file a second time.
 */
function handedOver(registryDir: string, today: string): Pick<OpenRegister, 'model' | 'findings'> | undefined {
  const path = process.env.SYSTEMFORTECKNING_CHECKED;
  return path && !import.meta.env.DEV ? takeOverRegister(path, { registry: registryDir, today, cwd: process.cwd() }) : undefined;
}

/**
 * Where the maps' layouts are kept between builds, in the build's cache
 * folder (npm run build -- --cache): a file per audience, whose maps differ,
 * so that building one audience does not drop another's layouts.
 */
function layoutCacheFor(audience: Audience, env: NodeJS.ProcessEnv = process.env): LayoutCache | undefined {
  const folder = env.SYSTEMFORTECKNING_CACHE;
  if (!folder || typeof __MAP_LAYOUT_VERSION__ !== 'string') return undefined;
  return openLayoutCache(layoutCacheFile(folder, audience), __MAP_LAYOUT_VERSION__);
}

/** The audience the build is for (npm run build -- --audience), intern when not given. */
export function audienceFromEnv(env: NodeJS.ProcessEnv = process.env): Audience {
  const wanted = env.SYSTEMFORTECKNING_AUDIENCE ?? 'intern';
  if (!AUDIENCES.includes(wanted as Audience)) throw new Error(`Okänd publik "${wanted}". Välj ${AUDIENCES.join(', ')}.`);
  return wanted as Audience;
}

function load(): SiteData {
  const registryDir = registryDirFromEnv();
  const audience = audienceFromEnv();
  const moment = buildMoment();
  const today = todayIso(moment);
  const register =
    openedInPreview<OpenRegister>(`${registryDir} ${today}`) ??
    handedOver(registryDir, today) ??
    openRegister(registryDir, { today, cwd: process.cwd() });
  if (summarize(register.findings).errors > 0) {
    const errors = register.findings.filter((finding) => finding.severity === 'error').map(formatText);
    throw new Error(`Registret har fel och webbplatsen byggs inte:\n${errors.join('\n')}`);
  }
  const overrides = register.model.settings.visibility ?? {};
  const model = visibleModel(register.model, audience);
  const findings = visibleFindings(register.findings, register.model, model, audience);
  const sees = (kind: Kind, path: DataPath) => canSee(audience, audienceOf(kind, path, overrides));
  const history = readHistory(registryDir);
  const rows = registerRows(model);
  const columns = visibleColumns((path) => sees('system', path));
  const maps = mappedUnits(model);
  return {
    audience,
    sees,
    model,
    rows,
    activePeople: model.people.filter((person) => person.active),
    council: systemManagementCouncil(model),
    politicalCouncil: politicalItCouncil(model),
    facets: {
      units: [...new Set(rows.map((row) => row.unit.name))].sort(bySwedish((name) => name)),
      statuses: SYSTEM_STATUSES.filter((status) => rows.some((row) => row.status === status)),
    },
    maps,
    columns: { table: columns.filter((column) => column.table !== undefined), download: columns },
    sections: {
      personer: model.people.length > 0,
      rad: model.people.length > 0 && sees('system', ['roles', 'manager']),
      rapport: audience !== 'offentlig',
      karta: maps.length > 0,
      avtal: sees('system', ['contract', 'end']),
      'oppna-data': audience === 'offentlig',
      leverantorer: audience !== 'offentlig' && providersOf(model).length > 0,
      krisparm: audience !== 'offentlig' && model.systems.some((system) => isCritical(system)),
    },
    // The live preview renders a page or two per saved change: their maps alone, then.
    siteMaps: import.meta.env.DEV
      ? layoutMapsOnDemand(model)
      : layoutSiteMaps(
          model,
          maps.map((unit) => unit.id),
          typeof __MAP_WORKER_FILE__ === 'string' ? __MAP_WORKER_FILE__ : undefined,
          layoutCacheFor(audience),
        ),
    history: audience === 'offentlig' ? datesOnly(history) : history,
    systemHistory: systemHistories(
      history,
      registryDir,
      register.model,
      model,
      audience,
      import.meta.env.DEV ? { onDemand: true } : { onDemand: false, cache: historyCacheFor(audience) },
    ),
    repository: linksFor(model, registryDir),
    builtOn: today,
    build: { moment, time: formatSwedishTime(moment), version: registerVersion(registryDir) },
    report: buildReport({ findings, model, today, sees: (path) => sees('system', path) }),
    providers: audience === 'offentlig' ? [] : providersOf(model),
  };
}

/** Links into the repository, for an audience that may see where it is (the public may not). */
function linksFor(model: VisibleModel, registryDir: string): RepositoryLinks | undefined {
  const { repositoryUrl, defaultBranch, changeReports, forge, contactEmail } = model.settings;
  if (!repositoryUrl || !defaultBranch || !changeReports) return undefined;
  return repositoryLinks(
    { repositoryUrl, defaultBranch, changeReports, contactEmail, ...(forge ? { forge } : {}) },
    repositoryPathOf(registryDir) ?? 'registry',
  );
}

/** Commit subjects and authors can name what the public may not see: the public site keeps only when. */
function datesOnly(history: History): History {
  return new Map(
    [...history].map(([file, changes]) => [
      file,
      changes.map((change) => ({ hash: '', date: change.date, author: '', subject: '', rank: change.rank, approvers: [] })),
    ]),
  );
}
