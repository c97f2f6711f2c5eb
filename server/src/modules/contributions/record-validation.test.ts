import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { AccountRole, AccountStatus } from '../accounts/account.type';
import { guard } from '../accounts/auth.guard';
import type { Caller } from '../accounts/auth.request';
import type { CooperationRecordInput } from '../register/register-write.types';
import { staleBefore } from './contribution.service';
import { checkIsoDate, checkSource, recordChanges } from './record-validation';

const code = (fn: () => unknown): unknown => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? [error.extensions.code, error.extensions.field] : error;
  }
};

const record: CooperationRecordInput = {
  name: 'VHS Nord',
  legalForm: 'ZWECKVERBAND',
  status: 'ACTIVE',
  startYear: 1990,
  endDate: null,
  seat: null,
  description: null,
  sourceUrl: 'https://example.org/satzung',
  sourceReference: null,
  sourceDate: null,
  evidence: null,
  confidence: 'MEDIUM',
  taskAreaIds: ['vhs'],
  members: [
    { kind: 'MUNICIPALITY', key: '05515000', role: 'MEMBER' },
    { kind: 'MUNICIPALITY', key: '05566028', role: 'MEMBER' },
  ],
};

describe('record validation', () => {
  it('takes a URL (http or https) or a gazette reference, and wants one of them', () => {
    expect(checkSource('https://example.org/a', null, 'record.')).toEqual({ sourceUrl: 'https://example.org/a', sourceReference: null });
    expect(checkSource(' ', 'Amtsblatt Kreis Soest 12/2024, S. 3', 'record.')).toEqual({
      sourceUrl: null,
      sourceReference: 'Amtsblatt Kreis Soest 12/2024, S. 3',
    });
    expect(code(() => checkSource(null, null, 'record.'))).toEqual(['BAD_USER_INPUT', 'record.sourceUrl']);
    expect(code(() => checkSource('javascript:alert(1)', null, 'record.'))).toEqual(['BAD_USER_INPUT', 'record.sourceUrl']);
    expect(code(() => checkSource(null, 'Bl.', 'end.'))).toEqual(['BAD_USER_INPUT', 'end.sourceReference']);
  });

  it('accepts real calendar dates only, not far in the future', () => {
    expect(checkIsoDate('2024-02-29', 'endDate')).toBe('2024-02-29');
    expect(code(() => checkIsoDate('2023-02-29', 'endDate'))).toEqual(['BAD_USER_INPUT', 'endDate']);
    expect(code(() => checkIsoDate('31.12.2024', 'endDate'))).toEqual(['BAD_USER_INPUT', 'endDate']);
    expect(code(() => checkIsoDate(`${new Date().getUTCFullYear() + 2}-01-01`, 'endDate'))).toEqual(['BAD_USER_INPUT', 'endDate']);
  });

  it('lists the fields that differ, lists and members compared as sets', () => {
    expect(recordChanges(record, { ...record, members: [...record.members].reverse() })).toEqual([]);
    expect(recordChanges(record, { ...record, status: 'ENDED', endDate: '2025-01-31' })).toEqual([
      { field: 'status', before: 'ACTIVE', after: 'ENDED' },
      { field: 'endDate', before: null, after: '2025-01-31' },
    ]);
    expect(recordChanges(null, record).map((c) => c.field)).toEqual([
      'name',
      'legalForm',
      'status',
      'startYear',
      'sourceUrl',
      'confidence',
      'taskAreaIds',
      'members',
    ]);
  });

  it('counts a record as due for verification from two years back', () => {
    expect(staleBefore(new Date('2026-12-01T10:00:00Z'))).toBe('2024-12-01T10:00:00.000Z');
  });
});

describe('guard.cooperationMembers', () => {
  const caller = (role: AccountRole, municipalityAgs: string[]): Caller => ({
    sessionHash: 'x',
    account: {
      id: 'a',
      email: 'a@example.org',
      displayName: 'A',
      role,
      status: AccountStatus.ACTIVE,
      createdAt: '',
      confirmedAt: null,
      confirmedBy: null,
      municipalityAgs,
    },
  });

  it('lets staff report only about cooperations with one of their municipalities, the office about any', () => {
    expect(guard.cooperationMembers(caller(AccountRole.STAFF, ['05515000']), ['05566028', '05515000']).municipalityAgs).toBe('05515000');
    expect(code(() => guard.cooperationMembers(caller(AccountRole.STAFF, ['05315000']), ['05566028', '05515000']))).toEqual(['FORBIDDEN', undefined]);
    expect(guard.cooperationMembers(caller(AccountRole.OFFICE, []), ['05515000']).municipalityAgs).toBeNull();
    expect(code(() => guard.cooperationMembers(null, ['05515000']))).toEqual(['UNAUTHENTICATED', undefined]);
  });
});
