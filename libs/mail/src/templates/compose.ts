import { escapeHtml } from './escape-html';
import { daysPhrase, formatLongDate, humaniseStatus, oneLine, shorten } from './format';
import { headerSafe } from './header-safe';
import type { ActionMailItem, MailRag, RenderContext, RenderedMail } from './types';

/** Recommendations can run to pages; the email quotes the start and links to the rest. */
const RECOMMENDATION_MAX_CHARS = 400;

export interface MailSection {
  /** e.g. "Overdue (3)". Without one, the items follow the introduction directly. */
  heading?: string;
  items: ActionMailItem[];
  /** Shown instead of the list when there are no items. */
  empty?: string;
}

/**
 * What one email says, as plain text. Each kind of email builds one of these; composeMail turns it
 * into the subject, text and HTML parts, so the two parts cannot drift apart and every piece of
 * user text is escaped in one place.
 */
export interface MailDocument {
  subject: string;
  /** Top heading of the HTML part, e.g. "Due in 7 days". */
  heading: string;
  recipientName: string;
  /** Paragraphs after the greeting. */
  intro: string[];
  sections: MailSection[];
  /** Escalations go to someone other than the owner, so they name the owner. */
  showOwner: boolean;
  /** Why the recipient got this email, one sentence. */
  reason: string;
  /** A page that shows more than the email can, after the actions (path under APP_URL). */
  more?: { text: string; path: string };
}

interface ItemField {
  label: string;
  value: string;
}

/** An item as label/value pairs, in the order both parts show them. */
function itemFields(item: ActionMailItem, showOwner: boolean): ItemField[] {
  const fields: ItemField[] = [
    { label: 'Inspection', value: oneLine(item.inspectionTitle) },
    {
      label: 'Recommendation',
      value: `“${shorten(oneLine(item.recommendation), RECOMMENDATION_MAX_CHARS)}”`,
    },
    {
      label: 'Due',
      value: `${formatLongDate(item.dueOn)} (${daysPhrase(item.daysLeft)})`,
    },
  ];
  if (showOwner) {
    fields.push({ label: 'Owner', value: item.ownerName ? oneLine(item.ownerName) : 'No owner' });
  }
  fields.push({ label: 'Status', value: humaniseStatus(item.status) });
  if (item.rag) fields.push({ label: 'RAG', value: ragWords(item.rag) });
  fields.push({
    label: 'Success measure',
    value: item.successMeasure?.trim() ? oneLine(item.successMeasure) : 'Not set yet',
  });
  return fields;
}

const RAG_WORDS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

/** "Amber: Visits in time: Behind the line…", or a manager's "Amber, set by a manager: …". */
function ragWords({ rag, reason, override }: MailRag): string {
  if (!override) return `${RAG_WORDS[rag]}: ${oneLine(reason)}`;
  const computed = override.computed ? RAG_WORDS[override.computed] : 'not rated';
  return `${RAG_WORDS[rag]}, set by a manager: ${oneLine(override.reason)} (worked out from the deadline and measures: ${computed})`;
}

function itemTitle(item: ActionMailItem): string {
  return `${oneLine(item.reference)}: ${oneLine(item.title)}`;
}

export function actionUrl(ctx: RenderContext, item: ActionMailItem): string {
  return `${ctx.appUrl}/actions/${encodeURIComponent(item.actionId)}`;
}

function preferencesUrl(ctx: RenderContext): string {
  return ctx.preferencesUrl ?? `${ctx.appUrl}/settings`;
}

const PREFERENCE_HINT = 'You can choose to get every reminder or a weekly summary only';

function renderText(doc: MailDocument, ctx: RenderContext): string {
  const lines: string[] = [`Hello ${oneLine(doc.recipientName)},`, ''];
  for (const paragraph of doc.intro) lines.push(paragraph, '');
  for (const section of doc.sections) {
    if (section.heading) lines.push(section.heading, '-'.repeat(section.heading.length), '');
    if (section.items.length === 0 && section.empty) lines.push(section.empty, '');
    for (const item of section.items) {
      lines.push(itemTitle(item));
      for (const field of itemFields(item, doc.showOwner)) {
        lines.push(`${field.label}: ${field.value}`);
      }
      lines.push(`Open the action: ${actionUrl(ctx, item)}`, '');
    }
  }
  if (doc.more) lines.push(`${doc.more.text}: ${ctx.appUrl}${doc.more.path}`, '');
  // "-- " is the conventional signature separator: clients grey out or fold what follows.
  lines.push('-- ', doc.reason, `${PREFERENCE_HINT}: ${preferencesUrl(ctx)}`, '');
  return lines.join('\n');
}

const STYLE = {
  body: 'margin:0;padding:24px;background:#ffffff;color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;',
  h1: 'font-size:24px;line-height:1.25;margin:0 0 16px;',
  h2: 'font-size:20px;line-height:1.3;margin:32px 0 8px;',
  h3: 'font-size:18px;line-height:1.3;margin:24px 0 8px;',
  p: 'margin:0 0 12px;',
  quote: 'margin:0 0 12px;padding:0 0 0 12px;border-left:4px solid #b1b4b6;',
  link: 'color:#1d70b8;',
  footer:
    'margin-top:32px;padding-top:16px;border-top:1px solid #b1b4b6;color:#505a5f;font-size:14px;',
};

function renderItemHtml(
  item: ActionMailItem,
  ctx: RenderContext,
  showOwner: boolean,
  level: 'h2' | 'h3',
): string {
  const parts = [`<${level} style="${STYLE[level]}">${escapeHtml(itemTitle(item))}</${level}>`];
  for (const field of itemFields(item, showOwner)) {
    if (field.label === 'Recommendation') {
      parts.push(
        `<p style="${STYLE.p}"><strong>Recommendation:</strong></p>`,
        `<blockquote style="${STYLE.quote}">${escapeHtml(field.value)}</blockquote>`,
      );
    } else {
      parts.push(
        `<p style="${STYLE.p}"><strong>${escapeHtml(field.label)}:</strong> ${escapeHtml(field.value)}</p>`,
      );
    }
  }
  parts.push(
    `<p style="${STYLE.p}"><a style="${STYLE.link}" href="${escapeHtml(actionUrl(ctx, item))}">` +
      `Open ${escapeHtml(oneLine(item.reference))} in followthrough</a></p>`,
  );
  return parts.join('\n');
}

function renderHtml(doc: MailDocument, ctx: RenderContext): string {
  const body: string[] = [
    `<h1 style="${STYLE.h1}">${escapeHtml(doc.heading)}</h1>`,
    `<p style="${STYLE.p}">Hello ${escapeHtml(oneLine(doc.recipientName))},</p>`,
    ...doc.intro.map((paragraph) => `<p style="${STYLE.p}">${escapeHtml(paragraph)}</p>`),
  ];
  for (const section of doc.sections) {
    if (section.heading) body.push(`<h2 style="${STYLE.h2}">${escapeHtml(section.heading)}</h2>`);
    if (section.items.length === 0 && section.empty) {
      body.push(`<p style="${STYLE.p}">${escapeHtml(section.empty)}</p>`);
    }
    const level = section.heading ? 'h3' : 'h2';
    for (const item of section.items) body.push(renderItemHtml(item, ctx, doc.showOwner, level));
  }
  if (doc.more) {
    body.push(
      `<p style="${STYLE.p}"><a style="${STYLE.link}" href="${escapeHtml(ctx.appUrl + doc.more.path)}">${escapeHtml(doc.more.text)}</a></p>`,
    );
  }
  body.push(
    `<div style="${STYLE.footer}">`,
    `<p style="${STYLE.p}">${escapeHtml(doc.reason)}</p>`,
    `<p style="${STYLE.p}">${PREFERENCE_HINT} in <a style="${STYLE.link}" href="${escapeHtml(preferencesUrl(ctx))}">your email settings</a>.</p>`,
    '</div>',
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.subject)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    '<div style="max-width:640px;">',
    ...body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function composeMail(doc: MailDocument, ctx: RenderContext): RenderedMail {
  const subject = headerSafe(doc.subject);
  return {
    subject,
    text: renderText(doc, ctx),
    html: renderHtml({ ...doc, subject }, ctx),
  };
}
