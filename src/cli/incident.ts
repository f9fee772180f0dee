// npm run incident -- --supplier <namn|org.nr> | --hosting <driftleverantör> | --system <id>
//                     [--since "ÅÅÅÅ-MM-DD TT:MM"] [--format text|markdown|json] [--audience intern|skyddad]
// The first hour of an incident, without a build: which systems stop, in the
// order to act, whom to call, the fallbacks, and the CSIRT deadlines.
import { audienceOf, canSee } from '../core/domain/visibility.ts';
import { UserError } from '../core/errors.ts';
import { readModel } from '../core/model/open-register.ts';
import { visibleModel } from '../core/model/visible.ts';
import { parseSwedishTime } from '../core/text/dates.ts';
import { buildIncident, incidentMarkdown, incidentOrigins, incidentText, type IncidentTarget } from '../core/views/incident.ts';
import { audienceOption } from './build.ts';
import { defineCommand, EXIT_OK, runMain, UsageError } from './command.ts';

export const main = defineCommand({
  name: 'incident',
  description:
    'Visar vilka system som slutar fungera när en leverantör, en driftleverantör eller ett system slutar fungera, i den ordning de behöver åtgärdas: vem som ska kontaktas, återställningstid, reservrutin och leverantörens support. Med --since också tidsfristerna för rapport till CSIRT.',
  options: {
    supplier: { type: 'string', value: '<namn|org.nr>', help: 'leverantören som slutat fungera' },
    hosting: { type: 'string', value: '<namn|org.nr>', help: 'driftleverantören (datacenter, moln) som slutat fungera' },
    system: { type: 'string', value: '<id>', help: 'systemet som slutat fungera' },
    since: {
      type: 'string',
      value: '"ÅÅÅÅ-MM-DD TT:MM"',
      help: 'när incidenten upptäcktes (svensk tid): skriver ut tidsfristerna för rapport till CSIRT',
    },
    audience: {
      type: 'string',
      value: 'offentlig|intern|skyddad',
      help: 'vilka uppgifter som visas (standard intern); återställningstid och reservrutin är skyddade',
    },
  },
  registry: true,
  formats: ['text', 'markdown', 'json'],
  run({ values, registry, format, io, print }) {
    const targets = (['supplier', 'hosting', 'system'] as const).filter((kind) => values[kind] !== undefined);
    if (targets.length !== 1) throw new UsageError('ange precis en av --supplier, --hosting och --system.');
    const kind = targets[0] as IncidentTarget['kind'];
    const discovered = values.since === undefined ? undefined : parseSwedishTime(values.since);
    if (values.since !== undefined && !discovered)
      throw new UsageError(
        `--since ska vara en tidpunkt i svensk tid, "ÅÅÅÅ-MM-DD TT:MM", till exempel "2026-11-29 08:15", inte "${values.since}".`,
      );
    const audience = audienceOption(values.audience);
    // The incident needs the register's facts, not its findings: it answers also while a file has an error.
    const register = readModel(registry, { cwd: io.cwd });
    const model = visibleModel(register.model, audience);
    const overrides = register.model.settings.visibility ?? {};
    const sees = (path: readonly string[]) => canSee(audience, audienceOf('system', path, overrides));
    if (kind === 'hosting' && !sees(['hostedAt']))
      throw new UserError(
        `Var systemen drivs (hostedAt) är skyddade uppgifter som publiken ${audience} inte ser. Kör med --audience skyddad, om du får se dem.`,
      );
    const found = incidentOrigins(model, { kind, query: String(values[kind]) });
    if ('error' in found) throw new UserError(found.error);
    const incident = buildIncident(model, found.target, found.origins, {
      audience,
      sees,
      ...(discovered ? { discovered } : {}),
    });
    if (format === 'json') io.stdout(`${JSON.stringify(incident, null, 2)}\n`);
    else if (format === 'markdown') io.stdout(`${incidentMarkdown(incident)}\n`);
    else print(incidentText(incident));
    return EXIT_OK;
  },
});

if (import.meta.main) await runMain(main);
