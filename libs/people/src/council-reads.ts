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

interface Addressee {
  id: string;
  emailPreference: EmailPreference;
  disabled: boolean;
}

/**
 * A person as the reminders address them, with their line manager (null without one), and for
 * a partner user their organisation's lead and the council's lead for it.
 */
export interface PersonToRemind {
  emailPreference: EmailPreference;
  disabled: boolean;
  lineManager: Addressee | null;
  partner: { lead: Addressee | null; councilLead: Addressee | null } | null;
}

const addressee = (
  id: string | null,
  emailPreference: EmailPreference | null,
  disabled: boolean | null,
): Addressee | null =>
  id === null
    ? null
    : { id, emailPreference: emailPreference ?? 'every', disabled: disabled ?? false };

const peopleWithManagers = rowsById<{
  id: string;
  emailPreference: EmailPreference;
  disabled: boolean;
  managerId: string | null;
  managerPreference: EmailPreference | null;
  managerDisabled: boolean | null;
  isPartner: boolean;
  leadId: string | null;
  leadPreference: EmailPreference | null;
  leadDisabled: boolean | null;
  councilLeadId: string | null;
  councilLeadPreference: EmailPreference | null;
  councilLeadDisabled: boolean | null;
}>(
  `SELECT o.id, o.email_preference AS "emailPreference", (o.disabled_at IS NOT NULL) AS disabled,
          m.id AS "managerId", m.email_preference AS "managerPreference",
          (m.disabled_at IS NOT NULL) AS "managerDisabled",
          (o.organisation_id IS NOT NULL) AS "isPartner",
          l.id AS "leadId", l.email_preference AS "leadPreference",
          (l.disabled_at IS NOT NULL) AS "leadDisabled",
          c.id AS "councilLeadId", c.email_preference AS "councilLeadPreference",
          (c.disabled_at IS NOT NULL) AS "councilLeadDisabled"
     FROM users o LEFT JOIN users m ON m.id = o.line_manager_id
     LEFT JOIN organisations og ON og.id = o.organisation_id
     LEFT JOIN users l ON l.id = og.lead_id
     LEFT JOIN users c ON c.id = og.council_lead_id
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
        lineManager: addressee(row.managerId, row.managerPreference, row.managerDisabled),
        partner: row.isPartner
          ? {
              lead: addressee(row.leadId, row.leadPreference, row.leadDisabled),
              councilLead: addressee(
                row.councilLeadId,
                row.councilLeadPreference,
                row.councilLeadDisabled,
              ),
            }
          : null,
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
