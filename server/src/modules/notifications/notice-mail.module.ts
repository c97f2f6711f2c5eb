import type { Database } from '../../db/database';
import type { Logger } from '../../edge/logger';
import type { BoardService } from '../board/board.service';
import type { MunicipalityRepository } from '../municipalities/municipality.repository';
import type { MailOptions } from './mail.options';
import { smtpTransport, type MailTransport } from './mail.transport';
import { NoticeMailRepository } from './notice-mail.repository';
import { NoticeMailer } from './notice-mailer';

/** The outbox with its SMTP transport, built by the composition root (app.ts) when SMTP is configured. */
export function createNoticeMailer(
  db: Database,
  services: { board: BoardService; municipalities: MunicipalityRepository },
  options: MailOptions,
  logger: Logger,
  transport: MailTransport = smtpTransport(options),
): NoticeMailer {
  return new NoticeMailer({
    repository: new NoticeMailRepository(db),
    board: services.board,
    municipalities: services.municipalities,
    transport,
    options,
    logger: logger.child({ component: 'notice-mail' }),
  });
}

/** Host and port of the mail server, for the start-up line: never the credentials an SMTP URL may carry. */
export function smtpServerName(options: MailOptions): string {
  const url = new URL(options.smtpUrl);
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
}
