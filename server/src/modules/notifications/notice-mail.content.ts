import type { NoticeText } from '../board/board.service';

/** The client's routes the e-mails link to (client/src/app/router.tsx): an idea's page and the inbox. */
export const ideaPath = (ideaId: string): string => `/boerse/${encodeURIComponent(ideaId)}`;
export const INBOX_PATH = '/postfach';

export interface NoticeMailContent {
  subject: string;
  text: string;
}

const SUBJECT_MAX = 150;

// Control characters (a line break in an idea's title) would end the subject line.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]+/g;
const oneLine = (value: string): string => value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();

/**
 * One notice as an e-mail: German first, English below, plain text. Everything about the idea and the other party
 * comes from `text` — the inbox's own wording, made with the recipient as the caller (BoardService.noticeText) — so
 * the e-mail says no more than the inbox shows that recipient (an anonymised idea stays anonymised). `ideaId` is
 * null when the recipient may not see the idea (any more): then only the inbox is linked.
 */
export function noticeMail(input: { recipientName: string; text: NoticeText; ideaId: string | null; baseUrl: string }): NoticeMailContent {
  const { text, ideaId, baseUrl } = input;
  const name = oneLine(input.recipientName);
  const de = oneLine(text.textDe);
  const subject = `Kooperationsbörse: ${de}`;
  const link = (path: string, lang: 'de' | 'en') => `${baseUrl}${path}${lang === 'en' ? '?lang=en' : ''}`;
  const lines = [
    name ? `Guten Tag ${name},` : 'Guten Tag,',
    '',
    text.textDe,
    '',
    ...(ideaId ? [`Zum Vorhaben: ${link(ideaPath(ideaId), 'de')}`] : []),
    `Alle Mitteilungen: ${link(INBOX_PATH, 'de')}`,
    '',
    'Diese Nachricht hat der Kooperationsatlas NRW automatisch gesendet, weil für Ihr Konto eine neue Mitteilung in der',
    'Kooperationsbörse eingegangen ist. Bitte antworten Sie nicht auf diese E-Mail.',
    '',
    '-- English --',
    '',
    name ? `Hello ${name},` : 'Hello,',
    '',
    text.textEn,
    '',
    ...(ideaId ? [`Open the idea: ${link(ideaPath(ideaId), 'en')}`] : []),
    `All notices: ${link(INBOX_PATH, 'en')}`,
    '',
    'The Kooperationsatlas NRW sent this message automatically because a new notice arrived for your account on the',
    'cooperation board. Please do not reply to this e-mail.',
    '',
  ];
  return {
    subject: subject.length <= SUBJECT_MAX ? subject : `${subject.slice(0, SUBJECT_MAX - 1)}…`,
    text: lines.join('\n'),
  };
}
