import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { MAIL_DEFAULTS, mailOptionsFromConfig } from './mail.options';

const SMTP = {
  SMTP_URL: 'smtp://mail.example.nrw:587',
  MAIL_FROM: 'Kooperationsatlas NRW <noreply@example.nrw>',
  PUBLIC_BASE_URL: 'https://atlas.example.nrw/',
};

describe('e-mail configuration', () => {
  it('is off without SMTP_URL', () => {
    expect(mailOptionsFromConfig(loadConfig({}))).toBeUndefined();
  });

  it('takes the SMTP server, the sender and the public address', () => {
    const options = mailOptionsFromConfig(loadConfig({ ...SMTP, SMTP_REQUIRE_TLS: 'true', KA_MAIL_MAX_AGE_HOURS: '24' }))!;
    expect(options.smtpUrl).toBe(SMTP.SMTP_URL);
    expect(options.requireTls).toBe(true);
    expect(options.publicBaseUrl).toBe('https://atlas.example.nrw');
    expect(options.maxAgeMs).toBe(24 * 60 * 60_000);
    expect(options.pollMs).toBe(MAIL_DEFAULTS.pollMs);
  });

  it('refuses SMTP_URL without MAIL_FROM or PUBLIC_BASE_URL', () => {
    expect(() => loadConfig({ SMTP_URL: SMTP.SMTP_URL, MAIL_FROM: SMTP.MAIL_FROM })).toThrowError(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ SMTP_URL: SMTP.SMTP_URL, PUBLIC_BASE_URL: SMTP.PUBLIC_BASE_URL })).toThrowError(/MAIL_FROM/);
  });

  it.each([
    [{ ...SMTP, SMTP_URL: 'http://mail.example.nrw' }, 'SMTP_URL'],
    [{ ...SMTP, MAIL_FROM: 'a\nBcc: x@example.org' }, 'MAIL_FROM'],
    [{ ...SMTP, PUBLIC_BASE_URL: 'ftp://atlas.example.nrw' }, 'PUBLIC_BASE_URL'],
    [{ ...SMTP, KA_MAIL_POLL_MS: '10' }, 'KA_MAIL_POLL_MS'],
  ])('rejects %o naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrowError(new RegExp(`^invalid environment value ${name}=`));
  });
});
