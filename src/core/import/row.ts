// One spreadsheet row to the data of one system file: each mapped cell read
// with the value readers, and every cell that cannot be used reported.
import { SYSTEM_STATUSES } from '../model/lifecycle.ts';
import { CRITICALITY_LEVELS, type HostingForm } from '../schema/vocabulary.ts';
import { toId } from '../text/text.ts';
import type { RegisterLookup, ReportCell } from './lookup.ts';
import type { ImportPlan, PlannedFile } from './plan.ts';
import { readCriticality, readDate, readOrgNumber, readStatus, readSupplierAndHosting, readYesNo, splitCell } from './values.ts';

export function systemFromRow(
  cells: readonly string[],
  row: number,
  existingId: string | undefined,
  columns: ImportPlan['columns'],
  lookup: RegisterLookup,
  report: ReportCell,
): PlannedFile {
  const data: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  const supplier: Record<string, unknown> = {};
  const contract: Record<string, unknown> = {};
  const columnName = (index: number) => columns[index]?.header || `kolumn ${index + 1}`;
  let hosting: HostingForm | undefined;
  columns.forEach(({ field }, index) => {
    const value = cells[index] ?? '';
    if (!value || !field || field === 'ignore') return;
    const column = columnName(index);
    const bad = (reason: string) => report(row, column, value, reason);
    switch (field) {
      case 'name':
        data.name = value;
        break;
      case 'id':
        if (toId(value) === value) data.id = value;
        else bad(`är inget giltigt id; id skapas från systemnamnet`);
        break;
      case 'description':
      case 'product':
      case 'notes':
        data[field] = value;
        break;
      case 'unit': {
        const [first, ...others] = splitCell(value);
        const unit = first ? lookup.unit(first, row, column) : undefined;
        if (unit) data.unit = unit;
        if (others.length > 0)
          bad(
            `anger flera verksamheter; ${first} blev ägande verksamhet, ${others.join(', ')} användes inte (ange dem som användare om de använder systemet)`,
          );
        break;
      }
      case 'owner':
      case 'manager': {
        const [first, ...others] = splitCell(value);
        const person = first ? lookup.person(first, row, column) : undefined;
        if (person) roles[field] = person;
        if (others.length > 0) bad(`anger flera personer men rollen har en; ${first} användes, inte ${others.join(', ')}`);
        break;
      }
      case 'administrators': {
        const people = splitCell(value)
          .map((part) => lookup.person(part, row, column))
          .filter((id): id is string => id !== undefined);
        if (people.length > 0) roles.administrators = [...new Set(people)];
        break;
      }
      case 'operations': {
        const holder = lookup.operations(value, row, column);
        if (holder) roles.operations = holder;
        break;
      }
      case 'users': {
        const groups = splitCell(value).map((part) => lookup.existingUnit(part) ?? { name: part });
        roles.users = groups;
        break;
      }
      case 'supplier':
      case 'supplierAndHosting':
      case 'hosting': {
        const read = readSupplierAndHosting(value);
        if (read.hosting) hosting ??= read.hosting;
        if (read.supplier) {
          if (field === 'hosting') {
            if (!supplier.name) supplier.name = read.supplier;
            bad(`är ingen driftform (egen drift, extern drift, molntjänst); tolkades som leverantör`);
          } else supplier.name ??= read.supplier;
        }
        break;
      }
      case 'status': {
        const status = readStatus(value);
        if (status) data.status = status;
        else bad(`är ingen känd status (${SYSTEM_STATUSES.join(', ')})`);
        break;
      }
      case 'criticality': {
        const level = readCriticality(value);
        if (level) data.criticality = level;
        else bad(`är ingen känd kritikalitet (${CRITICALITY_LEVELS.join(', ')})`);
        break;
      }
      case 'orgNumber': {
        const number = readOrgNumber(value);
        if (number) supplier.orgNumber = number;
        else bad('är inget organisationsnummer (NNNNNN-NNNN)');
        break;
      }
      case 'contractEnd': {
        const date = readDate(value);
        if (date) contract.end = date;
        else bad('är inget datum (ÅÅÅÅ-MM-DD)');
        break;
      }
      case 'contractReference':
        contract.reference = value;
        break;
      case 'personalData': {
        const yes = readYesNo(value);
        if (yes === undefined) bad('är varken ja eller nej');
        else data.personalData = { processed: yes };
        break;
      }
      case 'reviewed': {
        const date = readDate(value);
        if (date) data.reviewed = date;
        else bad('är inget datum (ÅÅÅÅ-MM-DD)');
        break;
      }
    }
  });
  if (hosting) data.hosting = hosting;
  if (Object.keys(supplier).length > 0) {
    if (supplier.name) data.supplier = supplier;
    else report(row, 'Organisationsnummer', String(supplier.orgNumber), 'har ingen leverantör att höra till');
  }
  if (Object.keys(contract).length > 0) data.contract = contract;
  // A system already in the register keeps its id; an id from the sheet is used if free.
  const given = typeof data.id === 'string' ? data.id : undefined;
  const id = existingId ?? (given !== undefined && lookup.claim(given) ? given : lookup.freshId(String(data.name)));
  const ordered: Record<string, unknown> = { id, name: data.name };
  for (const key of ['description', 'product', 'unit', 'status']) if (data[key] !== undefined) ordered[key] = data[key];
  ordered.roles = roles;
  for (const [key, value] of Object.entries(data)) if (!(key in ordered)) ordered[key] = value;
  return { kind: 'system', id, data: ordered, row, missing: [] };
}
