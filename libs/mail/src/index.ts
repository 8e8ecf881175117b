export {
  type CaughtMail,
  type HeldMail,
  type HoldOutcome,
  MailSink,
  type MailSinkOptions,
} from './mail-sink';
export { Mailer, type OutgoingMail, type SentMail } from './mailer';
export { MailModule } from './mail.module';
export { escapeHtml } from './templates/escape-html';
export { daysPhrase, deadlineHeadline, formatLongDate, plural, shorten } from './templates/format';
export { headerSafe } from './templates/header-safe';
export { renderMail } from './templates/render-mail';
export type {
  ActionMailItem,
  MailKind,
  MailRag,
  MailMessageInput,
  RenderContext,
  RenderedMail,
} from './templates/types';
