/**
 * `promise`, or a rejection with `message` after `ms`. For calls that would otherwise wait
 * forever (BullMQ and ioredis queue commands while Redis is away). The timer is always cleared.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
