import type { ActionPage, ActionView } from '@app/actions';
import type { PageLocals } from './pipeline/page';
import { daysLabel, longDate, statusTag } from './view-models';

/** An action is "due soon" within this many days. */
const DUE_SOON_DAYS = 14;

function row(action: ActionView) {
  return {
    id: action.id,
    reference: action.reference,
    title: action.title,
    dueLabel: longDate(action.dueOn),
    daysLabel: daysLabel(action.daysLeft),
    status: statusTag(action.status),
  };
}

/**
 * My actions: the signed-in person's live actions (a partner's: theirs and their organisation's),
 * overdue, due soon and later.
 */
export function myActionsPage({ items, total }: ActionPage, partner = false): PageLocals {
  const soon = (action: ActionView) => action.daysLeft !== null && action.daysLeft <= DUE_SOON_DAYS;
  return {
    title: 'My actions',
    section: 'my-actions',
    lead: partner ? 'Actions you own and those your organisation is responsible for.' : null,
    overdue: items.filter((action) => action.overdue).map(row),
    dueSoon: items.filter((action) => !action.overdue && soon(action)).map(row),
    later: items.filter((action) => !action.overdue && !soon(action)).map(row),
    // The nearest deadlines first; more than this is a workload question for a manager.
    hidden: Math.max(0, total - items.length),
  };
}
