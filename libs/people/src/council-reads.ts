import { rowsById } from '@app/database';
import type { EntityManager } from 'typeorm';
import type { EmailPreference, NotificationSettings } from './notification-settings';

/**
 * What other domains (the reminders) read of councils and their people, inside their own
 * transaction: the owning library says how its tables answer.
 */

/** Councils' reminder settings: those of `ids`, or of every council (in id order) without. */
export function councilSettingsOf(
  em: Pick<EntityManager, 'query'>,
  ids?: readonly string[],
): Promise<Array<{ id: string; settings: NotificationSettings }>> {
  return ids
    ? em.query(`SELECT id, notification_settings AS settings FROM councils WHERE id = ANY($1)`, [
        [...ids],
      ])
    : em.query(`SELECT id, notification_settings AS settings FROM councils ORDER BY id`);
}

/** The councils' admins who can still sign in, longest-serving first. */
export function activeAdminsOf(
  em: Pick<EntityManager, 'query'>,
  councilIds: readonly string[],
): Promise<Array<{ id: string; councilId: string; emailPreference: EmailPreference }>> {
  return em.query(
    `SELECT id, council_id AS "councilId", email_preference AS "emailPreference"
       FROM users
      WHERE council_id = ANY($1) AND role = 'admin' AND disabled_at IS NULL
      ORDER BY created_at, id`,
    [[...councilIds]],
  );
}

/** A person as the reminders address them, with their line manager (null without one). */
export interface PersonToRemind {
  emailPreference: EmailPreference;
  disabled: boolean;
  lineManager: { id: string; emailPreference: EmailPreference; disabled: boolean } | null;
}

const peopleWithManagers = rowsById<{
  id: string;
  emailPreference: EmailPreference;
  disabled: boolean;
  managerId: string | null;
  managerPreference: EmailPreference | null;
  managerDisabled: boolean | null;
}>(
  `SELECT o.id, o.email_preference AS "emailPreference", (o.disabled_at IS NOT NULL) AS disabled,
          m.id AS "managerId", m.email_preference AS "managerPreference",
          (m.disabled_at IS NOT NULL) AS "managerDisabled"
     FROM users o LEFT JOIN users m ON m.id = o.line_manager_id
    WHERE o.id = ANY($1)`,
);

/** The people `ids` and their line managers, by id. */
export async function peopleToRemindOf(
  em: Pick<EntityManager, 'query'>,
  ids: readonly string[],
): Promise<Map<string, PersonToRemind>> {
  const rows = await peopleWithManagers(em, ids);
  return new Map(
    [...rows].map(([id, row]) => [
      id,
      {
        emailPreference: row.emailPreference,
        disabled: row.disabled,
        lineManager:
          row.managerId === null
            ? null
            : {
                id: row.managerId,
                emailPreference: row.managerPreference ?? 'every',
                disabled: row.managerDisabled ?? false,
              },
      },
    ]),
  );
}

/**
 * The SELECT of a council's weekly digest readers (`council` a SQL expression or placeholder):
 * its enabled managers and admins, and anyone who chose the digest instead of single emails.
 */
export const digestReadersSql = (council: string): string =>
  `SELECT u.id FROM users u
    WHERE u.council_id = ${council} AND u.disabled_at IS NULL
      AND (u.role IN ('manager', 'admin') OR u.email_preference = 'digest')`;
