/** Every BullMQ queue. Producers live in this lib; processors only in apps/worker. */
export enum QueueName {
  System = 'system',
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
