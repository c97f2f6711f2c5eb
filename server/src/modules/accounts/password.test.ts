import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('uses argon2id with a salt and verifies only the right password', async () => {
    const a = await hashPassword('richtig-langes-passwort');
    const b = await hashPassword('richtig-langes-passwort');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'richtig-langes-passwort')).toBe(true);
    expect(await verifyPassword(a, 'falsches-passwort!!')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await dummyHash()).toMatch(/^\$argon2id\$/);
  });
});
