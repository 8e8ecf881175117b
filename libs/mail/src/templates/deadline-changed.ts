import type { MailDocument } from './compose';
import { formatLongDate, oneLine } from './format';
import { actionSubject } from './subject';
import type { MailMessageInput, RenderContext } from './types';

type DeadlineChangedInput = Extract<MailMessageInput, { kind: 'deadline_changed' }>;

/** To the owner when someone else moved their deadline: who, from when to when, and why. */
export function deadlineChangedMail(input: DeadlineChangedInput, ctx: RenderContext): MailDocument {
  const { item } = input;
  return {
    subject: actionSubject('Deadline changed', item),
    heading: 'Deadline changed',
    recipientName: input.recipientName,
    intro: [
      `${oneLine(input.changedByName)} has changed the deadline of this action from ${formatLongDate(input.fromDueOn)} to ${formatLongDate(item.dueOn)}.`,
      `The reason given: “${oneLine(input.reason)}”`,
      'Reminders now follow the new deadline. If it is not realistic, talk to your manager.',
    ],
    sections: [{ items: [item] }],
    showOwner: false,
    reason: `You are getting this email because you own this action in followthrough for ${ctx.councilName}.`,
  };
}
