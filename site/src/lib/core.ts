// The site's door to the core for pages and components: the types and the
// pure helpers they use (labels, roles, the lifecycle's tones, safe links).
// Only site/src/lib/ imports the core (architecture.ts); the
// register itself reaches pages only through data.ts and the route modules
// in routes/, which is where the build's audience is applied.
export type { Kind } from '#core/kinds.ts';
export type {
  VisibleModel,
  VisibleSystem,
  VisibleRoles,
  PersonRecord,
  UnitRecord,
  EquipmentRecord,
  GuidelineRecord,
} from '#core/model/model.ts';
export { roleHolders, roleTitle, type RoleKey } from '#core/domain/roles.ts';
export { statusTone, type SystemStatus } from '#core/domain/lifecycle.ts';
export { fieldTitle } from '#core/schema/labels.ts';
export { AUDIENCE_LABELS } from '#core/schema/visibility.ts';
export { EQUIPMENT_CATEGORIES, HOSTING_FORMS } from '#core/vocabulary.ts';
export { TABLE_COLUMNS, type RegisterIndex, type TableKind } from '#core/views/register-columns.ts';
export { holder, userGroupHolder, type Holder } from '#core/views/holders.ts';
export { safeHref, type LinkKind } from '#core/views/links.ts';
export { headingId } from '#core/text/markdown.ts';
export { fieldAnchor } from '#core/views/field-reference.ts';
export type { HelpPage } from '#core/reading/help-pages.ts';
export { genitive } from '#core/text/text.ts';
export type { ReportSubject } from '#core/views/report.ts';
export type { Provider } from '#core/views/suppliers.ts';
