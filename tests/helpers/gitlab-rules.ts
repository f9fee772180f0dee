// GitLab's `rules: if:` expressions, evaluated as GitLab does for the forms
// .gitlab-ci.yml uses ($A == "x", $A != "x", $A == $B, $A alone, && and ||),
// so that a test can ask which jobs a kind of pipeline would run.
export type Pipeline = Record<string, string | undefined>;

type Job = { rules?: { if?: string; when?: string; variables?: Record<string, string> }[] };

function value(term: string, pipeline: Pipeline): string | undefined {
  const text = term.trim();
  if (text.startsWith('$')) return pipeline[text.slice(1)] || undefined;
  const quoted = /^"(.*)"$/.exec(text)?.[1];
  if (quoted === undefined) throw new Error(`Okänd term i regel: ${text}`);
  return quoted;
}

function comparison(expression: string, pipeline: Pipeline): boolean {
  const match = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expression.trim());
  if (!match) return value(expression, pipeline) !== undefined;
  const [, left = '', operator, right = ''] = match;
  const equal = (value(left, pipeline) ?? null) === (value(right, pipeline) ?? null);
  return operator === '==' ? equal : !equal;
}

export function evaluate(expression: string, pipeline: Pipeline): boolean {
  return expression.split('||').some((alternative) => alternative.split('&&').every((part) => comparison(part, pipeline)));
}

/** Does a job (or the workflow, given its rules) run in this pipeline? No rules: always. */
export function runsIn(job: Job, pipeline: Pipeline): boolean {
  if (!job.rules) return true;
  const first = job.rules.find((rule) => rule.if === undefined || evaluate(rule.if, pipeline));
  return first !== undefined && first.when !== 'never';
}

/** The variables the first matching rule sets for a job in this pipeline (rules: variables:). */
export function ruleVariables(job: Job, pipeline: Pipeline): Record<string, string> {
  return job.rules?.find((rule) => rule.if === undefined || evaluate(rule.if, pipeline))?.variables ?? {};
}
