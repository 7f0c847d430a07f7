// npm run dlq -- list --topic <topic>      prints each dead letter: partition/offset, ce_id, ce_type, error
// npm run dlq -- replay --topic <topic>    re-publishes the letters not yet replayed to their original topic
// The topic may be given with or without its `.dlq` suffix. Reads KAFKA_BROKERS (default 127.0.0.1:9092).
import { parseArgs } from 'node:util';
import { createKafka } from '../producer';
import { listDeadLetters, replayDeadLetters, DEFAULT_REPLAYER_GROUP } from '../dlq';

const usage = 'usage: dlq list --topic <topic> | dlq replay --topic <topic> [--group <replayer group>]';

export async function main(
  argv: string[],
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { topic: { type: 'string' }, group: { type: 'string' } },
    });
  } catch (error) {
    out(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [command] = parsed.positionals;
  const topic = parsed.values.topic;
  if ((command !== 'list' && command !== 'replay') || !topic || parsed.positionals.length !== 1) {
    out(usage);
    return 2;
  }
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const kafka = createKafka({ clientId: 'hangviet-dlq', brokers });
  if (command === 'list') {
    const letters = await listDeadLetters(kafka, topic);
    for (const l of letters) {
      out(
        `${l.partition}/${l.offset}\t${l.ceId ?? '-'}\t${l.ceType ?? '-'}\t${(l.error ?? '-').replace(/\s+/g, ' ')}`,
      );
    }
    out(`${letters.length} dead letter(s)`);
    return 0;
  }
  const { replayed } = await replayDeadLetters(kafka, topic, {
    groupId: parsed.values.group ?? DEFAULT_REPLAYER_GROUP,
    onReplayed: (l) =>
      out(`replayed ${l.partition}/${l.offset}\t${l.ceId ?? '-'} → ${l.originalTopic ?? '-'}`),
  });
  out(`${replayed} letter(s) replayed`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`dlq: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
