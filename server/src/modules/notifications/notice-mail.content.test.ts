import { describe, expect, it } from 'vitest';
import { noticeMail } from './notice-mail.content';

const text = {
  textDe: 'Winterberg interessiert sich für Ihr Vorhaben „Gemeinsames Standesamt“.',
  textEn: 'Winterberg is interested in your idea "Gemeinsames Standesamt".',
};

describe('noticeMail', () => {
  it('puts the German text first, the English one below, each with links in its language', () => {
    const mail = noticeMail({ recipientName: 'Anna Beispiel', text, ideaId: 'abc', baseUrl: 'https://atlas.example' });
    expect(mail.subject).toBe(`Kooperationsbörse: ${text.textDe}`);
    const de = mail.text.indexOf(text.textDe);
    const en = mail.text.indexOf(text.textEn);
    expect(de).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(de);
    expect(mail.text.indexOf('https://atlas.example/boerse/abc\n')).toBeLessThan(en);
    expect(mail.text.indexOf('https://atlas.example/boerse/abc?lang=en')).toBeGreaterThan(en);
    expect(mail.text).toContain('https://atlas.example/postfach?lang=en');
    expect(mail.text.startsWith('Guten Tag Anna Beispiel,')).toBe(true);
  });

  it('links only the inbox when the recipient may not see the idea', () => {
    const mail = noticeMail({ recipientName: 'Anna', text, ideaId: null, baseUrl: 'https://atlas.example' });
    expect(mail.text).not.toContain('/boerse/');
    expect(mail.text).toContain('https://atlas.example/postfach');
  });

  it('keeps the subject to one bounded line whatever the idea title holds', () => {
    const long = { textDe: `Titel\r\nBcc: someone@example.org ${'x'.repeat(300)}`, textEn: 'x' };
    const mail = noticeMail({ recipientName: 'A\nB', text: long, ideaId: 'abc', baseUrl: 'https://atlas.example' });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject.length).toBeLessThanOrEqual(150);
    expect(mail.text.startsWith('Guten Tag A B,')).toBe(true);
  });
});
