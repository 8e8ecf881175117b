/**
 * Said by ActionsService after a change to an action has committed. Whoever must react (the
 * reminders, for an assignment email that should not wait for the next sweep) listens for it,
 * so no controller needs to know who that is.
 */
export class ActionChanged {
  static readonly event = 'action.changed';

  constructor(
    readonly councilId: string,
    readonly actionId: string,
  ) {}
}
