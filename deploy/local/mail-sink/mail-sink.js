'use strict';
// A local mail sink for development and tests: accepts any mail over SMTP and shows it through a
// small Mailpit-like JSON API. Mailpit itself does not install from the Go module proxy here, so
// this keeps the same endpoints for the parts we use. Never expose it beyond loopback.
const { createServer } = require('node:http');
const { appendFile } = require('node:fs/promises');
const { randomUUID } = require('node:crypto');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

/** @param {import('mailparser').AddressObject | import('mailparser').AddressObject[] | undefined} field */
function addresses(field) {
  if (!field) return [];
  const list = Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => ({ Name: v.name || '', Address: v.address || '' })));
}

/**
 * @param {import('./mail-sink').MailSinkOptions} [options]
 * @returns {Promise<import('./mail-sink').MailSink>}
 */
async function startMailSink(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const maxMessages = options.maxMessages ?? 1000;
  const maxMessageBytes = options.maxMessageBytes ?? 10 * 1024 * 1024;
  const log = options.log ?? (() => {});
  /** @type {import('./mail-sink').StoredMessage[]} newest first */
  let messages = [];

  const smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: a dev sink has no certificate to offer.
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: maxMessageBytes,
    banner: 'hangviet mail sink',
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      let size = 0;
      stream.on('data', (chunk) => {
        size += chunk.length;
        if (size <= maxMessageBytes) chunks.push(chunk);
      });
      stream.on('error', callback);
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxMessageBytes) {
          const err = /** @type {Error & {responseCode?: number}} */ (new Error('Message exceeds the size limit'));
          err.responseCode = 552;
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then(async (parsed) => {
            /** @type {Record<string, string[]>} */
            const headers = {};
            for (const { line } of parsed.headerLines) {
              // The name as written in the message (Mailpit shows it so), not mailparser's lower-cased key.
              const colon = line.indexOf(':');
              const name = line.slice(0, colon).trim();
              (headers[name] ??= []).push(line.slice(colon + 1).trim());
            }
            /** @type {import('./mail-sink').StoredMessage} */
            const message = {
              ID: randomUUID(),
              MessageID: parsed.messageId ?? '',
              From: addresses(parsed.from)[0] ?? { Name: '', Address: session.envelope.mailFrom ? session.envelope.mailFrom.address : '' },
              To: addresses(parsed.to),
              Cc: addresses(parsed.cc),
              Subject: parsed.subject ?? '',
              Created: new Date().toISOString(),
              Size: raw.length,
              Text: parsed.text ?? '',
              HTML: typeof parsed.html === 'string' ? parsed.html : '',
              Headers: headers,
              Envelope: {
                From: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                To: session.envelope.rcptTo.map((r) => r.address),
              },
            };
            messages.unshift(message);
            if (messages.length > maxMessages) messages.length = maxMessages;
            if (options.file) await appendFile(options.file, JSON.stringify(message) + '\n');
            log(`mail ${message.ID} from ${message.Envelope.From} to ${message.Envelope.To.join(', ')}: ${message.Subject}`);
            callback();
          })
          .catch((err) => callback(err));
      });
    },
  });

  /** @param {import('./mail-sink').StoredMessage} m */
  const summary = (m) => ({
    ID: m.ID,
    MessageID: m.MessageID,
    From: m.From,
    To: m.To,
    Cc: m.Cc,
    Subject: m.Subject,
    Created: m.Created,
    Size: m.Size,
    Snippet: m.Text.slice(0, 250),
  });

  const http = createServer((req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://sink');
    const path = url.pathname;
    if (req.method === 'GET' && (path === '/readyz' || path === '/livez' || path === '/healthz')) {
      send(200, { status: 'ok' });
    } else if (req.method === 'GET' && path === '/api/v1/messages') {
      const start = Math.max(0, Number(url.searchParams.get('start') ?? 0) || 0);
      const limit = Math.max(1, Math.min(1000, Number(url.searchParams.get('limit') ?? 50) || 50));
      send(200, {
        total: messages.length,
        count: Math.min(limit, Math.max(0, messages.length - start)),
        start,
        messages: messages.slice(start, start + limit).map(summary),
      });
    } else if (req.method === 'DELETE' && path === '/api/v1/messages') {
      messages = [];
      send(200, { deleted: true });
    } else if (req.method === 'GET' && path.startsWith('/api/v1/message/')) {
      const id = decodeURIComponent(path.slice('/api/v1/message/'.length));
      const found = id === 'latest' ? messages[0] : messages.find((m) => m.ID === id);
      if (found) send(200, found);
      else send(404, { error: 'message not found' });
    } else {
      send(404, { error: 'not found' });
    }
  });

  await new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 1025, host, () => resolve(undefined));
  });
  // smtp-server emits 'error' for connection-level problems after start; a sink keeps running.
  smtp.on('error', (err) => log(`smtp error: ${err.message}`));
  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.httpPort ?? 8025, host, () => resolve(undefined));
  });

  const smtpAddress = /** @type {import('node:net').AddressInfo} */ (smtp.server.address());
  const httpAddress = /** @type {import('node:net').AddressInfo} */ (http.address());
  return {
    host,
    smtpPort: smtpAddress.port,
    httpPort: httpAddress.port,
    apiUrl: `http://${host}:${httpAddress.port}`,
    messages: () => messages.slice(),
    close: () =>
      Promise.all([
        new Promise((resolve) => smtp.close(() => resolve(undefined))),
        new Promise((resolve) => {
          http.close(() => resolve(undefined));
          http.closeAllConnections();
        }),
      ]).then(() => undefined),
  };
}

module.exports = { startMailSink };
