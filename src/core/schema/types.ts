// The register's TypeScript types, all derived from the zod schemas.
export type { System, Roles, UserGroup } from './system.ts';
export type { Person } from './person.ts';
export type { Unit } from './unit.ts';
export type { Equipment } from './equipment.ts';
export type { Guideline } from './guideline.ts';
export type { Settings } from './settings.ts';
export type { HostingForm, UnitType, EquipmentCategory, SystemStatus } from '../vocabulary.ts';
