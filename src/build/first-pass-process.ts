// The process of first-pass.ts: validates the register and answers with text;
// a register without errors it also hands over to the site's loader.
import { UserError } from '../core/errors.ts';
import { formatText } from '../core/findings/findings.ts';
import { validateRegister, validationSummary } from '../core/model/open-register.ts';
import { resolveRegister } from '../core/model/model.ts';
import { handOverRegister } from '../core/model/handed-over-register.ts';
import { displayPathOf } from '../core/reading/load.ts';
import type { FirstPassAnswer, FirstPassInput } from './first-pass.ts';

function answer(input: FirstPassInput): FirstPassAnswer {
  const register = validateRegister(input.registry, { today: input.today, cwd: input.cwd });
  if (input.audience === 'skyddad' && register.protectedRegistry && !register.protectedRegistry.sources)
    return {
      userError: `Det skyddade registret ${displayPathOf(register.protectedRegistry.dir, input.cwd)} (protectedRegistry i settings.yaml) finns inte, så den skyddade versionen skulle sakna de skyddade uppgifterna. Hämta det bredvid registret och bygg igen.`,
    };
  const errors = register.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) return { ok: { errors: errors.map(formatText) } };
  if (input.handOver)
    handOverRegister(input.handOver, {
      registry: input.registry,
      today: input.today,
      cwd: input.cwd,
      model: resolveRegister(register.parsed),
      findings: register.findings,
    });
  return { ok: { summary: validationSummary(register.findings, register.parsed) } };
}

let reply: FirstPassAnswer;
try {
  reply = answer(JSON.parse(process.argv[2] ?? '{}') as FirstPassInput);
} catch (error) {
  reply =
    error instanceof UserError
      ? { userError: error.message }
      : { failed: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } };
}
process.send?.(reply);
process.disconnect?.();
