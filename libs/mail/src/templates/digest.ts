import type { MailDocument } from './compose';
import { plural } from './format';
import type { MailMessageInput, RenderContext } from './types';

type DigestInput = Extract<MailMessageInput, { kind: 'digest' }>;

/** The weekly summary for people who chose it over every reminder. */
export function digestMail(input: DigestInput, ctx: RenderContext): MailDocument {
  const window = `in the next ${plural(input.windowDays, 'day')}`;
  return {
    subject: `Weekly summary: ${input.overdue.length} overdue, ${input.dueSoon.length} due ${window}`,
    heading: 'Your weekly summary',
    recipientName: input.recipientName,
    intro: [
      'This is your weekly summary of the actions you own.',
      'Update the status of anything that is done. If a deadline is no longer realistic, ask your manager to change it.',
    ],
    sections: [
      {
        heading: `Overdue (${input.overdue.length})`,
        items: input.overdue,
        empty: 'None of your actions are overdue.',
      },
      {
        heading: `Due ${window} (${input.dueSoon.length})`,
        items: input.dueSoon,
        empty: `None of your actions are due ${window}.`,
      },
    ],
    showOwner: false,
    reason: `You are getting this email because you own actions in followthrough for ${ctx.councilName} and chose a weekly summary.`,
  };
}
