// The local mail sink (deploy/local/mail-sink) as developers and the tests use it: SMTP in,
// Mailpit-like JSON out.
import nodemailer from 'nodemailer';
import { startMailSink, type MailSink } from '../../../deploy/local/mail-sink/mail-sink';

let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink({ smtpPort: 0, httpPort: 0, maxMessages: 2 });
});
afterAll(async () => {
  await sink?.close();
});

const json = async (path: string, init?: RequestInit) => {
  const res = await fetch(sink.apiUrl + path, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('mail sink', () => {
  it('accepts mail over SMTP and lists it newest first, keeping only the configured number', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false, ignoreTLS: true });
    for (const n of [1, 2, 3]) {
      await transport.sendMail({ from: 'a@hangviet.local', to: 'Bạn <b@example.vn>', subject: `Thư ${n}`, text: `Nội dung ${n}`, html: `<p>${n}</p>` });
    }
    transport.close();

    const list = await json('/api/v1/messages');
    expect(list.body).toMatchObject({ total: 2, count: 2, start: 0 });
    const messages = list.body.messages as { ID: string; Subject: string; To: { Name: string; Address: string }[] }[];
    expect(messages.map((m) => m.Subject)).toEqual(['Thư 3', 'Thư 2']);
    expect(messages[0]!.To).toEqual([{ Name: 'Bạn', Address: 'b@example.vn' }]);

    const one = await json(`/api/v1/message/${messages[1]!.ID}`);
    expect(one.body).toMatchObject({ Subject: 'Thư 2', Text: 'Nội dung 2', HTML: '<p>2</p>', From: { Address: 'a@hangviet.local' } });
    expect(Object.keys(one.body.Headers as object)).toEqual(expect.arrayContaining(['From', 'To', 'Subject', 'Message-ID']));
    expect((await json('/api/v1/message/unknown')).status).toBe(404);
  });

  it('answers readiness and deletes everything on request', async () => {
    expect((await json('/readyz')).body).toEqual({ status: 'ok' });
    expect((await json('/api/v1/messages', { method: 'DELETE' })).status).toBe(200);
    expect((await json('/api/v1/messages')).body).toMatchObject({ total: 0, messages: [] });
  });
});
