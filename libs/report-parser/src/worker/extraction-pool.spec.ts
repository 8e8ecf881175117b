import { buildManyPagePdf } from '../../../../test/support/large-pdf';
import { ExtractionBusyError } from '../errors';
import { ExtractionPool } from './extraction-pool';

// Each new thread loads the parser through ts-node first: seconds on a busy machine.
jest.setTimeout(60_000);

const text = (item: string) => `Areas for improvement\n\n- ${item}\n`;

/** Sends each [key, name, input] at once, in order; resolves with the names as they finish. */
async function finishingOrder(
  pool: ExtractionPool,
  requests: Array<[string, string, Uint8Array | string]>,
): Promise<string[]> {
  const order: string[] = [];
  await Promise.all(
    requests.map(([key, name, input]) => pool.extract(input, { key }).then(() => order.push(name))),
  );
  return order;
}

describe('ExtractionPool', () => {
  it("reads another key's request while one key's long reports wait their turn", async () => {
    const pool = new ExtractionPool({ threads: 2 });
    try {
      // Both threads started and warm, so only the work below decides the order.
      await Promise.all([
        pool.extract(text('x'), { key: 'x' }),
        pool.extract(text('y'), { key: 'y' }),
      ]);
      const long = await buildManyPagePdf(300);
      expect(
        await finishingOrder(pool, [
          ['a', 'a1', long],
          ['a', 'a2', text('a2')],
          ['b', 'b1', text('b1')],
        ]),
      ).toEqual(['b1', 'a1', 'a2']);
    } finally {
      await pool.close();
    }
  });

  it("gives every waiting key a turn before a key's next request", async () => {
    const pool = new ExtractionPool({ threads: 1 });
    try {
      expect(
        await finishingOrder(pool, [
          ['a', 'a1', text('a1')],
          ['a', 'a2', text('a2')],
          ['a', 'a3', text('a3')],
          ['b', 'b1', text('b1')],
          ['c', 'c1', text('c1')],
          ['b', 'b2', text('b2')],
        ]),
      ).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
    } finally {
      await pool.close();
    }
  });

  it("refuses a key's request beyond its waiting bound, and not another key's", async () => {
    const pool = new ExtractionPool({ threads: 1, maxWaitingPerKey: 1 });
    try {
      const running = pool.extract(text('a1'), { key: 'a' });
      const waiting = pool.extract(text('a2'), { key: 'a' });
      const refused = await pool.extract(text('a3'), { key: 'a' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ExtractionBusyError);
      expect(refused).toMatchObject({
        message:
          '1 report is already waiting to be read for you, the most allowed; try again in a minute.',
      });
      const other = pool.extract(text('b1'), { key: 'b' });
      const results = await Promise.all([running, waiting, other]);
      expect(results.map((r) => r.recommendations[0]?.text)).toEqual(['a1', 'a2', 'b1']);
    } finally {
      await pool.close();
    }
  });

  it('fails waiting requests when closed', async () => {
    const pool = new ExtractionPool({ threads: 1 });
    const running = pool.extract(text('a1'), { key: 'a' }).catch((e: unknown) => e);
    const waiting = pool.extract(text('b1'), { key: 'b' }).catch((e: unknown) => e);
    await pool.close();
    expect(await running).toMatchObject({ message: 'The extraction worker was closed' });
    expect(await waiting).toMatchObject({ message: 'The extraction pool was closed' });
  });
});
