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
