// The site's one way to the register: the same loader, validator and model
// as the CLI. Loaded once per build and shared by every page.
import { formatSwedishTime, todayIso } from '#core/text/dates.ts';
import { formatText, summarize } from '#core/findings/findings.ts';
import { readHistory, type History } from '#core/git/history.ts';
import { registerVersion, repositoryPathOf, type Version } from '#core/git/repository.ts';
import type { PersonRecord, RegisterModel } from '#core/model/model.ts';
import { openRegister } from '#core/model/open-register.ts';
import {
  politicalItCouncil,
  systemManagementCouncil,
  type PoliticalCouncil,
  type SystemManagementCouncil,
} from './councils.ts';
import { registryDirFromEnv } from './site-location.ts';
import { mappedUnits } from './maps/dependency-map.ts';
import { layoutSiteMaps, type SiteMaps } from './maps/map-layouts.ts';
import { registerRows, type RegisterRow } from '#core/views/register-rows.ts';
import { buildReport, type Report } from '#core/views/report.ts';
import { repositoryLinks, type RepositoryLinks } from '#core/forge/repository-links.ts';
import { SYSTEM_STATUSES, type SystemStatus } from '#core/domain/lifecycle.ts';
import { bySwedish } from '#core/text/text.ts';

export interface SiteData {
  model: RegisterModel;
  rows: RegisterRow[];
  history: History;
  /** Links into the Git repository: edit, view, commits. */
  repository: RepositoryLinks;
  builtOn: string;
  /** When the site was built and from which commit, for the footer. */
  build: { time: string; version: Version | undefined };
  /** The IT department's follow-up, as npm run report prints it. */
  report: Report;
  activePeople: PersonRecord[];
  council: SystemManagementCouncil;
  politicalCouncil: PoliticalCouncil | undefined;
  /** Every dependency map, laid out in worker threads while other pages render. */
  siteMaps: SiteMaps;
  /** The förvaltningar with a map page (karta/<id>/). */
  maps: { id: string; name: string; systems: number }[];
  /** Choices for the register page's filters, computed once rather than per page. */
  facets: { units: string[]; statuses: SystemStatus[] };
}

let cached: SiteData | undefined;

export function siteData(): SiteData {
  cached ??= load();
  return cached;
}

/**
 * When the site is built: now, or SOURCE_DATE_EPOCH (seconds) when set, the
 * convention for reproducible builds, so that two builds of the same register
 * can be compared byte for byte.
 */
function buildMoment(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}

function load(): SiteData {
  const registryDir = registryDirFromEnv();
  const moment = buildMoment();
  const today = todayIso(moment);
  const { findings, model } = openRegister(registryDir, { today, cwd: process.cwd() });
  if (summarize(findings).errors > 0) {
    const errors = findings.filter((finding) => finding.severity === 'error').map(formatText);
    throw new Error(`Registret har fel och webbplatsen byggs inte:\n${errors.join('\n')}`);
  }
  const rows = registerRows(model);
  const maps = mappedUnits(model);
  return {
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
    siteMaps: startEarly(layoutSiteMaps(model, maps.map((unit) => unit.id), typeof __MAP_WORKER_FILE__ === 'string' ? __MAP_WORKER_FILE__ : undefined)),
    history: readHistory(registryDir),
    repository: repositoryLinks(model.settings, repositoryPathOf(registryDir) ?? 'registry'),
    builtOn: today,
    build: { time: formatSwedishTime(moment), version: registerVersion(registryDir) },
    report: buildReport({ findings, model, today }),
  };
}

/**
 * Started when the register is loaded, so that the workers lay the maps out
 * while the pages before the systems' (people, units) render; awaited where
 * used, which is where a failure is reported.
 */
function startEarly(maps: SiteMaps): SiteMaps {
  maps.units.catch(() => {});
  maps.systems.catch(() => {});
  return maps;
}
