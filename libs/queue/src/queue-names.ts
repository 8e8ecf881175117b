/** Every BullMQ queue. Producers live in libs; processors only in apps/worker. */
export enum QueueName {
  System = 'system',
  /** Sending emails: one job per batch of pending notifications. */
  Mail = 'mail',
  /** Looking at one action now (after the API changed it), between sweeps. */
  Reminders = 'reminders',
}

/** Job names on the `system` queue. */
export enum SystemJob {
  Ping = 'ping',
}

export type PingJobData = Record<string, never>;
export interface PingJobResult {
  pong: true;
}

export type SystemJobData = PingJobData;
export type SystemJobResult = PingJobResult;

export enum MailJob {
  Deliver = 'deliver',
}
/** Only the key: the notifications table holds what to send, so Redis holds no personal data. */
export interface DeliverJobData {
  batchKey: string;
}

export enum RemindersJob {
  CheckAction = 'check-action',
}
export interface CheckActionJobData {
  actionId: string;
}
