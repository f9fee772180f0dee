// The rule tables in docs/datamodell.md, CONTRIBUTING.md and the site, generated from the rule
// catalogue (npm run docs) so that the documentation lists exactly the rules
// the validator has; tests/core/docs.test.ts fails when the files drift.
import { RULE_CATALOGUE, RULE_GROUPS, type RuleId } from './rule-catalogue.ts';

const SEVERITY = { error: 'fel', warning: 'varning' } as const;
const RULES = Object.entries(RULE_CATALOGUE) as [RuleId, (typeof RULE_CATALOGUE)[RuleId]][];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Every rule, by area: for docs/datamodell.md and the site. */
export function ruleTable(): string {
  const rows = RULES.map(
    ([id, info]) => `| \`${id}\` | ${RULE_GROUPS[info.group]} | ${SEVERITY[info.severity]} | ${cell(info.checks)} |`,
  );
  return ['| Regel | Område | Allvar | Kontrollerar att |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The common errors and how to fix them: for people editing files (CONTRIBUTING). */
export function commonErrorTable(): string {
  const rows = RULES.filter(([, info]) => 'common' in info && info.common).map(
    ([id, info]) =>
      `| \`${id}\`${info.severity === 'warning' ? ' (varning)' : ''} | ${cell(info.title)}. Kontrollerar att ${cell(info.checks)}. | ${cell(info.fix)} |`,
  );
  return ['| Regel | Vad den betyder | Så rättar du |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The text with the section between its markers replaced; undefined when the markers are missing. */
export function withSection(text: string, marker: string, content: string): string | undefined {
  const start = `<!-- ${marker}:start, genereras av npm run docs -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
