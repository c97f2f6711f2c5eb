import nodemailer from 'nodemailer';
import type { MailOptions } from './mail.options';

/** One plain-text e-mail; the outbox sends one per notice. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** A stable Message-ID, so a receiving server can drop a copy re-sent after a server died mid-send. */
  messageId: string;
}

/** What the outbox needs of a mail server; tests of the loop can hand in their own. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * SMTP through nodemailer: one connection per message (a handful of notices a minute needs no pool, and a failed
 * connection is then one failed message, retried by the outbox, not a pool in an unknown state).
 */
export function smtpTransport(options: MailOptions): MailTransport {
  const transporter = nodemailer.createTransport({
    // smtp:// or smtps://, with or without credentials; values of the URL take precedence over the ones below.
    url: options.smtpUrl,
    ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
    requireTLS: options.requireTls,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return { messageId: info.messageId };
    },
    close() {
      transporter.close();
    },
  };
}
