/**
 * The reminders benchmark's SMTP sink, run as a child process (fork) so that receiving and
 * parsing 10,000 messages does not share an event loop with the worker being measured. It is
 * the same MailSink the tests and the dev mail viewer use.
 *
 * IPC: sends `{ port }` once listening; answers `'stats'` with `{ received, cpuMs }` (received:
 * messages answered 250, counted from the sink's sequential ids); exits on `'stop'` or when the
 * parent goes away.
 */
import './register-paths';
import { MailSink } from '@app/mail';

export interface SinkStats {
  received: number;
  cpuMs: number;
}

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('reminders-sink must be started with fork() (it talks over IPC)');
  // Only the newest few are kept: the count comes from the ids, not from the list.
  const sink = new MailSink({ maxMessages: 20 });
  const { port } = await sink.start(0);
  const stop = async (): Promise<void> => {
    await sink.stop();
    process.exit(0);
  };
  process.on('message', (message: unknown) => {
    if (message === 'stats') {
      const last = sink.messages().at(-1);
      const cpu = process.cpuUsage();
      const stats: SinkStats = {
        received: last ? Number(last.id) : 0,
        cpuMs: (cpu.user + cpu.system) / 1000,
      };
      send({ stats });
    } else if (message === 'stop') {
      void stop();
    }
  });
  process.on('disconnect', () => void stop());
  send({ port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
