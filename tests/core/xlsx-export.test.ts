// The Excel download is part of the site, and a site built twice from the same
// register at the same build time (SOURCE_DATE_EPOCH) is the same bytes: the
// workbook carries the build's time, not the clock's, in its properties and on
// every file in its zip.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openRegister } from '../../src/core/model/open-register.ts';
import { visibleModel } from '../../src/core/model/visible.ts';
import { toXlsx } from '../../src/core/views/exports.ts';
import { registerRows } from '../../src/core/views/register-rows.ts';
import { EXAMPLE_REGISTER, TODAY } from '../helpers/registers.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the Excel download', () => {
  const model = visibleModel(openRegister(EXAMPLE_REGISTER, { today: TODAY, cwd: process.cwd() }).model, 'intern');
  const built = new Date('2026-03-01T10:00:00Z');

  it('is the same file, byte for byte, whenever it is written for the same build time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:07Z'));
    const first = Buffer.from(await toXlsx(registerRows(model), model, undefined, built));
    vi.setSystemTime(new Date('2026-03-02T17:31:44Z'));
    const second = Buffer.from(await toXlsx(registerRows(model), model, undefined, built));
    expect(second.equals(first)).toBe(true);
  });

  it('says it was made at the build time', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(registerRows(model), model, undefined, built)) as never);
    expect(book.created.toISOString()).toBe(built.toISOString());
    expect(book.modified.toISOString()).toBe(built.toISOString());
  });
});
